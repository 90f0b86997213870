/**
 * The CLI (in-process, and the built binary where a hang or a working directory is at stake) on hostile inputs and the small things a new user meets:
 * devices, FIFOs and files outside the policy's folder named by `period "…"`, file-level
 * diagnostics with positions, `--version`, unknown options, `fmt --check`'s summary, JSON errors
 * at a line and column.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sla, slaBinary } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "sla-hard-"));
function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

const POLICY_HEAD = 'policy p\ncalendar c { zone "UTC" 24x7 }\n';
const periodExample = (path: string) => `${POLICY_HEAD}example "march" {\n  period ${JSON.stringify(path)}\n  expect invoice.total "0.00"\n}\n`;

describe("period files named by an example (sla test)", () => {
  it("/dev/zero is refused at once, not read until memory runs out", () => {
    const r = slaBinary(["test", file("zero.sla", periodExample("/dev/zero"))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("period file `/dev/zero`: not a regular file (a device, a FIFO or a socket)");
  });

  it("/etc/passwd is read as JSON and refused without echoing a character of it", async () => {
    const r = await sla(["test", file("passwd.sla", periodExample("/etc/passwd"))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("period file `/etc/passwd`:1:1: invalid JSON: expected a value");
    expect(r.stdout).not.toContain("root");
  });

  it("a relative path is resolved against the policy's folder, not the working directory", () => {
    const dir = join(tmp, "pol");
    mkdirSync(dir);
    writeFileSync(join(dir, "p.sla"), periodExample("period.json"));
    // A period beside the working directory must not be picked up.
    writeFileSync(join(tmp, "period.json"), "{}");
    const r = slaBinary(["test", join(dir, "p.sla")], { cwd: tmp });
    expect(r.stdout).toContain("period file `period.json` not found (paths are relative to the policy's folder)");
    // The seed policies name theirs as `../examples/periods/…`, from any working directory.
    expect(slaBinary(["test", join(process.cwd(), "policies/lucy.sla")], { cwd: tmp }).stdout).toMatch(/\d+ passed, 0 failed/);
  });

  it("a huge period file is refused at the limit", async () => {
    // A sparse file: 65 MB long, nothing written to disk.
    const big = file("big.json", "");
    truncateSync(big, 65 * 1024 * 1024);
    const r = await sla(["settle", "policies/lucy.sla", big]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({ error: { field: "", message: `${big}: file is too large (over 64 MB)` } });
  });
});

describe("sla check on files that are not policies", () => {
  it("a FIFO named x.sla in a checked folder is reported, not waited on", () => {
    const dir = join(tmp, "withfifo");
    mkdirSync(dir);
    execFileSync("mkfifo", [join(dir, "x.sla")]);
    writeFileSync(join(dir, "y.sla"), POLICY_HEAD);
    // The binary: a regression that waits on the FIFO must not block the test runner's thread.
    const r = slaBinary(["check", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, "x.sla")}:1:1: error[SLA004]: not a regular file (a device, a FIFO or a socket)`);
    expect(r.stdout).toContain(`ok ${join(dir, "y.sla")}`);
  });

  it("file-level diagnostics carry a position, in text and JSON", async () => {
    const empty = file("empty.sla", "\n\n");
    const latin1 = file("latin1.sla", Buffer.concat([Buffer.from("policy p\n// caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    const big = file("big.sla", `policy big\n${"// padding line for a very large file\n".repeat(40_000)}`);
    const text = await sla(["check", empty, latin1, big]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${empty}:1:1: error[SLA004]: file is empty\n`);
    expect(text.stdout).toContain(`${latin1}:2:7: error[SLA004]: file is not valid UTF-8\n`);
    expect(text.stdout).toContain(`${big}:1:1: error[SLA004]: file is too large (over 1 MB)\n`);
    const json = JSON.parse((await sla(["check", "--format", "json", latin1])).stdout) as { files: { diagnostics: unknown[] }[] };
    expect(json.files[0]!.diagnostics[0]).toEqual({
      file: latin1,
      code: "SLA004",
      severity: "error",
      message: "file is not valid UTF-8",
      start: { line: 2, column: 7 },
      end: { line: 2, column: 7 },
      help: "save the policy as UTF-8 text (the first invalid byte is at byte 15)",
    });
  });
});

describe("the command line itself", () => {
  it("--version prints the package's version", async () => {
    const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
    expect(await sla(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("an unknown option gets our message and the usage, exit 2", async () => {
    const r = await sla(["check", "--x", "policies/"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("sla: unknown option `--x`");
    expect(r.stderr).toContain("usage: sla <command> [options]");
    expect((await sla(["--nope"])).stderr.split("\n")[0]).toBe("sla: unknown option `--nope`");
    expect((await sla(["check", "--format"])).stderr.split("\n")[0]).toBe("sla: option `--format` needs a value");
    expect((await sla(["fmt", "--check=yes", "policies/"])).stderr.split("\n")[0]).toBe("sla: option `--check` takes no value");
  });

  it("fmt --check says what it checked, not that it formatted", async () => {
    const ok = await sla(["fmt", "--check", "policies/"]);
    expect(ok).toMatchObject({ code: 0, stdout: "5 files already formatted\n" });
    const dir = join(tmp, "fmt");
    mkdirSync(dir);
    for (const p of ["imagicle", "lucy"]) writeFileSync(join(dir, `${p}.sla`), readFileSync(`policies/${p}.sla`));
    writeFileSync(join(dir, "messy.sla"), 'policy   m\npriority P1   "x"\n');
    const r = await sla(["fmt", "--check", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${join(dir, "messy.sla")}: not formatted\n1 of 3 files needs formatting; run \`sla fmt --write\`\n`);
  });

  it("invalid JSON in a period is reported at file:line:col", async () => {
    const bad = file("bad-period.json", '{\n  "from": "2026-03-01",\n  "to": ,\n}\n');
    const r = await sla(["settle", "policies/lucy.sla", bad]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({ error: { field: "", message: `${bad}:3:9: invalid JSON: expected a value` } });
  });

  it("invalid JSON in a ticket is reported at line:col, and at a column within an NDJSON line", async () => {
    const one = await sla(["eval", "policies/kustomer.sla", file("bad-ticket.json", '{\n  "id": "T-1",\n  "openedAt" "2026-03-01T10:00:00Z"\n}\n')]);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stderr)).toEqual({ error: { field: "", message: "invalid JSON at 3:14: expected `:` after the property name" } });
    const many = await sla(["eval", "policies/kustomer.sla", file("bad-tickets.ndjson", '{"id": "T-1", "openedAt": }\n')]);
    expect(many.code).toBe(1);
    expect(JSON.parse(many.stdout)).toEqual({ line: 1, id: null, error: { field: "", message: "invalid JSON at column 27: expected a value" } });
  });

  it("a one-ticket .json file is read within the JSON size limit and as UTF-8, like a period", async () => {
    // A sparse file: 65 MB long, nothing written to disk (it used to be read whole, then parsed).
    const big = file("big-ticket.json", "");
    truncateSync(big, 65 * 1024 * 1024);
    const huge = await sla(["eval", "policies/kustomer.sla", big]);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toBe(`sla: cannot read \`${big}\`: file is too large (over 64 MB)\n`);
    const latin1 = file("latin1-ticket.json", Buffer.from('{"id": "caf\xe9"}', "latin1"));
    const notUtf8 = await sla(["eval", "policies/kustomer.sla", latin1, "--format", "svg"]);
    expect(notUtf8.code).toBe(1);
    expect(notUtf8.stderr).toBe(`sla: cannot read \`${latin1}\`: not valid UTF-8 text\n`);
  });
});
