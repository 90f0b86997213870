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

/** A ticket that counted towards the credit, with the clause that counted it. */
export interface CreditContribution {
  readonly ticket: string;
  /** The percentage of the fees this ticket adds (mode `sum`), exact text. */
  readonly creditPercent?: string;
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

/** Mode `sum`: the row percentages of the counted tickets added up, then capped. */
function sumRule(credits: CreditsIR, fees: Dec, counted: readonly CountedTicket[]): RuleOutcome {
  const rowed = counted.filter((t): t is CountedTicket & { creditPercent: string; row: SourceRef } => t.creditPercent !== null && t.row !== null);
  const total = rowed.reduce((acc, t) => acc.plus(t.creditPercent), new Dec(0));
  const { credit, capped } = bounded(credits, fees, percentOf(fees, total.toFixed()));
  const list = rowed.map((t) => `${t.id} ${t.creditPercent}%`).join(" + ");
  return {
    mode: "sum",
    creditPercent: total.toFixed(),
    credit,
    capped,
    contributions: rowed.map((t) => ({ ticket: t.id, creditPercent: t.creditPercent, clause: clause(t.row) })),
    reason: `each breach adds its percentage: ${list || "no breach with a credit row"} = ${total.toFixed()}% of the period's fees${capped ? `, capped at ${credits.capPercent}%` : ""}`,
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
