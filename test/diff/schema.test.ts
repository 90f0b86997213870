/** The committed JSON Schema of `sla diff --format json` is current, and real output matches the zod schema. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiffOutputSchema, DiffReportSchema, DiffReportsSchema, diffJsonSchema } from "../../diff/model.js";
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

  it("describes both shapes it prints: a report, or `{ reports }`, with the report defined once", () => {
    const schema = diffJsonSchema() as { anyOf: unknown[]; $defs: Record<string, unknown> };
    expect(Object.keys(schema.$defs)).toEqual(["DiffReport"]);
    expect(schema.anyOf).toEqual([
      { $ref: "#/$defs/DiffReport" },
      { type: "object", properties: { reports: { type: "array", items: { $ref: "#/$defs/DiffReport" } } }, required: ["reports"], additionalProperties: false },
    ]);
  });

  it("--rev prints `{ reports }` with one report per file in the order given, even for one file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-diff-json-"));
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    for (const c of ["fees", "credits"]) copyFileSync(`test/diff/fixtures/${c}/old.sla`, join(dir, `${c}.sla`));
    git("add", "fees.sla", "credits.sla");
    git("commit", "-q", "-m", "base");
    for (const c of ["fees", "credits"]) copyFileSync(`test/diff/fixtures/${c}/new.sla`, join(dir, `${c}.sla`));
    const both = await diffCli({ paths: [join(dir, "fees.sla"), join(dir, "credits.sla")], rev: "HEAD", format: "json" });
    expect(both.err).toBe("");
    const printed = JSON.parse(both.out) as unknown;
    expect(DiffOutputSchema.parse(printed)).toEqual(printed);
    const { reports } = DiffReportsSchema.parse(printed);
    expect(reports.map((r) => [r.old.file, r.new.file])).toEqual([
      [`HEAD:${join(dir, "fees.sla")}`, join(dir, "fees.sla")],
      [`HEAD:${join(dir, "credits.sla")}`, join(dir, "credits.sla")],
    ]);
    const one = await diffCli({ paths: [join(dir, "fees.sla")], rev: "HEAD", format: "json" });
    expect(DiffReportsSchema.parse(JSON.parse(one.out)).reports).toHaveLength(1);
  });
});
