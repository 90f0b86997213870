/**
 * Exact decimal texts for the money properties, and their BigInt reference values: built from
 * integers, so no binary floating-point number ever stands between a generated figure and the
 * settlement that reads it.
 */
import fc from "fast-check";
import { Dec } from "../../runtime/settle-decimal.js";

/** A decimal text up to `max` (as an integer of the smallest unit) with up to `places` decimals. */
export const decimal = (max: number, places: number): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: places })).map(([n, p]) => {
    if (p === 0) return String(n);
    const digits = String(n).padStart(p + 1, "0");
    return `${digits.slice(0, -p)}.${digits.slice(-p)}`;
  });

/** A percentage 0–100 with up to 6 decimals, the IR's percentage shape. */
export const percent: fc.Arbitrary<string> = fc.oneof(decimal(100, 0), decimal(100_000_000, 6).filter((t) => new Dec(t).lte(100)));

/** `text` × 10^scale as a BigInt (exact: the text has at most `scale` decimals). */
export function scaled(text: string, scale: number): bigint {
  const [whole = "0", fraction = ""] = text.split(".");
  return BigInt(whole + fraction.padEnd(scale, "0"));
}
