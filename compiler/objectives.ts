/**
 * Objectives over a share of tickets (issue 12.4): `objective critical_fix "…" { 95% of tickets
 * meet resolution  for priority P1  credit 5% }` lowered to the IR. The share names a target of
 * the policy (its goals say "within 2 hours"); `for` takes the conditions of goal sections.
 */
import type { ObjectiveIR, TargetIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { DEFAULT_DECIMALS, decimalsOf, lowerShown, once } from "./availability.js";
import { lowerCondition } from "./attributes.js";
import { type CheckContext, sourceRef } from "./context.js";
import { lowerPercent } from "./percent.js";
import type { Plans } from "./plans.js";

const itemsOf = <K extends A.ObjectiveItem["kind"]>(d: A.ObjectiveDecl, kind: K) => d.items.filter((i): i is Extract<A.ObjectiveItem, { kind: K }> => i.kind === kind);

/** Lower one `objective` block, or `null` when it lacks what it needs (reported). */
export function lowerObjective(ctx: CheckContext, d: A.ObjectiveDecl, targets: readonly TargetIR[], plans: Plans, allPlans: readonly string[]): ObjectiveIR | null {
  if (!d.name) return null;
  const share = once(ctx, itemsOf(d, "share"), "of tickets meet");
  if (!share) {
    ctx.diagnostics.error("SLA510", d.name.span, `objective \`${d.name.text}\` names no share of tickets`, { help: "add `95% of tickets meet resolution`" });
    return null;
  }
  const sharePercent = share.percent ? lowerPercent(ctx, share.percent.span) : null;
  const target = ctx.symbols.resolve("target", share.target);
  const shown = once(ctx, itemsOf(d, "shown"), "shown to");
  const decimals = shown ? (lowerShown(ctx, shown) ?? DEFAULT_DECIMALS) : DEFAULT_DECIMALS;
  if (sharePercent !== null && decimalsOf(sharePercent) > decimals) {
    ctx.diagnostics.error("SLA509", share.span, `${sharePercent}% has more decimals than the attainment is shown to (${decimals})`, { help: `write \`shown to ${decimalsOf(sharePercent)} decimals\`` });
  }
  const when = itemsOf(d, "for").flatMap((f) => (f.when ? (lowerCondition(ctx, f.when, plans, allPlans) ?? []) : []));
  const credit = once(ctx, itemsOf(d, "credit"), "credit");
  const creditPercent = credit?.percent ? lowerPercent(ctx, credit.percent.span) : null;
  const ir = targets.find((t) => t.name === share.target?.text);
  if (ir && !ir.binding && credit) {
    ctx.diagnostics.error("SLA510", credit.span, `target \`${ir.name}\` is a non-binding KPI: missing it earns no credit`, { help: "remove the credit, or make the target binding" });
  }
  if (!target || !share.target || sharePercent === null) return null;
  return {
    name: d.name.text,
    title: d.title?.value ?? null,
    target: share.target.text,
    sharePercent,
    when,
    creditPercent,
    decimals,
    origin: sourceRef(ctx, d.name.span),
  };
}
