/**
 * The bundled binary evaluates with the holiday table for the years it holds and with date-holidays
 * itself beyond them (runtime/holiday-source.ts requires the package from node_modules at run
 * time, not from the bundle): both paths close the same kind of day.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, slaBinary } from "./run-cli.js";

/** A LumApps P1 in APAC (1 business hour, Japan's holidays) opened at 17:30 on a Friday. */
const ticket = (openedAt: string) => JSON.stringify({ id: "jp", openedAt, events: [], asOf: `${openedAt.slice(0, 4)}-12-31T00:00:00Z`, priority: "P1", region: "apac" });

describe("holidays in the bundled binary", () => {
  it.each([
    // 2026 is in the table: Monday 21 September is Respect for the Aged Day, Tuesday 22 a citizens' holiday, Wednesday 23 the Autumnal Equinox Day.
    ["2026-09-18T17:30:00+09:00", "2026-09-24T09:30:00+09:00"],
    // 2061 is past the table: the Vernal Equinox falls on Sunday 20 March, so Monday 21 is its substitute holiday.
    ["2061-03-18T17:30:00+09:00", "2061-03-22T09:30:00+09:00"],
  ])("skips Japan's holidays after a Friday opened at %s", (openedAt, due) => {
    const r = slaBinary(["eval", "policies/lumapps.sla", "-"], { input: `${ticket(openedAt)}\n` });
    expect(r.stderr).toBe("");
    const result = JSON.parse(r.stdout) as { targets: { due: string }[] };
    expect(result.targets[0]!.due).toBe(due);
  });
});

describe("the years the holiday table holds", () => {
  const dir = mkdtempSync(join(tmpdir(), "sla-years-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Reports on standard error whether date-holidays was required (the runtime requires it lazily).
  const hook = join(dir, "hook.cjs");
  writeFileSync(hook, `const M = require("module"); const load = M._load; let loaded = false;
M._load = function (request, ...rest) { if (request === "date-holidays") loaded = true; return load.call(this, request, ...rest); };
process.on("exit", () => process.stderr.write(loaded ? "date-holidays loaded\\n" : "date-holidays not loaded\\n"));`);
  const loads = (openedAt: string) => {
    const r = spawnSync(process.execPath, ["--require", hook, CLI, "eval", "policies/lumapps.sla", "-"], { input: `${ticket(openedAt)}\n`, encoding: "utf8" });
    expect(r.stdout).toContain('"due":');
    return r.stderr.trim();
  };

  it.each([["2000-01-04T10:00:00+09:00"], ["2026-09-18T17:30:00+09:00"], ["2050-12-29T10:00:00+09:00"]])("evaluate %s without loading date-holidays (neighbouring years included)", (openedAt) => {
    expect(loads(openedAt)).toBe("date-holidays not loaded");
  });

  it("load date-holidays past them", () => {
    expect(loads("2061-03-18T17:30:00+09:00")).toBe("date-holidays loaded");
  });
});
