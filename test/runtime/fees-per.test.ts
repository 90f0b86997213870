/**
 * A payment stated per month, quarter or year, pro-rated to the period (Apify Cloud: "the annual
 * committed User payment pro-rated for a one-month period"): `"fees": { "amount": "12000.00",
 * "per": "year" }` is 1,000.00 for a calendar month, rounded to the cent, and the credit is a share
 * of that. Values hand-computed.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { parsePeriod } from "../../runtime/period.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = `policy uptime "Uptime"
availability service "Service" {
  commit 99.99%
  over elapsed time
  credits {
    | below  | credit |
    | 99.99% | 10%    |
  }
}
`;

function policy(): PolicyIR {
  const r = compile("u.sla", SOURCE);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

const period = (from: string, to: string, amount: string, per?: string) => ({
  period: { from, to },
  fees: { amount, currency: "USD", ...(per ? { per } : {}) },
  outages: [{ start: `${from}T10:00:00Z`, end: `${from}T11:00:00Z` }],
});

function fees(input: ReturnType<typeof period>): string | undefined {
  const r = parsePeriod(input, policy());
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.period.fees?.amount;
}

describe("fees stated per month, quarter or year", () => {
  it.each([
    ["a year's payment for a month", "2026-06-01", "2026-06-30", "12000.00", "year", "1000.00"],
    ["a year's payment for a quarter", "2026-04-01", "2026-06-30", "12000.00", "year", "3000.00"],
    ["a year's payment for a year", "2026-01-01", "2026-12-31", "12000.00", "year", "12000.00"],
    ["a quarter's payment for a month, to the cent", "2026-05-01", "2026-05-31", "1000.00", "quarter", "333.33"],
    ["a quarter's payment for two months, to the cent", "2026-11-01", "2026-12-31", "1000.00", "quarter", "666.67"],
    ["a month's payment for a quarter across New Year", "2026-12-01", "2027-02-28", "500.00", "month", "1500.00"],
    ["no `per`: the period's own amount", "2026-06-03", "2026-06-17", "432.10", undefined, "432.10"],
  ])("%s", (_, from, to, amount, per, expected) => {
    expect(fees(period(from, to, amount, per))).toBe(expected);
  });

  it("is a field error for a period that is not whole calendar months", () => {
    const r = parsePeriod(period("2026-06-05", "2026-07-04", "12000.00", "year"), policy());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe("fees.per");
      expect(r.error.message).toBe("pro-rates a year's payment by whole calendar months: the period 2026-06-05 to 2026-07-04 is not one (from a month's 1st to a month's last day)");
    }
    const unknown = parsePeriod(period("2026-06-01", "2026-06-30", "12000.00", "week"), policy());
    expect(unknown.ok ? null : unknown.error.field).toBe("fees.per");
  });

  it("credits a share of the pro-rated amount: 10 % of a year's 12,000.00 for June is 100.00", () => {
    const r = settleInput(policy(), period("2026-06-01", "2026-06-30", "12000.00", "year"));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.periodCredit?.amount).toBe("100.00");
  });
});
