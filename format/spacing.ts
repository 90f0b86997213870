/**
 * What goes between two adjacent tokens of one clause. Newlines carry no meaning in `.sla`
 * (every clause starts with its keyword), so this is purely cosmetic; the soundness check
 * guarantees that no choice here can merge or split tokens.
 */
import type { IToken } from "chevrotain";
import { typeOf } from "./cst.js";

/** `none`: glued (`Mon-Fri`, `en,`); `space`: one space; `line`: a space that may break (lists). */
export type Spacing = "none" | "space" | "line";

// `-` is glued only between weekdays or clock times (`Mon-Fri`, `09:00-17:00`): gluing it next to
// numbers could turn `2026 - 12` into a date, so anything else keeps its spaces.
const rangeEnds = new Set(["Weekday", "ClockTime"]);

/** The spacing between `prev` and `next` inside a clause. */
export function spacingBetween(prev: IToken, next: IToken): Spacing {
  const a = typeOf(prev);
  const b = typeOf(next);
  if (b === "Comma") return "none";
  if (a === "Comma") return "line";
  if ((a === "Dash" && rangeEnds.has(b)) || (b === "Dash" && rangeEnds.has(a))) return "none";
  // `expect invoice.total "70.79"`, `expect quotas.2.exceeded "true"`: a dotted path of words and
  // list indexes. (Only `2 .3` could merge, into the number `2.3`; the soundness check refuses that.)
  if (a === "Dot" || b === "Dot") return "none";
  return "space";
}

/** Tokens joined as they would print on one line (used for table cells). */
export function joinTokens(tokens: readonly IToken[]): string {
  let out = "";
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    if (prev && spacingBetween(prev, token) !== "none") out += " ";
    out += token.image;
  });
  return out;
}
