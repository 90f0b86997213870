/**
 * Rendering diagnostics for people (`file:line:col: error[SLA012]: message`, the source line,
 * a caret underline, the help) and for machines (JSON). The only text renderer.
 *
 * Text output echoes the user's policy, so two rules keep it safe on a terminal:
 *
 * - its size does not grow with the length of a line: an excerpt shows at most
 *   `MAX_EXCERPT_COLUMNS` around the diagnostic, `…` marking what was cut (a 900 KB one-line
 *   policy with 200 errors once printed 181 MB), and a quoted value in a message is shortened
 *   past `MAX_QUOTED_LENGTH`;
 * - no control character reaches the terminal: each becomes one visible character (see
 *   `printable`), so an escape sequence in a policy cannot recolour, move or retitle anything,
 *   and the caret stays under the text it points at.
 *
 * JSON output is left exact: it is data, and JSON escapes C0 characters itself.
 */
import { clipExcerpt, lineSpan, MAX_QUOTED_HINT_LENGTH, printable, printableMessage } from "../grammar/printable.js";
import { lineCol, type SourceFile } from "../grammar/source.js";
import type { Diagnostic } from "./diagnostic.js";

// The text helpers live at the grammar level so the formatter can use them without the compiler;
// re-exported for the callers that always found them here.
export { clipExcerpt, type ExcerptLine, MAX_EXCERPT_COLUMNS, MAX_QUOTED_HINT_LENGTH, MAX_QUOTED_LENGTH, printable, printableMessage } from "../grammar/printable.js";

export interface RenderOptions {
  readonly color: boolean;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function excerpt(file: SourceFile, start: number, end: number, color: boolean, severity: Diagnostic["severity"]): string[] {
  const { line, column } = lineCol(file, start);
  const span = lineSpan(file, line);
  const endOnLine = Math.min(end, (file.lineStarts[line] ?? file.text.length + 1) - 1);
  const width = Math.max(1, Math.min(span.end - span.start - column + 1, endOnLine - start) || 1);
  const shown = clipExcerpt(file.text, span, start, width);
  const gutter = String(line).length;
  const bar = paint(color, "34", `${" ".repeat(gutter)} |`);
  return [
    bar,
    `${paint(color, "34", `${line} |`)} ${shown.text}`,
    `${bar} ${" ".repeat(shown.caretAt)}${paint(color, severity === "error" ? "31" : "33", "^".repeat(shown.caretWidth))}`,
  ];
}

/** A diagnostic as `sla check` prints it: header line, excerpt, notes and help. */
export function renderText(d: Diagnostic, file: SourceFile, options: RenderOptions = { color: false }): string {
  const { line, column } = lineCol(file, d.span.start);
  const path = printable(file.path);
  const sev = paint(options.color, d.severity === "error" ? "1;31" : "1;33", `${d.severity}[${d.code}]`);
  const out = [`${path}:${line}:${column}: ${sev}: ${printableMessage(d.message)}`];
  if (file.text.length > 0) out.push(...excerpt(file, d.span.start, d.span.end, options.color, d.severity));
  for (const label of d.labels ?? []) {
    const at = lineCol(file, label.span.start);
    out.push(`  = note: ${printableMessage(label.message)} at ${path}:${at.line}:${at.column}`);
  }
  if (d.help) out.push(`  = help: ${printableMessage(d.help, MAX_QUOTED_HINT_LENGTH)}`);
  return out.join("\n");
}

/** The JSON shape of `sla check --format json`: positions 1-based, end exclusive. */
export function renderJson(d: Diagnostic, file: SourceFile): Record<string, unknown> {
  const pos = (o: number) => lineCol(file, o);
  const span = (s: { start: number; end: number }) => ({ start: pos(s.start), end: pos(s.end), offset: s.start, length: s.end - s.start });
  return {
    file: file.path,
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...span(d.span),
    ...(d.help ? { help: d.help } : {}),
    ...(d.labels ? { labels: d.labels.map((l) => ({ message: l.message, ...span(l.span) })) } : {}),
    ...(d.fixes ? { fixes: d.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ newText: e.newText, ...span(e.span) })) })) } : {}),
  };
}
