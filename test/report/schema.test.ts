/** The committed JSON Schema of `sla report --format json` is current, and real output matches the zod schema. */
import { describe, expect, it } from "vitest";
import { ReportSchema, reportJsonSchema } from "../../report/model.js";
import { reportCli } from "./helpers.js";

describe("report schema", () => {
  it("schemas/report.schema.json is generated from the zod schema", async () => {
    await expect(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`).toMatchFileSnapshot("../../schemas/report.schema.json");
  });

  it("the JSON output is a valid report whose counts match the example tickets", async () => {
    const r = await reportCli({ policyPath: "policies/kustomer.sla", input: "examples/tickets/kustomer.ndjson", format: "json" });
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.overall).toEqual([{ name: "response", met: 3, breached: 4, pending: 1, paused: 1, none: 0, attainmentPercent: "42.85" }]);
    expect(report.attainment).toEqual({ decimals: 2, rounding: "down" });
  });
});
