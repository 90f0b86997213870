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
import { lineCol, type SourceFile, type Span } from "../grammar/source.js";
import type { Diagnostic } from "./diagnostic.js";

export interface RenderOptions {
  readonly color: boolean;
}

/** The widest source excerpt printed, in UTF-16 code units, `…` marks not counted. */
export const MAX_EXCERPT_COLUMNS = 120;
/** When a line is clipped, how much of it is kept before the underlined text. */
const CONTEXT_BEFORE = 40;
/** A backticked value in a message longer than this is shortened to its head, `…` and tail. */
export const MAX_QUOTED_LENGTH = 80;
const QUOTED_HEAD = 50;
const QUOTED_TAIL = 20;
const ELLIPSIS = "…";

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

// C0 but tab, DEL, C1. ESC (U+001B) and CSI (U+009B) start every terminal escape sequence, so
// replacing them disarms the sequence; its remaining characters are plain text.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * `text` with every terminal control character (C0 except tab, DEL, C1) replaced by one
 * visible character: its Unicode control picture (`␛` for ESC, `␡` for DEL) or, for C1, `�`.
 * One character for one, so columns are unchanged.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? "\u2421" : "\ufffd";
  });
}

/** True when `text[i]` is the second half of a surrogate pair (a cut there splits a character). */
function isLowSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `text[from, to)`, both ends moved inward off the middle of a surrogate pair. */
function sliceWhole(text: string, from: number, to: number): string {
  const start = from > 0 && isLowSurrogateAt(text, from) ? from + 1 : from;
  const end = to < text.length && isLowSurrogateAt(text, to) ? to - 1 : to;
  return text.slice(start, Math.max(start, end));
}

/**
 * Message text as printed: quoted values shortened, control characters made visible. The
 * messages quote what the user wrote between backticks (`invalid time zone \`…\``).
 */
export function printableMessage(message: string): string {
  const shortened = message.replace(/`([^`]*)`/g, (whole, inner: string) =>
    inner.length <= MAX_QUOTED_LENGTH
      ? whole
      : `\`${sliceWhole(inner, 0, QUOTED_HEAD)}${ELLIPSIS}${sliceWhole(inner, inner.length - QUOTED_TAIL, inner.length)}\``,
  );
  return printable(shortened);
}

/** One excerpt line as shown: the visible text and where the caret goes under it. */
export interface ExcerptLine {
  readonly text: string;
  /** Columns before the first caret (0-based, counted in `text`). */
  readonly caretAt: number;
  /** Number of carets, at least 1. */
  readonly caretWidth: number;
}

/**
 * The part of the line `text[line.start, line.end)` to show for a span starting at offset
 * `start` and `width` columns wide (it may run one past the line's end, for a span at the end
 * of the line). A line of at most `maxColumns` is shown whole; a longer one is cut to
 * `maxColumns` around the span, with `…` where text was cut, and a span running past the cut is
 * underlined up to and under the `…`. Only the shown part is copied (a 900 KB line is not copied
 * per diagnostic). Tabs show as one space, control characters as visible ones (`printable`).
 */
export function clipExcerpt(text: string, line: Span, start: number, width: number, maxColumns: number = MAX_EXCERPT_COLUMNS): ExcerptLine {
  let from = line.start;
  let to = line.end;
  if (to - from > maxColumns) {
    from = Math.max(line.start, start - CONTEXT_BEFORE);
    to = Math.min(line.end, from + maxColumns);
    from = Math.max(line.start, Math.min(from, to - maxColumns));
    // Keep surrogate pairs whole; the caret column follows the text actually shown.
    if (from > line.start && isLowSurrogateAt(text, from)) from++;
    if (to < line.end && isLowSurrogateAt(text, to)) to--;
  }
  const prefix = from > line.start ? ELLIPSIS : "";
  const suffix = to < line.end ? ELLIPSIS : "";
  const caretAt = prefix.length + start - from;
  const caretWidth = start + width > to && suffix ? Math.max(1, to - start + suffix.length) : width;
  const shown = printable(text.slice(from, to).replace(/\t/g, " "));
  return { text: `${prefix}${shown}${suffix}`, caretAt, caretWidth };
}

/** The span of 1-based `line`'s text, its line break (`\n`, `\r` or `\r\n`) excluded. */
function lineSpan(file: SourceFile, line: number): Span {
  const start = file.lineStarts[line - 1] ?? file.text.length;
  const next = file.lineStarts[line];
  if (next === undefined) return { start, end: file.text.length };
  const end = next - 1; // the `\n` or lone `\r` that ends the line
  return { start, end: file.text.charCodeAt(end) === 10 && file.text.charCodeAt(end - 1) === 13 ? end - 1 : end };
}

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
  if (d.help) out.push(`  = help: ${printableMessage(d.help)}`);
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
