/**
 * Credit rules beyond "the highest percentage" (issue 12), applied to the tickets' standings:
 * design in four lines —
 *   sum:       each counted ticket adds its row's percentage (exact text, summed in decimal.js);
 *   amount:    each counted ticket adds the policy's fixed amount;
 *   threshold: the count of counted tickets picks the highest threshold it exceeds;
 *   every mode is then bounded by `capPercent` of the period's fees, and lists who counted and why.
 * No JavaScript number holds a percentage or an amount: figures go from the IR's text to the result's text.
 */
import type { CreditsIR, SourceRef } from "./ir.js";
import { Dec, money, percentOf } from "./settle-decimal.js";
import { stepWords } from "./settle-steps.js";

/** A ticket that counted towards the credit, with the clause that counted it. */
export interface CreditContribution {
  readonly ticket: string;
  /** The percentage of the fees this ticket adds (mode `sum`), exact text. */
  readonly creditPercent?: string;
  /** `credit per started hour late`: the target whose lateness this part credits, and its steps. */
  readonly target?: string;
  readonly steps?: number;
  /** The amount this ticket adds (mode `amount`), two decimals. */
  readonly amount?: string;
  /** The policy clause that counted the ticket: its line and text. */
  readonly clause: { readonly line: number; readonly text: string };
}

/** A ticket eligible for the credit, breached, and (where the deadline runs from the breach) claimed in time. */
export interface CountedTicket {
  readonly id: string;
  /** The evaluator's row percentage as exact text; `null` when no row applies. */
  readonly creditPercent: string | null;
  /** The row that gave it, when there is one. */
  readonly row: SourceRef | null;
  /**
   * The parts of its credit (`ticket-credit.ts`): each breached target credited, its steps of
   * lateness and its row × steps (exact text, before `cap … per target`).
   */
  readonly targets?: readonly { readonly name: string; readonly steps: number; readonly creditPercent: string }[];
}

/** What a rule settles to, before the claim checks. */
export interface RuleOutcome {
  readonly mode: "sum" | "amount" | "threshold";
  /** The percentage of the fees before the cap (`sum`, `threshold`); `null` for `amount`. */
  readonly creditPercent: string | null;
  /** The credit before the claim checks, after the cap: exact. */
  readonly credit: Dec;
  readonly capped: boolean;
  readonly contributions: readonly CreditContribution[];
  /** Words for the result's `reason`. */
  readonly reason: string;
}

const clause = (o: SourceRef) => ({ line: o.line, text: o.text });

/** Which rule mode the credits use; `highest` is SPEC §6's and stays the default. */
export function creditMode(credits: CreditsIR): "highest" | "sum" | "amount" | "threshold" {
  if (credits.thresholds && credits.thresholds.length > 0) return "threshold";
  return credits.mode ?? "highest";
}

/** The cap as an amount of `fees`, or `null` when the policy states none. */
function capAmount(credits: CreditsIR, fees: Dec): Dec | null {
  return credits.capPercent === null ? null : percentOf(fees, credits.capPercent);
}

/** `value` bounded by the cap: INVARIANT the result never exceeds the cap. */
function bounded(credits: CreditsIR, fees: Dec, value: Dec): { credit: Dec; capped: boolean } {
  const cap = capAmount(credits, fees);
  return cap !== null && value.gt(cap) ? { credit: cap, capped: true } : { credit: value, capped: false };
}

/**
 * The parts mode `sum` adds: each counted ticket's row, or under `credit per started hour late`
 * the row once per step of each breached target's lateness (a part per target).
 */
function sumParts(credits: CreditsIR, counted: readonly CountedTicket[]): CreditContribution[] {
  const rowed = counted.filter((t): t is CountedTicket & { creditPercent: string; row: SourceRef } => t.creditPercent !== null && t.row !== null);
  const step = credits.lateStep;
  // The target is named only where a rule reads it (results of other policies keep their shape).
  const named = (t: CountedTicket) => (credits.capPerTargetPercent !== undefined && t.targets?.[0] ? { target: t.targets[0].name } : {});
  if (!step) return rowed.map((t) => ({ ticket: t.id, creditPercent: t.creditPercent, ...named(t), clause: clause(t.row) }));
  return rowed.flatMap((t) =>
    (t.targets ?? []).map((g) => ({ ticket: t.id, creditPercent: g.creditPercent, target: g.name, steps: g.steps, clause: clause(t.row) })),
  );
}

