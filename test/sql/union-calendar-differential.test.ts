/**
 * The SQL target on DuckDB against the evaluator for calendars open during others (IR 16): the
 * fixture `fixtures/union-calendar.sla` has two follow-the-sun unions (read in UTC and in
 * Sydney) over members in London, Chicago and Sydney with their own holidays, used by regions,
 * plans, channel and priority rules, for goals in business hours, business days, same business
 * day, support days and escalations. The SQL reads a union's windows and business days from
 * `calendarRows` like any calendar's; this checks the answers are the evaluator's, and that the
 * tickets exercise the unions: their answers change when each union is cut down to one member.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CalendarIR, PolicyIR } from "../../runtime/ir.js";
import { compileToSql } from "../../sql/compile.js";
import { duckdb } from "../../sql/dialect.js";
import { conditionPolicy } from "./condition-cases.js";
import { DIFFERENTIAL_YEARS, duckDbRows, evaluatorAnswers, mismatches, policyTickets, sqlAnswers } from "./differential.js";

/** The fixture (`postgres-differential.ts` runs it on PostgreSQL too). */
const UNION_CALENDAR_POLICY = "test/sql/fixtures/union-calendar.sla";
const TICKETS = 4000;
const dir = mkdtempSync(join(tmpdir(), "sla-sql-union-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The policy with each union replaced by its member `index` alone (under the union's name and zone). */
function cutDown(ir: PolicyIR, index: number): PolicyIR {
  const one = (c: CalendarIR): CalendarIR => {
    if (c.kind !== "union") return c;
    const member = c.members![index % c.members!.length]!;
    return { ...member, name: c.name, origin: c.origin };
  };
  return { ...ir, calendars: ir.calendars.map(one) };
}

describe("SQL on DuckDB against the evaluator: calendars open during others", () => {
  it(`${UNION_CALENDAR_POLICY}: ${TICKETS} random tickets, identical answers, the unions exercised`, async () => {
    const ir = conditionPolicy(UNION_CALENDAR_POLICY);
    expect(ir.calendars.filter((c) => c.kind === "union").map((c) => [c.name, c.zone, c.members!.map((m) => m.name)])).toEqual([
      ["global", "UTC", ["emea", "americas", "apac"]],
      ["pacific", "Australia/Sydney", ["apac", "americas"]],
    ]);
    const tickets = policyTickets(ir, TICKETS, 1);
    const sql = compileToSql(ir, duckdb, DIFFERENTIAL_YEARS);
    const rows = await duckDbRows(sql, tickets, join(dir, "union.ndjson"));
    const expected = evaluatorAnswers(ir, tickets);
    expect(mismatches(tickets, expected, sqlAnswers(rows)).slice(0, 3).join("\n\n")).toBe("");
    expect(rows.targets.length).toBe(TICKETS * ir.targets.length);
    expect(rows.escalations.length).toBeGreaterThan(TICKETS / 10);
    // Exercised: a ticket whose answers differ from those of every single member alone counts on
    // the cover crossing members (and zones).
    const alone = [0, 1, 2].map((i) => evaluatorAnswers(cutDown(ir, i), tickets));
    const text = (m: Map<string, unknown>, id: string) => JSON.stringify(m.get(id));
    const crossing = tickets.filter((t) => alone.every((a) => text(a, t.id) !== text(expected, t.id))).length;
    console.info(`${UNION_CALENDAR_POLICY}: ${crossing} of ${TICKETS} tickets answered otherwise by every member alone`);
    expect(crossing).toBeGreaterThan(TICKETS / 4);
  });

  it("fails on a wrong rule: a union's business days read in UTC instead of its own zone", async () => {
    // `pacific` as if written `zone "UTC"`: the same open time, other business days.
    const ir = conditionPolicy(UNION_CALENDAR_POLICY);
    const utc: PolicyIR = { ...ir, calendars: ir.calendars.map((c) => (c.name === "pacific" ? { ...c, zone: "UTC" } : c)) };
    const tickets = policyTickets(ir, 1000, 2);
    const rows = await duckDbRows(compileToSql(utc, duckdb, DIFFERENTIAL_YEARS), tickets, join(dir, "union-utc.ndjson"));
    expect(mismatches(tickets, evaluatorAnswers(ir, tickets), sqlAnswers(rows)).length).toBeGreaterThan(20);
  });
});
