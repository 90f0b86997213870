/**
 * The service credit a month's tickets call for, from the rows their evaluations reached: the
 * runtime decides it (`creditMode` and `applyCreditRule` in `runtime/settle-credit-rules.ts`,
 * the code `sla settle` uses), this module only feeds it the month's counts.
 *
 * A report knows no fees, so percentages are taken of a notional fee of 100 (exact: a credit of
 * 100 × p / 100 is p) and a fixed amount per breach is shown as the amount per breach times the
 * breaches, with the cap (a share of fees) stated beside it.
 */
import { Decimal } from "decimal.js";
import type { CreditsIR, SourceRef } from "../runtime/ir.js";
import { claimDeadline } from "../runtime/settle-credit.js";
import { endOfMonth } from "../runtime/settle-dates.js";
import { applyCreditRule, creditMode, type CountedTicket } from "../runtime/settle-credit-rules.js";
import { Dec } from "../runtime/settle-decimal.js";
import type { CreditPeriod } from "./model.js";

/** The tickets of a month that reached one credit row. */
export interface RowCount {
  /** The row's percentage, the IR's exact text; `null` for counted tickets no row gives a percentage (rules by count). */
  readonly percent: string | null;
  readonly tickets: number;
  /** The row's clause; `null` when no row of the policy gives that percentage. */
  readonly origin: SourceRef | null;
}

/** Fees of 100: a share of them is the percentage itself. */
const NOTIONAL_FEES = new Dec(100);

/** What the month's tickets call for under the credits block's rule; `null` parts when nothing is due. */
function due(credits: CreditsIR, rows: readonly RowCount[], tickets: number): Pick<CreditPeriod, "duePercent" | "dueAmount" | "rule"> {
  const mode = creditMode(credits);
  const cap = credits.capPercent === null ? "" : `, at most ${credits.capPercent} % of the period's fees`;
  if (tickets === 0) return { duePercent: null, dueAmount: null, rule: mode };
  if (mode === "highest") {
    // SPEC §6, "not cumulative": the highest row reached applies once, within the cap.
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
  // Built for this call only, never kept: the rule wants one entry per counted ticket.
  const counted: CountedTicket[] = [];
  for (const r of rows) for (let i = 0; i < r.tickets; i++) counted.push({ id: "", creditPercent: r.percent, row: r.origin });
  const outcome = applyCreditRule(credits, NOTIONAL_FEES, counted);
  const percent = outcome.credit.toFixed();
  return { duePercent: percent === "0" ? null : percent, dueAmount: null, rule: mode };
}

/** A month's credits: rows reached, what they call for, the claim deadline. */
export function creditPeriod(credits: CreditsIR, month: string, rows: readonly RowCount[], tickets: number, ticketIds: readonly string[]): CreditPeriod {
  const byRow = rows
    .filter((r): r is RowCount & { percent: string } => r.percent !== null)
    .sort((a, b) => new Decimal(b.percent).cmp(a.percent))
    .map((r) => ({ percent: r.percent, tickets: r.tickets, clause: r.origin ? { line: r.origin.line, text: r.origin.text } : null }));
  // The deadline `sla settle` sets for a period ending with this month's last day.
  const claimBy = claimDeadline(credits, { to: endOfMonth(`${month}-01`) });
  return { tickets, ...due(credits, rows, tickets), byRow, ticketIds: [...ticketIds], claimBy };
}
