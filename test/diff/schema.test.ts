/** The committed JSON Schema of `sla diff --format json` is current, and real output matches the zod schema. */
import { describe, expect, it } from "vitest";
import { DiffReportSchema, diffJsonSchema } from "../../diff/model.js";
import { diffCli } from "./helpers.js";

describe("diff report schema", () => {
  it("schemas/diff.schema.json is generated from the zod schema", async () => {
    await expect(`${JSON.stringify(diffJsonSchema(), null, 2)}\n`).toMatchFileSnapshot("../../schemas/diff.schema.json");
  });

  it("the JSON output of a diff with impact and assertion is a valid report", async () => {
    const dir = "test/diff/fixtures/goal-tightened";
    const r = await diffCli({ paths: [`${dir}/old.sla`, `${dir}/new.sla`], format: "json", tickets: "test/diff/tickets/acme.ndjson", assert: "no-looser" });
    expect(r.code).toBe(3);
    const report = DiffReportSchema.parse(JSON.parse(r.out));
    expect(report.changes.map((c) => [c.kind, c.subject, c.effect])).toEqual([["goal", "response · P1 · gold", "stricter"]]);
    expect(report.assertion?.holds).toBe(true);
    expect(report.impact?.tickets).toBeGreaterThan(0);
  });
});
