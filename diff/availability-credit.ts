/**
 * What an availability commitment pays when it is missed, and in which settled periods it is
 * judged (IR 11): credit bands, a multiple of the downtime's fee (`credit 10 × downtime fee`) or a
 * percentage per step of downtime (`credit 5% per started 30 minutes, up to 100%`), and a
 * commitment's own window (`commit 99.9% per quarter starting Jan 1`).
 *
 * Both kinds of credit are a share of the period's fees as a function of the availability A (in
 * percent): bands give the deepest band's percent below its threshold; a multiple N gives
 * N × (100 − A) percent (the fees × downtime ÷ measured time, N times), owed only below the
 * commitment. Comparing the two functions over [0, 100] tells which version owes more. A credit
 * per step of downtime is a function of the downtime's length, not of its share of the period:
 * it is compared with another such credit (`credit-steps.ts`), with no credit at all, and
 * otherwise reads `mixed` (which owes more depends on the period's length). Bands in days added to
 * the Term (`3 days of term`) are compared as days, the same way (more days is stricter); days
 * against money read `mixed`: neither is worth the other.
 */
import type { AvailabilityIR, SettlementPeriodIR } from "../runtime/ir.js";
import { creditsTermDays } from "../runtime/ir-constants.js";
import { describePeriod } from "../runtime/settlement-period.js";
import { stepWords } from "../runtime/settle-steps.js";
import { combine, effectOf } from "./cite.js";
import { steppedEffect } from "./credit-steps.js";
import type { Effect } from "./model.js";

/** A percentage text as a number for ordering (at most 6 decimals: the double orders as the decimal). */
export const pct = (text: string | null | undefined): number => (text == null ? 0 : Number(text));

/** The credit, in percent of the period's fees, a version owes at availability `a` (percent), as the runtime settles it. */
function creditAt(v: AvailabilityIR, a: number): number {
  if (v.downtimeFeeMultiple !== undefined) return a < pct(v.commitPercent) ? Number(v.downtimeFeeMultiple) * (100 - a) : 0;
  // Bands fall in `belowPercent`: the last one the availability lies below is the deepest.
  const band = [...v.bands].reverse().find((b) => a < pct(b.belowPercent));
  return band?.termDays ?? pct(band?.creditPercent);
}

/** Where a version's credit function jumps or bends: its band thresholds, or its commitment when it pays a multiple. */
function breakpoints(v: AvailabilityIR): number[] {
  return v.downtimeFeeMultiple !== undefined ? [pct(v.commitPercent)] : v.bands.map((b) => pct(b.belowPercent));
}

/**
 * Which version owes more credit, over every availability from 0 to 100 %. Between two
 * consecutive breakpoints of either version each credit is constant (a band) or linear (a
 * multiple), so their difference is monotone there: probing just inside both ends of every such
 * interval finds every sign it takes (values differ by at least 10⁻⁶ %, the IR's finest step).
 * More credit somewhere and less elsewhere is `mixed`.
 */
export function creditEffect(x: AvailabilityIR, y: AvailabilityIR): Effect {
  if (creditsTermDays(x) !== creditsTermDays(y) && !creditsNothing(x) && !creditsNothing(y)) return "mixed";
  if (x.stepCredit !== undefined || y.stepCredit !== undefined) return stepCreditEffect(x, y);
  if (x.downtimeFeeMultiple !== undefined && y.downtimeFeeMultiple !== undefined) {
    // The commitment (below which a multiple is owed) is a term of its own: only the multiple here.
    return effectOf(Number(x.downtimeFeeMultiple), Number(y.downtimeFeeMultiple), true);
  }
  const edges = [...new Set([0, 100, ...breakpoints(x), ...breakpoints(y)])].filter((e) => e >= 0 && e <= 100).sort((p, q) => p - q);
  const probes = edges.slice(1).flatMap((hi, i) => [edges[i]! + 1e-7, hi - 1e-7]);
  return combine(probes.map((p) => effectOf(creditAt(x, p), creditAt(y, p), true)));
}

