/**
 * The public agreements of issue 11.5–11.6 (`examples/agreements/`): each checks clean and its
 * example cases pass, and a wrong `N breaches` expectation fails (so the recurring targets' cases
 * are really compared, not skipped).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { runExamples } from "../../runtime/examples.js";

const AGREEMENTS = ["examples/agreements/secret-double-octopus.sla", "examples/agreements/healthcare-blocks.sla"];

function outcomes(path: string, text = readFileSync(path, "utf8")) {
  const r = compile(path, text);
  expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return runExamples(r.ir!, () => ({ ok: false, message: "no period files" }));
}

describe("public agreements with recurring obligations and rule holidays", () => {
  it.each(AGREEMENTS)("%s checks clean and its example cases pass", (path) => {
    const results = outcomes(path);
    expect(results.length).toBeGreaterThan(2);
    expect(results.filter((o) => !o.pass).map((o) => o.name)).toEqual([]);
  });

  it("a wrong count of missed status updates fails its example, naming both counts", () => {
    const path = AGREEMENTS[0]!;
    const text = readFileSync(path, "utf8").replace("expect status_updates breached 2 breaches", "expect status_updates breached 3 breaches");
    const failed = outcomes(path, text).find((o) => !o.pass);
    expect(failed?.name).toMatch(/^SDO-1/);
    const miss = failed!.expectations.find((e) => !e.pass)!;
    expect(miss.expected).toBe("breached, 3 breaches, due 2026-03-03T02:00:00-05:00");
    expect(miss.actual).toBe("breached, 2 breaches, due 2026-03-03T02:00:00-05:00 (goal 4 hours)");
  });
});
