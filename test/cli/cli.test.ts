/**
 * The `sla` command line: its output and exit codes. Most cases run `main` in-process (run-cli.ts);
 * the binary itself (`npm test` builds first) is spawned where only a real process shows the
 * behaviour: stdin, exit codes set by main.ts, worker threads, a reader that closes the pipe.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IR_VERSION } from "../../runtime/ir.js";
import { CLI, sla, slaBinary } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "sla-cli-"));
function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe("sla check", () => {
  it("reports the five seed policies clean and exits 0", async () => {
    const r = await sla(["check", "policies/"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("5 files checked: 5 clean, 0 errors, 0 warnings");
    for (const p of ["imagicle", "kustomer", "lucy", "lumapps", "promotron"]) expect(r.stdout).toContain(`ok policies/${p}.sla`);
  });

  it("prints file:line:col, the source line, a caret underline and the help; exits 1", async () => {
    const p = file("bad.sla", 'policy bad\ncalendar c {\n  zone "Europe/Rom"\n  Mon-Fri 09:00-18:00\n}\n');
    const r = await sla(["check", p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${p}:3:8: error[SLA201]: invalid time zone \`Europe/Rom\``);
    expect(r.stdout).toContain('3 |   zone "Europe/Rom"');
    expect(r.stdout).toContain("  |        ^^^^^^^^^^^^");
    expect(r.stdout).toContain("= help: did you mean `Europe/Rome`?");
  });

  it("--format json gives codes, positions and fixes", async () => {
    const p = file("bad2.sla", 'policy bad\ncalendar c {\n  zone "Europe/Rom"\n  Mon-Fri 09:00-18:00\n}\n');
    const r = await sla(["check", "--format", "json", p]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { errors: number; files: { diagnostics: { code: string; start: { line: number; column: number }; fixes?: unknown[] }[] }[] };
    expect(json.errors).toBe(1);
    const d = json.files[0]!.diagnostics[0]!;
    expect(d.code).toBe("SLA201");
    expect(d.start).toEqual({ line: 3, column: 8 });
    expect(d.fixes).toHaveLength(1);
  });

  it("empty, non-UTF-8, missing and very large files get SLA004, not a crash", async () => {
    const empty = file("empty.sla", "");
    const latin1 = file("latin1.sla", Buffer.from([0x70, 0x6f, 0x6c, 0xe9, 0xff, 0x0a]));
    const big = file("big.sla", `policy big\n${"// padding line for a very large file\n".repeat(140_000)}`);
    const r = await sla(["check", empty, latin1, big, join(tmp, "missing.sla")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${empty}:1:1: error[SLA004]: file is empty`);
    expect(r.stdout).toContain(`${latin1}:1:4: error[SLA004]: file is not valid UTF-8`);
    expect(r.stdout).toContain("big.sla:1:1: error[SLA004]: file is too large (over 1 MB)");
    expect(r.stdout).toContain("missing.sla:1:1: error[SLA004]: no such file");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("usage mistakes exit 2", async () => {
    // The binary's exit code is main's (set by main.ts).
    expect(slaBinary([]).code).toBe(2);
    expect((await sla(["check"])).code).toBe(2);
    expect((await sla(["frobnicate"])).code).toBe(2);
    expect((await sla(["check", "--nope", "policies"])).code).toBe(2);
  });
});

describe("sla eval", () => {
  it("evaluates one ticket file (SPEC §3 example)", async () => {
    const t = file("t.json", JSON.stringify({ id: "T-1042", priority: "P2", plan: "gold", region: "europe", channel: "portal", language: "en", openedAt: "2026-03-27T16:30:00+01:00", events: [{ at: "2026-03-28T09:10:00+01:00", type: "pause" }, { at: "2026-03-30T10:00:00+02:00", type: "resume" }, { at: "2026-03-30T10:20:00+02:00", type: "respond" }], asOf: "2026-03-31T00:00:00Z" }));
    const r = await sla(["eval", "policies/imagicle.sla", t]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { policy: string; targets: { due: string; status: string }[] };
    expect(result.policy).toBe("imagicle");
    expect(result.targets[0]).toMatchObject({ due: "2026-03-30T10:20:00+02:00", status: "met" });
  });

  it("NDJSON keeps order, gives a bad line an error naming the field, and exits 1", () => {
    const good = '{"id":"K-1","priority":"P1","openedAt":"2026-03-02T10:00:00Z","events":[],"asOf":"2026-03-02T11:00:00Z"}';
    const bad = '{"id":"K-2","priority":"P1","openedAt":"2026-03-02T10:00:00Z","events":[{"at":"2026-03-02T09:00:00Z","type":"respond"}]}';
    const r = slaBinary(["eval", "policies/kustomer.sla", "-", "--at", "2026-03-02T13:00:00Z"], { input: `${good}\n${bad}\nnot json\n${good.replace("K-1", "K-3")}\n` });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l["id"] ?? null)).toEqual(["K-1", "K-2", null, "K-3"]);
    expect(lines[1]).toMatchObject({ line: 2, id: "K-2", error: { field: "events[0].at" } });
    expect(lines[2]).toMatchObject({ line: 3, error: { field: "" } });
    expect((lines[3] as { targets: { status: string }[] }).targets[0]!.status).toBe("breached");
  });

  it("a bad --at is a usage error", async () => {
    expect((await sla(["eval", "policies/kustomer.sla", file("none.ndjson", ""), "--at", "yesterday"])).code).toBe(2);
  });
});

describe("sla test, settle, fmt, compile", () => {
  it("runs every example case of the seed policies", async () => {
    const r = await sla(["test", "policies/"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n(\d+) passed, 0 failed\n$/);
    expect(Number(/(\d+) passed/.exec(r.stdout)![1])).toBeGreaterThanOrEqual(45);
  });

  it("reports a failing example with expected and actual values and the clause", async () => {
    const p = file("fail.sla", 'policy f\ncalendar c { zone "UTC" 24x7 }\npriority P1 "x"\ntarget response {\n  stop on respond\n  goals {\n    | priority | goal |\n    | P1 | 2 hours |\n  }\n}\nexample "late" {\n  priority P1\n  opened 2026-03-02T10:00:00Z\n  expect response met due 2026-03-02T11:00:00Z\n}\n');
    const r = await sla(["test", p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FAIL late");
    expect(r.stdout).toContain(`${p}:14:3: expect response met due 2026-03-02T11:00:00Z`);
    expect(r.stdout).toContain("expected: met, due 2026-03-02T11:00:00Z");
    expect(r.stdout).toContain("actual:   breached, due 2026-03-02T12:00:00Z (goal 2 hours)");
  });

  it("settles a period and names the field of a bad one", async () => {
    const ok = await sla(["settle", "policies/lucy.sla", "examples/periods/lucy-2026-03.json"]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { invoice: { total: string } }).invoice.total).toBe("611.00");
    const bad = file("period.json", JSON.stringify({ customer: "X", period: { from: "2026-03-01", to: "2026-03-31" }, work: [{ date: "2026-03-03", hours: 1.5, kind: "support" }] }));
    const r = await sla(["settle", "policies/lucy.sla", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"field": "work[0].hours"');
  });

  it("fmt --check passes on the seed policies and fails on a messy file", async () => {
    expect((await sla(["fmt", "--check", "policies/"])).code).toBe(0);
    const messy = file("messy.sla", "policy   m\npriority P1   \"x\"\n");
    const r = await sla(["fmt", "--check", messy]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("not formatted");
  });

  it("compile prints a versioned IR with source locations", async () => {
    const r = await sla(["compile", "policies/kustomer.sla"]);
    expect(r.code).toBe(0);
    const ir = JSON.parse(r.stdout) as { irVersion: number; targets: { goals: { origin: { line: number; text: string } }[] }[] };
    expect(ir.irVersion).toBe(IR_VERSION);
    expect(ir.targets[0]!.goals[0]!.origin.text).toBe("| P1 | 2 hours |");
  });
});

describe("the didactic example in examples/hello", () => {
  it("evaluates its ticket to the documented result, trace included", async () => {
    const r = await sla(["eval", "examples/hello/policy.sla", "examples/hello/ticket.json", "--explain"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync("examples/hello/expected.json", "utf8")));
  });

  it("passes its example cases", async () => {
    // examples/hello only: examples/ also holds the public agreements, each with its own cases.
    const r = await sla(["test", "examples/hello"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 passed, 0 failed");
  });
});

describe("the example tickets in examples/tickets", () => {
  for (const p of ["lucy", "imagicle", "lumapps", "promotron", "kustomer"]) {
    it(`${p}: sla eval prints the documented results`, async () => {
      const r = await sla(["eval", `policies/${p}.sla`, `examples/tickets/${p}.ndjson`]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(`examples/tickets/${p}.expected.ndjson`, "utf8"));
    });
  }
});

describe("sla eval on a long NDJSON stream (worker threads forced)", () => {
  it("keeps every line, in order, and names the bad ones by line number", () => {
    const good = (i: number) => `{"id":"K-${i}","priority":"P${(i % 3) + 1}","openedAt":"2026-03-02T10:00:00Z","events":[{"at":"2026-03-02T11:00:00Z","type":"respond"}],"asOf":"2026-03-03T00:00:00Z"}`;
    const lines: string[] = [];
    for (let i = 1; i <= 30_000; i++) lines.push(i === 25_000 ? '{"id":"bad","priority":"P9","openedAt":"2026-03-02T10:00:00Z"}' : i === 26_000 ? "" : good(i));
    const input = file("long.ndjson", `${lines.join("\n")}\n`);
    // Worker threads start after 200,000 lines, or at once with SLA_EVAL_THREADS; short chunks make many batches.
    const r = slaBinary(["eval", "policies/kustomer.sla", "-"], { input: readFileSync(input, "utf8"), env: { SLA_EVAL_THREADS: "2", SLA_EVAL_POOL_AFTER: "0" } });
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(30_000); // one output line per input line, the blank one included
    expect(JSON.parse(out[0]!)).toMatchObject({ id: "K-1", targets: [{ status: "met" }] });
    expect(JSON.parse(out[24_999]!)).toMatchObject({ line: 25_000, id: "bad", error: { field: "priority" } });
    expect(JSON.parse(out[25_999]!)).toMatchObject({ line: 26_000, id: null, error: { message: "empty line: expected a ticket" } });
    expect(JSON.parse(out[29_999]!)).toMatchObject({ id: "K-30000" });
    const ids = out.map((l) => (JSON.parse(l) as { id: string | null }).id);
    expect(ids.filter((id, i) => id !== "bad" && id !== null && id !== `K-${i + 1}`)).toEqual([]);
  });
});

describe("output closed early", () => {
  it("`sla eval … | head -n 1` ends quietly, without a stack trace", () => {
    const line = readFileSync("examples/tickets/imagicle.ndjson", "utf8").split("\n")[0]!;
    const many = file("many.ndjson", `${Array.from({ length: 20_000 }, () => line).join("\n")}\n`);
    const r = spawnSync("sh", ["-c", `node ${CLI} eval policies/imagicle.sla ${many} | head -n 1`], { encoding: "utf8" });
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toBe("");
  });
});

describe("edge cases of the command line", () => {
  it("a ticket file starting with a byte-order mark is read", async () => {
    const t = file("bom.json", `\ufeff${JSON.stringify({ id: "K-1", priority: "P1", openedAt: "2026-03-02T10:00:00Z", asOf: "2026-03-02T11:00:00Z" })}`);
    const r = await sla(["eval", "policies/kustomer.sla", t]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { targets: { status: string }[] }).targets[0]!.status).toBe("pending");
  });

  it("fmt with no .sla file is a usage error; a file that does not parse is said so", async () => {
    const empty = mkdtempSync(join(tmpdir(), "sla-nofiles-"));
    expect((await sla(["fmt", "--check", empty])).code).toBe(2);
    const broken = file("broken.sla", "policy b\nplan {\n");
    const r = await sla(["fmt", "--check", broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("1 of 1 file could not be formatted");
    expect(r.stderr).toContain("error[SLA001]");
  });

  it("--at outside the supported years is a usage error", async () => {
    expect((await sla(["eval", "policies/kustomer.sla", file("none.ndjson", ""), "--at", "3000-01-01T00:00:00Z"])).code).toBe(2);
  });
});

describe("error paths of the commands that run a policy", () => {
  const broken = () => file("broken-policy.sla", 'policy b\ncalendar c {\n  zone "Europe/Rom"\n  Mon-Fri 09:00-18:00\n}\n');

  it("compile, eval and settle refuse a policy with errors, showing its diagnostics", async () => {
    for (const args of [["compile", broken()], ["eval", broken(), "examples/hello/ticket.json"], ["settle", broken(), "examples/periods/lucy-2026-03.json"]]) {
      const r = await sla(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("error[SLA201]: invalid time zone `Europe/Rom`");
      expect(r.stderr).toContain("the policy has errors; run `sla check");
    }
  });

  it("eval and settle name a missing input file; settle names invalid JSON", async () => {
    const missing = join(tmp, "nope.json");
    const ev = await sla(["eval", "policies/kustomer.sla", missing]);
    expect(ev.code).toBe(1);
    expect(ev.stderr).toBe(`sla: cannot read \`${missing}\`: no such file\n`);
    const st = await sla(["settle", "policies/lucy.sla", missing]);
    expect(st.code).toBe(1);
    expect(JSON.parse(st.stderr)).toEqual({ error: { field: "", message: `${missing}: no such file` } });
    const bad = await sla(["settle", "policies/lucy.sla", file("bad-period.json", "{ nope")]);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stderr) as { error: { message: string } }).error.message).toContain("invalid JSON");
  });

  it("test reports a missing period file and a policy with errors, and fails", async () => {
    const p = file("period-missing.sla", 'policy m\ncalendar c { zone "UTC" 24x7 }\nexample "march" {\n  period "no-such-period.json"\n  expect invoice.total "0.00"\n}\n');
    const r = await sla(["test", p, broken()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FAIL march");
    expect(r.stdout).toContain("period file `no-such-period.json` not found");
    expect(r.stdout).toContain("0 passed, 1 failed (1 policy with errors)");
  });
});
