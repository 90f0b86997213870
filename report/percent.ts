/**
 * Exact shares in percent for the report. Counts are integers, so the share is computed in
 * BigInt: no binary fraction ever stands between the counts and the printed digits.
 */
import { ATTAINMENT_DECIMALS } from "./model.js";

const SCALE = 10n ** BigInt(ATTAINMENT_DECIMALS);

/**
 * `part / whole` in percent with {@link ATTAINMENT_DECIMALS} decimals, rounded down: 999 of
 * 1,000 is `"99.90"`, 1,999 of 2,000 `"99.95"`, 2 of 3 `"66.66"`, and `"100.00"` only when
 * `part = whole`. `null` when `whole` is 0.
 */
export function percentText(part: number, whole: number): string | null {
  if (whole === 0) return null;
  const scaled = (BigInt(part) * 100n * SCALE) / BigInt(whole);
  const units = scaled / SCALE;
  const fraction = (scaled % SCALE).toString().padStart(ATTAINMENT_DECIMALS, "0");
  return `${units}.${fraction}`;
}
