/**
 * Accessors for the IR's percentages and amounts. The IR's percentages are exact decimal strings
 * named `…Percent` (IR 2; numbers named `percent` before): every comparison reads them here, so a
 * further rename touches one place. Older shapes are still read, for IRs saved by `sla compile`.
 */
import type { CreditsIR, FeesIR } from "../runtime/ir.js";

/** A number or decimal text as a number (comparisons only; never used for money arithmetic). */
export function amount(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

type CreditRow = CreditsIR["rows"][number];

/** A credit row's percentage. */
export function creditPercent(row: CreditRow): number {
  const r = row as unknown as Record<string, number | string | undefined>;
  return amount(r["creditPercent"] ?? r["percent"]) ?? 0;
}

/** The credit cap, percent of the period's fees, or `null` for none. */
export function creditCap(credits: CreditsIR): number | null {
  const c = credits as unknown as Record<string, number | string | null | undefined>;
  return amount(c["capPercent"]);
}

/** The late charge per started month, percent, or `null` for none. */
export function lateChargePercent(fees: FeesIR): number | null {
  const l = fees.lateCharge as unknown as Record<string, number | string | undefined> | null;
  return l ? amount(l["chargePercent"] ?? l["percent"]) : null;
}

/** The percent of a ticket result's credit (0 for none). */
export function creditPercentOf(credit: { percent: number | string } | null | undefined): number {
  const c = credit as unknown as Record<string, number | string | undefined> | null | undefined;
  return c ? (amount(c["percent"] ?? c["creditPercent"]) ?? 0) : 0;
}
