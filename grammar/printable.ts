/**
 * Text made safe to print on a terminal, for every layer that shows the user's policy back to
 * them: the compiler's diagnostics (`compiler/render.ts`), the language server's messages, and
 * the formatter's errors when it runs as a prettier plugin (`format/errors.ts`, which may not
 * import the compiler). Pure functions of strings and spans, nothing else.
 *
 * - Size does not grow with the length of a line: an excerpt shows at most `MAX_EXCERPT_COLUMNS`
 *   around its span, `…` marking what was cut, and a quoted value in a message is shortened past
 *   `MAX_QUOTED_LENGTH`.
 * - No control character reaches the terminal: each becomes one visible character (`printable`),
 *   so an escape sequence in a policy cannot recolour, move or retitle anything, and a caret
 *   stays under the text it points at.
 */
import type { SourceFile, Span } from "./source.js";

/** The widest source excerpt printed, in UTF-16 code units, `…` marks not counted. */
export const MAX_EXCERPT_COLUMNS = 120;
/** When a line is clipped, how much of it is kept before the underlined text. */
const CONTEXT_BEFORE = 40;
/** A backticked value in a message longer than this is shortened to its head, `…` and tail. */
export const MAX_QUOTED_LENGTH = 80;
const QUOTED_HEAD = 50;
const QUOTED_TAIL = 20;
const ELLIPSIS = "…";

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
 * A hint's quoted examples are the tool's own syntax, written to be read whole (`an escalation is
 * \`escalation for gold { … }\``): they are shortened only past this, which no hint reaches,
 * while a user's value quoted in a hint still cannot flood the terminal.
 */
export const MAX_QUOTED_HINT_LENGTH = 240;

/**
 * Message text as printed: quoted values shortened past `maxQuoted`, control characters made
 * visible. The messages quote what the user wrote between backticks (`invalid time zone \`…\``).
 */
export function printableMessage(message: string, maxQuoted = MAX_QUOTED_LENGTH): string {
  const shortened = message.replace(/`([^`]*)`/g, (whole, inner: string) =>
    inner.length <= maxQuoted
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
export function lineSpan(file: SourceFile, line: number): Span {
  const start = file.lineStarts[line - 1] ?? file.text.length;
  const next = file.lineStarts[line];
  if (next === undefined) return { start, end: file.text.length };
  const end = next - 1; // the `\n` or lone `\r` that ends the line
  return { start, end: file.text.charCodeAt(end) === 10 && file.text.charCodeAt(end - 1) === 13 ? end - 1 : end };
}
