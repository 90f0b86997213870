/**
 * Issue 15: the SQL target on DuckDB agrees with the JavaScript evaluator on 10,000 random
 * tickets per seed policy (every goal kind, pauses, reprioritization, DST days, holidays, events
 * after `asOf`): each target's start, due, stop and status, the escalations reached and the
 * credit. One DuckDB instance per policy; tickets go in as one NDJSON file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedPolicy } from "../../bench/workloads.js";
import { compileToSql, type CompiledSql } from "../../sql/compile.js";
import { duckdb } from "../../sql/dialect.js";
import { DIFFERENTIAL_YEARS, differentialTickets, duckDbRows, evaluatorAnswers, mismatches, sqlAnswers } from "./differential.js";

const TICKETS = 10_000;
const dir = mkdtempSync(join(tmpdir(), "sla-sql-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compiled once per policy: building 17 years of calendar tables is most of a compile. */
const compiled = new Map<string, CompiledSql>();
function sqlOf(policy: string): CompiledSql {
  let sql = compiled.get(policy);
  if (!sql) compiled.set(policy, (sql = compileToSql(seedPolicy(policy), duckdb, DIFFERENTIAL_YEARS)));
  return sql;
}

/** Mismatches of `sql` against the evaluator over `n` tickets of a seed policy, and how many results it gave. */
async function differential(policy: string, n: number, sql: CompiledSql): Promise<{ problems: string[]; targets: number; escalations: number }> {
  const ir = seedPolicy(policy);
  const tickets = differentialTickets(policy, n, 1);
  const rows = await duckDbRows(sql, tickets, join(dir, `${policy}-${n}.ndjson`));
  const problems = mismatches(tickets, evaluatorAnswers(ir, tickets), sqlAnswers(rows));
  return { problems, targets: rows.targets.length, escalations: rows.escalations.length };
}

describe("SQL on DuckDB against the evaluator", () => {
  for (const policy of ["imagicle", "kustomer", "lucy", "lumapps", "promotron"]) {
    it(`${policy}: ${TICKETS} random tickets, identical answers`, async () => {
      const ir = seedPolicy(policy);
      const { problems, targets, escalations } = await differential(policy, TICKETS, sqlOf(policy));
      // A mismatch prints the ticket and both answers.
      expect(problems.slice(0, 5).join("\n\n")).toBe("");
      expect(targets).toBe(TICKETS * ir.targets.length);
      if (ir.escalations.length > 0) expect(escalations).toBeGreaterThan(TICKETS / 10);
    });
  }

  it("fails on a wrong rule: a goal reached exactly at a span's end counted in the next span", async () => {
    const sql = sqlOf("imagicle");
    const broken = { ...sql, relations: sql.relations.map((r) => ({ ...r, sql: r.sql.replace("before + len >= budget_ms", "before + len > budget_ms") })) };
    expect(broken.relations.map((r) => r.sql)).not.toEqual(sql.relations.map((r) => r.sql));
    const { problems } = await differential("imagicle", 3000, broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^ticket \{"id":"imagicle-1-\d+"/);
  });
});
