/**
 * `sla_credit_results`: the service credit each ticket earns, as `runtime/ticket-credit.ts`
 * computes it for `sla eval` (SPEC §3 `credit`, with issue 12's credits that grow).
 *
 * Design in four lines —
 *   breaches: the ticket's breached binding targets the credits name, in declaration order;
 *   row:      the first one's: its judging priority's (`sla_credit_rows`), or the `| after | credit |` row its time taken exceeds;
 *   parts:    the row once; × the started (or whole) steps of lateness of the first, or of each under `sum per breach`;
 *   total:    each part bounded by `cap … per target`, added in DECIMAL(38, 6) and written as exact text.
 * A policy without those clauses keeps the plain row lookup (the row's text as the IR writes it).
 */
import type { CreditsIR } from "../runtime/ir.js";
import { eachTargetGrows } from "../runtime/ticket-credit.js";
import type { QueryContext } from "./query-tickets.js";
import { inList, lit, type Relation } from "./sql-text.js";

/** Percentages are exact with 6 decimals (the IR's limit); products of steps need the width. */
const DEC = "DECIMAL(38, 6)";
const dec = (e: string): string => `CAST(${e} AS ${DEC})`;

/** The breached binding targets the credits name, per ticket, numbered from 1 in declaration order. */
function breaches(credits: CreditsIR | null): string {
  const named = credits && credits.targets.length > 0 ? ` AND ${inList("t.name", credits.targets)}` : "";
  return `SELECT s.tkey, s.prio, s.start_ms, s.due_ms, coalesce(s.stop_ms, s.as_of_ms) AS end_ms,
      row_number() OVER (PARTITION BY s.tkey ORDER BY s.target) AS rn
    FROM sla_target_status s JOIN sla_targets t ON t.target = s.target
    WHERE s.status = 'breached' AND t.binding${named}`;
}

/** The plain credit: the row of the priority that judged the first breach (no clause that grows it). */
function rowCredit(credits: CreditsIR | null): string {
  return `SELECT b.tkey, c.credit_percent FROM (${breaches(credits)}) b
LEFT JOIN sla_credit_rows c ON c.prio = b.prio
WHERE b.rn = 1`;
}

/** A `| after | credit |` table's row for `taken` ms: the last row whose time it exceeds, else NULL. */
function gradedRow(bands: NonNullable<CreditsIR["afterBands"]>, taken: string): string {
  const rising = [...bands].reverse().map((b) => `WHEN ${taken} > ${b.afterMs} THEN ${lit(b.creditPercent)}`);
  return `CASE ${rising.join(" ")} END`;
}

/** Steps of `late` ms (`stepsIn`): whole steps, plus a begun one when `started`; 0 when not late. */
function steps(step: NonNullable<CreditsIR["lateStep"]>, late: string): string {
  // An exact multiple divided: DuckDB's `/` gives a DOUBLE, PostgreSQL's an integer, both exact here.
  const whole = `CAST((${late} - ${late} % ${step.ms}) / ${step.ms} AS BIGINT)`;
  const begun = step.started ? ` + CASE WHEN ${late} % ${step.ms} > 0 THEN 1 ELSE 0 END` : "";
  return `CASE WHEN coalesce(${late}, 0) <= 0 THEN 0 ELSE ${whole}${begun} END`;
}

/** Exact decimal text of a DECIMAL(38, 6) value without trailing zeros (`'10'`, `'0.5'`, `'0'`). */
function decimalText(e: string): string {
  return `CASE WHEN ${e} = 0 THEN '0' ELSE rtrim(rtrim(CAST(${dec(e)} AS VARCHAR), '0'), '.') END`;
}

/** The credit grown or graded: rows, steps of lateness, caps per target (`ticketCredit`). */
function grownCredit(credits: CreditsIR): string {
  const row = credits.afterBands ? gradedRow(credits.afterBands, "(b.end_ms - b.start_ms)") : "c.credit_percent";
  const join = credits.afterBands ? "" : "\n    LEFT JOIN sla_credit_rows c ON c.prio = b.prio";
  const part = credits.lateStep ? `${dec("p.row_percent")} * ${steps(credits.lateStep, "(p.end_ms - p.due_ms)")}` : dec("p.row_percent");
  const capped = credits.capPerTargetPercent !== undefined ? `LEAST(${dec(part)}, ${dec(lit(credits.capPerTargetPercent))})` : dec(part);
  const which = eachTargetGrows(credits) ? "" : " AND p.rn = 1";
  return `SELECT p.tkey, ${decimalText(`sum(${capped})`)} AS credit_percent
  FROM (
    SELECT b.tkey, b.rn, b.due_ms, b.end_ms, first_value(${row}) OVER (PARTITION BY b.tkey ORDER BY b.rn) AS row_percent
    FROM (${breaches(credits)}) b${join}
  ) p
  WHERE p.row_percent IS NOT NULL${which}
  GROUP BY p.tkey`;
}

/** Whether the policy's credits grow or grade a ticket's row (IR 12), beyond the row of its priority. */
function grows(credits: CreditsIR | null): credits is CreditsIR {
  return credits !== null && (credits.lateStep !== undefined || credits.afterBands !== undefined || credits.capPerTargetPercent !== undefined);
}

/** `sla_credit_results`: per ticket its credit percentage (exact text), NULL for none or an ineligible ticket. */
export function creditResults(ctx: QueryContext): Relation {
  const credits = ctx.ir.credits;
  return {
    name: "sla_credit_results",
    sql: `SELECT tk.ticket_id, CASE WHEN tk.credit_eligible THEN c.credit_percent END AS credit_percent
FROM sla_tk tk
LEFT JOIN (${grows(credits) ? grownCredit(credits) : rowCredit(credits)}) c ON c.tkey = tk.tkey`,
  };
}
