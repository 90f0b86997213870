/**
 * `rollover until end of term` (QDABRA: "Unused hours roll over to the next quarter as Rollover
 * Hours, expiring at the end of the Term"): the period file gives the Term's last day
 * (`termEnds`); hours left in the bucket holding it, and hours carried into a bucket after it,
 * expire. Figures worked out by hand beside each expectation.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const source = (rollover: string) => `policy t "Rollover hours expiring with the Term"
calendar office { zone "UTC"  Mon-Fri 09:00-17:00 }
work support "support work"
fees {
  zone "UTC"
  currency USD
  free support
  quota support 10 hours per month ${rollover}
  invoice monthly, issued 1 day after period
  payment net 30 days
}
`;

function policy(rollover = "rollover until end of term"): PolicyIR {
  const r = compile("t.sla", source(rollover));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

const work = (date: string, hours: string) => ({ date, hours, kind: "support" });

function quotas(input: Record<string, unknown>, ir = policy()) {
  const r = settleInput(ir, input);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result.quotas!.map((q) => [q.bucket, q.carriedIn, q.available, q.used, q.carriedOut, q.expired]);
}

describe("rollover until end of term", () => {
  it("lowers to a quota whose rollover expires with the Term", () => {
    expect(policy().fees?.quotas?.[0]).toMatchObject({ rollover: true, rolloverExpires: "term" });
  });

  it("expires the hours left in the month the Term ends in, and carries nothing past it", () => {
    // January: 2 carried + 10 = 12, 4 used, 8 roll over. February holds the Term's last day:
    // 8 + 10 = 18, 3 used, the 15 left expire. March (a new Term): 0 carried, 10 available.
    const input = { period: { from: "2026-01-01", to: "2026-03-31" }, termEnds: "2026-02-28", carriedIn: [{ quota: "support", hours: "2" }], work: [work("2026-01-12", "4"), work("2026-02-03", "3"), work("2026-03-09", "1")] };
    expect(quotas(input)).toEqual([
      ["2026-01", "2.00", "12.00", "4.00", "8.00", "0.00"],
      ["2026-02", "8.00", "18.00", "3.00", "0.00", "15.00"],
      ["2026-03", "0.00", "10.00", "1.00", "9.00", "0.00"],
    ]);
  });

  it("expires hours a file carries into a month after the Term's end", () => {
    // The Term ended February 28: the 5 hours stated for March expire, 10 are available, 10.5 used: 0.5 over.
    const r = settleInput(policy(), { period: { from: "2026-03-01", to: "2026-03-31" }, termEnds: "2026-02-28", carriedIn: [{ quota: "support", hours: "5" }], work: [work("2026-03-09", "10.5")] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.quotas![0]).toMatchObject({ carriedIn: "0.00", available: "10.00", over: "0.50", exceeded: true, carriedOut: "0.00", expired: "5.00" });
  });

  it("keeps rolling over while the Term goes on, or when the file states no Term end", () => {
    // The Term ends after the period: 2 + 10 − 4 = 8 roll over, nothing expires.
    const later = { period: { from: "2026-01-01", to: "2026-01-31" }, termEnds: "2026-12-31", carriedIn: [{ quota: "support", hours: "2" }], work: [work("2026-01-12", "4")] };
    expect(quotas(later)).toEqual([["2026-01", "2.00", "12.00", "4.00", "8.00", "0.00"]]);
    const { termEnds: _, ...noTerm } = later;
    expect(quotas(noTerm)).toEqual([["2026-01", "2.00", "12.00", "4.00", "8.00", "0.00"]]);
  });

  it("refuses a Term end for a policy none of whose quotas expires with it", () => {
    const r = settleInput(policy("rollover"), { period: { from: "2026-01-01", to: "2026-01-31" }, termEnds: "2026-01-31" });
    expect(r.ok ? null : r.error).toEqual({ field: "termEnds", message: "policy t has no quota that rolls over `until end of term`: remove `termEnds`" });
  });
});
