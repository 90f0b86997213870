/**
 * Document and range formatting through the prettier plugin (`formatSla`).
 *
 * Both format the whole document, then send only the lines that changed (a line diff of the
 * input and the output), so the editor keeps cursors, folds and undo history on the rest.
 * Range formatting formats the whole document too (a table or a block can only be aligned as a
 * whole) and keeps the changed hunks that touch the selected lines: the other hunks are left for
 * a document format. A file with syntax errors is not formatted (the formatter refuses to guess
 * where a broken clause ends); the diagnostics already say why.
 */
import { ErrorCodes, type FormattingOptions, type Range, ResponseError, type TextEdit } from "vscode-languageserver";
import { formatSla } from "../../format/format.js";
import type { SourceFile } from "../../grammar/source.js";
import type { Snapshot } from "../documents.js";
import { rangeOf } from "./diagnostics.js";

/** Formatter settings the editor does not send with each request. */
export interface FormatSettings {
  readonly printWidth?: number;
}

/** A changed run of lines: old lines [oldFrom, oldTo) become `text`. */
interface Hunk {
  readonly oldFrom: number;
  readonly oldTo: number;
  readonly text: string;
}

/** Beyond this many differing lines the diff gives up and replaces the whole changed middle. */
const MAX_DIFF_DISTANCE = 400;

/** Lines with their line breaks, so that joining them gives back the text exactly. */
function splitLines(text: string): string[] {
  return text.length === 0 ? [] : text.split(/(?<=\n|\r(?!\n))/);
}

/**
 * Myers' O((N+M)·D) shortest edit script over lines, as hunks. Formatting usually changes a few
 * lines of a long file, so D is small; past MAX_DIFF_DISTANCE one hunk covers the middle.
 */
export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 && m === 0) return [];
  const whole = [{ oldFrom: start, oldTo: endA, text: b.slice(start, endB).join("") }];
  const max = Math.min(n + m, MAX_DIFF_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return whole;
  // Walk back through the trace, collecting which old lines are deleted and new lines inserted.
  const deleted = new Uint8Array(n);
  const inserted = new Uint8Array(m);
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (down) inserted[prevY] = 1;
    else deleted[prevX] = 1;
    x = prevX;
    y = prevY;
  }
  // Group consecutive changes into hunks in old-line coordinates.
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && !deleted[i] && !inserted[j]) {
      i++;
      j++;
      continue;
    }
    const from = i;
    const fromB = j;
    while (i < n && deleted[i]) i++;
    while (j < m && inserted[j]) j++;
    hunks.push({ oldFrom: start + from, oldTo: start + i, text: b.slice(start + fromB, start + j).join("") });
  }
  return hunks;
}

/** The hunks as text edits on the original document. */
function toEdits(file: SourceFile, oldLines: readonly string[], hunks: readonly Hunk[]): TextEdit[] {
  const lineOffsets = [0];
  for (const line of oldLines) lineOffsets.push(lineOffsets[lineOffsets.length - 1]! + line.length);
  return hunks.map((h) => ({
    range: rangeOf(file, { start: lineOffsets[h.oldFrom]!, end: lineOffsets[h.oldTo]! }),
    newText: h.text,
  }));
}

async function formatted(snapshot: Snapshot, options: FormattingOptions, settings: FormatSettings): Promise<string | null> {
  try {
    const out = await formatSla(snapshot.text, {
      tabWidth: options.tabSize,
      useTabs: !options.insertSpaces,
      endOfLine: "auto",
      ...(settings.printWidth !== undefined ? { printWidth: settings.printWidth } : {}),
    });
    return out.ok ? out.text : null;
  } catch (error) {
    // The formatter refused its own output (it would change the policy's meaning): a bug to report.
    throw new ResponseError(ErrorCodes.InternalError, `sla: the formatter failed: ${(error as Error).message}`);
  }
}

/** Edits that format the whole document; null when it has syntax errors. */
export async function formatDocument(snapshot: Snapshot, options: FormattingOptions, settings: FormatSettings = {}): Promise<TextEdit[] | null> {
  const out = await formatted(snapshot, options, settings);
  if (out === null) return null;
  const oldLines = splitLines(snapshot.text);
  return toEdits(snapshot.file, oldLines, diffLines(oldLines, splitLines(out)));
}

/** Edits among those of a document format that touch the lines of `range`. */
export async function formatRange(snapshot: Snapshot, range: Range, options: FormattingOptions, settings: FormatSettings = {}): Promise<TextEdit[] | null> {
  const out = await formatted(snapshot, options, settings);
  if (out === null) return null;
  const oldLines = splitLines(snapshot.text);
  // A selection ending at column 0 does not include that line.
  const lastLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  const touching = diffLines(oldLines, splitLines(out)).filter((h) =>
    h.oldFrom === h.oldTo ? h.oldFrom >= range.start.line && h.oldFrom <= lastLine + 1 : h.oldFrom <= lastLine && h.oldTo > range.start.line,
  );
  return toEdits(snapshot.file, oldLines, touching);
}
