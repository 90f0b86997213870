/**
 * The differential test of the SQL target on PostgreSQL (issue 15), run by
 * `scripts/test-postgres.sh` (`npm run test:postgres`) against the server it starts: the same
 * 10,000 random tickets per seed policy as the DuckDB test, and the same 4,000 per policy of the
 * conditions differential, compiled with the `postgres` dialect, must give the evaluator's
 * answers. Prints `N passed, N failed` and exits 1 on any mismatch, printing the first tickets
 * that disagree.
 *
 * Usage: `SLA_PG_URL=postgres://user@127.0.0.1:PORT/db tsx test/sql/postgres-differential.ts [N]`
 */
import { seedPolicy } from "../../bench/workloads.js";
import { compileToSql } from "../../sql/compile.js";
import { postgres } from "../../sql/dialect.js";
import { PostgresRun } from "../../sql/run-postgres.js";
import type { TicketJson } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { withBoundaries } from "./boundary-tickets.js";
import { CONDITION_CASES, CONDITION_TICKETS, conditionPolicy } from "./condition-cases.js";
import { DIFFERENTIAL_YEARS, differentialTickets, evaluatorAnswers, mismatches, policyTickets, readSqlRows, sqlAnswers } from "./differential.js";

const url = process.env["SLA_PG_URL"];
if (!url) {
  process.stderr.write("SLA_PG_URL is not set (scripts/test-postgres.sh sets it)\n");
  process.exit(2);
}
const n = Number(process.argv[2] ?? 10_000);
let passed = 0;
let failed = 0;
/** Run one policy's tickets through PostgreSQL and compare with the evaluator. */
async function check(name: string, ir: PolicyIR, tickets: readonly TicketJson[]): Promise<void> {
  const started = performance.now();
  const sql = compileToSql(ir, postgres, DIFFERENTIAL_YEARS);
  const run = await PostgresRun.open(url!, sql);
  try {
    await run.loadTickets(tickets);
    await run.evaluate(sql, null);
    const rows = await readSqlRows((q) => run.rows(q), sql);
    const problems = mismatches(tickets, evaluatorAnswers(ir, tickets), sqlAnswers(rows));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (problems.length === 0 && rows.targets.length === tickets.length * ir.targets.length) {
      passed++;
      process.stdout.write(`ok   ${name}: ${tickets.length} tickets, identical answers (${seconds} s)\n`);
    } else {
      failed++;
      process.stdout.write(`FAIL ${name}: ${problems.length} tickets differ, ${rows.targets.length} target rows (${seconds} s)\n${problems.slice(0, 5).join("\n\n")}\n`);
    }
  } finally {
    await run.close();
  }
}

for (const policy of ["imagicle", "kustomer", "lucy", "lumapps", "promotron"]) await check(policy, seedPolicy(policy), differentialTickets(policy, n, 1));
// Conditions, caps, support days and declared events (test/sql/condition-cases.ts).
for (const [path] of CONDITION_CASES) {
  const ir = conditionPolicy(path);
  await check(path, ir, policyTickets(ir, Math.min(n, CONDITION_TICKETS), 1));
}
// Calendars open during others (test/sql/union-calendar-differential.test.ts).
const union = conditionPolicy("test/sql/fixtures/union-calendar.sla");
await check("test/sql/fixtures/union-calendar.sla", union, policyTickets(union, Math.min(n, CONDITION_TICKETS), 1));
// Goals met only before their due and levels after business days, with tickets at those boundaries
// (test/sql/strict-day-levels-differential.test.ts).
const strict = conditionPolicy("test/sql/fixtures/strict-day-levels.sla");
await check("test/sql/fixtures/strict-day-levels.sla", strict, withBoundaries(strict, Math.min(n, CONDITION_TICKETS), 1).tickets);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
