/**
 * Availability credited as a multiple of the fee paid for the downtime, per fiscal quarter (Lets
 * Flo: "99.9 % per fiscal quarter … the fee paid during the downtime × 10"). The fee paid for the
 * downtime is the period's fees pro rata of the downtime over the period's measured time; the
 * credit is the multiple of that exact figure, rounded to the cent once. Every figure below is
 * worked out by hand in the comment beside it.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = `policy fq "Uptime per fiscal quarter"
calendar office { zone "UTC"  Mon-Fri 09:00-17:00 }
cause force_majeure "force majeure"
availability uptime "Uptime" {
  commit 99.9% per quarter starting Feb 1
  over elapsed time
  excuse cause force_majeure
  credit 10 × downtime fee
}
availability office_time "Uptime in office hours" {
  commit 99% per quarter starting Feb 1
  over calendar office
  credit 2.5 × downtime fee
}
credits {
  zone "UTC"
  cap 100%
}
`;

function policy(): PolicyIR {
  const r = compile("fq.sla", SOURCE);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

function settled(from: string, to: string, fees: string, outages: readonly Record<string, unknown>[]) {
  const r = settleInput(policy(), { period: { from, to }, fees: { amount: fees, currency: "EUR" }, outages });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

const down = (start: string, end: string, cause?: string) => ({ start, end, ...(cause ? { cause } : {}) });

describe("credit N × downtime fee, per quarter starting Feb 1", () => {
  it("lowers the window and the multiple to the IR, with no bands", () => {
    const [uptime, hours] = policy().availability!;
    expect(uptime).toMatchObject({ window: { unit: "quarter", startMonth: 2 }, downtimeFeeMultiple: "10", bands: [] });
    expect(hours).toMatchObject({ window: { unit: "quarter", startMonth: 2 }, downtimeFeeMultiple: "2.5" });
  });

  it("credits ten times the quarter's fee pro rata of the downtime, rounded once", () => {
    // Fiscal Q1 2026 is Feb 1 – Apr 30: 28 + 31 + 30 = 89 days = 2,136 hours. Down 3 hours
    // (Tue Mar 3 08:00–11:00), a 4-hour force majeure excused: (2,136 − 3) / 2,136 = 99.8595… % → 99.859,
    // below 99.9 %. The downtime's fee: 7,000.00 × 3 / 2,136 = 9.8314606… → 9.83; the credit
    // 10 × 9.8314606… = 98.314606… → 98.31 (10 × the rounded 9.83 would be 98.30).
    const r = settled("2026-02-01", "2026-04-30", "7000.00", [down("2026-03-03T08:00:00Z", "2026-03-03T11:00:00Z"), down("2026-04-07T00:00:00Z", "2026-04-07T04:00:00Z", "force_majeure")]);
    const a = r.availability!["uptime"]!;
    expect([a.periodMs / 3_600_000, a.downtimeMs / 3_600_000, a.excusedMs / 3_600_000]).toEqual([2136, 3, 4]);
    expect(a.availabilityPercent).toBe("99.859");
    expect(a.met).toBe(false);
    expect(a.downtimeFee).toBe("9.83");
    expect(a.creditAmount).toBe("98.31");
    expect(a.creditPercent).toBe("0");
    // Over office hours: 89 days hold 64 weekdays (Feb 20, Mar 22, Apr 22) × 8 h = 512 h; 08:00–11:00
    // on a Tuesday is 2 open hours: (512 − 2) / 512 = 99.609 % ≥ 99 %, met: no credit, the fee shown.
    const h = r.availability!["office_time"]!;
    expect([h.periodMs / 3_600_000, h.downtimeMs / 3_600_000]).toEqual([512, 2]);
    expect(h.met).toBe(true);
    // 7,000.00 × 2 / 512 = 27.34375 → 27.34
    expect([h.availabilityPercent, h.downtimeFee, h.creditAmount]).toEqual(["99.609", "27.34", "0.00"]);
    expect(r.periodCredit).toMatchObject({ amount: "98.31", parts: [{ source: "availability uptime", creditPercent: null, amount: "98.31" }] });
  });

  it("owes nothing while the commitment is met", () => {
    // 2 hours of 2,136: 99.906 % ≥ 99.9 %.
    const a = settled("2026-02-01", "2026-04-30", "7000.00", [down("2026-02-10T08:00:00Z", "2026-02-10T10:00:00Z")]).availability!["uptime"]!;
    expect([a.availabilityPercent, a.met, a.creditAmount]).toEqual(["99.906", true, "0.00"]);
  });

  it("judges a quarterly commitment only in a period that is one of its quarters", () => {
    // February alone is a month of fiscal Q1: no commitment is judged, and the settlement has none.
    const month = settled("2026-02-01", "2026-02-28", "2000.00", [down("2026-02-10T00:00:00Z", "2026-02-11T00:00:00Z")]);
    expect(month.availability).toBeUndefined();
    expect(month.periodCredit).toBeUndefined();
    // January to March is not a fiscal quarter either (they start Feb 1).
    expect(settled("2026-01-01", "2026-03-31", "6000.00", []).availability).toBeUndefined();
    expect(Object.keys(settled("2026-05-01", "2026-07-31", "6000.00", []).availability ?? {})).toEqual(["uptime", "office_time"]);
  });
});
