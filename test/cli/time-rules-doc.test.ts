/**
 * docs/time-rules.md states every time rule with an example case. The examples are quoted from
 * docs/time-rules.sla, which `sla test` runs: a quoted example that is not in the policy word for
 * word, or an example whose expectation the runtime does not meet, fails here.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const doc = readFileSync("docs/time-rules.md", "utf8");
const policy = readFileSync("docs/time-rules.sla", "utf8");
const slaBlocks = [...doc.matchAll(/```sla\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("docs/time-rules.md", () => {
  it("quotes its examples (and the calendars they use) word for word from docs/time-rules.sla", () => {
    expect(slaBlocks.length).toBeGreaterThanOrEqual(20);
    for (const block of slaBlocks) expect(policy).toContain(block);
  });

  it("gives each of the numbered rules 1–13 at least one example", () => {
    const sections = doc.split(/^## /m).filter((s) => /^\d+\. /.test(s));
    expect(sections.map((s) => Number(s.split(".")[0]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    for (const s of sections.slice(0, 13)) expect(s).toMatch(/```sla\nexample "/);
  });

  it("every example of docs/time-rules.sla passes `sla test`", () => {
    const r = spawnSync(process.execPath, [join("dist", "cli", "main.js"), "test", "docs/time-rules.sla"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.stdout).toContain("20 passed, 0 failed");
    expect(r.status).toBe(0);
  });
});
