/**
 * Percentages of credits and fees are exact from the policy text to the invoice (issue 9.10), and
 * the compiler bounds what would push billing dates out of range (issue 9.4).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const lucySource = readFileSync(new URL("../../policies/lucy.sla", import.meta.url), "utf8");
/** LUCY with its fees block's `late charge` clause replaced by `clauses`. */
const lucyWith = (clauses: string) => compile("lucy.sla", lucySource.replace("late charge 1.5% per started month", clauses));
function lucyIr(clauses: string): PolicyIR {
  const r = lucyWith(clauses);
  if (!r.ir) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.ir;
}
const march = { period: { from: "2026-03-01", to: "2026-03-31" } };

describe("percentages as exact decimal text (issue 9.10)", () => {
  it("keeps `vat 0.7%` as the text 0.7: VAT on 65.00 is 0.46 (0.455 rounded half up), not 0.45", () => {
    const p = lucyIr("late charge 1.5% per started month\n  vat 0.7%");
    expect(p.fees?.vat).toEqual({ applies: true, vatPercent: "0.7" });
    const r = settleInput(p, { ...march, work: [{ date: "2026-03-03", hours: "0.5", kind: "support" }] });
    expect(r.ok && r.result.invoice).toMatchObject({ subtotal: "65.00", vat: "0.46", total: "65.46" });
  });

  it("writes every percentage of credits and fees as the text the policy wrote", () => {
    const p = lucyIr("late charge 1.125% per started month");
    expect(p.fees?.lateCharge).toEqual({ chargePercent: "1.125", per: "startedMonth" });
    const imagicle = compile("imagicle.sla", readFileSync(new URL("../../policies/imagicle.sla", import.meta.url), "utf8").replace("| P2       | 10%    |", "| P2       | 12.5%  |")).ir;
    expect(imagicle?.credits?.rows.map((r) => r.creditPercent)).toEqual(["20", "12.5", "5", "0"]);
  });

  it("checks a percentage's range and decimals on its text (SLA305)", () => {
    const messages = (clauses: string) => lucyWith(clauses).diagnostics.filter((d) => d.code === "SLA305").map((d) => d.message);
    expect(messages("late charge 100.0001% per started month")).toEqual(["100.0001% is outside 0–100%"]);
    expect(messages("late charge 100.000% per started month")).toEqual([]);
    expect(messages("late charge 1.0000001% per started month")).toEqual(["1.0000001% has more than 6 decimals"]);
  });
});

describe("billing date offsets are bounded (issue 9.4)", () => {
  it("reports payment terms and invoice days beyond 3660 days (SLA504)", () => {
    const source = lucySource.replace("payment net 30 days", "payment net 99999999 days");
    const r = compile("lucy.sla", source);
    expect(r.ir).toBeNull();
    expect(r.diagnostics.filter((d) => d.code === "SLA504").map((d) => d.message)).toEqual(["99999999 days is more than the 3660 days a billing date may lie after another"]);
  });
});
