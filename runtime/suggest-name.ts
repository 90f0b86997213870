/**
 * Did-you-mean for ticket input (issue 11): an unknown event type, field or value in a ticket is
 * answered with the closest name the policy declares. Input errors are rare and candidate lists
 * short (a policy's own names), so a plain edit distance is enough here; the compiler's bounded
 * version (`compiler/suggest.ts`) serves the editor, over hundreds of zones.
 */

/** Names longer than this get no suggestion (bounds the work on hostile input). */
const MAX_LENGTH = 64;

/**
 * Edit distance of `a` and `b` (insertions, deletions, substitutions and swaps of two neighbours,
 * so `egde` is one edit from `edge`), case-insensitive.
 */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[y.length]!;
}

/** The candidate closest to `word` within a third of its length, or undefined. */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_LENGTH || word.length < 3) return undefined;
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
