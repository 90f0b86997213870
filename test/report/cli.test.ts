/** `sla report` on the command line: usage errors (exit 2), unreadable input (exit 1), never a stack trace. */
import { describe, expect, it } from "vitest";
import { main } from "../../cli/app.js";

async function sla(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), color: false });
  return { code, out, err };
}

const POLICY = "policies/kustomer.sla";
const TICKETS = "examples/tickets/kustomer.ndjson";

describe("sla report usage", () => {
  const cases: Array<[string[], string]> = [
    [["report", POLICY], "sla: `sla report` needs a policy and a ticket file (or `-` for standard input)"],
    [["report", POLICY, TICKETS, "extra"], "sla: too many arguments"],
    [["report", POLICY, TICKETS, "--format", "pdf"], "sla: `--format` is one of text, json, markdown, html, not `pdf`"],
    [["report", POLICY, TICKETS, "--period", "2026-13"], "sla: `--period 2026-13` is not a month in the years 1900–2199"],
    [["report", POLICY, TICKETS, "--period", "2026", "--to", "2026-03"], "sla: `--period` and `--from`/`--to` exclude each other"],
    [["report", POLICY, TICKETS, "--at", "yesterday"], "sla: --at `yesterday` is not an ISO-8601 instant with an offset in the years 1900–2199 (e.g. 2026-03-31T00:00:00Z)"],
  ];
  for (const [argv, message] of cases) {
    it(argv.slice(3).join(" ") || `${argv.length} arguments`, async () => {
      const r = await sla(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.split("\n")[0]).toBe(message);
      expect(r.err).toContain("report POLICY TICKETS|-");
    });
  }

  it("a missing ticket file is an input error naming it", async () => {
    const r = await sla("report", POLICY, "no/such.ndjson", "--at", "2027-01-01T00:00:00Z");
    expect(r).toEqual({ code: 1, out: "", err: "sla: cannot read tickets `no/such.ndjson`: no such file\n" });
  });

  it("without --at, every ticket is evaluated now, and the report says so", async () => {
    const before = Date.now();
    const r = await sla("report", POLICY, TICKETS, "--format", "json");
    const after = Date.now();
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { asOf: string; asOfSource: string };
    expect(report.asOfSource).toBe("now");
    // Between the instants before and after the run (the printed instant may drop milliseconds).
    expect(Date.parse(report.asOf)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(report.asOf)).toBeLessThanOrEqual(after);
  });
});
