/**
 * Did-you-mean suggestions. The checker and the language server run them on every unknown name,
 * zone or holiday code, over up to ~600 candidates (the IANA zones), on text the user typed, so
 * the work is bounded three ways:
 *
 * - a word longer than `MAX_SUGGESTED_LENGTH` gets no suggestion at all (nobody mistypes a
 *   100-character name by one letter, and a 200,000-character zone string once took 24 s);
 * - a candidate whose length differs by more than the allowed distance is skipped unread;
 * - the distance is a banded Levenshtein that gives up as soon as a row exceeds the bound, and
 *   the bound shrinks to beat the best candidate found so far.
 */

/** Words longer than this (in UTF-16 code units) get no suggestion. */
export const MAX_SUGGESTED_LENGTH = 64;

/**
 * The edit distance a suggestion may be from `word`: none for one- and two-letter words (one
 * edit changes half of `P5` → `P1`, `ZZ` → `AZ`: too weak a hint), otherwise a third of its length.
 * Distance 0 still matters: it is a match that differs only in case.
 */
export function suggestionLimit(length: number): number {
  return length < 3 ? 0 : Math.max(1, Math.floor(length / 3));
}

/** Each UTF-16 code unit of `s`, lowercased on its own (so indices stay those of `s`). */
function lowerUnits(s: string): string[] {
  const out = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s[i]!.toLowerCase();
  return out;
}

/**
 * Case-insensitive Levenshtein distance between `a` and `b` when it is at most `max`, else
 * `max + 1`. Only the diagonal band `|i - j| <= max` of the table is computed (a cell outside it
 * is already more than `max` edits away), and the scan stops at the first row whose every cell
 * exceeds `max`: O(min(|a|, |b|) · max) time at worst, often far less.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (max < 0) return over; // no distance is negative
  if (Math.abs(a.length - b.length) > max) return over;
  const la = lowerUnits(a);
  const lb = lowerUnits(b);
  const m = lb.length;
  // prev[j]: distance between a[0, i - 1) and b[0, j), capped at `over`; valid on the previous
  // row's band and one cell either side of it (that is all the next row reads).
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = Math.min(j, over);
  for (let i = 1; i <= la.length; i++) {
    // INVARIANT: lo <= m, because |a.length - b.length| <= max and i <= a.length.
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = cur[lo - 1]!;
    const ai = la[i - 1]!;
    for (let j = lo; j <= hi; j++) {
      const substitute = prev[j - 1]! + (ai === lb[j - 1] ? 0 : 1);
      const d = Math.min(substitute, prev[j]! + 1, cur[j - 1]! + 1, over);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > max) return over;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[m]!;
}

/**
 * The candidate closest to `word` (case-insensitive edit distance, first one on a tie) within
 * `suggestionLimit(word.length)`, or null.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | null {
  if (word.length > MAX_SUGGESTED_LENGTH) return null;
  let best: string | null = null;
  let bound = suggestionLimit(word.length); // a candidate must be at most this far to win
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > bound) continue;
    const d = boundedEditDistance(word, candidate, bound);
    if (d > bound) continue;
    best = candidate;
    // Only a strictly closer candidate replaces it, as with an unbounded search.
    if (d === 0) break;
    bound = d - 1;
  }
  return best;
}
