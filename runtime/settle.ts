/**
 * Settlement of one customer's service period (SPEC §6, `sla settle POLICY PERIOD.json`): the
 * service credit owed ({@link settleCredit}) and the invoice for support work
 * ({@link settleInvoice}). Validation lives in `parsePeriod`; a validated period always settles.
 *
 * All money is exact decimal (decimal.js), written as strings with two decimals.
 */
import type { InputError } from "./io.js";
import type { PolicyIR } from "./ir.js";
import { parsePeriod, type Period } from "./period.js";
import { type CreditResult, settleCredit } from "./settle-credit.js";
import { type InvoiceLine, type InvoiceResult, settleInvoice } from "./settle-invoice.js";

export type { CreditResult, InvoiceLine, InvoiceResult };
export { parsePeriod, PeriodSchema, type Period, type ParsePeriodResult } from "./period.js";

/** The result of settling a period (SPEC §6). */
export interface SettlementResult {
  readonly policy: string;
  readonly customer: string | null;
  readonly period: { readonly from: string; readonly to: string };
  /** `null` when the policy grants no credits or no eligible ticket breached. */
  readonly credit: CreditResult | null;
  /** `null` when the policy has no fees block (nothing is invoiced under it). */
  readonly invoice: InvoiceResult | null;
}

/** Settle a period validated by `parsePeriod` against the same policy (SPEC §6). */
export function settle(policy: PolicyIR, period: Period): SettlementResult {
  return {
    policy: policy.id,
    customer: period.customer,
    period: { from: period.from, to: period.to },
    credit: settleCredit(policy, period),
    invoice: policy.fees ? settleInvoice(policy.fees, period) : null,
  };
}

/** The outcome of {@link settleInput}: the settlement, or the first input error naming its field. */
export type SettleInputResult = { ok: true; result: SettlementResult } | { ok: false; error: InputError };

/** Validate untrusted period JSON and settle it. Never throws on bad input. */
export function settleInput(policy: PolicyIR, input: unknown): SettleInputResult {
  const parsed = parsePeriod(input, policy);
  return parsed.ok ? { ok: true, result: settle(policy, parsed.period) } : parsed;
}
