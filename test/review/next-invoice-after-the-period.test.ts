/**
 * Review of d73a3fb (`credit on next invoice`): without a declared `period` a period file may span
 * any dates, and the next invoice was the calendar month holding the day after the period, which
 * for a period ending mid-month is the month the period itself ends in: a credit for
 * 2026-12-01 … 2026-12-15 was "credited on the next invoice, of 2026-12 (2026-12-01 to
 * 2026-12-31)", an invoice covering the very days it credits. The next invoice is the first
 * period wholly after the one settled.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = `policy carried "Credit on the next invoice"
availability uptime "Uptime" {
  commit 99.9%
  over elapsed time
  credits {
    | below | credit |
    | 99.9% | 10%    |
  }
}
credits {
  zone "UTC"
  credit on next invoice
}
`;

function appliedTo(from: string, to: string) {
  const ir = compile("n.sla", SOURCE).ir!;
  // Half a day down: below 99.9 % in any period up to a quarter.
  const r = settleInput(ir, { period: { from, to }, fees: { amount: "100.00", currency: "EUR" }, outages: [{ start: `${from}T00:00:00Z`, end: `${from}T12:00:00Z` }] });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return { appliedTo: r.result.periodCredit!.appliedTo, reason: r.result.periodCredit!.reason };
}

describe("the next invoice comes after the settled period", () => {
  it("a half month: the next calendar month, not the month the period ends in", () => {
    const r = appliedTo("2026-12-01", "2026-12-15");
    expect(r.appliedTo).toEqual({ from: "2027-01-01", to: "2027-01-31", name: "2027-01" });
    expect(r.reason).toContain("credited on the next invoice, of 2027-01 (2027-01-01 to 2027-01-31)");
  });

  it("a period across two months: the month after its end", () => {
    expect(appliedTo("2026-01-15", "2026-02-14").appliedTo).toEqual({ from: "2026-03-01", to: "2026-03-31", name: "2026-03" });
  });

  it("a whole month or a quarter given without `period`: the month right after, as before", () => {
    expect(appliedTo("2026-04-01", "2026-04-30").appliedTo).toEqual({ from: "2026-05-01", to: "2026-05-31", name: "2026-05" });
    expect(appliedTo("2026-01-01", "2026-03-31").appliedTo).toEqual({ from: "2026-04-01", to: "2026-04-30", name: "2026-04" });
  });
});
