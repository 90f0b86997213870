/**
 * Credits that grow in steps of a length (`credit 5% per started 30 minutes, up to 100%` of
 * downtime, `credit per started hour late` of a breach): which of two owes more. Each is the rate
 * times the steps the length holds (`runtime/settle-steps.ts`: a step begun counts whole when
 * `started`), at most its own limit; so it is constant between the multiples of its step and
 * jumps at one (just after it when a step begun counts).
 */
import type { CreditStepIR } from "../runtime/ir.js";
import { stepsIn } from "../runtime/settle-steps.js";
import { combine, effectOf } from "./cite.js";
import type { Effect } from "./model.js";

/** A stepped credit: `rate` per step, at most `upTo` (absent: unbounded). */
export interface SteppedCredit {
  readonly rate: number;
  readonly step: CreditStepIR;
  readonly upTo?: number;
}

/** The longest length compared: a period's downtime, or a breach's lateness within it, fits in a year. */
const BOUND_MS = 366 * 86_400_000;

const creditAt = (c: SteppedCredit, ms: number): number => Math.min(c.upTo ?? Infinity, c.rate * stepsIn(ms, c.step));

/** The shortest length at which `c` reaches its limit (then it stays there); infinite when unbounded or never. */
function limitReachedAt(c: SteppedCredit): number {
  if (c.upTo === undefined || c.rate <= 0) return Infinity;
  const steps = Math.ceil(c.upTo / c.rate);
  return c.step.started ? (steps - 1) * c.step.ms + 1 : steps * c.step.ms;
}

/**
 * More credit at some length is stricter, less looser, both mixed. Exact for every length up to
 * a year: both are compared at 1 ms and at each multiple of either step and the millisecond after
 * it, which are all the places either changes; past the length where both reach their limits nothing
 * changes, so the walk stops there.
 */
export function steppedEffect(x: SteppedCredit, y: SteppedCredit): Effect {
  const end = Math.min(BOUND_MS, Math.max(limitReachedAt(x), limitReachedAt(y)));
  // A length shorter than either step: nothing for whole steps, one for a step begun.
  const effects = new Set<Effect>([effectOf(creditAt(x, 1), creditAt(y, 1), true)]);
  for (const step of new Set([x.step.ms, y.step.ms])) {
    for (let at = step; at <= end + step; at += step) {
      effects.add(effectOf(creditAt(x, at), creditAt(y, at), true));
      effects.add(effectOf(creditAt(x, at + 1), creditAt(y, at + 1), true));
      if (effects.has("stricter") && effects.has("looser")) return "mixed";
    }
  }
  return combine(effects);
}

/**
 * `credit per started hour late` (a breach's row once per step of its lateness) against the row
 * once per ticket (absent): a step begun counts whole, so every breach earns at least once, per
 * breached target: stricter; counting whole steps only, a breach late by less than one earns
 * nothing and one late by two twice: mixed. Two steps compare step by step.
 */
export function lateStepEffect(x: CreditStepIR | undefined, y: CreditStepIR | undefined): Effect {
  if (!x) return !y ? "neutral" : y.started ? "stricter" : "mixed";
  if (!y) return x.started ? "looser" : "mixed";
  return steppedEffect({ rate: 1, step: x }, { rate: 1, step: y });
}
