/**
 * Hostile period input (issue 9 items 3 and 4): every malformed decimal gets a field error, never
 * an internal error; dates outside the supported years 1900–2199 are refused by field; dates are
 * compared as dates; the late charge counts months in constant time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyIR } from "../../runtime/ir.js";
import { parsePeriod } from "../../runtime/period.js";
import { addDays, compareDates, dayNumber } from "../../runtime/settle-dates.js";
import { startedMonthsLate } from "../../runtime/settle-invoice.js";
import { settleInput } from "../../runtime/settle.js";
import { DECIMAL_FIELDS, seedPolicy } from "./settle-fields.js";

const lucy = seedPolicy("lucy");
const imagicle = seedPolicy("imagicle");
const promotron = seedPolicy("promotron");

const march = { period: { from: "2026-03-01", to: "2026-03-31" } };
const may = { period: { from: "2026-05-01", to: "2026-05-31" }, vatRate: "0.21", trialStart: "2026-04-01" };
const gold = { ...march, plan: "gold", fees: { amount: "12000.00", currency: "EUR" } };

const MALFORMED = ["abc", "", " 5", "5 ", "1,000.00", "1e3", "-1", "+1", ".5", "5.", "0x10", "Infinity", "NaN", "١٢", "1".repeat(41)];

describe("malformed decimals are field errors (issue 9.3)", () => {
  const cases = DECIMAL_FIELDS.flatMap((f) => MALFORMED.map((v) => [f.field, JSON.stringify(v), f] as const));
  it.each(cases)("%s = %s", (field, value, f) => {
    const r = settleInput(f.policy, f.period(JSON.parse(value)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe(field);
    expect(r.error.message).toMatch(/decimal string|too long/);
  });

  it("still checks the value of a well-formed decimal", () => {
    const hours = DECIMAL_FIELDS[0]!;
    expect(parsePeriod(hours.period("0.00"), hours.policy)).toEqual({ ok: false, error: { field: "work[0].hours", message: "must be more than 0" } });
  });
});

describe("period dates lie in the supported years 1900–2199 (issue 9.4)", () => {
  const cases: [string, PolicyIR, unknown, string][] = [
    ["period ending in 9999", lucy, { period: { from: "2026-03-01", to: "9999-12-31" } }, "period.to"],
    ["period starting in 1899", lucy, { period: { from: "1899-12-31", to: "2026-03-31" } }, "period.from"],
    ["period ending in 2200", lucy, { period: { from: "2026-03-01", to: "2200-01-01" } }, "period.to"],
    ["paid in 9999", lucy, { ...march, paidOn: "9999-01-01" }, "paidOn"],
    ["trial start in 0001", promotron, { ...may, trialStart: "0001-01-01" }, "trialStart"],
    ["work in 0000", lucy, { ...march, work: [{ date: "0000-03-03", hours: "1", kind: "support" }] }, "work[0].date"],
    ["package bought in 2999", promotron, { ...may, packages: [{ plan: "onboarding_package", regime: "premium", purchasedOn: "2999-05-02" }] }, "packages[0].purchasedOn"],
    ["claim dated 9999", imagicle, { ...gold, claim: { submittedAt: "9999-04-20", subject: "SLA Credit Request" } }, "claim.submittedAt"],
    ["claim received at an instant in 2200", lucy, { ...march, claim: { submittedAt: "2200-01-01T00:00:00Z", subject: "SLA Credit Request" } }, "claim.submittedAt"],
  ];
  it.each(cases)("%s", (_name, p, input, field) => {
    const r = parsePeriod(input, p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe(field);
      expect(r.error.message).toMatch(/1900.*2199/);
    }
  });

  it("settles the last supported year with four-digit dates and a bounded late charge", () => {
    const r = settleInput(lucy, {
      period: { from: "2199-12-01", to: "2199-12-31" },
      work: [{ date: "2199-12-03", hours: "4.7", kind: "support" }],
      paidOn: "2199-12-31",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.invoice).toMatchObject({ total: "611.00", issuedOn: "2200-01-01", dueOn: "2200-01-31", lateCharge: "0.00" });
  });

  it("counts the late months of a payment 173 years late in one step each way", () => {
    expect(startedMonthsLate("2026-05-01", "2199-12-31")).toBe(2084);
    // 611.00 × 1.5 % × 2084 started months, rounded once.
    const r = settleInput(lucy, { ...march, work: [{ date: "2026-03-03", hours: "4.7", kind: "support" }], paidOn: "2199-12-31" });
    expect(r.ok && r.result.invoice?.lateCharge).toBe("19099.86");
  });

  const lateCases: [string, string, number][] = [
    ["2026-12-15", "2027-01-15", 1], // across a year end
    ["2026-12-15", "2027-01-16", 2],
    ["2028-01-31", "2028-02-29", 1], // a leap day is the clamped month end
    ["2028-01-31", "2028-03-01", 2],
    ["1900-01-01", "2199-12-31", 3600], // the whole supported range
  ];
  it.each(lateCases)("from a due date of %s, paid on %s, counts %i started months", (due, paid, months) => {
    expect(startedMonthsLate(due, paid)).toBe(months);
  });

  it("orders dates by day number, which counts days as the calendar does", () => {
    const date = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, fc.integer({ min: -4000, max: 4000 }), (a, b, k) => {
        expect(Math.sign(compareDates(a, b))).toBe(a < b ? -1 : a > b ? 1 : 0);
        expect(dayNumber(addDays(a, k)) - dayNumber(a)).toBe(k);
        expect(dayNumber(a)).toBe(Date.parse(`${a}T00:00:00Z`) / 86_400_000);
      }),
    );
  });
});
