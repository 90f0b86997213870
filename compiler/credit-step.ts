/**
 * Credits that grow in steps (`credit 5% per started 30 minutes` of downtime, `credit per started
 * hour late` of a breach): the step checked and lowered to elapsed milliseconds. A step is a
 * whole number of minutes, hours, days or weeks; a month has no fixed length and is refused.
 */
import type { CreditStepIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import type { CheckContext } from "./context.js";

const UNIT_MS: Record<Exclude<A.UnitName, "month">, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** The largest step, in units: a step longer than a year of minutes settles nothing a period can hold. */
const MAX_STEP_UNITS = 525_600;

/** `per started 30 minutes` as milliseconds and its rounding, or `null` (SLA506 reported). */
export function lowerCreditStep(ctx: CheckContext, step: A.CreditStep | null): CreditStepIR | null {
  if (!step?.unit) return null; // the parser reported the line
  const amount = step.amount;
  if (amount && (!/^\d+$/.test(amount.value) || Number(amount.value) < 1 || Number(amount.value) > MAX_STEP_UNITS)) {
    ctx.diagnostics.error("SLA506", amount.span, `a credit's step is a whole number of units from 1 to ${MAX_STEP_UNITS}, not \`${amount.value}\``, {
      help: "write e.g. `per started 30 minutes`",
    });
    return null;
  }
  if (step.unit === "month") {
    ctx.diagnostics.error("SLA506", step.span, "a credit's step cannot be a month: months have no fixed length", { help: "write the step in minutes, hours, days or weeks" });
    return null;
  }
  return { ms: Number(amount?.value ?? "1") * UNIT_MS[step.unit], started: step.started };
}
