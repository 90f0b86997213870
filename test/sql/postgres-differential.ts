/**
 * The differential test of the SQL target on PostgreSQL (issue 15), run by
 * `scripts/test-postgres.sh` (`npm run test:postgres`) against the server it starts: the same
 * 10,000 random tickets per seed policy as the DuckDB test, compiled with the `postgres`
 * dialect, must give the evaluator's answers. Prints `N passed, N failed` and exits 1 on any
 * mismatch, printing the first tickets that disagree.
 *
 * Usage: `SLA_PG_URL=postgres://user@127.0.0.1:PORT/db tsx test/sql/postgres-differential.ts [N]`
 */
import { seedPolicy } from "../../bench/workloads.js";
import { compileToSql } from "../../sql/compile.js";
import { postgres } from "../../sql/dialect.js";
import { PostgresRun } from "../../sql/run-postgres.js";
import { DIFFERENTIAL_YEARS, differentialTickets, evaluatorAnswers, mismatches, readSqlRows, sqlAnswers } from "./differential.js";

const url = process.env["SLA_PG_URL"];
if (!url) {
  process.stderr.write("SLA_PG_URL is not set (scripts/test-postgres.sh sets it)\n");
  process.exit(2);
}
const n = Number(process.argv[2] ?? 10_000);
let passed = 0;
let failed = 0;
for (const policy of ["imagicle", "kustomer", "lucy", "lumapps", "promotron"]) {
  const started = performance.now();
  const ir = seedPolicy(policy);
  const sql = compileToSql(ir, postgres, DIFFERENTIAL_YEARS);
  const tickets = differentialTickets(policy, n, 1);
  const run = await PostgresRun.open(url, sql);
  try {
    await run.loadTickets(tickets);
    await run.evaluate(sql, null);
    const rows = await readSqlRows((q) => run.rows(q));
    const problems = mismatches(tickets, evaluatorAnswers(ir, tickets), sqlAnswers(rows));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (problems.length === 0 && rows.targets.length === n * ir.targets.length) {
      passed++;
      process.stdout.write(`ok   ${policy}: ${n} tickets, identical answers (${seconds} s)\n`);
    } else {
      failed++;
      process.stdout.write(`FAIL ${policy}: ${problems.length} tickets differ, ${rows.targets.length} target rows (${seconds} s)\n${problems.slice(0, 5).join("\n\n")}\n`);
    }
  } finally {
    await run.close();
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
