/**
 * Small helpers every comparison shares: citing a clause, building a change, and reading the
 * policy's axes. Kept apart so each comparison module holds only its own rules.
 */
import type { PolicyIR, SourceRef } from "../runtime/ir.js";
import type { Change, ChangeKind, Clause, Effect } from "./model.js";

/** A clause as a report cites it: its first line, whitespace folded (tables cite their row). */
export function cite(ref: SourceRef | null | undefined): Clause | null {
  if (!ref) return null;
  const first = ref.text.split("\n")[0]!.trim().replace(/\s+/g, " ");
  return { file: ref.file, line: ref.line, text: first };
}

/** A change record; `details` defaults to none. */
export function change(
  kind: ChangeKind,
  subject: string,
  summary: string,
  effect: Effect,
  old: SourceRef | null | undefined,
  next: SourceRef | null | undefined,
  details: string[] = [],
): Change {
  return { kind, subject, summary, effect, old: cite(old), new: cite(next), details };
}

/** Sign of a comparison as an effect: `more` of something that binds the provider harder. */
export function effectOf(oldValue: number, newValue: number, moreIsStricter: boolean): Effect {
  if (oldValue === newValue) return "neutral";
  return newValue > oldValue === moreIsStricter ? "stricter" : "looser";
}

/** Combine the effects of several sub-changes into one; one `unknown` makes the whole unknown. */
export function combine(effects: Iterable<Effect>): Effect {
  let stricter = false;
  let looser = false;
  for (const e of effects) {
    if (e === "unknown") return "unknown";
    if (e === "stricter") stricter = true;
    else if (e === "looser") looser = true;
    else if (e === "mixed") stricter = looser = true;
  }
  return stricter && looser ? "mixed" : stricter ? "stricter" : looser ? "looser" : "neutral";
}

/**
 * The effect of a set changing from `was` to `now`, where a member added reads `added` (a cause
 * excused, a channel made ineligible: looser) and a member dropped the opposite.
 */
export function setEffect(was: readonly string[], now: readonly string[], added: "stricter" | "looser"): Effect {
  const dropped: Effect = added === "looser" ? "stricter" : "looser";
  return combine([now.some((x) => !was.includes(x)) ? added : "neutral", was.some((x) => !now.includes(x)) ? dropped : "neutral"]);
}

/**
 * The plans a block applies to changing (`null` or `undefined`: every plan): applying to more
 * plans binds the provider for more customers (stricter), to fewer looser.
 */
export function plansEffect(x: readonly string[] | null | undefined, y: readonly string[] | null | undefined): Effect {
  const gains = y == null ? x != null : y.some((p) => x != null && !x.includes(p));
  const loses = x == null ? y != null : x.some((p) => y != null && !y.includes(p));
  return combine([gains ? "stricter" : "neutral", loses ? "looser" : "neutral"]);
}

/**
 * Values of an axis present in both versions (`[null]` when neither declares the axis): a value
 * only one version has is reported once as an axis change, not in every cell.
 */
export function sharedAxis(oldNames: readonly { name: string }[], newNames: readonly { name: string }[]): Array<string | null> {
  const inNew = new Set(newNames.map((n) => n.name));
  const both = oldNames.map((n) => n.name).filter((n) => inNew.has(n));
  return oldNames.length === 0 && newNames.length === 0 ? [null] : both;
}

/** Regions of both versions by name; `[null]` when neither has regions (the default calendar). */
export function sharedRegions(a: PolicyIR, b: PolicyIR): Array<string | null> {
  return sharedAxis(a.regions, b.regions);
}

/** `a · b · c` without the axes a policy does not use. */
export function cell(...parts: Array<string | null>): string {
  return parts.filter((p): p is string => p !== null).join(" · ");
}

/** A clause's value in a summary: `none` for nothing, lists joined, objects as JSON. */
export function showValue(x: unknown): string {
  if (x === null || x === undefined) return "none";
  if (Array.isArray(x)) return x.length ? x.join(", ") : "none";
  return typeof x === "object" ? JSON.stringify(x) : String(x);
}