/** A version whose bands credit days added to the Term, not a share of the fees. */

/** A version that credits nothing when missed: no band, no multiple, no step. */
const creditsNothing = (v: AvailabilityIR): boolean => v.bands.length === 0 && v.downtimeFeeMultiple === undefined && v.stepCredit === undefined;

/** A credit per step of downtime on either side: against another, step by step; against none, more; else mixed. */
function stepCreditEffect(x: AvailabilityIR, y: AvailabilityIR): Effect {
  if (creditsNothing(x)) return creditsNothing(y) ? "neutral" : "stricter";
  if (creditsNothing(y)) return "looser";
  if (!x.stepCredit || !y.stepCredit) return "mixed";
  const stepped = (c: NonNullable<AvailabilityIR["stepCredit"]>) => ({ rate: pct(c.creditPercent), step: c.step, ...(c.upToPercent !== undefined ? { upTo: pct(c.upToPercent) } : {}) });
  return steppedEffect(stepped(x.stepCredit), stepped(y.stepCredit));
}

/** The credit as the policy words it: its bands, the multiple of the downtime's fee, or the percentage per step. */
export function creditWords(v: AvailabilityIR): string[] {
  const s = v.stepCredit;
  if (s) return [`${s.creditPercent}% per ${stepWords(s.step)}${s.upToPercent !== undefined ? `, up to ${s.upToPercent}%` : ""}`];
  if (v.downtimeFeeMultiple !== undefined) return [`${v.downtimeFeeMultiple} × downtime fee`];
  return v.bands.map((b) => `below ${b.belowPercent}% ${b.termDays !== undefined ? `${b.termDays} days of term` : `${b.creditPercent}%`}`);
}

type Shape = Pick<SettlementPeriodIR, "unit" | "startMonth">;

/**
 * The settled periods a commitment is judged in: `all` (any dates a period file gives), the
 * periods of one shape, or `none` (a window no period of the policy ever is).
 */
type Judged = { kind: "all" } | { kind: "shape"; key: string } | { kind: "none" };

/** A shape's identity: months have no fiscal start (every month is one). */
const shapeKey = (s: Shape): string => (s.unit === "month" ? "month" : `${s.unit}@${s.startMonth}`);

/**
 * Where the runtime judges `v` (`settle.ts`: a commitment with a window only in a period that is
 * exactly one window): without a declared settlement period any dates settle, so a window narrows
 * `all` to its own shape; under a declared period, a window of that shape changes nothing and
 * one of another shape is never judged.
 */
function judgedIn(v: AvailabilityIR, period: Shape | null | undefined): Judged {
  if (!period) return v.window ? { kind: "shape", key: shapeKey(v.window) } : { kind: "all" };
  if (!v.window || shapeKey(v.window) === shapeKey(period)) return { kind: "shape", key: shapeKey(period) };
  return { kind: "none" };
}

/** How many of the nested sets `none` ⊂ one shape ⊂ `all` a judgement covers. */
const RANK: Record<Judged["kind"], number> = { none: 0, shape: 1, all: 2 };

/**
 * A commitment judged in more periods can only owe more (a credit is never negative): a window
 * added where any dates settle is looser, one removed stricter; the same periods either way (a
 * window of the policy's own period) neutral; periods of another shape mixed.
 */
export function windowEffect(x: AvailabilityIR, px: Shape | null | undefined, y: AvailabilityIR, py: Shape | null | undefined): Effect {
  const a = judgedIn(x, px);
  const b = judgedIn(y, py);
  if (a.kind === "shape" && b.kind === "shape") return a.key === b.key ? "neutral" : "mixed";
  return effectOf(RANK[a.kind], RANK[b.kind], true);
}

/** The window as the policy words it: `every period`, `quarters starting Apr 1`, `months` (the runtime's own words). */
export function windowWords(v: AvailabilityIR): string {
  return v.window ? describePeriod(v.window) : "every period";
}
