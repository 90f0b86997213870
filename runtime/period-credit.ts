/**
 * The period's credit when a policy also commits to availability or objectives (issue 12.3–12.4):
 * the ticket credit, each availability band and each missed objective joined by the credits
 * block's rule, bounded by its cap and owed on its claim.
 *
 * Design: every part is an amount of the period's fees computed exactly (decimal.js); the credits
 * block's `highest` (SPEC §6, "not cumulative") keeps the largest part, every other mode adds the
 * parts (as it adds breaches); the cap bounds the joined amount. A policy without a credits block
 * owes the parts added, with no claim.
 *
 * Days added to the Term (`| 99.5% | 3 days of term |`) are never money: a part in days has
 * amount 0.00, and the days are joined apart by the same rule, bounded by `cap … days of term`
 * and owed on the same claim (the checker refuses a policy that credits both days and money).
 */
import type { AvailabilityResult } from "./availability.js";
import type { PolicyIR } from "./ir.js";
import type { ObjectiveResult } from "./objectives.js";
import type { Period } from "./period.js";
import { claimDeadline, claimProblems, type CreditResult } from "./settle-credit.js";
import { creditMode } from "./settle-credit-rules.js";
import { Dec, money, percentOf } from "./settle-decimal.js";

/** One contribution to the period's credit. */
export interface PeriodCreditPart {
  /** `tickets`, `availability <name>` or `objective <name>`. */
  readonly source: string;
  /** The percentage of the fees it earns (`null` for an amount: the ticket credit, a multiple of the downtime fee). */
  readonly creditPercent: string | null;
  readonly amount: string;
  /** Days added to the end of the Term (a band in days of the Term); its `amount` is then 0.00. */
  readonly termDays?: number;
}

/** The joined credit of a period (issue 12.3–12.4). */
export interface PeriodCreditResult {
  /** `highest`: the largest part (credits are not cumulative); `sum`: the parts added. */
  readonly rule: "highest" | "sum";
  readonly amount: string;
  readonly currency: string;
  readonly capped: boolean;
  /** `false` when the claim the credits block asks for is missing, late or mistitled. */
  readonly eligible: boolean;
  readonly parts: readonly PeriodCreditPart[];
  /** Days added to the end of the Term, joined by `rule`, capped, `0` when not eligible; present when a part credits days. Never an amount. */
  readonly termDays?: number;
  /** Whether `cap … days of term` bounded `termDays`; present with it. */
  readonly termDaysCapped?: boolean;
  readonly reason: string;  /** `credit on next invoice`: the period whose invoice the credit is deducted from. */
  readonly appliedTo?: { readonly from: string; readonly to: string; readonly name: string };
}

/**
 * Join the ticket credit (as settled, its own cap and claim applied) with the commitments'
 * credits. `null` when nothing earns a credit.
 */
export function joinPeriodCredit(
  policy: PolicyIR,
  period: Period,
  tickets: CreditResult | null,
  availability: readonly AvailabilityResult[],
  objectives: readonly ObjectiveResult[],
): PeriodCreditResult | null {
  const fees = new Dec(period.fees?.amount ?? "0");
  const parts: { source: string; creditPercent: string | null; amount: Dec; termDays?: number }[] = [];
  if (tickets !== null && new Dec(tickets.amount).gt(0)) parts.push({ source: "tickets", creditPercent: null, amount: new Dec(tickets.amount) });
  for (const a of availability) {
    // `credit N × downtime fee` earns an amount, not a percentage of the fees.
    if (a.termDays !== undefined) {
      if (a.termDays > 0) parts.push({ source: `availability ${a.name}`, creditPercent: null, amount: new Dec(0), termDays: a.termDays });
    } else if (a.creditAmount !== undefined) {
      if (new Dec(a.creditAmount).gt(0)) parts.push({ source: `availability ${a.name}`, creditPercent: null, amount: new Dec(a.creditAmount) });
    } else if (a.creditPercent !== "0") parts.push({ source: `availability ${a.name}`, creditPercent: a.creditPercent, amount: percentOf(fees, a.creditPercent) });
  }
  for (const o of objectives) if (o.creditPercent !== "0") parts.push({ source: `objective ${o.name}`, creditPercent: o.creditPercent, amount: percentOf(fees, o.creditPercent) });
  if (parts.length === 0) return null;

  const credits = policy.credits;
  // `credits for paid`: a period under another plan earns no credit from its commitments either.
  const planProblem = credits?.plans != null && (period.plan === null || !credits.plans.includes(period.plan)) ? `plan ${period.plan ?? "(none)"} earns no credits` : null;
  const rule = credits && creditMode(credits) === "highest" ? "highest" : "sum";
  const joined = rule === "highest" ? parts.reduce((m, p) => (p.amount.gt(m) ? p.amount : m), new Dec(0)) : parts.reduce((s, p) => s.plus(p.amount), new Dec(0));
  const cap = credits?.capPercent != null ? percentOf(fees, credits.capPercent) : null;
  const capped = cap !== null && joined.gt(cap);
  const problems = [...(planProblem !== null ? [planProblem] : []), ...(credits ? claimProblems(credits, period, claimDeadline(credits, period)) : [])];
  const amount = problems.length > 0 ? new Dec(0) : capped && cap !== null ? cap : joined;
  const days = joinTermDays(rule, parts, credits?.capTermDays, problems.length === 0);

  const words = [rule === "highest" ? "the highest part applies (credits are not cumulative)" : "the parts add up"];
  words.push(parts.map((p) => `${p.source} ${p.termDays !== undefined ? `${p.termDays} days of the Term` : `${p.creditPercent !== null ? `${p.creditPercent}% = ` : ""}${money(p.amount)}`}`).join(", "));
  if (capped) words.push(`capped at ${credits?.capPercent}% of the fees`);
  if (days?.capped) words.push(`capped at ${credits?.capTermDays} days of the Term`);
  words.push(...problems);
  if (days && problems.length === 0) words.push(`${days.termDays} days added to the end of the Term, not money`);
  return {
    rule,
    amount: money(amount),
    currency: period.fees?.currency ?? "",
    capped,
    eligible: problems.length === 0,
    parts: parts.map((p) => ({ source: p.source, creditPercent: p.creditPercent, amount: money(p.amount), ...(p.termDays !== undefined ? { termDays: p.termDays } : {}) })),
    ...(days ? { termDays: days.termDays, termDaysCapped: days.capped } : {}),
    reason: words.join("; "),
  };
}

/**
 * The days the parts in days of the Term add, joined by the credits' rule (the highest, or added)
 * and bounded by `cap … days of term`; `0` when the period is not eligible. `null` when no part
 * credits days.
 */
function joinTermDays(rule: "highest" | "sum", parts: readonly { termDays?: number }[], capDays: number | undefined, eligible: boolean): { termDays: number; capped: boolean } | null {
  const days = parts.flatMap((p) => (p.termDays !== undefined ? [p.termDays] : []));
  if (days.length === 0) return null;
  const joined = rule === "highest" ? Math.max(...days) : days.reduce((a, b) => a + b, 0);
  const capped = capDays !== undefined && joined > capDays;
  return { termDays: eligible ? (capped ? capDays : joined) : 0, capped };
}
