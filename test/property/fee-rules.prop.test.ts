/**
 * Properties of the issue-12.2 and 12.5 settlement against BigInt and month-stepping references:
 * a percentage charge is exactly max(minimum, percent × base); allowances per kind of work
 * never bill more than the hours worked, and bill exactly the hours beyond the free ones of each
 * week or month; a quota's used + left is the quota unless exceeded, and used − over is then;
 * periods tile the calendar (each day in exactly one, named, and the name gives it back).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR, SettlementPeriodIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";
import { Dec } from "../../runtime/settle-decimal.js";
import { addDays } from "../../runtime/settle-dates.js";
import { percentCharge } from "../../runtime/settle-fee-rules.js";
import { bucketOf, namedPeriod, periodBoundsProblem, periodContaining } from "../../runtime/settlement-period.js";
import { propertyRuns } from "./budget.js";
import { decimal, percent, scaled } from "./decimal-text.js";

const RUNS = { numRuns: propertyRuns(3) };
const SLOW = { numRuns: propertyRuns(1) };

const amount = decimal(1_000_000_000, 2);
const big = (d: Dec, scale: number): bigint => BigInt(d.times(new Dec(10).pow(scale)).toFixed(0));

describe("a charge of a percentage with a minimum (issue 12.5)", () => {
  it("is exactly max(minimum, percent × base)", () => {
    fc.assert(
      fc.property(amount, percent, fc.option(amount, { nil: null }), (base, pct, min) => {
        const out = percentCharge(new Dec(base), pct, min === null ? null : new Dec(min));
        // Reference in units of 10^-10: base·10^2 × percent·10^6 is (base × percent)·10^8, i.e. the share·10^10.
        const share = scaled(base, 2) * scaled(pct, 6);
        const minimum = min === null ? null : scaled(min, 10);
        const expected = minimum !== null && minimum > share ? minimum : share;
        expect(big(out.amount, 10)).toBe(expected);
        expect(out.minimumApplied).toBe(minimum !== null && minimum > share);
      }),
      RUNS,
    );
  });
});

/** A policy billing configuration (free hours per month) and support (free hours per week), with quotas. */
function feePolicy(monthFree: string, weekFree: string, quota: string, per: "week" | "month" | "quarter"): PolicyIR {
  const text = `policy p "P"
calendar c "C" {
  zone "Europe/Vienna"
  24x7
}
work configuration "Configuration"
work support "Support"
fees {
  currency EUR
  rate 100 EUR per hour
  allowance configuration ${monthFree} hours per month
  allowance support ${weekFree} hours per week
  quota ${quota} hours per ${per}
  invoice monthly
  payment net 30 days
}
`;
  const r = compile("p.sla", text);
  if (!r.ir) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.ir;
}

const hours = decimal(8000, 3).filter((h) => new Dec(h).gt(0));
const work = fc.array(fc.record({ day: fc.integer({ min: 1, max: 31 }), hours, kind: fc.constantFrom("configuration", "support") }), { maxLength: 25 });

describe("allowances per kind of work (issue 12.5)", () => {
  it("bill exactly the hours beyond each week's or month's free hours, never more than worked", () => {
    fc.assert(
      fc.property(decimal(500, 2), decimal(500, 2), work, (monthFree, weekFree, entries) => {
        const policy = feePolicy(monthFree, weekFree, "10", "week");
        const input = { period: { from: "2026-03-01", to: "2026-03-31" }, work: entries.map((w) => ({ date: `2026-03-${String(w.day).padStart(2, "0")}`, hours: w.hours, kind: w.kind })) };
        const r = settleInput(policy, input);
        if (!r.ok) throw new Error(r.error.message);
        const lines = r.result.invoice?.lines ?? [];
        const billed = lines.filter((l) => l.rate !== "0.00").reduce((a, l) => a + scaled(l.hours ?? "0", 3), 0n);
        const free = lines.filter((l) => l.rate === "0.00").reduce((a, l) => a + scaled(l.hours ?? "0", 3), 0n);
        // Reference: per (kind, week or month) bucket, max(0, worked − free hours), in thousandths of an hour.
        const worked = new Map<string, bigint>();
        for (const w of input.work) {
          const key = w.kind === "configuration" ? `c|${w.date.slice(0, 7)}` : `s|${bucketOf("week", w.date, undefined).name}`;
          worked.set(key, (worked.get(key) ?? 0n) + scaled(w.hours, 3));
        }
        let expected = 0n;
        for (const [key, h] of worked) {
          const allowance = scaled(key.startsWith("c") ? monthFree : weekFree, 3);
          if (h > allowance) expected += h - allowance;
        }
        const total = input.work.reduce((a, w) => a + scaled(w.hours, 3), 0n);
        expect(billed).toBe(expected);
        expect(billed + free).toBe(total);
        expect(billed <= total).toBe(true);
      }),
      SLOW,
    );
  });
});

