/**
 * Caps on the priority in SQL (`runtime/priority-caps.ts`): `priority at most P3 for environment
 * non_production` judges a ticket meeting the condition at P3 whenever a more urgent level is in
 * force, as opened and after every `reprioritize`.
 *
 * Design: priority codes follow declaration order (1 the most urgent), so "more urgent than the
 * cap" is `code < cap` and, of several caps that hold, the least urgent is the greatest code.
 * `sla_tk.cap` holds it per ticket (0: no cap holds); the opened priority and every reprioritize
 * of the timeline go through {@link cappedCode}. Policies without caps get plain codes.
 */
import type { FactColumns } from "./conditions.js";
import { conditionSql } from "./conditions.js";
import type { QueryContext } from "./query-tickets.js";

/** The code of the least urgent cap whose condition holds for `facts`, 0 when none holds. */
export function capCode(ctx: QueryContext, facts: FactColumns): string {
  const caps = ctx.ir.priorityCaps ?? [];
  if (caps.length === 0) return "0";
  // A level the policy does not declare ranks as the most urgent (`compileCaps`): it caps nothing.
  const cases = caps.map((c) => `CASE WHEN ${conditionSql(c.when, facts, ctx.priorityCode)} THEN ${ctx.priorityCode.get(c.level) ?? 1} ELSE 0 END`);
  return cases.length === 1 ? cases[0]! : `greatest(${cases.join(", ")})`;
}

/** Priority code `code` under cap code `cap` (a more urgent declared level becomes the cap's). */
export function cappedCode(ctx: QueryContext, code: string, cap: string): string {
  if ((ctx.ir.priorityCaps ?? []).length === 0) return code;
  return `CASE WHEN ${code} > 0 AND ${code} < ${cap} THEN ${cap} ELSE ${code} END`;
}
