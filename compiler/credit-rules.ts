/**
 * Credit rules beyond "the highest percentage, never a sum" (issue 12): how breaches add up
 * (`sum per breach`, `amount 500 EUR per breach`), thresholds on the number of breaches
 * (`above 4 breaches 20%`) and claims within days (`claim within 30 days after period|breach`).
 *
 * A rule the runtime could not settle exactly as written is an error here (SLA505 conflicting,
 * SLA506 incomplete), never a silent different answer at settlement.
 */
import type { CreditsIR, FeesIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";
import { isCurrency } from "./fees.js";
import { lowerPercent } from "./percent.js";

/** The credit items this module lowers. */
export type CreditRuleItem = Extract<A.CreditsItem, { kind: "claimWithinDays" | "sumPerBreach" | "amountPerBreach" | "breachThreshold" }>;

/** The bound on claim days, as for the fees' date offsets: deadlines keep four year digits. */
const MAX_CLAIM_DAYS = 3660;

/** A whole number written at `lit` (a count or days), or `null` (reported as SLA506). */
function wholeNumber(ctx: CheckContext, lit: A.Lit<string>, what: string, max: number): number | null {
  if (!/^\d+$/.test(lit.value)) {
    ctx.diagnostics.error("SLA506", lit.span, `${what} is a whole number, not \`${lit.value}\``, { help: `write e.g. \`${lit.value.split(".")[0]}\`` });
    return null;
  }
  const n = Number(lit.value);
  if (n > max) {
    ctx.diagnostics.error("SLA506", lit.span, `${what} of ${lit.value} is more than ${max}`, { help: `use at most ${max}` });
    return null;
  }
  return n;
}

/** Lower one issue-12 credit clause into `ir` (called from `lowerCredits` in clause order). */
export function lowerCreditRule(ctx: CheckContext, item: CreditRuleItem, ir: CreditsIR): void {
  switch (item.kind) {
    case "claimWithinDays": {
      const days = item.days ? wholeNumber(ctx, item.days, "a number of days", MAX_CLAIM_DAYS) : null;
      if (days !== null) {
        ir.claimDaysAfter = { days, after: item.after };
        ir.claimDaysAfterOrigin = sourceRef(ctx, item.span);
      }
      return;
    }
    case "sumPerBreach":
      ir.mode = "sum";
      ir.modeOrigin = sourceRef(ctx, item.span);
      return;
    case "amountPerBreach": {
      const m = item.money;
      if (!m) return;
      if (!m.currency) {
        ctx.diagnostics.error("SLA501", m.span, `\`${m.amount.value}\` has no currency`, { help: `write the currency after the amount: \`${m.amount.value} EUR\`` });
        return;
      }
      if (!isCurrency(m.currency.text)) {
        ctx.diagnostics.error("SLA502", m.currency.span, `unknown currency \`${m.currency.text}\``, { help: "use an ISO 4217 code such as `EUR` or `USD`" });
        return;
      }
      ir.mode = "amount";
      ir.modeOrigin = sourceRef(ctx, item.span);
      ir.amountPerBreach = { amount: m.amount.value, currency: m.currency.text, origin: sourceRef(ctx, item.span) };
      return;
    }
    case "breachThreshold": {
      const above = item.above ? wholeNumber(ctx, item.above, "a number of breaches", 1_000_000) : null;
      const creditPercent = item.percent ? lowerPercent(ctx, item.percent.span) : null;
      if (above !== null && creditPercent !== null) {
        ir.thresholds = [...(ir.thresholds ?? []), { aboveBreaches: above, creditPercent, origin: sourceRef(ctx, item.span) }];
      }
      return;
    }
  }
}

const itemsOf = <K extends A.CreditsItem["kind"]>(decl: A.CreditsDecl, kind: K) =>
  decl.items.filter((i): i is Extract<A.CreditsItem, { kind: K }> => i.kind === kind);

/** Two ways of settling written in one block: the second is reported, pointing at the first. */
function conflict(ctx: CheckContext, first: A.CreditsItem | undefined, second: A.CreditsItem | undefined, message: string, help: string): void {
  if (!first || !second) return;
  ctx.diagnostics.error("SLA505", second.span, message, { help, labels: [{ span: first.span, message: "the other rule" }] });
}

/**
 * Checks over the whole credits block, after lowering: one way of adding up breaches, one claim
 * deadline, a table for `sum per breach`, thresholds that grow with the count, and a fixed amount
 * in the fees' currency.
 */
export function checkCreditRules(ctx: CheckContext, decl: A.CreditsDecl, credits: CreditsIR, fees: FeesIR | null): void {
  const sum = itemsOf(decl, "sumPerBreach")[0];
  const amount = itemsOf(decl, "amountPerBreach")[0];
  const thresholds = itemsOf(decl, "breachThreshold");
  const table = itemsOf(decl, "table")[0];
  const late = itemsOf(decl, "lateCredit")[0];
  conflict(ctx, sum, amount, "`sum per breach` and `amount … per breach` are two ways of adding up breaches", "keep one of them");
  conflict(ctx, sum ?? amount ?? table, thresholds[0], "breach thresholds and a per-ticket credit are two ways of settling", "keep either the thresholds or the per-ticket rule and its table");
  conflict(ctx, itemsOf(decl, "claimByEndOfNextMonth")[0], itemsOf(decl, "claimWithinDays")[0], "two claim deadlines", "keep one `claim …` deadline");
  conflict(ctx, itemsOf(decl, "claimWithinDays")[0], itemsOf(decl, "claimWithinDays")[1], "two claim deadlines", "keep one `claim …` deadline");
  const graded = credits.afterBands !== undefined;
  const tables = itemsOf(decl, "table");
  if (graded && tables.length > 1) conflict(ctx, tables[0], tables[1], "a credit is graded by priority (or plan) or by time taken, not both", "keep one credit table");
  conflict(ctx, graded ? tables[0] : undefined, late, "a credit graded by time taken already grows with how late the answer is", "keep the `| after | credit |` table or `credit per … late`");
  // The evaluator applies `ineligible <condition>` through the rows it knows; graded rows are settled after it.
  conflict(ctx, graded ? tables[0] : undefined, itemsOf(decl, "ineligibleWhen")[0], "a credit graded by time taken cannot yet exclude tickets by a condition", "exclude them from the target instead (`exclude cause …`)");
  if (sum && credits.rows.length === 0 && !graded) {
    ctx.diagnostics.error("SLA506", sum.span, "`sum per breach` has no credit table to add up", { help: "add a `{ | priority | credit | … }` table with each breach's percentage" });
  }
  conflict(ctx, amount ?? thresholds[0], late, "a credit per step of lateness grows a breach's percentage, which `amount … per breach` and breach thresholds do not have", "keep the table with `sum per breach` or the highest row");
  if (late && credits.rows.length === 0 && !graded) {
    ctx.diagnostics.error("SLA506", late.span, "`credit per … late` has no credit table to grow", { help: "add a `{ | priority | credit | … }` table with each step's percentage" });
  }
  const waiver = itemsOf(decl, "noClaimFor")[0];
  if (waiver && credits.claimMonthsAfter === null && credits.claimDaysAfter === undefined && credits.claimSubject === null && credits.claimRequired !== true) {
    ctx.diagnostics.error("SLA506", waiver.span, "`no claim for …` waives a claim the credits do not ask for", { help: "add the claim the other plans make, e.g. `claim within 30 days after period`, or remove this line" });
  }
  checkThresholdOrder(ctx, thresholds, credits);
  const money = amount?.money?.currency;
  if (money && fees && money.text !== fees.currency) {
    ctx.diagnostics.error("SLA502", money.span, `\`${money.text}\` differs from the fees' currency \`${fees.currency}\``, { help: "a policy settles in one currency" });
  }
}

/** Thresholds must grow with the count: a higher count earning less would make "the highest that holds" ambiguous. */
function checkThresholdOrder(ctx: CheckContext, items: readonly Extract<A.CreditsItem, { kind: "breachThreshold" }>[], credits: CreditsIR): void {
  const lowered = credits.thresholds ?? [];
  for (let i = 1; i < lowered.length; i++) {
    const [prev, cur] = [lowered[i - 1]!, lowered[i]!];
    const item = items[i];
    if (!item) continue;
    if (cur.aboveBreaches <= prev.aboveBreaches) {
      ctx.diagnostics.error("SLA505", item.span, `thresholds must rise: above ${cur.aboveBreaches} comes after above ${prev.aboveBreaches}`, { help: "write the thresholds from the fewest breaches to the most" });
      // Percent texts have at most 9 significant digits: their doubles order exactly as the decimals do.
    } else if (Number(cur.creditPercent) < Number(prev.creditPercent)) {
      ctx.diagnostics.error("SLA505", item.span, `more breaches earn less: ${cur.creditPercent}% above ${cur.aboveBreaches} is below ${prev.creditPercent}% above ${prev.aboveBreaches}`, { help: "a higher count of breaches earns at least the credit of a lower one" });
    }
  }
}
