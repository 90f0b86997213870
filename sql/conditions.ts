/**
 * Conditions on a ticket in SQL (issue 11 constructs, `runtime/ticket-attributes.ts`): `for
 * priority P1`, `for gold`, `for channel phone`, `for cause x`, `for environment production`,
 * `for phone_escalated`, as boolean expressions over the columns of `sla_tk`.
 *
 * Design: a condition is a conjunction of tests, each an `IN` list (a NULL fact never holds, as
 * in the runtime's predicates). Priorities are compared as codes, so the priority that judges a
 * clause (the one in force at the clock's stop, after caps) is passed in as an expression. Ticket
 * attributes come from the long input table `ticket_attributes(ticket_id, name, value)` (a flag's
 * value is `true` or `false`), pivoted once per ticket into one `attr_<i>` column per attribute a
 * condition reads.
 */
import type { ConditionIR, PolicyIR, TestIR } from "../runtime/ir.js";
import { inList, lit } from "./sql-text.js";

/** Where a condition reads a ticket's facts. */
export interface FactColumns {
  /** The judging priority's code (0: none). */
  readonly priority: string;
  /** The column of ticket attribute `name` (text; a flag is `'true'` or `'false'`). */
  readonly attribute: (name: string) => string;
  /** Alias of the `sla_tk` row (its `plan`, `cause`, `channel`). */
  readonly ticket: string;
}

/** Every condition of a policy the SQL translates: caps, sections, calendar rules, exclusions, ineligibility. */
function conditionsOf(ir: PolicyIR): ConditionIR[] {
  return [
    ...(ir.priorityCaps ?? []).map((c) => c.when),
    ...ir.targets.flatMap((t) => [...t.goals.flatMap((g) => (g.when ? [g.when] : [])), ...(t.calendarRules ?? []).map((r) => r.when)]),
    ...ir.regions.flatMap((r) => (r.calendarRules ?? []).map((c) => c.when)),
    ...(ir.exclusions.attributes ?? []).map((e) => e.when),
    ...(ir.credits?.ineligibleWhen ?? []),
  ];
}

/** The attribute names the policy's conditions read, in a stable order (`attr_<index>`). */
export function attributeNames(ir: PolicyIR): string[] {
  const names = new Set<string>();
  for (const when of conditionsOf(ir)) for (const t of when) if (t.on === "field") names.add(t.field);
  for (const when of conditionsOf(ir)) for (const t of when) if (t.on === "flag") names.add(t.flag);
  return [...names];
}

/** One test as SQL. */
function testSql(t: TestIR, facts: FactColumns, priorityCode: ReadonlyMap<string, number>): string {
  const col = (c: string) => `${facts.ticket}.${c}`;
  switch (t.on) {
    case "priority": {
      const codes = t.values.map((v) => priorityCode.get(v)).filter((c): c is number => c !== undefined);
      return codes.length === 0 ? "false" : `${facts.priority} IN (${codes.join(", ")})`;
    }
    case "plan":
      return `coalesce(${inList(col("plan"), t.values)}, false)`;
    case "cause":
      return `coalesce(${inList(col("cause"), t.values)}, false)`;
    case "channel":
      return `coalesce(${inList(col("channel"), t.values)}, false)`;
    case "field":
      return `coalesce(${inList(facts.attribute(t.field), t.values)}, false)`;
    case "flag":
      return `coalesce(${facts.attribute(t.flag)} = ${lit("true")}, false)`;
  }
}

/** A condition as a SQL boolean (every test holds; never NULL). */
export function conditionSql(when: ConditionIR, facts: FactColumns, priorityCode: ReadonlyMap<string, number>): string {
  if (when.length === 0) return "true";
  return when.map((t) => `(${testSql(t, facts, priorityCode)})`).join(" AND ");
}

/**
 * The pivot of `ticket_attributes` to one row per ticket with an `attr_<i>` column per name, or
 * `null` when the policy's conditions read no attribute (then the table is not read at all).
 */
export function attributePivot(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const columns = names.map((n, i) => `max(CASE WHEN name = ${lit(n)} THEN value END) AS attr_${i}`).join(", ");
  return `SELECT ticket_id, ${columns} FROM ticket_attributes GROUP BY ticket_id`;
}
