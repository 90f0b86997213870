/**
 * Caps on the priority (issue 11/12 follow-up): `priority at most P3 for environment
 * non_production "…"` ("P1 and P2 do not include non-production environments"). The level must
 * be a declared priority; the condition tests the ticket's attributes or plan, never its priority
 * (the cap changes the priority, so a test on it would read its own result).
 */
import type { PolicyIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { lowerCondition } from "./attributes.js";
import { type CheckContext, sourceRef } from "./context.js";
import type { Plans } from "./plans.js";

type PriorityCapIR = NonNullable<PolicyIR["priorityCaps"]>[number];

/** `a and b`: the condition and its `and` parts, in order. */
const parts = (when: A.Condition): readonly A.Condition[] => [when, ...(when.also ?? [])];

/** Lower each `priority at most …` declaration; the broken ones are reported and left out. */
export function lowerPriorityCaps(ctx: CheckContext, decls: readonly A.PriorityCapDecl[], plans: Plans, allPlans: readonly string[]): PriorityCapIR[] {
  const out: PriorityCapIR[] = [];
  for (const d of decls) {
    const level = ctx.symbols.resolve("priority", d.level);
    if (!d.when) continue;
    const onPriority = parts(d.when).find((c) => c.axis?.kind === "priority");
    if (onPriority) {
      ctx.diagnostics.error("SLA103", onPriority.span, "a priority cap cannot test the priority", {
        help: "the cap sets the level that judges the ticket; test its attributes or plan instead, e.g. `for environment non_production`",
      });
      continue;
    }
    const when = lowerCondition(ctx, d.when, plans, allPlans);
    if (level && when) out.push({ level: d.level!.text, when, reason: d.text?.value ?? null, origin: sourceRef(ctx, d.span) });
  }
  return out;
}
