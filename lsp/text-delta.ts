/**
 * Offsets between two versions of a text, for answering from an analysis a few keystrokes old
 * (hover while typing, issue 10.5). Any series of edits leaves a common prefix and a common
 * suffix; everything between is "changed". A line entirely outside the changed region reads the
 * same in both versions, so what is found on it in the old analysis is still true.
 */

/** Maps offsets of whole unchanged lines between an old and a new version of a text. */
export interface TextDelta {
  /** The old offset of `offset` in the new text, or null when its line touches the change. */
  toOld(offset: number): number | null;
  /** The new offset of `offset` in the old text, or null when it lies in the changed region. */
  toNew(offset: number): number | null;
}

const isBreak = (c: number) => c === 10 || c === 13;

/** The delta between `before` and `after` (linear in their length, no allocation). */
export function textDelta(before: string, after: string): TextDelta {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const shift = after.length - before.length;
  // The changed region is [prefix, length - suffix) in each text.
  const newChangeEnd = after.length - suffix;
  return {
    toOld(offset) {
      let lineStart = offset;
      while (lineStart > 0 && !isBreak(after.charCodeAt(lineStart - 1))) lineStart--;
      let lineEnd = offset;
      while (lineEnd < after.length && !isBreak(after.charCodeAt(lineEnd))) lineEnd++;
      // The line and the breaks around it must lie before the change, or after it: a line split
      // or joined by the edit reads differently even where its characters did not change.
      if (lineEnd < prefix) return offset;
      if (lineStart - 1 >= newChangeEnd || (lineStart === 0 && newChangeEnd === 0)) return offset - shift;
      return null;
    },
    toNew(offset) {
      if (offset <= prefix) return offset;
      if (offset >= before.length - suffix) return offset + shift;
      return null;
    },
  };
}
