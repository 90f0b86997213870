/**
 * `sla report` streams: 80,000 generated tickets through the built binary (`npm run build`
 * first) in bounded memory, within a 64 MB V8 heap and checked loosely by the child's peak RSS
 * (never by time), with every ticket counted. Also: a long run of bad lines is counted in full and listed briefly, and
 * progress goes to stderr when asked (on a terminal).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ndjson, variedTickets } from "../../bench/workloads.js";
import { LISTED_BAD_LINES, ReportSchema } from "../../report/model.js";
import { AT, reportCli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "sla-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Prints the process's peak RSS (KB) on stderr at exit, from inside the child. */
const PEAK_RSS = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))';

describe("sla report streaming", () => {
  it("80,000 tickets: every one counted, in a heap too small to hold them or their results", () => {
    const path = join(dir, "many.ndjson");
    /**
     * Why 80,000 is enough (measured with `--max-old-space-size`): the streaming report needs
     * about 36 MB of heap whatever the count (10,000, 40,000 and 200,000 tickets all run in
     * 36 MB), while a parsed ticket with its result takes about 890 bytes: holding them would
     * take ~71 MB on top of that. Even a bare `node` that only JSON-parses these 80,000 lines and
     * keeps them runs out of a 64 MB heap. 200,000 tickets proved no more and took 2.5 times as
     * long.
     */
    const n = 80_000;
    // Written in slices: the test process never holds all the tickets either.
    writeFileSync(path, "");
    for (let seed = 1; seed <= 4; seed++) writeFileSync(path, ndjson(variedTickets("imagicle", n / 4, seed)), { flag: "a" });
    // A 64 MB heap: holding the tickets or their results would run out of it.
    const r = spawnSync(process.execPath, ["--max-old-space-size=64", "--import", PEAK_RSS, "dist/cli/main.js", "report", "policies/imagicle.sla", path, "--at", AT, "--format", "json"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.totals).toEqual({ lines: n, tickets: n, outsideRange: 0, bad: 0 });
    expect(report.periods.reduce((s, p) => s + p.tickets, 0)).toBe(n);
    const rssMb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]) / 1024;
    // The heap cap is the bound that matters; this is a loose second look at the whole process
    // (code, buffers outside the heap). Measured ~135 MB, the same for 10,000 and 200,000 tickets.
    expect(rssMb).toBeGreaterThan(0);
    expect(rssMb).toBeLessThan(320);
  });

  it("60,000 bad lines are all counted, the first 50 listed, with progress on stderr when asked", async () => {
    const path = join(dir, "blank.ndjson");
    writeFileSync(path, "\n".repeat(60_000));
    const r = await reportCli({ policyPath: "policies/kustomer.sla", input: path, format: "json", progress: true });
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.badLines.count).toBe(60_000);
    expect(report.badLines.listed).toHaveLength(LISTED_BAD_LINES);
    expect(report.badLines.listed[49]).toEqual({ line: 50, id: null, field: "", message: "empty line: expected a ticket" });
    expect(r.err).toBe("\rsla report: 60,000 lines read\n");
  });
});
