/**
 * The SQL target on DuckDB against the evaluator for two constructs of IR 16: goals met only
 * strictly before their due (`< 2 business hours`, `< 30 minutes`, `< 1 business day`: a stop
 * at the due, or an `asOf` at it without one, breaches) and escalation levels after business
 * days (the close of the Nth business day after the escalation clock's start, pushed by paused
 * open time). The fixture `fixtures/strict-day-levels.sla` has both on Berlin and New York
 * calendars with holidays and DST changes; the tickets are random ones (openings moved next to
 * DST changes and holidays among them) plus one made from each at a boundary instant
 * (`boundary-tickets.ts`), and the test asserts those boundaries occurred.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileToSql } from "../../sql/compile.js";
import { duckdb } from "../../sql/dialect.js";
import { boundaryHits, withBoundaries } from "./boundary-tickets.js";
import { CONDITION_TICKETS, conditionPolicy } from "./condition-cases.js";
import { constructHits, DIFFERENTIAL_YEARS, duckDbRows, editedSqlMismatches, evaluatorAnswers, mismatches, sqlAnswers } from "./differential.js";

/** The fixture (`postgres-differential.ts` runs it on PostgreSQL too). */
const PATH = "test/sql/fixtures/strict-day-levels.sla";
const TICKETS = CONDITION_TICKETS;
const dir = mkdtempSync(join(tmpdir(), "sla-sql-strict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The least number of boundary tickets that must hit each boundary (of about {@link TICKETS} / 4 made for each). */
const BOUNDARIES: Readonly<Record<string, number>> = {
  // 146, 220 and 208 on 2026-11-29: about half of them required.
  "`<` business hours: stopped at the due, breached": 70,
  "`<` elapsed time: stopped at the due, breached": 100,
  "`<` business days: stopped at the due, breached": 100,
  "business days: stopped at the due, met": 100,
  "`<` business hours: asOf at the due, breached": 70,
  "`<` elapsed time: asOf at the due, breached": 100,
  "`<` business days: asOf at the due, breached": 100,
  "business days: asOf at the due, pending": 80,
  "level after business days: reached at asOf": 350,
  "level after business days: stopped at its instant, not reached": 350,
};

/** Mismatches of the fixture's SQL with relation `name` rewritten by `edit` (which must change it). */
async function brokenMismatches(name: string, edit: (sql: string) => string): Promise<number> {
  const ir = conditionPolicy(PATH);
  return editedSqlMismatches(ir, name, edit, withBoundaries(ir, 1000, 2).tickets, join(dir, `broken-${name}.ndjson`));
}

describe("SQL on DuckDB against the evaluator: goals met only before their due, escalations after business days", () => {
  it(`${PATH}: ${TICKETS} random tickets and their boundary twins, identical answers, the boundaries hit`, async () => {
    const ir = conditionPolicy(PATH);
    const { tickets, boundary } = withBoundaries(ir, TICKETS, 1);
    const rows = await duckDbRows(compileToSql(ir, duckdb, DIFFERENTIAL_YEARS), tickets, join(dir, "strict.ndjson"));
    const expected = evaluatorAnswers(ir, tickets);
    expect(mismatches(tickets, expected, sqlAnswers(rows)).slice(0, 3).join("\n\n")).toBe("");
    expect(rows.targets.length).toBe(tickets.length * ir.targets.length);
    const constructs = constructHits(ir, tickets, expected);
    const boundaries = boundaryHits(ir, boundary);
    console.info(`${PATH}: of ${tickets.length} tickets (${boundary.length} at a boundary), hitting each construct: ${JSON.stringify(constructs)}; each boundary: ${JSON.stringify(boundaries)}`);
    expect(constructs["goals met only before their due"]).toBeGreaterThanOrEqual(100);
    expect(constructs["escalations after business days"]).toBeGreaterThanOrEqual(1000);
    for (const [boundaryCase, least] of Object.entries(BOUNDARIES)) expect(boundaries[boundaryCase] ?? 0, boundaryCase).toBeGreaterThanOrEqual(least);
  });

  it("fails on a wrong rule: a stop at the due meets a `<` goal", async () => {
    expect(await brokenMismatches("sla_target_status", (s) => s.replace("(NOT x.strict AND x.stop_ms = x.raw_due)", "x.stop_ms = x.raw_due"))).toBeGreaterThan(20);
  });

  it("fails on a wrong rule: a `<` goal pending at an `asOf` equal to its due", async () => {
    expect(await brokenMismatches("sla_target_status", (s) => s.replace(" OR (x.strict AND x.as_of_ms = x.raw_due)", ""))).toBeGreaterThan(20);
  });

  it("fails on a wrong rule: a level after N business days counting the start's own day", async () => {
    expect(await brokenMismatches("sla_tgoal", (s) => s.replaceAll("CAST(NULL AS BIGINT) AS ms, l.days,", "CAST(NULL AS BIGINT) AS ms, l.days - 1 AS days,"))).toBeGreaterThan(100);
  });

  it("fails on a wrong rule: a level after business days counted without the region's calendar rule (P1 in the US on extended hours)", async () => {
    const rule = /CASE WHEN tk\.region = 'us' THEN CASE [^\n]*? ELSE tk\.esc_calendar_0 END ELSE tk\.esc_calendar_0 END AS calendar/;
    expect(await brokenMismatches("sla_tgoal", (s) => s.replace(rule, "tk.esc_calendar_0 AS calendar"))).toBeGreaterThan(20);
  });
});
