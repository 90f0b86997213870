/**
 * The SQL target on DuckDB against the evaluator for the constructs of issue 11 it translates:
 * priority caps, goal sections and field-keyed matrices, conditional calendars of targets and
 * regions (priority, plan, channel, field, flag), support days, declared events in clocks,
 * exclusions and credit ineligibility by condition; and IR 12's ticket credits that grow (graded
 * tables, steps of lateness, each target under `sum per breach`, caps per target). Inputs: the fixture `fixtures/conditions.sla`
 * and the example agreements using them (their recurring targets, still refused, taken out).
 * Each run also counts the tickets that hit each construct (their answers change without it), so
 * a generator that misses a construct fails here rather than proving nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { compileToSql } from "../../sql/compile.js";
import { duckdb } from "../../sql/dialect.js";
import { DuckDbRun } from "../../sql/run-duckdb.js";
import { UnsupportedPolicyError } from "../../sql/unsupported.js";
import { CONDITION_CASES, CONDITION_TICKETS, conditionPolicy } from "./condition-cases.js";
import { constructHits, DIFFERENTIAL_YEARS, duckDbRows, editedSqlMismatches, evaluatorAnswers, mismatches, policyTickets, readSqlRows, sqlAnswers } from "./differential.js";

const TICKETS = CONDITION_TICKETS;
const dir = mkdtempSync(join(tmpdir(), "sla-sql-conditions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const policy = conditionPolicy;

describe("SQL on DuckDB against the evaluator: conditions, caps, support days, declared events", () => {
  for (const [path, minimum] of CONDITION_CASES) {
    it(`${path}: ${TICKETS} random tickets, identical answers, every construct hit`, async () => {
      const ir = policy(path);
      const tickets = policyTickets(ir, TICKETS, 1);
      const rows = await duckDbRows(compileToSql(ir, duckdb, DIFFERENTIAL_YEARS), tickets, join(dir, `${ir.id}.ndjson`));
      const expected = evaluatorAnswers(ir, tickets);
      expect(mismatches(tickets, expected, sqlAnswers(rows)).slice(0, 3).join("\n\n")).toBe("");
      expect(rows.targets.length).toBe(TICKETS * ir.targets.length);
      const hits = constructHits(ir, tickets, expected);
      console.info(`${path}: tickets hitting each construct of ${TICKETS}: ${JSON.stringify(hits)}`);
      for (const [construct, least] of Object.entries(minimum)) expect(hits[construct] ?? 0, construct).toBeGreaterThanOrEqual(least);
    });
  }

  /** Mismatches of the fixture's SQL with relation `name` rewritten by `edit` (which must change it). */
  async function brokenMismatches(name: string, edit: (sql: string) => string, path = "test/sql/fixtures/conditions.sla"): Promise<number> {
    const ir = policy(path);
    return editedSqlMismatches(ir, name, edit, policyTickets(ir, 2000, 2), join(dir, `broken-${name}.ndjson`));
  }

  it("fails on a wrong rule: caps applied to the opened priority only, not to a reprioritize", async () => {
    expect(await brokenMismatches("sla_ev", (s) => s.replace(/CASE WHEN (CASE e\.priority [^]*?END) > 0 AND \1 < t\.cap THEN t\.cap ELSE \1 END/, "$1"))).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: support days from before the opening counted like business days (one day late)", async () => {
    expect(await brokenMismatches("sla_tsup2", (s) => s.replace("THEN x.day_ord + x.days - 1", "THEN x.day_ord + x.days"))).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: a goal section chosen without its condition", async () => {
    expect(await brokenMismatches("sla_tgoal", (s) => s.replace(/WHEN \(\(coalesce\(tk\.channel IN \('phone'\), false\)\)[^]*?\) AND s1\.kind/, "WHEN s1.kind"))).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: the share's scale rounded to none or the whole goal", async () => {
    expect(await brokenMismatches("sla_obligation", (s) => s.replace("CAST(sb.budget_ms AS DOUBLE PRECISION) * l.scale", "CAST(sb.budget_ms AS DOUBLE PRECISION) * round(l.scale)"), "test/sql/fixtures/shares.sla")).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: a share of a goal counted on the target's own clock, stopped by the target's stops", async () => {
    const ir = policy("test/sql/fixtures/shares.sla");
    const own = compileToSql(ir, duckdb, DIFFERENTIAL_YEARS).relations.find((r) => r.name === "sla_tgoal")!.sql;
    const clock = /^  SELECT tk\.tkey, 0 AS target, 0 AS goal_target, (\d+) AS clock/m.exec(own)![1]!;
    expect(await brokenMismatches("sla_tgoal", (s) => s.replace(/-1 AS target, 0 AS goal_target, \d+ AS clock([^]*?)sla_run_\d+ r /, `-1 AS target, 0 AS goal_target, ${clock} AS clock$1sla_run_${clock} r `), "test/sql/fixtures/shares.sla")).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: a begun hour of lateness not counted (whole hours only)", async () => {
    expect(await brokenMismatches("sla_credit_results", (s) => s.replace(/ \+ CASE WHEN \(p\.end_ms - p\.due_ms\) % 3600000 > 0 THEN 1 ELSE 0 END/, ""), "examples/agreements/arcustech.sla")).toBeGreaterThan(20);
  });

  it("fails on a wrong rule: a graded row read from the time late instead of the time taken", async () => {
    expect(await brokenMismatches("sla_credit_results", (s) => s.replaceAll("(b.end_ms - b.start_ms)", "(b.end_ms - b.due_ms)"), "examples/agreements/blue-arctic.sla")).toBeGreaterThan(100);
  });

  it("fails on a wrong rule: the cap per target applied to the ticket's sum instead of each part", async () => {
    expect(await brokenMismatches("sla_credit_results", (s) => s.replace(/sum\(LEAST\((.*?), (CAST\('100' AS DECIMAL\(38, 6\)\))\)\)/g, "LEAST(sum($1), $2)"), "examples/agreements/arcustech.sla")).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: a recurring interval met exactly at its due counted as missed", async () => {
    expect(await brokenMismatches("sla_rfixed2", (s) => s.replace("f.due_ms < f.end_at", "f.due_ms <= f.end_at"), "examples/agreements/hedgtrade.sla")).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: each interval of a recurring business-day goal closing a day late", async () => {
    expect(await brokenMismatches("sla_rdays", (s) => s.replaceAll("dd.ordinal = a.ordinal + p.days - 1", "dd.ordinal = a.ordinal + p.days"), "examples/agreements/amc-technology.sla")).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: an event that starts and pauses a clock only starting it", async () => {
    expect(await brokenMismatches("sla_walk", (s) => s.replace("kind IN ('pause', 'approve') THEN", "kind IN ('pause') THEN"), "test/sql/fixtures/two-roles.sla")).toBeGreaterThan(0);
  });

  it("fails on a wrong rule: a target waiting for a declared event reported pending, as a running clock", async () => {
    expect(await brokenMismatches("sla_target_status", (s) => s.replace("THEN 'none' ELSE 'pending' END", "THEN 'pending' ELSE 'pending' END"), "examples/agreements/arcustech.sla")).toBeGreaterThan(0);
  });

  it("reads the attributes of a CSV export from its `attributes` column (JSON text), as the evaluator reads them", async () => {
    const ir = policy("test/sql/fixtures/conditions.sla");
    const tickets = policyTickets(ir, 500, 3);
    const columns = ["id", "openedAt", "priority", "plan", "region", "channel", "cause", "asOf"] as const;
    const quote = (v: unknown) => (v == null ? "" : `"${String(v).replaceAll('"', '""')}"`);
    const lines = tickets.map((t) => [...columns.map((c) => quote(t[c])), quote(JSON.stringify(t.events)), quote(t.attributes ? JSON.stringify(t.attributes) : null)].join(","));
    const file = join(dir, "export.csv");
    writeFileSync(file, ["id,opened_at,priority,plan,region,channel,cause,as_of,events,attributes", ...lines].join("\n") + "\n");
    const sql = compileToSql(ir, duckdb, DIFFERENTIAL_YEARS);
    const run = await DuckDbRun.open(sql);
    try {
      await run.loadExport(file, "csv");
      expect(Number((await run.rows("SELECT count(*) AS n FROM ticket_attributes"))[0]!["n"])).toBe(tickets.reduce((n, t) => n + Object.keys(t.attributes ?? {}).length, 0));
      await run.evaluate(sql, null);
      const rows = await readSqlRows((q) => run.rows(q), sql);
      expect(mismatches(tickets, evaluatorAnswers(ir, tickets), sqlAnswers(rows)).slice(0, 3).join("\n\n")).toBe("");
    } finally {
      run.close();
    }
  });

  it("still refuses customer calendars and recurring goals not recomputed per interval, naming each with its line", () => {
    const path = "examples/agreements/accelerite.sla";
    const r = compile(path, readFileSync(path, "utf8"));
    let message = "";
    try {
      compileToSql(r.ir!, duckdb);
    } catch (e) {
      expect(e).toBeInstanceOf(UnsupportedPolicyError);
      message = (e as Error).message;
    }
    expect(message).toBe(
      "the SQL target does not translate calendar `local_business_hours` takes its zone from the ticket (examples/agreements/accelerite.sla:24); calendar `local_business_hours` takes holidays from the ticket (examples/agreements/accelerite.sla:24)",
    );
    expect(() => compileToSql(policy("test/sql/fixtures/recurring.sla"), duckdb)).toThrow(
      /^the SQL target does not translate recurring target `updates` with the goal `same business day` \(test\/sql\/fixtures\/recurring\.sla:\d+\)$/,
    );
  });
});
