/**
 * `sla compile POLICY --target sql [--dialect duckdb|postgres] [--years 2020-2030]` (issue 15):
 * the calendar data, the policy tables and the views that evaluate `tickets` and
 * `ticket_events`, as one SQL script on standard output (docs/sql.md).
 */
import { DEFAULT_YEARS, compileToSql, sqlScript } from "../../sql/compile.js";
import type { YearRange } from "../../sql/calendar-tables.js";
import { DIALECTS } from "../../sql/dialect.js";
import { UnsupportedPolicyError } from "../../sql/unsupported.js";
import { type Io, UsageError } from "../io.js";
import { loadPolicy } from "../policy.js";

/** The widest year range accepted: the runtime's supported years. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/** `--years 2020-2030` (or one year), else the default range. */
export function parseYears(text: string | null): YearRange {
  if (text === null) return DEFAULT_YEARS;
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  const from = Number(m?.[1]);
  const to = Number(m?.[2] ?? m?.[1]);
  if (!m || from > to || from < FIRST_YEAR || to > LAST_YEAR) {
    throw new UsageError(`--years \`${text}\` is not a range of years FIRST-LAST within ${FIRST_YEAR}–${LAST_YEAR} (e.g. 2020-2030)`);
  }
  return { from, to };
}

/** `--dialect NAME`, duckdb by default. */
export function parseDialect(text: string | null) {
  const dialect = DIALECTS.get(text ?? "duckdb");
  if (!dialect) throw new UsageError(`unknown dialect \`${text}\` (valid: ${[...DIALECTS.keys()].join(", ")})`);
  return dialect;
}

/**
 * Print the SQL of a policy. Exit 1 when the policy has errors or uses a construct the SQL
 * target does not translate (named in the message).
 */
export function runCompileSql(args: { path: string; dialect: string | null; years: string | null; io: Io }): number {
  const dialect = parseDialect(args.dialect);
  const years = parseYears(args.years);
  const ir = loadPolicy(args.path, args.io);
  if (!ir) return 1;
  try {
    const sql = compileToSql(ir, dialect, years);
    const header = `-- ${ir.id}: compiled by sla for ${dialect.name}, calendars ${years.from}–${years.to} (docs/sql.md)`;
    args.io.out(sqlScript(sql, header));
    return 0;
  } catch (e) {
    if (e instanceof UnsupportedPolicyError) {
      args.io.err(`sla: ${args.path}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
