/**
 * The service credit a month's tickets call for, from the credits their evaluations earned: the
 * runtime decides it (`creditMode` and `applyCreditRule` in `runtime/settle-credit-rules.ts`,
 * the code `sla settle` uses, fed with each ticket's credit parts from `runtime/ticket-credit.ts`),
 * this module only feeds it the month's counts.
 *
 * A report knows no fees, so percentages are taken of a notional fee of 100 (exact: a credit of
 * 100 × p / 100 is p) and a fixed amount per breach is shown as the amount per breach times the
 * breaches, with the cap (a share of fees) stated beside it.
 */
import { Decimal } from "decimal.js";
import type { CreditsIR } from "../runtime/ir.js";
import { claimDeadline } from "../runtime/settle-credit.js";
import { endOfMonth } from "../runtime/settle-dates.js";
import { applyCreditRule, creditMode } from "../runtime/settle-credit-rules.js";
import { Dec } from "../runtime/settle-decimal.js";
import type { MonthCredit, RowCount } from "./credit-tally.js";
import type { CreditPeriod } from "./model.js";

/** Fees of 100: a share of them is the percentage itself. */
const NOTIONAL_FEES = new Dec(100);

/** What the month's tickets call for under the credits block's rule; `null` parts when nothing is due. */
function due(credits: CreditsIR, tally: MonthCredit, rows: readonly RowCount[]): Pick<CreditPeriod, "duePercent" | "dueAmount" | "rule"> {
  const tickets = tally.tickets;
  const mode = creditMode(credits);
  const cap = credits.capPercent === null ? "" : `, at most ${credits.capPercent} % of the period's fees`;
  if (tickets === 0) return { duePercent: null, dueAmount: null, rule: mode };
  if (mode === "highest") {
    // SPEC §6, "not cumulative": the highest credit earned applies once, within the cap. A ticket's
    // credit is its first breach's row (grown by its steps) within `cap … per target`; the highest
    // of those is the highest grown row within that cap, which is what `sla settle` applies.
    const percents = rows.flatMap((r) => (r.percent === null ? [] : [r.percent]));
    if (percents.length === 0) return { duePercent: null, dueAmount: null, rule: mode };
    const highest = percents.reduce((a, p) => (new Decimal(p).gt(a) ? p : a));
    const capped = credits.capPercent !== null && new Decimal(credits.capPercent).lt(highest);
    return { duePercent: capped ? credits.capPercent : highest, dueAmount: null, rule: mode };
  }
  if (mode === "amount") {
    const per = credits.amountPerBreach!; // INVARIANT: mode `amount` is lowered with its amount
    return { duePercent: null, dueAmount: `${tickets} × ${per.amount} ${per.currency} = ${new Dec(per.amount).times(tickets).toFixed(2)} ${per.currency}${cap}`, rule: mode };
  }
  // The rule wants one entry per counted ticket, with its parts: under `sum per breach` each
  // target's parts are added over the month before `cap … per target` bounds them.
  const outcome = applyCreditRule(credits, NOTIONAL_FEES, tally.counted());
  const percent = outcome.credit.toFixed();
  return { duePercent: percent === "0" ? null : percent, dueAmount: null, rule: mode };
}

/** A month's credits: the credits earned with their rows, what they call for, the claim deadline. */
export function creditPeriod(credits: CreditsIR, month: string, tally: MonthCredit): CreditPeriod {
  const rows = tally.rows();
  const byRow = rows
    .filter((r): r is RowCount & { percent: string } => r.percent !== null)
    // Highest credit first; the same credit from two rows in the policy's order.
    .sort((a, b) => new Decimal(b.percent).cmp(a.percent) || (a.origin?.line ?? 0) - (b.origin?.line ?? 0))
    .map((r) => ({ percent: r.percent, tickets: r.tickets, clause: r.origin ? { line: r.origin.line, text: r.origin.text } : null }));
  // The deadline `sla settle` sets for a period ending with this month's last day.
  const claimBy = claimDeadline(credits, { to: endOfMonth(`${month}-01`) });
  return { tickets: tally.tickets, ...due(credits, tally, rows), byRow, ticketIds: [...tally.ids], claimBy, ...(credits.claimRequired ? { claimRequired: true as const } : {}) };
}
