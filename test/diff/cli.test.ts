/** `sla diff` end to end, in-process: exit codes, impact totals, markdown, `--rev`, errors. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../cli/io.js";
import { DiffExit } from "../../diff/exit-codes.js";
import { diffCli } from "./helpers.js";

const F = "test/diff/fixtures";
const pair = (c: string) => [`${F}/${c}/old.sla`, `${F}/${c}/new.sla`];

describe("sla diff", () => {
  it("reports the tickets a tightening moves, with totals, reading tickets as of their own asOf", async () => {
    const r = await diffCli({ paths: pair("goal-tightened"), at: null, tickets: "test/diff/tickets/acme.ndjson" });
    expect(r.code).toBe(DiffExit.changes);
    expect(r.out).toContain("impact: 3 of 6 tickets change: 3 due earlier, 1 now breached, status changes on 1, credit changes on 1 (1 invalid line skipped: line 6)");
    expect(r.out).toContain("line 2 A-2: response due 2026-03-02T12:00:00+01:00 → 2026-03-02T11:00:00+01:00 (earlier); response met → breached; credit none → 10%");
  });

  it("reads tickets with the shared NDJSON reader: BOM at the start only, CRLF, blank lines, bad lines by number", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-diff-"));
    const [a1, a2, , , , , a6] = readFileSync("test/diff/tickets/acme.ndjson", "utf8").split("\n");
    // Line 1 starts with a BOM (dropped); line 3 is blank; line 4 starts with a BOM that is not at
    // the start of the input, so it is a bad line; line 5 is not JSON; the file ends without a newline.
    const text = `\ufeff${a1}\r\n${a2}\r\n\r\n\ufeff${a6}\r\n{not json\r\n${a6}`;
    writeFileSync(join(dir, "t.ndjson"), text);
    const r = await diffCli({ paths: pair("goal-tightened"), at: null, tickets: join(dir, "t.ndjson") });
    expect(r.out).toContain("impact: 3 of 5 tickets change: 3 due earlier, 1 now breached, status changes on 1, credit changes on 1 (2 invalid lines skipped: lines 4, 5)");
    expect(r.out).toContain("  line 1 A-1: response due");
    expect(r.out).toContain("  line 2 A-2: response due");
    expect(r.out).toContain("  line 6 A-6: response due");
  });

  it("exits 4 with a counterexample ticket when no-looser fails, 3 when it holds", async () => {
    const failed = await diffCli({ paths: pair("goal-kind"), assert: "no-looser" });
    expect(failed.code).toBe(DiffExit.assertionFailed);
    expect(failed.out).toContain("assert no-looser: FAILS");
    expect(failed.out).toContain('counterexample: {"id":"counterexample","priority":"P2","plan":"basic","region":"emea","language":"en","openedAt":"2026-01-01T00:00:00Z"');
    const held = await diffCli({ paths: pair("goal-kind"), assert: "no-stricter" });
    expect(held.code).toBe(DiffExit.changes);
    expect(held.out).toContain("assert no-stricter: holds");
  });

  it("writes a markdown table for a pull-request comment", async () => {
    const r = await diffCli({ paths: pair("credits"), format: "markdown" });
    expect(r.out.split("\n").slice(0, 1)).toEqual(["### `sla diff` acme: 1 change in meaning (1 stricter)"]);
    expect(r.out).toContain("| 🔺 stricter | credits | credit · P1 · gold | credit 10% → 15% | L60 `\\| P1 \\| 10% \\|` | L60 `\\| P1 \\| 15% \\|` |");
  });

  it("compares with a git revision (--rev)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-diff-"));
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    copyFileSync(`${F}/fees/old.sla`, join(dir, "policy.sla"));
    git("add", "policy.sla");
    git("commit", "-q", "-m", "base");
    copyFileSync(`${F}/fees/new.sla`, join(dir, "policy.sla"));
    const r = await diffCli({ paths: [join(dir, "policy.sla")], rev: "HEAD" });
    expect(r.err).toBe("");
    expect(r.code).toBe(DiffExit.changes);
    expect(r.out).toContain("[looser] fees rate any work / any plan: 100 EUR → 120 EUR per hour");
    const missing = await diffCli({ paths: [join(dir, "policy.sla")], rev: "no-such-rev" });
    expect(missing.code).toBe(DiffExit.inputError);
    expect(missing.err).toMatch(/^sla: cannot read `policy.sla` at revision `no-such-rev`/);
  });

  it("exits 1 on a policy with errors or a missing file, without a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-diff-"));
    writeFileSync(join(dir, "bad.sla"), "policy x \"X\"\ncalendar {\n");
    const bad = await diffCli({ paths: [`${F}/fees/old.sla`, join(dir, "bad.sla")] });
    expect(bad.code).toBe(DiffExit.inputError);
    expect(bad.err).toContain("the policy has errors");
    expect(bad.err).not.toMatch(/\n\s+at /);
    const missing = await diffCli({ paths: [`${F}/fees/old.sla`, join(dir, "nope.sla")] });
    expect(missing.code).toBe(DiffExit.inputError);
    expect(missing.err).toBe(`sla: cannot read \`${join(dir, "nope.sla")}\`: no such file\n`);
  });

  it("rejects wrong usage", async () => {
    await expect(diffCli({ paths: [`${F}/fees/old.sla`] })).rejects.toThrow(UsageError);
    await expect(diffCli({ paths: pair("fees"), format: "yaml" })).rejects.toThrow("`--format` is one of text, json, markdown, not `yaml`");
    await expect(diffCli({ paths: pair("fees"), assert: "no-change" })).rejects.toThrow("`--assert` is `no-looser` or `no-stricter`");
  });
});

describe("sla diff --assert without common axes", () => {
  it("fails rather than holding vacuously when the versions share no plan", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-diff-"));
    const old = `${F}/fees/old.sla`;
    const renamed = join(dir, "new.sla");
    writeFileSync(renamed, readFileSync(old, "utf8").replace('plan basic "Basic"\nplan gold "Gold"', 'plan silver "Silver"\nplan platinum "Platinum"').replace("| basic             | gold             |", "| silver            | platinum         |").replace(/for gold/g, "for platinum"));
    const r = await diffCli({ paths: [old, renamed], assert: "no-looser" });
    expect(r.err).toBe("");
    expect(r.code).toBe(DiffExit.assertionFailed);
    expect(r.out).toContain("assert no-looser: FAILS (0 axis combinations, 0 start instants)\n  the versions have no plans in common: no ticket is valid under both, so nothing can be guaranteed\n");
  });
});