describe("quotas (issue 12.5)", () => {
  it("used + left = quota when not exceeded, used − over = quota when exceeded, used = the bucket's hours", () => {
    fc.assert(
      fc.property(decimal(5000, 2), fc.constantFrom("week" as const, "month" as const, "quarter" as const), work, (quota, per, entries) => {
        const policy = feePolicy("0", "0", quota, per);
        const input = { period: { from: "2026-03-01", to: "2026-03-31" }, work: entries.map((w) => ({ date: `2026-03-${String(w.day).padStart(2, "0")}`, hours: w.hours, kind: w.kind })) };
        const r = settleInput(policy, input);
        if (!r.ok) throw new Error(r.error.message);
        const quotas = r.result.quotas ?? [];
        expect(quotas.length).toBe(per === "week" ? 6 : 1); // 2026-W09 … 2026-W14 share a day with March
        for (const q of quotas) {
          const [u, l, o, h] = [scaled(q.used, 3), scaled(q.left, 3), scaled(q.over, 3), scaled(quota, 3)];
          const reference = input.work.filter((w) => w.date >= q.from && w.date <= q.to).reduce((a, w) => a + scaled(w.hours, 3), 0n);
          expect(u).toBe(reference);
          expect(q.exceeded).toBe(u > h);
          if (q.exceeded) expect([u - o, l]).toEqual([h, 0n]);
          else expect([u + l, o]).toEqual([h, 0n]);
        }
      }),
      SLOW,
    );
  });
});

describe("settlement periods (issue 12.2)", () => {
  const sp = fc.record({ unit: fc.constantFrom("month" as const, "quarter" as const, "year" as const), startMonth: fc.integer({ min: 1, max: 12 }) }).map((p): SettlementPeriodIR => ({ ...p, startMonth: p.unit === "month" ? 1 : p.startMonth, origin: { file: "p.sla", line: 1, column: 1, text: "" } }));
  const date = fc.integer({ min: 0, max: 365 * 150 }).map((n) => addDays("1901-01-01", n));

  it("tile the calendar: the period of a day holds it, its name gives it back, and the next one starts the day after", () => {
    fc.assert(
      fc.property(sp, date, (p, d) => {
        const range = periodContaining(p, d);
        expect(range.from <= d && d <= range.to).toBe(true);
        expect(range.from.endsWith("-01")).toBe(true);
        // Reference: a period starts in a month m with (m − startMonth) a multiple of its length.
        const length = { month: 1, quarter: 3, year: 12 }[p.unit];
        expect((((Number(range.from.slice(5, 7)) - p.startMonth) % length) + length) % length).toBe(0);
        expect(namedPeriod(p, range.name)).toEqual(range);
        expect(periodBoundsProblem(p, range.from, range.to)).toBeNull();
        expect(periodContaining(p, addDays(range.to, 1)).from).toBe(addDays(range.to, 1));
        expect(periodContaining(p, addDays(range.from, -1)).to).toBe(addDays(range.from, -1));
      }),
      RUNS,
    );
  });
});
