/**
 * `sla eval POLICY TICKETS --engine duckdb [--out RESULTS]` (issue 15): the policy compiled to
 * SQL and run by DuckDB in process over a ticket file: sla's NDJSON tickets (`.ndjson`,
 * `.jsonl`), or a warehouse export (`.parquet`, `.csv`) with the columns of docs/sql.md.
 *
 * Without `--out`, one NDJSON line per ticket and target (instants in UTC). With `--out`, the
 * same rows as Parquet, CSV or NDJSON (by extension), and the escalations reached beside them
 * (`results.escalations.parquet`).
 */
import { extname } from "node:path";
import type { PolicyIR } from "../../runtime/ir.js";
import { compileToSql } from "../../sql/compile.js";
import { duckdb } from "../../sql/dialect.js";
import { DuckDbRun, InputFileError } from "../../sql/run-duckdb.js";
import { lit } from "../../sql/sql-text.js";
import { UnsupportedPolicyError } from "../../sql/unsupported.js";
import { type Io, UsageError } from "../io.js";
import { parseYears } from "./compile-sql.js";

/** Tickets evaluated at once: about 2.5 GB of DuckDB memory per million (measured on Imagicle tickets). */
const BATCH_TICKETS = Number(process.env["SLA_DUCKDB_BATCH"] ?? 1_000_000);

const INPUTS: Readonly<Record<string, "ndjson" | "parquet" | "csv">> = { ".ndjson": "ndjson", ".jsonl": "ndjson", ".parquet": "parquet", ".csv": "csv" };
const OUTPUTS: Readonly<Record<string, string>> = { ".parquet": "FORMAT parquet", ".csv": "FORMAT csv, HEADER", ".ndjson": "FORMAT json", ".jsonl": "FORMAT json" };

/**
 * The rows written: target results with the ticket's credit, and a recurring target's intervals,
 * misses and first missed due (NULL for other targets); instants as TIMESTAMPTZ, or epoch ms (`*_ms`).
 */
const results = (instants: "timestamps" | "ms"): string => {
  const [started, due, stopped, firstMissed] = instants === "ms" ? ["started_ms", "due_ms", "stopped_ms", "first_missed_ms"] : ["started_at", "due", "stopped_at", "first_missed"];
  return `SELECT r.ticket_id, r.target, r.priority, r.status, r.${started}, r.${due}, r.${stopped}, c.credit_percent, r.intervals, r.misses, r.${firstMissed}, r.error
FROM sla_target_results r LEFT JOIN sla_credit_results c ON c.ticket_id = r.ticket_id ORDER BY r.ticket_id, r.target`;
};
const ESCALATIONS = `SELECT ticket_id, role, after_text AS "after", "at" FROM sla_escalation_results ORDER BY ticket_id, at_ms, matrix, level_order`;

const isoOrNull = (v: unknown): string | null => (v == null ? null : new Date(Number(v)).toISOString().replace(".000Z", "Z"));

/** Usage errors of the input and `--out` file names, before anything is read (`eval.ts` calls it first). */
export function checkFiles(input: string, out: string | null): void {
  if (input === "-" || INPUTS[extname(input).toLowerCase()] === undefined) {
    throw new UsageError(`--engine duckdb reads a file ending in ${Object.keys(INPUTS).join(", ")}, not \`${input}\``);
  }
  if (out !== null && OUTPUTS[extname(out).toLowerCase()] === undefined) throw new UsageError(`--out \`${out}\` must end in ${Object.keys(OUTPUTS).join(", ")}`);
}

/**
 * Evaluate a ticket file (checked by `eval.ts`: it exists, {@link checkFiles} passed) with
 * DuckDB. Exit 1 for a policy or input problem, 2 for usage.
 */
export async function runEvalDuckdb(args: { policy: PolicyIR; policyPath: string; input: string; at: number | null; out: string | null; years: string | null; io: Io }): Promise<number> {
  const { io } = args;
  const ir = args.policy;
  const format = INPUTS[extname(args.input).toLowerCase()]!;
  const outFormat = args.out === null ? null : OUTPUTS[extname(args.out).toLowerCase()]!;
  const years = parseYears(args.years);
  let sql;
  try {
    sql = compileToSql(ir, duckdb, years);
  } catch (e) {
    if (!(e instanceof UnsupportedPolicyError)) throw e;
    io.err(`sla: ${args.policyPath}: ${e.message}\n`);
    return 1;
  }
  const run = await DuckDbRun.open(sql);
  try {
    if (format === "ndjson") await run.loadNdjson(args.input);
    else await run.loadExport(args.input, format);
    await run.evaluateInBatches(sql, args.at, BATCH_TICKETS);
    if (args.out !== null) {
      await run.connection.run(`COPY (${results("timestamps")}) TO ${lit(args.out)} (${outFormat})`);
      const ext = extname(args.out);
      await run.connection.run(`COPY (${ESCALATIONS}) TO ${lit(`${args.out.slice(0, -ext.length)}.escalations${ext}`)} (${outFormat})`);
    } else {
      for (const r of await run.rows(results("ms"))) {
        const line = {
          ticket_id: r["ticket_id"],
          target: r["target"],
          priority: r["priority"],
          status: r["status"],
          started_at: isoOrNull(r["started_ms"]),
          due: isoOrNull(r["due_ms"]),
          stopped_at: isoOrNull(r["stopped_ms"]),
          credit_percent: r["credit_percent"],
          error: r["error"],
        };
        // Only recurring targets have intervals: other lines keep their shape.
        if (r["intervals"] != null) {
          Object.assign(line, { intervals: Number(r["intervals"]), misses: Number(r["misses"]), first_missed: isoOrNull(r["first_missed_ms"]) });
        }
        io.out(`${JSON.stringify(line)}\n`);
      }
    }
    const [errors] = await run.rows("SELECT count(*) AS n FROM sla_target_results WHERE error IS NOT NULL");
    const failed = Number(errors?.["n"] ?? 0);
    if (failed > 0) io.err(`sla: ${failed} target results need calendar time outside the compiled years ${years.from}–${years.to} (see --years)\n`);
    return failed > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof InputFileError) {
      io.err(`sla: ${e.message}\n`);
      return 1;
    }
    // DuckDB's own message (a column of the wrong type, an unreadable file), without its stack.
    io.err(`sla: cannot evaluate \`${args.input}\` with duckdb: ${(e as Error).message.split("\n")[0]}\n`);
    return 1;
  } finally {
    run.close();
  }
}
