/**
 * Settlement of one customer's service period (SPEC §6, `sla settle POLICY PERIOD.json`): the
 * service credit owed ({@link settleCredit}) and the invoice for support work
 * ({@link settleInvoice}). Validation lives in `parsePeriod`; a validated period always settles.
 *
 * All money is exact decimal (decimal.js), written as strings with two decimals.
 */
import { type AvailabilityResult, settleAvailability } from "./availability.js";
import { evaluateTicket } from "./evaluate.js";
import type { InputError } from "./io.js";
import type { AvailabilityIR, PolicyIR } from "./ir.js";
import { parsePeriod, type Period } from "./period.js";
import { evaluateObjectives, type ObjectiveResult } from "./objectives.js";
import { joinPeriodCredit, type PeriodCreditResult } from "./period-credit.js";
import { type CreditResult, lateForOutage, settleCredit } from "./settle-credit.js";
import { periodContaining, type PeriodRange } from "./settlement-period.js";
import { addDays } from "./settle-dates.js";
import { type InvoiceLine, type InvoiceResult, settleInvoice } from "./settle-invoice.js";
import { type QuotaResult, settleQuotas } from "./settle-fee-rules.js";

export type { AvailabilityResult, CreditResult, InvoiceLine, InvoiceResult, ObjectiveResult, PeriodCreditResult };
export { parsePeriod, PeriodSchema, type Period, type ParsePeriodResult } from "./period.js";

/** The result of settling a period (SPEC §6). */
export interface SettlementResult {
  readonly policy: string;
  readonly customer: string | null;
  /** `name` (issue 12.2): `2026-Q1`, when the policy declares its period or the file names it. */
  readonly period: { readonly from: string; readonly to: string; readonly name?: string };
  /** `null` when the policy grants no credits or no eligible ticket breached. */
  readonly credit: CreditResult | null;
  /** `null` when the policy has no fees block (nothing is invoiced under it). */
  readonly invoice: InvoiceResult | null;
  /** Issue 12.5: hours per quota and week, month or quarter (outside billing); absent when the policy has none. */
  readonly quotas?: readonly QuotaResult[];
  /** Issue 12.3: each availability commitment by name; absent when the policy has none. */
  readonly availability?: Readonly<Record<string, AvailabilityResult>>;
  /** Issue 12.4: each objective by name; absent when the policy has none. */
  readonly objectives?: Readonly<Record<string, ObjectiveResult>>;
  /** The ticket credit joined with the commitments' credits; present when the policy has commitments. */
  readonly periodCredit?: PeriodCreditResult | null;
}

/** Settle a period validated by `parsePeriod` against the same policy (SPEC §6). */
export function settle(policy: PolicyIR, period: Period): SettlementResult {
  const credit = onNextInvoice(policy, period, settleCredit(policy, period));
  const base = {
    policy: policy.id,
    customer: period.customer,
    period: { from: period.from, to: period.to, ...(period.name !== undefined ? { name: period.name } : {}) },
    credit,
    invoice: policy.fees ? settleInvoice(policy.fees, period, policy.period) : null,
    ...(policy.fees?.quotas ? { quotas: settleQuotas(policy.fees, period.work, period.from, period.to, policy.period, period.carriedIn, period.termEnds) } : {}),
  };
  // Policies without commitments settle exactly as before (no new fields).
  if (!policy.availability?.length && !policy.objectives?.length) return base;
  // `availability … for foundation`: a commitment of other plans is not settled for this period;
  // `commit 99.9% per quarter`: nor is one whose window this period is not (a month of a quarterly commitment).
  const forPlan = (policy.availability ?? []).filter((a) => (a.plans === undefined || (period.plan !== null && a.plans.includes(period.plan))) && inWindow(a, period));
  // `claim within 30 days after outage`: outages claimed too late count for no commitment.
  const lateOutages = lateForOutage(policy.credits, period);
  const availability = forPlan.map((a) => settleAvailability(policy, a, { ...period, lateOutages }));
  const objectives = policy.objectives?.length
    ? evaluateObjectives(policy, period.tickets.map((ticket) => ({ ticket, result: evaluateTicket(policy, ticket, { asOf: period.endMs }) })))
    : [];
  // A period no commitment applies to (a month of a quarterly commitment) settles as without commitments.
  if (availability.length === 0 && objectives.length === 0) return base;
  return {
    ...base,
    ...(availability.length > 0 ? { availability: Object.fromEntries(availability.map((a) => [a.name, a])) } : {}),
    ...(objectives.length > 0 ? { objectives: Object.fromEntries(objectives.map((o) => [o.name, o])) } : {}),
    periodCredit: onNextInvoice(policy, period, joinPeriodCredit(policy, period, credit, availability, objectives)),
  };
}

/**
 * `credit on next invoice`: the credit names the invoice it is deducted from, the one of the
 * first period wholly after this one (the policy's `period`, else the next calendar month), and says so in its
 * reason; unchanged without the clause or without a credit.
 */
function onNextInvoice<T extends { readonly reason: string; readonly amount: string }>(policy: PolicyIR, period: Pick<Period, "to">, result: T | null): (T & { appliedTo?: PeriodRange }) | null {
  if (!result || !policy.credits?.onNextInvoice) return result;
  let next = periodContaining(policy.period, addDays(period.to, 1));
  // Without a declared `period` a file may end mid-month: the month holding the next day would be
  // an invoice of the very days credited, so the next invoice is the first period wholly after.
  if (next.from <= period.to) next = periodContaining(policy.period, addDays(next.to, 1));
  return { ...result, appliedTo: next, reason: `${result.reason}; ${result.amount} credited on the next invoice, of ${next.name} (${next.from} to ${next.to})` };
}

/** True when the commitment has no window of its own, or the period is exactly one of its windows. */
function inWindow(a: AvailabilityIR, period: Pick<Period, "from" | "to">): boolean {
  if (a.window === undefined) return true;
  const w = periodContaining(a.window, period.from);
  return w.from === period.from && w.to === period.to;
}

/** The outcome of {@link settleInput}: the settlement, or the first input error naming its field. */
export type SettleInputResult = { ok: true; result: SettlementResult } | { ok: false; error: InputError };

/** Validate untrusted period JSON and settle it. Never throws on bad input. */
export function settleInput(policy: PolicyIR, input: unknown): SettleInputResult {
  const parsed = parsePeriod(input, policy);
  return parsed.ok ? { ok: true, result: settle(policy, parsed.period) } : parsed;
}
