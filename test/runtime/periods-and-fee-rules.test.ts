/**
 * Settlement periods and fee rules (issue 12.2, 12.5): period names and boundaries with a fiscal
 * start, the field errors of a period file that is not one of the policy's periods, charges (a
 * percentage with a minimum), free hours per kind of work, quotas; and the period examples under
 * `examples/periods/` settle to their `.expected.json`, their example cases passing.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { runExamples } from "../../runtime/examples.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { PeriodFileSchema } from "../../runtime/period.js";
import { settleInput } from "../../runtime/settle.js";
import { bucketOf, namedPeriod, periodContaining } from "../../runtime/settlement-period.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

function compiled(path: string, text = read(path)): PolicyIR {
  const r = compile(path, text);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!r.ir || errors.length > 0) throw new Error(`${path}: ${errors.map((d) => d.message).join("; ")}`);
  return r.ir;
}

const origin = { file: "p.sla", line: 1, column: 1, text: "" };
const febQuarters = { unit: "quarter" as const, startMonth: 2, origin };
const aprilYears = { unit: "year" as const, startMonth: 4, origin };

describe("period names and boundaries", () => {
  it("names fiscal quarters by the year the fiscal year starts in", () => {
    expect(namedPeriod(febQuarters, "2026-Q1")).toEqual({ from: "2026-02-01", to: "2026-04-30", name: "2026-Q1" });
    expect(namedPeriod(febQuarters, "2026-Q4")).toEqual({ from: "2026-11-01", to: "2027-01-31", name: "2026-Q4" });
    // January 2027 is in the last quarter of fiscal 2026.
    expect(periodContaining(febQuarters, "2027-01-15").name).toBe("2026-Q4");
    expect(namedPeriod(aprilYears, "2026")).toEqual({ from: "2026-04-01", to: "2027-03-31", name: "2026" });
    expect(namedPeriod(undefined, "2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29", name: "2024-02" });
  });

  it("refuses a name of another kind of period, with the shape to write", () => {
    expect(namedPeriod(febQuarters, "2026-03")).toBe('"2026-03" is not a period name: the policy settles by quarters starting Feb 1: write YYYY-Qn, e.g. "2026-Q1"');
    expect(namedPeriod(undefined, "2026-Q1")).toBe('"2026-Q1" is not a period name: the policy settles by months: write YYYY-MM, e.g. "2026-03"');
  });

  it("weeks are ISO weeks and quarters of quotas follow the fiscal year", () => {
    expect(bucketOf("week", "2026-01-01", undefined)).toEqual({ from: "2025-12-29", to: "2026-01-04", name: "2026-W01" });
    expect(bucketOf("week", "2027-01-01", undefined)).toEqual({ from: "2026-12-28", to: "2027-01-03", name: "2026-W53" });
    expect(bucketOf("quarter", "2026-03-10", febQuarters).name).toBe("2026-Q1");
    expect(bucketOf("quarter", "2026-03-10", undefined)).toEqual({ from: "2026-01-01", to: "2026-03-31", name: "2026-Q1" });
  });
});

describe("a period file under a declared period", () => {
  const policy = compiled("examples/periods/fiscal-quarter.sla");
  const base = { fees: { amount: "36000.00", currency: "EUR" } };

  it("takes the period's name or its exact dates, and names the period in the result", () => {
    const named = settleInput(policy, { ...base, period: "2026-Q2" });
    const dated = settleInput(policy, { ...base, period: { from: "2026-05-01", to: "2026-07-31" } });
    expect(named.ok && named.result.period).toEqual({ from: "2026-05-01", to: "2026-07-31", name: "2026-Q2" });
    expect(dated.ok && dated.result.period).toEqual({ from: "2026-05-01", to: "2026-07-31", name: "2026-Q2" });
  });

  it("gives a field error naming `period` for dates that are not one period", () => {
    const r = settleInput(policy, { ...base, period: { from: "2026-01-01", to: "2026-03-31" } });
    expect(r.ok ? null : r.error).toEqual({
      field: "period",
      message: "2026-01-01 … 2026-03-31 is not one of the policy's periods (quarters starting Feb 1): the one containing 2026-01-01 is 2025-Q4, 2025-11-01 … 2026-01-31",
    });
    const month = settleInput(policy, { ...base, period: "2026-02" });
    expect(month.ok ? null : month.error.field).toBe("period");
  });

  it("is described by the period file's JSON Schema shape: a name or dates", () => {
    expect(PeriodFileSchema.safeParse({ period: "2026-Q1" }).success).toBe(true);
    expect(PeriodFileSchema.safeParse({ period: { from: "2026-02-01", to: "2026-04-30" } }).success).toBe(true);
    expect(PeriodFileSchema.safeParse({ period: "Q1 2026" }).success).toBe(false);
  });

  it("leaves a policy without a declared period as it was: any dates, no name", () => {
    const sum = compiled("examples/periods/sum-per-breach.sla");
    const r = settleInput(sum, { ...base, period: { from: "2026-03-05", to: "2026-03-20" } });
    expect(r.ok && r.result.period).toEqual({ from: "2026-03-05", to: "2026-03-20" });
  });
});

describe("charges, free hours per kind of work and quotas", () => {
  const policy = compiled("examples/periods/fee-rules.sla");
  const licence = (amount: string) => ({ period: "2026-04", charges: [{ charge: "licence", amount }] });

  it("takes 20 % of the licence when it is above the minimum, exactly, rounded on the line", () => {
    const r = settleInput(policy, licence("12345.67"));
    if (!r.ok) throw new Error(r.error.message);
    // 20 % of 12345.67 is 2469.134: the line is 2469.13, the charge is not the minimum.
    expect(r.result.invoice?.lines.map((l) => l.amount)).toEqual(["12345.67", "2469.13"]);
    expect(r.result.invoice?.charges?.[1]).toMatchObject({ amount: "2469.13", minimumApplied: false, baseAmount: "12345.67", chargePercent: "20" });
  });

  it("requires the period file's charges by name", () => {
    const missing = settleInput(policy, { period: "2026-04" });
    expect(missing.ok ? null : missing.error).toEqual({
      field: "charges",
      message: 'is required: policy fee_rules takes charge licence from the period file (e.g. [{ "charge": "licence", "amount": "12000.00" }])',
    });
    const unknown = settleInput(policy, { period: "2026-04", charges: [{ charge: "licnce", amount: "1.00" }] });
    expect(unknown.ok ? null : unknown.error).toEqual({ field: "charges[0].charge", message: 'unknown charge "licnce" (valid: licence)' });
  });

  it("frees the first 2 configuration hours of each month, then bills the rest", () => {
    const r = settleInput(policy, {
      ...licence("8000.00"),
      work: [
        { date: "2026-04-02", hours: "1.25", kind: "configuration" },
        { date: "2026-04-20", hours: "1.25", kind: "configuration" },
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.invoice?.lines.slice(2).map((l) => [l.hours, l.rate, l.amount])).toEqual([
      ["1.25", "0.00", "0.00"],
      ["0.75", "0.00", "0.00"],
      ["0.50", "120.00", "60.00"],
    ]);
  });

  it("reports quotas per ISO week and calendar quarter, outside billing", () => {
    const r = settleInput(policy, { ...licence("8000.00"), work: [{ date: "2026-04-01", hours: "12", kind: "support" }] });
    if (!r.ok) throw new Error(r.error.message);
    const quotas = r.result.quotas ?? [];
    expect(quotas.find((q) => q.bucket === "2026-W14")).toMatchObject({ hours: "10.00", used: "12.00", left: "0.00", over: "2.00", exceeded: true });
    expect(quotas.find((q) => q.per === "quarter")).toMatchObject({ bucket: "2026-Q2", from: "2026-04-01", to: "2026-06-30", used: "12.00", left: "18.00", exceeded: false });
    // Billing is unchanged by the quota: 12 hours at 120.00.
    expect(r.result.invoice?.lines.at(-1)?.amount).toBe("1440.00");
  });
});

describe("a plan's included hours per quarter (QDABRA)", () => {
  const policy = compiled("examples/agreements/qdabra.sla");

  it("counts only the work done in the quota's regime, and the invoice is quarterly", () => {
    expect(policy.fees?.invoice.schedule).toBe("quarterly");
    const r = settleInput(policy, {
      plan: "basic",
      period: "2026-Q2",
      charges: [{ charge: "plan_fee", amount: "625.00" }],
      work: [
        { date: "2026-04-02", hours: "3", kind: "support" },
        { date: "2026-05-02", hours: "2", kind: "support", regime: "vip" },
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.quotas?.map((q) => [q.regime, q.bucket, q.used, q.left, q.exceeded])).toEqual([
      ["basic", "2026-Q2", "3.00", "1.00", false],
      ["standard", "2026-Q2", "0.00", "8.00", false],
      ["enterprise", "2026-Q2", "0.00", "16.00", false],
      ["vip", "2026-Q2", "2.00", "30.00", false],
    ]);
  });
});

describe("the period examples of issue 12.2 and 12.5", () => {
  const examples: [string, string][] = [
    ["fiscal-quarter-2026-Q1", "examples/periods/fiscal-quarter.sla"],
    ["fee-rules-2026-03", "examples/periods/fee-rules.sla"],
    ["fiscal-year-2026", "examples/periods/fiscal-year.sla"],
    ["qdabra-2026-Q1", "examples/agreements/qdabra.sla"],
    ["qdabra-2026-Q3", "examples/agreements/qdabra.sla"],
  ];
  it.each(examples)("%s settles to its expected result", (name, path) => {
    const r = settleInput(compiled(path), JSON.parse(read(`examples/periods/${name}.json`)));
    expect(r.ok ? r.result : r.error).toEqual(JSON.parse(read(`examples/periods/${name}.expected.json`)));
  });

  it.each(examples.map(([, path]) => path))("%s passes its example cases", (path) => {
    const outcomes = runExamples(compiled(path), (file) => ({ ok: true, json: JSON.parse(read(join(dirname(path), file))) }));
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => !o.pass)).toEqual([]);
  });
});
