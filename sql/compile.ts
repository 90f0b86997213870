/**
 * Compile a policy to SQL (issue 15): the calendar and policy tables, and the relations that
 * evaluate `tickets`, `ticket_events` (and `ticket_attributes`) as of a parameter, in DuckDB's or
 * PostgreSQL's dialect.
 *
 * Design: `compileToSql` refuses a policy using a construct it does not translate
 * (`unsupported.ts`), then assembles the relations of `query-*.ts` in dependency order. A runner
 * creates them as views (for a warehouse, each a dbt model) or as tables (to evaluate once).
 */
import type { PolicyIR } from "../runtime/ir.js";
import { attributeNames } from "./conditions.js";
import { calendarStatements, calendarTables, type CalendarTables, type YearRange } from "./calendar-tables.js";
import type { Dialect } from "./dialect.js";
import { clocksOf, policyTables, priorityCodes, type PolicyTable } from "./policy-tables.js";
import { budgetRelations } from "./query-budget.js";
import { clockRelations } from "./query-clock.js";
import { dueRelations } from "./query-due.js";
import { recurringRelations } from "./query-recurring.js";
import { resultRelations } from "./query-results.js";
import { ticketRelations } from "./query-tickets.js";
import { valueLiteral, type Relation } from "./sql-text.js";
import { unsupportedConstructs, UnsupportedPolicyError } from "./unsupported.js";

/** The result relations a runner reads (the others are steps). */
export const RESULT_RELATIONS = ["sla_target_results", "sla_escalation_results", "sla_credit_results"] as const;

/** Default local years of the calendar tables. */
export const DEFAULT_YEARS: YearRange = { from: 2020, to: 2030 };

/** A policy compiled to SQL. */
export interface CompiledSql {
  readonly dialect: Dialect;
  readonly calendars: CalendarTables;
  readonly policyTables: readonly PolicyTable[];
  /** The ticket attributes the query reads from `ticket_attributes` (empty: it does not read that table). */
  readonly attributes: readonly string[];
  /** The evaluation, in dependency order; the last ones are {@link RESULT_RELATIONS}. */
  readonly relations: readonly Relation[];
}

/** Compile `ir` to SQL. Throws {@link UnsupportedPolicyError} naming every construct it does not translate. */
export function compileToSql(ir: PolicyIR, dialect: Dialect, years: YearRange = DEFAULT_YEARS): CompiledSql {
  const unsupported = unsupportedConstructs(ir);
  if (unsupported.length > 0) throw new UnsupportedPolicyError(unsupported);
  const calendars = calendarTables(ir, years);
  const clocks = clocksOf(ir);
  const attributes = attributeNames(ir);
  const ctx = { ir, dialect, calendars, priorityCode: priorityCodes(ir), attributes };
  const relations = [...ticketRelations(ctx), ...clockRelations(clocks), ...budgetRelations(ctx, clocks), ...dueRelations(ctx), ...recurringRelations(ctx), ...resultRelations(ctx)];
  return { dialect, calendars, policyTables: policyTables(ir, clocks), relations, attributes };
}

/** The DDL of the parameter table: one row, the `as_of` instant (NULL: each ticket's own, else now). */
export const PARAMS_DDL = "CREATE TABLE sla_params (as_of TIMESTAMPTZ)";

/** Statements creating and filling the policy tables. */
export function policyStatements(tables: readonly PolicyTable[]): string[] {
  const out: string[] = [];
  for (const t of tables) {
    out.push(t.ddl);
    if (t.rows.length > 0) out.push(`INSERT INTO ${t.name} VALUES\n${t.rows.map((r) => `(${r.map(valueLiteral).join(", ")})`).join(",\n")}`);
  }
  return out;
}

/** `CREATE VIEW` (or `CREATE TABLE … AS`, `materialize`) of each relation. */
export function relationStatements(sql: CompiledSql, materialize: boolean): string[] {
  return sql.relations.map((r) => `CREATE ${materialize ? "TABLE" : "VIEW"} ${r.name} AS\n${r.sql}`);
}

/** The script's comment naming the input tables the views read (and the attributes, when they read any). */
export function inputsComment(sql: CompiledSql): string {
  const attributes = sql.attributes.length > 0 ? `, ticket_attributes (${sql.attributes.join(", ")})` : "";
  return `-- the views read tickets, ticket_events${attributes}`;
}

/**
 * The whole script `sla compile --target sql` prints: calendar data, policy tables, the
 * parameter table, then the views. The input tables `tickets`, `ticket_events` and, for a
 * policy whose conditions read attributes, `ticket_attributes` are the user's (docs/sql.md gives
 * their shape).
 */
export function sqlScript(sql: CompiledSql, header: string): string {
  const statements = [
    ...calendarStatements(sql.calendars, sql.dialect.name === "postgres"),
    ...policyStatements(sql.policyTables),
    PARAMS_DDL,
    "INSERT INTO sla_params VALUES (NULL)",
    ...relationStatements(sql, false),
  ];
  return `${header}\n${inputsComment(sql)}\n${statements.map((s) => `${s};\n`).join("\n")}`;
}
