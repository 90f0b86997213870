/**
 * The period examples of issue 12 under `examples/periods/` (one per new construct) and the
 * public agreements of `examples/agreements/`: each period settles to its `.expected.json`, and
 * each policy's example cases pass as `sla test` runs them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { runExamples } from "../../runtime/examples.js";
import { settleInput } from "../../runtime/settle.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

function policy(path: string): PolicyIR {
  const r = compile(path, read(path));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!r.ir || errors.length > 0) throw new Error(`${path}: ${errors.map((d) => d.message).join("; ")}`);
  return r.ir;
}

/** Period example → the policy it settles under. */
const periods: [string, string][] = [
  ["sum-per-breach-2026-03", "examples/periods/sum-per-breach.sla"],
  ["amount-per-breach-2026-03", "examples/periods/amount-per-breach.sla"],
  ["letsflo-2026-03", "examples/agreements/letsflo.sla"],
  ["letsflo-2026-04", "examples/agreements/letsflo.sla"],
  ["uptime-excuses-2026-03", "examples/periods/uptime-excuses.sla"],
  ["uptime-excuses-2026-03-overdue", "examples/periods/uptime-excuses.sla"],
];

describe("issue 12 period examples settle to their expected results", () => {
  it.each(periods)("%s", (name, policyPath) => {
    const r = settleInput(policy(policyPath), JSON.parse(read(`examples/periods/${name}.json`)));
    expect(r.ok ? r.result : r.error).toEqual(JSON.parse(read(`examples/periods/${name}.expected.json`)));
  });

  it("pins the headline figures: the cap, the late claim, the fifth failure", () => {
    const get = (name: string, path: string) => {
      const r = settleInput(policy(path), JSON.parse(read(`examples/periods/${name}.json`)));
      return r.ok ? r.result.credit : null;
    };
    expect(get("sum-per-breach-2026-03", "examples/periods/sum-per-breach.sla")).toMatchObject({ creditPercent: "31", capped: true, amount: "3000.00" });
    expect(get("amount-per-breach-2026-03", "examples/periods/amount-per-breach.sla")).toMatchObject({ tickets: ["T-2", "T-3"], amount: "300.00" });
    expect(get("letsflo-2026-03", "examples/agreements/letsflo.sla")).toMatchObject({ breaches: 5, amount: "250.00" });
    expect(get("letsflo-2026-04", "examples/agreements/letsflo.sla")).toMatchObject({ breaches: 4, amount: "0.00" });
  });
});

const policies = [
  ...readdirSync(join(ROOT, "examples/agreements")).filter((f) => f.endsWith(".sla")).map((f) => `examples/agreements/${f}`),
  "examples/periods/sum-per-breach.sla",
  "examples/periods/amount-per-breach.sla",
  "examples/periods/uptime-excuses.sla",
];

describe("their example cases pass (sla test)", () => {
  it.each(policies)("%s", (path) => {
    const outcomes = runExamples(policy(path), (file) => ({ ok: true, json: JSON.parse(read(join(dirname(path), file))) }));
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => !o.pass).map((o) => o.name)).toEqual([]);
  });
});
