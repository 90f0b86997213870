/**
 * A credit applied to the next invoice (Journalify: "you receive a credit on your next invoice";
 * Blue Arctic: "We apply credit to your proceeding month's invoice"): `credit on next invoice`
 * names the period whose invoice the credit is deducted from, the policy's next period.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = (extra: string) => `policy carried "Credit on the next invoice"
${extra}
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

function policy(extra = ""): PolicyIR {
  const r = compile("n.sla", SOURCE(extra));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

function settled(ir: PolicyIR, from: string, to: string) {
  // One day down: below 99.9 % in any month or quarter.
  const r = settleInput(ir, { period: { from, to }, fees: { amount: "100.00", currency: "EUR" }, outages: [{ start: `${from}T00:00:00Z`, end: `${from}T12:00:00Z` }] });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

describe("credit on next invoice", () => {
  it("names the next month for a monthly period, December into January", () => {
    const r = settled(policy(), "2026-12-01", "2026-12-31");
    expect(r.periodCredit).toMatchObject({ amount: "10.00", appliedTo: { from: "2027-01-01", to: "2027-01-31", name: "2027-01" } });
    expect(r.periodCredit!.reason).toContain("10.00 credited on the next invoice, of 2027-01 (2027-01-01 to 2027-01-31)");
  });

  it("names the next fiscal quarter under `period quarter starting Feb 1`", () => {
    const r = settled(policy("period quarter starting Feb 1"), "2026-11-01", "2027-01-31");
    expect(r.periodCredit!.appliedTo).toEqual({ from: "2027-02-01", to: "2027-04-30", name: "2027-Q1" });
  });

  it("is absent without the clause", () => {
    const ir = compile("n.sla", SOURCE("").replace("  credit on next invoice\n", "")).ir!;
    expect(ir.credits!.onNextInvoice).toBeUndefined();
    expect(settled(ir, "2026-04-01", "2026-04-30").periodCredit!.appliedTo).toBeUndefined();
  });
});

/**
 * Without a declared `period` a period file may span any dates: the next invoice is the first
 * period wholly after the one settled, never the month a mid-month period ends in (which would
 * credit days on the invoice that covers them: found in review, 2026-11-29).
 */
describe("credit on next invoice after a period of any dates", () => {
  const appliedTo = (from: string, to: string) => settled(policy(), from, to).periodCredit!;

  it("a half month: the next calendar month, not the month the period ends in", () => {
    const r = appliedTo("2026-12-01", "2026-12-15");
    expect(r.appliedTo).toEqual({ from: "2027-01-01", to: "2027-01-31", name: "2027-01" });
    expect(r.reason).toContain("credited on the next invoice, of 2027-01 (2027-01-01 to 2027-01-31)");
  });

  it("a period across two months: the month after its end", () => {
    expect(appliedTo("2026-01-15", "2026-02-14").appliedTo).toEqual({ from: "2026-03-01", to: "2026-03-31", name: "2026-03" });
  });

  it("a whole month or a quarter given without `period`: the month right after", () => {
    expect(appliedTo("2026-04-01", "2026-04-30").appliedTo).toEqual({ from: "2026-05-01", to: "2026-05-31", name: "2026-05" });
    expect(appliedTo("2026-01-01", "2026-03-31").appliedTo).toEqual({ from: "2026-04-01", to: "2026-04-30", name: "2026-04" });
  });
});