/** `cap 100% per target`: each target's parts added and bounded on their own; the bounded targets named. */
function perTargetTotal(credits: CreditsIR, parts: readonly CreditContribution[]): { total: Dec; cappedTargets: string[] } {
  const byTarget = new Map<string, Dec>();
  for (const p of parts) byTarget.set(p.target ?? "", (byTarget.get(p.target ?? "") ?? new Dec(0)).plus(p.creditPercent ?? "0"));
  const limit = credits.capPerTargetPercent;
  const cappedTargets: string[] = [];
  let total = new Dec(0);
  for (const [target, sum] of byTarget) {
    if (limit !== undefined && sum.gt(limit)) {
      cappedTargets.push(target);
      total = total.plus(limit);
    } else total = total.plus(sum);
  }
  return { total, cappedTargets };
}

/** Mode `sum`: the row percentages of the counted tickets added up, then capped. */
function sumRule(credits: CreditsIR, fees: Dec, counted: readonly CountedTicket[]): RuleOutcome {
  const parts = sumParts(credits, counted);
  const { total, cappedTargets } = perTargetTotal(credits, parts);
  const { credit, capped } = bounded(credits, fees, percentOf(fees, total.toFixed()));
  const rowOf = new Map(counted.map((t) => [t.id, t.creditPercent]));
  const list = parts.map((p) => `${p.ticket} ${credits.lateStep ? `${p.target} ${p.steps} × ${rowOf.get(p.ticket)}% = ` : ""}${p.creditPercent}%`).join(" + ");
  const perTarget = cappedTargets.length > 0 ? `, ${cappedTargets.join(", ")} up to ${credits.capPerTargetPercent}% each` : "";
  const unit = credits.lateStep ? ` per ${stepWords(credits.lateStep)} late` : "";
  return {
    mode: "sum",
    creditPercent: total.toFixed(),
    credit,
    capped: capped || cappedTargets.length > 0,
    contributions: parts,
    reason: `each breach adds its percentage${unit}: ${list || "no breach with a credit row"}${perTarget} = ${total.toFixed()}% of the period's fees${capped ? `, capped at ${credits.capPercent}%` : ""}`,
  };
}

/** Mode `amount`: the fixed amount for each counted ticket, then capped. */
function amountRule(credits: CreditsIR, fees: Dec, counted: readonly CountedTicket[]): RuleOutcome {
  const per = credits.amountPerBreach!; // INVARIANT: mode `amount` is lowered with its amount
  const { credit, capped } = bounded(credits, fees, new Dec(per.amount).times(counted.length));
  return {
    mode: "amount",
    creditPercent: null,
    credit,
    capped,
    contributions: counted.map((t) => ({ ticket: t.id, amount: money(new Dec(per.amount)), clause: clause(per.origin) })),
    reason: `${counted.length} breach${counted.length === 1 ? "" : "es"} × ${per.amount} ${per.currency}${capped ? `, capped at ${credits.capPercent}% of the fees` : ""}`,
  };
}

/** Mode `threshold`: the highest threshold the count exceeds (thresholds rise, the checker says). */
function thresholdRule(credits: CreditsIR, fees: Dec, counted: readonly CountedTicket[]): RuleOutcome {
  const reached = (credits.thresholds ?? []).filter((t) => counted.length > t.aboveBreaches).at(-1) ?? null;
  const percent = reached?.creditPercent ?? "0";
  const { credit, capped } = bounded(credits, fees, percentOf(fees, percent));
  return {
    mode: "threshold",
    creditPercent: percent,
    credit,
    capped,
    contributions: reached ? counted.map((t) => ({ ticket: t.id, clause: clause(reached.origin) })) : [],
    reason: reached
      ? `${counted.length} breaches, more than ${reached.aboveBreaches}: ${percent}% of the period's fees${capped ? `, capped at ${credits.capPercent}%` : ""}`
      : `${counted.length} breach${counted.length === 1 ? "" : "es"}, no threshold exceeded`,
  };
}

/** Settle the counted tickets under the credits' rule mode (not `highest`, which `settle-credit.ts` keeps). */
export function applyCreditRule(credits: CreditsIR, fees: Dec, counted: readonly CountedTicket[]): RuleOutcome {
  const mode = creditMode(credits);
  if (mode === "amount") return amountRule(credits, fees, counted);
  if (mode === "threshold") return thresholdRule(credits, fees, counted);
  return sumRule(credits, fees, counted);
}

/** The credit as a two-decimal amount. */
export const creditMoney = (o: RuleOutcome): string => money(o.credit);
