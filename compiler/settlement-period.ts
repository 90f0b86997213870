/**
 * The settlement period a policy declares (issue 12.2): `period month`, `period quarter starting
 * Feb 1` ("quarters starting February 1"), `period year starting Apr 1`. Design in four lines —
 *   one declaration per policy (a second is SLA103); none means months, as SPEC §6 always had;
 *   a period is a month, a quarter or a year, nothing else (SLA507);
 *   quarters and years start on the first day of a month (SLA507): a period's dates stay whole
 *   months, so claims "by end of next month" and monthly allowances line up with its boundaries.
 */
import type { SettlementPeriodIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";

/** The units a settlement period may have. */
const PERIOD_UNITS = ["month", "quarter", "year"] as const;

function isPeriodUnit(u: string): u is SettlementPeriodIR["unit"] {
  return (PERIOD_UNITS as readonly string[]).includes(u);
}

/**
 * One `period` declaration, or the `per quarter starting Apr 1` window of an availability's
 * commitment, checked by the same rules; `null` when it is reported.
 */
export function lowerPeriodShape(ctx: CheckContext, decl: Omit<A.PeriodDecl, "kind">, of: "period" | "window" = "period"): SettlementPeriodIR | null {
  const unit = decl.unit;
  if (!unit) return null; // the parser reported the line
  // The words differ by where the shape is written: `period quarter` or `commit 99.9% per quarter`.
  const [noun, lead] = of === "period" ? ["a settlement period", "period"] : ["a commitment's window", "commit 99.9% per"];
  if (!isPeriodUnit(unit.value)) {
    ctx.diagnostics.error("SLA507", unit.span, `${noun} is a month, a quarter or a year, not a ${unit.value}`, { help: `write \`${lead} month\`, \`${lead} quarter\` or \`${lead} year\`` });
    return null;
  }
  const start = decl.start;
  if (start && unit.value === "month") {
    ctx.diagnostics.error("SLA507", start.span, `a monthly ${of} starts on the first of each month`, { help: `write \`${lead} month\`` });
    return null;
  }
  if (start && start.day !== null && start.day.value !== 1) {
    ctx.diagnostics.error("SLA507", start.day.span, `a ${unit.value} starts on the first day of a month, not on day ${start.day.value}`, {
      help: "periods are whole months: write e.g. `starting Feb 1`",
    });
    return null;
  }
  return { unit: unit.value, startMonth: start?.month.value ?? 1, origin: sourceRef(ctx, decl.span) };
}

/**
 * Lower the policy's `period` declarations: `undefined` when there is none (months, any dates),
 * else the first, with every further one reported.
 */
export function lowerSettlementPeriod(ctx: CheckContext, decls: readonly A.PeriodDecl[]): SettlementPeriodIR | undefined {
  for (const extra of decls.slice(1)) {
    ctx.diagnostics.error("SLA103", extra.span, "a second `period`", { help: "a policy settles over one kind of period", labels: decls[0] ? [{ span: decls[0].span, message: "the first" }] : [] });
  }
  return decls[0] ? (lowerPeriodShape(ctx, decls[0]) ?? undefined) : undefined;
}

/** The invoice schedule that matches each kind of settlement period. */
const SCHEDULE_OF = { month: "monthly", quarter: "quarterly", year: "yearly" } as const;

/**
 * An invoice schedule that is not the settlement period's (`invoice monthly` under `period
 * quarter`, or `invoice quarterly` under the default months) is SLA904: the invoice of a
 * settlement covers its period, so one of the two clauses does not say what the contract means.
 */
export function checkInvoiceSchedule(ctx: CheckContext, period: SettlementPeriodIR | undefined, fees: A.FeesDecl | undefined): void {
  const invoice = fees?.items.find((i): i is Extract<A.FeesItem, { kind: "invoice" }> => i.kind === "invoice");
  if (!invoice) return;
  const expected = SCHEDULE_OF[period?.unit ?? "month"];
  if (invoice.schedule === expected) return;
  const settles = period ? `the policy settles by ${period.unit}` : "the policy declares no `period`, so it settles by month";
  ctx.diagnostics.warning("SLA904", invoice.span, `\`invoice ${invoice.schedule}\` but ${settles}`, {
    help: period ? `write \`invoice ${expected}\`` : `declare the settlement period, e.g. \`period ${invoice.schedule === "yearly" ? "year" : "quarter"}\`, or write \`invoice monthly\``,
  });
}
