/**
 * Cursor positions in fixture texts, written `<|>` where the cursor is (Langium's convention):
 * tests state positions as text, never as raw offsets.
 */
import type { Position } from "vscode-languageserver-protocol";

/** The cursor marker. */
export const MARKER = "<|>";

/** The text without its markers, and the position of each marker in it, in order. */
export function markers(input: string): { text: string; positions: Position[] } {
  const parts = input.split(MARKER);
  let text = "";
  const positions: Position[] = [];
  parts.forEach((part, i) => {
    if (i > 0) {
      const lines = text.split(/\r\n|\r|\n/);
      positions.push({ line: lines.length - 1, character: lines[lines.length - 1]!.length });
    }
    text += part;
  });
  return { text, positions };
}

/** The text without its one marker, and the marker's position. */
export function marked(input: string): { text: string; position: Position } {
  const { text, positions } = markers(input);
  if (positions.length !== 1) throw new Error(`expected exactly one ${MARKER} marker, found ${positions.length}`);
  return { text, position: positions[0]! };
}

/** The text a range covers, for assertions on what is underlined or edited. */
export function textAt(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** Apply text edits (non-overlapping, any order) to a text. */
export function applyEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText: string }[]): string {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
