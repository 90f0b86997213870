/**
 * `claim within N days after period | breach | outage`: which version gives the customer more
 * time to claim (more time binds the provider harder: stricter). The runtime (`settle-credit.ts`)
 * counts the days
 *   - after the period: one deadline, N days after the period's last date, for the whole credit;
 *   - after each breach: one per ticket; the commitments' credit then needs a claim, at any date;
 *   - after each outage: one per outage, N days after the date it ended (an outage claimed later
 *     is not counted); the tickets' credit then needs a claim, at any date.
 */
import type { CreditsIR, SettlementPeriodIR } from "../runtime/ir.js";
import { effectOf } from "./cite.js";
import type { Effect } from "./model.js";

type ClaimWithin = NonNullable<CreditsIR["claimDaysAfter"]>;

/** The most days a period of the policy can span; without a declared period a period file may give any dates. */
function longestPeriodDays(period: Pick<SettlementPeriodIR, "unit"> | null | undefined): number {
  if (!period) return Infinity;
  return { month: 31, quarter: 92, year: 366 }[period.unit];
}

/**
 * The effect of the claim window changing from `x` to `y` (absent: no deadline of this kind).
 *
 * From the period to each outage: the tickets lose their deadline (stricter), and every outage
 * ends on or after the period's first date, so its deadline falls no earlier than the period's
 * when the outage's days cover the period's days plus the longest period less a day; then the
 * customer always has at least as long (stricter), else some outages get less time (mixed). An
 * outage running past the period's end can end arbitrarily late, so the period never always gives
 * more time than the outage: back from the outage to the period is the mirror image. Between each
 * breach and each outage, the tickets and the commitments trade a deadline: mixed.
 */
export function claimWithinEffect(x: ClaimWithin | undefined, y: ClaimWithin | undefined, periods: readonly [SettlementPeriodIR | null | undefined, SettlementPeriodIR | null | undefined]): Effect {
  // No stated deadline gives the customer the most time.
  if (!x) return y ? "looser" : "neutral";
  if (!y) return "stricter";
  if (x.after === y.after) return effectOf(x.days, y.days, true);
  const longest = Math.max(longestPeriodDays(periods[0]), longestPeriodDays(periods[1]));
  const outageCovers = (period: ClaimWithin, outage: ClaimWithin) => outage.days >= period.days + longest - 1;
  if (x.after === "period" && y.after === "outage") return outageCovers(x, y) ? "stricter" : "mixed";
  if (x.after === "outage" && y.after === "period") return outageCovers(y, x) ? "looser" : "mixed";
  return "mixed";
}
