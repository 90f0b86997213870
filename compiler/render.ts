/**
 * Rendering diagnostics for people (`file:line:col: error[SLA012]: message`, the source line,
 * a caret underline, the help) and for machines (JSON). The only text renderer.
 */
import { lineCol, lineText, type SourceFile } from "../grammar/source.js";
import type { Diagnostic } from "./diagnostic.js";

export interface RenderOptions {
  readonly color: boolean;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function excerpt(file: SourceFile, start: number, end: number, color: boolean, severity: Diagnostic["severity"]): string[] {
  const { line, column } = lineCol(file, start);
  const text = lineText(file, line).replace(/\t/g, " ");
  const endOnLine = Math.min(end, (file.lineStarts[line] ?? file.text.length + 1) - 1);
  const width = Math.max(1, Math.min(text.length - column + 1, endOnLine - start) || 1);
  const gutter = String(line).length;
  const bar = paint(color, "34", `${" ".repeat(gutter)} |`);
  return [
    bar,
    `${paint(color, "34", `${line} |`)} ${text}`,
    `${bar} ${" ".repeat(column - 1)}${paint(color, severity === "error" ? "31" : "33", "^".repeat(width))}`,
  ];
}

export function renderText(d: Diagnostic, file: SourceFile, options: RenderOptions = { color: false }): string {
  const { line, column } = lineCol(file, d.span.start);
  const sev = paint(options.color, d.severity === "error" ? "1;31" : "1;33", `${d.severity}[${d.code}]`);
  const out = [`${file.path}:${line}:${column}: ${sev}: ${d.message}`];
  if (file.text.length > 0) out.push(...excerpt(file, d.span.start, d.span.end, options.color, d.severity));
  for (const label of d.labels ?? []) {
    const at = lineCol(file, label.span.start);
    out.push(`  = note: ${label.message} at ${file.path}:${at.line}:${at.column}`);
  }
  if (d.help) out.push(`  = help: ${d.help}`);
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
