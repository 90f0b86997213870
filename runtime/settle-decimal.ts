/**
 * Exact decimals of a settlement: money, hours, rates and percentages arrive as decimal strings
 * and are only ever held in decimal.js values, never in JavaScript numbers (SPEC §6 calls
 * floating-point money a defect: `0.7 / 100` is 0.006999… in binary, and VAT on 65.00 would come
 * out 0.45 instead of 0.46).
 */
import { Decimal } from "decimal.js";

/**
 * decimal.js configured for money: 50 significant digits (far beyond any invoice) and
 * ROUND_HALF_UP, which in decimal.js rounds ties away from zero for negatives too (SPEC §6:
 * "amounts round half away from zero to the cent"). A clone, so the global default is untouched.
 */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
/** An exact decimal value (an instance of {@link Dec}). */
export type Dec = Decimal;

/** A money amount as SPEC §6 writes it: exactly two decimals, rounded half away from zero. */
export function money(d: Dec): string {
  const text = d.toFixed(2, Decimal.ROUND_HALF_UP);
  return text === "-0.00" ? "0.00" : text;
}

/** Hours for an invoice line: at least two decimals, more only when the input had more. */
export function hoursText(d: Dec): string {
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

/** `percent` % of `amount`, exact (`"0.7"` % of 65.00 is 0.455, which {@link money} makes 0.46). */
export function percentOf(amount: Dec, percent: string): Dec {
  return amount.times(percent).dividedBy(100);
}
