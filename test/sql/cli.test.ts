/**
 * Issue 15 through the built binary (`dist/cli/main.js`, built by `npm test`): `sla compile
 * --target sql` and `sla eval --engine duckdb` on the warehouse example, against `sla eval` on
 * the same tickets; refusals and usage errors.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { parseInstant } from "../../runtime/instant.js";

const dir = mkdtempSync(join(tmpdir(), "sla-sql-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sla(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["dist/cli/main.js", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const lines = (text: string) => text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
const ms = (v: unknown) => (v == null ? null : parseInstant(String(v)));

describe("sla eval --engine duckdb", () => {
  it("answers like sla eval on the warehouse example (CSV export of examples/tickets/imagicle.ndjson)", () => {
    const sql = sla("eval", "policies/imagicle.sla", "examples/warehouse/tickets.csv", "--engine", "duckdb", "--years", "2026-2027");
    expect(sql.err).toBe("");
    expect(sql.code).toBe(0);
    const js = sla("eval", "policies/imagicle.sla", "examples/tickets/imagicle.ndjson");
    const expected = lines(js.out).map((r) => {
      const t = (r["targets"] as Array<Record<string, unknown>>)[0]!;
      const credit = r["credit"] as { percent: number } | null;
      return [r["id"], t["status"], ms(t["startedAt"]), ms(t["due"]), ms(t["stoppedAt"]), credit?.percent ?? null];
    });
    const actual = lines(sql.out).map((r) => [r["ticket_id"], r["status"], ms(r["started_at"]), ms(r["due"]), ms(r["stopped_at"]), r["credit_percent"] == null ? null : Number(r["credit_percent"])]);
    expect(actual).toEqual(expected);
    expect(actual.map((r) => r[1])).toEqual(expect.arrayContaining(["met", "breached", "none"]));
  });

  it("writes a recurring target's intervals, misses and first missed due as sla eval counts them (HedgTrade's update cadence)", () => {
    const input = join(dir, "hedgtrade.ndjson");
    const tickets = [
      // P1, answered at once, one update 75 minutes later (the hourly cadence missed once), resolved.
      { id: "HT-A", priority: "P1", openedAt: "2026-03-07T23:00:00+08:00", events: [{ at: "2026-03-07T23:10:00+08:00", type: "respond" }, { at: "2026-03-08T00:25:00+08:00", type: "status_update" }, { at: "2026-03-08T00:50:00+08:00", type: "resolve" }], asOf: "2026-03-09T00:00:00Z" },
      // P2, updates every 4 hours, all on time.
      { id: "HT-B", priority: "P2", openedAt: "2026-03-10T09:00:00+08:00", events: [{ at: "2026-03-10T09:30:00+08:00", type: "respond" }, { at: "2026-03-10T13:00:00+08:00", type: "status_update" }, { at: "2026-03-10T16:00:00+08:00", type: "resolve" }], asOf: "2026-03-11T00:00:00Z" },
    ];
    writeFileSync(input, tickets.map((t) => JSON.stringify(t)).join("\n") + "\n");
    const sql = sla("eval", "examples/agreements/hedgtrade.sla", input, "--engine", "duckdb", "--years", "2026-2026");
    expect(sql.err).toBe("");
    const js = lines(sla("eval", "examples/agreements/hedgtrade.sla", input).out);
    const expected = js.map((r) => {
      const t = (r["targets"] as Array<Record<string, unknown>>).find((x) => x["name"] === "updates")!;
      const rec = t["recurring"] as { intervals: number; misses: number; firstMissed: string | null };
      return [r["id"], rec.intervals, rec.misses, ms(rec.firstMissed)];
    });
    const actual = lines(sql.out)
      .filter((r) => r["target"] === "updates")
      .map((r) => [r["ticket_id"], r["intervals"], r["misses"], ms(r["first_missed"])]);
    expect(actual).toEqual(expected);
    // 23:10–00:10 missed, the next interval from that due met by the 00:25 update, 00:25–00:50 ended by the resolve.
    expect(actual[0]).toEqual(["HT-A", 3, 1, ms("2026-03-08T00:10:00+08:00")]);
    // A target that does not recur keeps its line's shape.
    expect(lines(sql.out).find((r) => r["target"] === "initial_response")).not.toHaveProperty("intervals");
  });

  it("writes Parquet results and the escalations beside them", async () => {
    const out = join(dir, "results.parquet");
    const r = sla("eval", "policies/imagicle.sla", "examples/tickets/imagicle.ndjson", "--engine", "duckdb", "--years", "2026-2027", "--out", out);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "results.escalations.parquet"))).toBe(true);
    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    const read = async (q: string) => (await c.runAndReadAll(q)).getRowObjectsJson();
    expect(await read(`SELECT ticket_id, status, CAST(due AS VARCHAR) AS due FROM '${out}' WHERE ticket_id = 'T-1042'`)).toEqual([{ ticket_id: "T-1042", status: "met", due: "2026-03-30 08:20:00+00" }]);
    // T-1042 (SPEC §3): Support Team at 12:20 and the regional manager at 16:20, Rome time.
    expect(await read(`SELECT role, CAST("at" AS VARCHAR) AS "at" FROM '${join(dir, "results.escalations.parquet")}' WHERE ticket_id = 'T-1042' ORDER BY "at"`)).toEqual([
      { role: "Support Team", at: "2026-03-30 10:20:00+00" },
      { role: "Support Regional Manager", at: "2026-03-30 14:20:00+00" },
    ]);
    c.closeSync();
    db.closeSync();
  });

  it("reports tickets that need calendar time outside --years, with exit 1", () => {
    const r = sla("eval", "policies/imagicle.sla", "examples/warehouse/tickets.csv", "--engine", "duckdb", "--years", "2027");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^sla: \d+ target results need calendar time outside the compiled years 2027–2027 \(see --years\)\n$/);
    const rows = lines(r.out);
    expect(rows.find((x) => x["ticket_id"] === "T-1042")).toMatchObject({ status: null, due: null, error: "needs calendar time outside the compiled years 2027-2027" });
  });

  it("refuses what it cannot read, as usage errors", () => {
    expect(sla("eval", "policies/imagicle.sla", "-", "--engine", "duckdb")).toMatchObject({ code: 2, err: expect.stringMatching(/^sla: --engine duckdb reads a file ending in \.ndjson, \.jsonl, \.parquet, \.csv, not `-`/) });
    expect(sla("eval", "policies/imagicle.sla", "examples/tickets/imagicle.ndjson", "--engine", "spark")).toMatchObject({ code: 2, err: expect.stringMatching(/^sla: unknown engine `spark` \(valid: js, duckdb\)/) });
    expect(sla("eval", "policies/imagicle.sla", "examples/tickets/imagicle.ndjson", "--out", "x.parquet")).toMatchObject({ code: 2, err: expect.stringMatching(/^sla: `--out` and `--years` need `--engine duckdb`/) });
  });
});

describe("sla compile --target sql", () => {
  it("prints the calendar data, the policy tables and the views", () => {
    const r = sla("compile", "policies/lucy.sla", "--target", "sql", "--dialect", "postgres", "--years", "2026");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("-- lucy: compiled by sla for postgres, calendars 2026–2026 (docs/sql.md)");
    expect(r.out.split("\n")[1]).toBe("-- the views read tickets, ticket_events");
    const views = [...r.out.matchAll(/^CREATE VIEW (\w+) AS$/gm)].map((m) => m[1]);
    expect(views.slice(-3)).toEqual(["sla_target_results", "sla_escalation_results", "sla_credit_results"]);
    expect(r.out).toContain("LEFT JOIN LATERAL");
    // Zurich, Monday 5 January 2026: opens 08:00 CET = 07:00Z.
    expect(r.out).toContain(`(0, ${Date.UTC(2026, 0, 5, 7)}, `);
  });

  it("compiles a policy with conditional calendars and support days, naming the attributes it reads", () => {
    const r = sla("compile", "examples/agreements/hivemq.sla", "--target", "sql", "--years", "2026");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[1]).toBe("-- the views read tickets, ticket_events, ticket_attributes (phone_escalated)");
    expect(r.out).toContain("CREATE VIEW sla_tsdays AS");
  });

  it("refuses a construct it does not translate, naming it and where", () => {
    const r = sla("compile", "test/sql/fixtures/recurring.sla", "--target", "sql");
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "sla: test/sql/fixtures/recurring.sla: the SQL target does not translate recurring target `updates` with the goal `same business day` (test/sql/fixtures/recurring.sla:23)\n",
    );
  });

  it("refuses a target that reopens (`reopen within`), naming it and where", () => {
    const r = sla("compile", "examples/agreements/jama-software.sla", "--target", "sql");
    expect(r.code).toBe(1);
    expect(r.err).toBe("sla: examples/agreements/jama-software.sla: the SQL target does not translate target `response` reopening (`reopen within`) (examples/agreements/jama-software.sla:43)\n");
  });

  it("refuses an unknown dialect and a bad year range", () => {
    expect(sla("compile", "policies/lucy.sla", "--target", "sql", "--dialect", "oracle")).toMatchObject({ code: 2, err: expect.stringMatching(/^sla: unknown dialect `oracle` \(valid: duckdb, postgres\)/) });
    expect(sla("compile", "policies/lucy.sla", "--target", "sql", "--years", "2030-2020")).toMatchObject({ code: 2, err: expect.stringMatching(/^sla: --years `2030-2020` is not a range of years/) });
    expect(sla("compile", "policies/lucy.sla", "--years", "2026")).toMatchObject({ code: 2, err: expect.stringMatching(/^sla: `--dialect` and `--years` need `--target sql`/) });
  });
});
