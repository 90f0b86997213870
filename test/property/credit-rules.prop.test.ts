/**
 * Properties of the issue-12 credit rules against a BigInt reference: percentages and amounts
 * are scaled to integers (10^6 for percentages, 10^2 for money), summed and capped in BigInt,
 * and the runtime's decimal.js figures must agree exactly — a sum never exceeds its cap, a
 * threshold credit never falls as breaches rise, and a fixed amount is count × amount, capped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CreditsIR } from "../../runtime/ir.js";
import { applyCreditRule, type CountedTicket } from "../../runtime/settle-credit-rules.js";
import { Dec } from "../../runtime/settle-decimal.js";
import { propertyRuns } from "./budget.js";
import { decimal, percent, scaled } from "./decimal-text.js";

const RUNS = { numRuns: propertyRuns(3) };
const origin = { file: "p.sla", line: 1, column: 1, text: "" };

const fees = decimal(100_000_000, 2);

function credits(extra: Partial<CreditsIR>): CreditsIR {
  return {
    plans: null, targets: [], rows: [], claimMonthsAfter: null, claimSubject: null, capPercent: null,
    ineligibleChannels: [], ineligibleOptionalLanguages: false, zone: null, origin, ...extra,
  };
}
const counted = (percents: readonly string[]): CountedTicket[] => percents.map((p, i) => ({ id: `T-${i}`, creditPercent: p, row: origin }));

describe("sum per breach (issue 12.7)", () => {
  it("agrees exactly with the BigInt reference and never exceeds its cap", () => {
    fc.assert(
      fc.property(fc.array(percent, { maxLength: 30 }), fc.option(percent, { nil: null }), fees, (rows, cap, fee) => {
        const out = applyCreditRule(credits({ mode: "sum", capPercent: cap }), new Dec(fee), counted(rows));
        // Reference: fee·10^2 × Σpercent·10^6, in units of 10^-10 of the currency (÷100 for the percent).
        const sum = rows.reduce((a, p) => a + scaled(p, 6), 0n);
        const raw = scaled(fee, 2) * sum;
        const capped = cap === null ? raw : scaled(fee, 2) * scaled(cap, 6) < raw ? scaled(fee, 2) * scaled(cap, 6) : raw;
        expect(out.credit.times("1e10").toFixed()).toBe(capped.toString());
        expect(out.creditPercent).toBe(new Dec(sum.toString()).div(1e6).toFixed());
        if (cap !== null) expect(out.credit.lte(new Dec(fee).times(cap).div(100))).toBe(true);
        expect(out.capped).toBe(capped !== raw);
      }),
      RUNS,
    );
  });
});

describe("a fixed amount per breach (issue 12.7)", () => {
  it("is count × amount, capped, exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), decimal(10_000_000, 2), fc.option(percent, { nil: null }), fees, (n, amount, cap, fee) => {
        const c = credits({ mode: "amount", amountPerBreach: { amount, currency: "EUR", origin }, capPercent: cap });
        const out = applyCreditRule(c, new Dec(fee), counted(Array(n).fill(null) as string[]));
        const raw = scaled(amount, 2) * BigInt(n) * 100_000_000n; // units of 10^-10
        const limit = cap === null ? null : scaled(fee, 2) * scaled(cap, 6);
        const expected = limit !== null && limit < raw ? limit : raw;
        expect(out.credit.times("1e10").toFixed()).toBe(expected.toString());
      }),
      RUNS,
    );
  });
});

describe("thresholds on the count of breaches (issue 12.7)", () => {
  it("are monotone: one more breach never earns less", () => {
    const thresholds = fc
      .uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 5 })
      .chain((counts) => fc.array(percent, { minLength: counts.length, maxLength: counts.length }).map((ps) => ({ counts: [...counts].sort((a, b) => a - b), ps: [...ps].sort((a, b) => new Dec(a).cmp(b)) })));
    fc.assert(
      fc.property(thresholds, fc.integer({ min: 0, max: 45 }), fees, ({ counts, ps }, n, fee) => {
        const c = credits({ thresholds: counts.map((aboveBreaches, i) => ({ aboveBreaches, creditPercent: ps[i]!, origin })) });
        const at = (k: number) => applyCreditRule(c, new Dec(fee), counted(Array(k).fill("0") as string[]));
        expect(at(n + 1).credit.gte(at(n).credit)).toBe(true);
        // Reference: the last threshold the count exceeds.
        const i = counts.findLastIndex((x) => n > x);
        expect(at(n).creditPercent).toBe(i < 0 ? "0" : ps[i]);
      }),
      RUNS,
    );
  });
});
