/**
 * Credits in days added to the end of the Term (AllSpice: "3 days of service added to the Term …
 * at most 15 days in a month … may not be exchanged for or converted into money"): an
 * availability's band `| 99.5% | 3 days of term |` and the credits block's `cap 15 days of term`.
 *
 * Design: a day is a whole calendar day (never business time, never a fraction); the days are
 * never turned into money, so a policy credits either days or money (SLA505: the credits block's
 * one rule and one cap could not join or bound both), and a percentage cap never bounds days.
 */
import type { AvailabilityIR, CreditsIR, ObjectiveIR } from "../runtime/ir.js";
import { creditsTermDays } from "../runtime/ir-constants.js";
import type * as A from "./ast.js";
import type { CheckContext } from "./context.js";
import { cellText } from "./durations.js";

/** The most days one clause may add (ten years, as the IR allows). */
const MAX_TERM_DAYS = 3660;

/** Whole days from a count as written, or `null` (SLA506) when it is not a whole number from 1 to 3660. */
function wholeDays(ctx: CheckContext, text: string, span: A.Decl["span"], what: string): number | null {
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_TERM_DAYS) return Number(text);
  ctx.diagnostics.error("SLA506", span, `\`${what}\` is not a whole number of days`, { help: `the Term is extended by whole days: write a whole number from 1 to ${MAX_TERM_DAYS}, e.g. \`3 days of term\`` });
  return null;
}

/**
 * `3 days of term` in a band: the whole calendar days it adds to the Term, or `null` when the
 * duration is business time or not days (SLA304) or not a whole number (SLA506).
 */
export function termDaysOfCell(ctx: CheckContext, cell: Extract<A.Cell, { kind: "termDays" }>): number | null {
  const d = cell.duration;
  const text = cellText(ctx, cell);
  if (d.business || d.unit !== "day") {
    ctx.diagnostics.error("SLA304", cell.span, `\`${text}\`: the Term is extended by calendar days`, { help: d.business ? `write \`${d.amountText} days of term\`` : "write whole days, e.g. `3 days of term`" });
    return null;
  }
  return wholeDays(ctx, d.amountText, cell.span, text);
}

/** `cap 15 days of term`: the days, or `null` (reported). */
export function lowerCapTermDays(ctx: CheckContext, item: Extract<A.CreditsItem, { kind: "capTermDays" }>): number | null {
  if (!item.days) return null;
  return wholeDays(ctx, item.days.value, item.days.span, `cap ${item.days.value} days of term`);
}

/** The first clause of the credits block of one of `kinds`, for a diagnostic's span or label. */
function clause(decl: A.CreditsDecl | undefined, ...kinds: A.CreditsItem["kind"][]): A.CreditsItem | undefined {
  return decl?.items.find((i) => kinds.includes(i.kind));
}

/** What in the policy credits money, in words, or `null` when nothing does. */
function moneyCredit(credits: CreditsIR | null, availability: readonly AvailabilityIR[], objectives: readonly ObjectiveIR[]): string | null {
  if (credits && (credits.rows.length > 0 || (credits.afterBands?.length ?? 0) > 0 || credits.thresholds !== undefined || credits.amountPerBreach !== undefined)) return "the credits block's table or rule";
  const money = availability.find((a) => (a.bands.length > 0 && !creditsTermDays(a)) || a.stepCredit !== undefined || a.downtimeFeeMultiple !== undefined);
  if (money) return `availability \`${money.name}\``;
  const objective = objectives.find((o) => o.creditPercent !== null && o.creditPercent !== "0");
  return objective ? `objective \`${objective.name}\`` : null;
}

/**
 * The policy-level rules of day credits: a `cap … days of term` bounds day credits the policy
 * has (SLA506); day credits stand alone, with no money credit, no percentage cap and no invoice
 * to be credited on (SLA505).
 */
export function checkTermDayCredits(
  ctx: CheckContext,
  decl: A.CreditsDecl | undefined,
  credits: CreditsIR | null,
  availability: readonly AvailabilityIR[],
  availabilityDecls: readonly A.AvailabilityDecl[],
  objectives: readonly ObjectiveIR[],
): void {
  const days = availability.find(creditsTermDays);
  const capDays = clause(decl, "capTermDays");
  if (!days) {
    if (capDays && credits?.capTermDays !== undefined) {
      ctx.diagnostics.error("SLA506", capDays.span, "`cap … days of term` bounds no credit in days", { help: "credit days in an availability's bands (`| 99.5% | 3 days of term |`), or write the cap as a percentage of the fees" });
    }
    return;
  }
  const daysDecl = availabilityDecls.find((d) => d.name?.text === days.name);
  const daysSpan = daysDecl?.items.find((i) => i.kind === "bands")?.span ?? daysDecl?.span ?? decl?.span;
  const label = daysSpan ? [{ span: daysSpan, message: "days of the Term credited here" }] : [];
  const percentCap = decl?.items.find((i) => i.kind === "cap" && i.percent !== null);
  if (percentCap) {
    ctx.diagnostics.error("SLA505", percentCap.span, "a percentage cap beside credits in days of the Term", { labels: label, help: "days are not money: bound them with `cap 15 days of term`" });
  }
  const onInvoice = clause(decl, "creditOnNextInvoice");
  if (onInvoice) {
    ctx.diagnostics.error("SLA505", onInvoice.span, "days of the Term cannot be credited on an invoice", { labels: label, help: "remove `credit on next invoice`: the days extend the Term" });
  }
  const money = moneyCredit(credits, availability, objectives);
  if (money !== null && daysSpan) {
    ctx.diagnostics.error("SLA505", daysSpan, `credits in days of the Term beside credits in money (${money})`, {
      help: "a policy credits either days added to the Term or money: the credits block's one rule and cap cannot join both",
    });
  }
}
