/**
 * Fee rules of issue 12.5, checked and lowered beside the SPEC §6 clauses of `fees.ts`:
 *   charges: `charge hosting 500 EUR`, `charge licence from period` (the period file states it),
 *     `charge extended_hours 20% of licence, at least 2000 EUR`, each an invoice line;
 *   allowances per kind of work: `allowance configuration 2 hours per month` (free hours per
 *     week, month or quarter);
 *   quotas: `quota support 10 hours per week`, `quota gold 8 hours per quarter` (a plan's included
 *     hours), counted outside billing (used, left, exceeded).
 * Amounts and hours stay the decimal text the policy wrote; a base that a percentage charge
 * cannot be taken of exactly (unknown, or itself a percentage) is SLA508, never a guess.
 */
import type { ChargeIR, FeesIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";
import { lowerPercent } from "./percent.js";

/** What the issue-12.5 clauses of one fees block have said so far. */
export interface FeeRulesDraft {
  readonly charges: ChargeIR[];
  readonly workAllowances: NonNullable<FeesIR["workAllowances"]>[number][];
  readonly quotas: NonNullable<FeesIR["quotas"]>[number][];
}

/** An amount's decimal text in the fees' currency, or `null` (reported by the caller's check). */
export type MoneyCheck = (m: A.Money | null) => string | null;

type Item<K extends A.FeesItem["kind"]> = Extract<A.FeesItem, { kind: K }>;

/** An empty draft. */
export function feeRulesDraft(): FeeRulesDraft {
  return { charges: [], workAllowances: [], quotas: [] };
}

/** Hours written `N hours` (not business hours): the unit of allowances and quotas. */
function hoursOf(ctx: CheckContext, d: A.Duration | null, what: string, example: string): string | null {
  if (!d) return null;
  if (d.unit !== "hour" || d.business) {
    ctx.diagnostics.error("SLA304", d.span, `${what} are counted in hours`, { help: `write \`${example}\`` });
    return null;
  }
  return d.amountText;
}

/** `charge NAME …`: one charge of the period; the bases are checked once all are read. */
export function lowerCharge(ctx: CheckContext, item: Item<"charge">, money: MoneyCheck, draft: FeeRulesDraft): void {
  const name = item.name;
  if (!name) return;
  const first = draft.charges.find((c) => c.name === name.text);
  if (first) {
    ctx.diagnostics.error("SLA102", name.span, `duplicate charge \`${name.text}\``, { help: "each charge of the fees has its own name" });
    return;
  }
  const head = { name: name.text, title: item.title?.value ?? null, origin: sourceRef(ctx, item.span) };
  const a = item.amount;
  if (a.kind === "fromPeriod") draft.charges.push({ kind: "fromPeriod", ...head });
  else if (a.kind === "fixed") {
    const amount = money(a.money);
    if (amount !== null) draft.charges.push({ kind: "fixed", ...head, amount });
  } else {
    const chargePercent = a.percent ? lowerPercent(ctx, a.percent.span) : null;
    const minimum = a.minimum ? money(a.minimum) : null;
    if (chargePercent === null || !a.base || (a.minimum && minimum === null)) return;
    draft.charges.push({ kind: "percentOf", ...head, chargePercent, base: a.base.text, minimum });
  }
}

/**
 * A percentage charge is taken of a stated amount: its base must be another charge of the fees
 * that is an amount or the period's (SLA508 otherwise). Bad charges are dropped from `draft`.
 */
export function checkChargeBases(ctx: CheckContext, items: readonly A.FeesItem[], draft: FeeRulesDraft): void {
  const byName = new Map(draft.charges.map((c) => [c.name, c]));
  const stated = draft.charges.filter((c) => c.kind !== "percentOf").map((c) => `\`${c.name}\``);
  for (const item of items) {
    if (item.kind !== "charge" || item.amount.kind !== "percentOf" || !item.amount.base || !item.name) continue;
    const base = item.amount.base;
    const target = byName.get(base.text);
    const problem = !target
      ? `\`${base.text}\` is not a charge of these fees`
      : target.kind === "percentOf"
        ? `\`${base.text}\` is itself a percentage of \`${target.base}\`: a percentage is taken of a stated amount`
        : null;
    if (problem === null) continue;
    ctx.diagnostics.error("SLA508", base.span, problem, {
      help: stated.length > 0 ? `take it of ${stated.join(", ")}` : "declare the base first, e.g. `charge licence from period`",
    });
    const i = draft.charges.findIndex((c) => c.name === item.name?.text);
    if (i >= 0) draft.charges.splice(i, 1);
  }
}

/** `allowance WORK N hours per week|month|quarter`: free hours of a kind of work. */
export function lowerWorkAllowance(ctx: CheckContext, item: Item<"allowance">, work: string, draft: FeeRulesDraft): void {
  if (item.excessAt) {
    ctx.diagnostics.error("SLA103", item.excessAt.span, "`excess at` belongs to a plan's allowance", {
      help: `hours of \`${work}\` beyond its allowance are billed at its own rate`,
    });
    return;
  }
  const hours = hoursOf(ctx, item.duration, "allowances", `2 hours per month`);
  if (hours === null) return;
  if (item.per !== "week" && item.per !== "month" && item.per !== "quarter") {
    ctx.diagnostics.error("SLA304", item.span, "an allowance of a kind of work renews every week, month or quarter", { help: "write `per week`, `per month` or `per quarter`" });
    return;
  }
  draft.workAllowances.push({ kind: work, hours, per: item.per, origin: sourceRef(ctx, item.span) });
}

/** `quota [WORK | PLAN] N hours per week|month|quarter`: a plan's quota counts the work done in that regime. */
export function lowerQuota(ctx: CheckContext, item: Item<"quota">, draft: FeeRulesDraft): void {
  const subject = item.work;
  const plan = subject && ctx.symbols.has("plan", subject.text) ? ctx.symbols.resolve("plan", subject) : null;
  const work = subject && !plan ? ctx.symbols.resolve("work", subject) : null;
  if (subject && !plan && !work) return;
  const hours = hoursOf(ctx, item.duration, "quotas", "10 hours per week");
  if (hours === null) return;
  if (item.per !== "week" && item.per !== "month" && item.per !== "quarter") {
    ctx.diagnostics.error("SLA304", item.perSpan ?? item.span, "quotas count hours per week, month or quarter", { help: "write `per week`, `per month` or `per quarter`" });
    return;
  }
  draft.quotas.push({ kind: work?.name.text ?? null, ...(plan ? { regime: plan.name.text } : {}), hours, per: item.per, ...(item.rollover ? { rollover: true as const } : {}), ...(item.untilTermEnd ? { rolloverExpires: "term" as const } : {}), origin: sourceRef(ctx, item.span) });
}

/** The draft's fields for the IR: present only when the policy wrote such clauses (the seeds' IR keeps its shape). */
export function feeRulesIR(draft: FeeRulesDraft): Pick<FeesIR, "charges" | "workAllowances" | "quotas"> {
  return {
    ...(draft.charges.length > 0 ? { charges: draft.charges } : {}),
    ...(draft.workAllowances.length > 0 ? { workAllowances: draft.workAllowances } : {}),
    ...(draft.quotas.length > 0 ? { quotas: draft.quotas } : {}),
  };
}
