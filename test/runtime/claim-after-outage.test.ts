/**
 * `claim within N days after outage` (Cention: "Credit requested within 30 days of the incident"):
 * each outage has its own deadline, N days after the local date (billing zone) it ended on; an
 * outage the claim came too late for counts for no commitment. Figures worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = `policy c "Claims within 30 days of each outage"
calendar always { zone "Europe/Stockholm"  24x7 }
availability platform "Monthly uptime" {
  commit 99.9%
  credits {
    | below | credit |
    | 99.9% | 10%    |
    | 99%   | 25%    |
  }
}
credits {
  zone "Europe/Stockholm"
  claim within 30 days after outage
}
`;

function policy(): PolicyIR {
  const r = compile("c.sla", SOURCE);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

// April 2026 in Stockholm: 30 days = 720 hours. Outage A ends 23:30 UTC on April 10, which is
// 01:30 on April 11 in Stockholm (CEST, +02:00): its deadline is May 11. Outage B ends April 22:
// deadline May 22. A lasts 4 hours, B 6 hours.
const OUTAGES = [
  { start: "2026-04-10T19:30:00Z", end: "2026-04-10T23:30:00Z" },
  { start: "2026-04-22T07:00:00Z", end: "2026-04-22T13:00:00Z" },
];

function settled(claim: string | null) {
  const input = { period: { from: "2026-04-01", to: "2026-04-30" }, fees: { amount: "4500.00", currency: "SEK" }, outages: OUTAGES, ...(claim ? { claim: { submittedAt: claim, subject: "credit" } } : {}) };
  const r = settleInput(policy(), input);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

describe("claim within 30 days after outage", () => {
  it("lowers to a deadline counted from each outage", () => {
    expect(policy().credits?.claimDaysAfter).toEqual({ days: 30, after: "outage" });
  });

  it("counts every outage claimed by its deadline, the last day included", () => {
    // Claimed May 11, the last day for A: 10 hours down, (720 − 10) / 720 = 98.611 % → 25 % of 4,500.00 = 1,125.00.
    const r = settled("2026-05-11");
    const a = r.availability!["platform"]!;
    expect([a.downtimeMs / 3_600_000, a.availabilityPercent, a.creditPercent]).toEqual([10, "98.611", "25"]);
    expect(r.periodCredit).toMatchObject({ amount: "1125.00", eligible: true });
  });

  it("leaves out an outage claimed a day late, by its local end date", () => {
    // Claimed May 12: too late for A (May 11), in time for B. 6 hours down: 714 / 720 = 99.166 % → 10 % = 450.00.
    const r = settled("2026-05-12");
    const a = r.availability!["platform"]!;
    expect(a.outages.map((o) => [o.status, o.countedMs / 3_600_000])).toEqual([
      ["not counted", 0],
      ["counted", 6],
    ]);
    expect(a.outages[0]!.reason).toBe("claimed 2026-05-12, after 2026-05-11: 30 days after the outage ended on 2026-04-11");
    expect([a.availabilityPercent, a.creditPercent]).toEqual(["99.166", "10"]);
    expect(r.periodCredit?.amount).toBe("450.00");
  });

  it("leaves out an outage that began after the claim was submitted", () => {
    // Claimed April 15: A (ended April 11) is claimed, B (began April 22) came after the claim.
    // 4 hours down: 716 / 720 = 99.444 % → 10 % = 450.00.
    const r = settled("2026-04-15");
    const a = r.availability!["platform"]!;
    expect(a.outages.map((o) => [o.status, o.countedMs / 3_600_000])).toEqual([
      ["counted", 4],
      ["not counted", 0],
    ]);
    expect(a.outages[1]!.reason).toBe("claimed 2026-04-15, before the outage began on 2026-04-22: a claim asks for the outages before it");
    expect([a.availabilityPercent, a.creditPercent]).toEqual(["99.444", "10"]);
    expect(r.periodCredit?.amount).toBe("450.00");
  });

  it("owes nothing once every outage is past its deadline, or without a claim", () => {
    // Claimed May 23: both late, no downtime left, 100 %.
    const late = settled("2026-05-23");
    expect([late.availability!["platform"]!.availabilityPercent, late.periodCredit]).toEqual(["100.000", null]);
    const none = settled(null);
    expect(none.periodCredit).toMatchObject({ amount: "0.00", eligible: false });
    expect(none.periodCredit?.reason).toContain("no claim was submitted (a claim received within 30 days after each outage is required)");
  });
});
