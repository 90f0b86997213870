/**
 * The invoice for a period's support work (SPEC §6), from the policy's `fees`: hourly rates per
 * kind and regime, free kinds, monthly allowances, prepaid packages, VAT, issue and due dates,
 * late charge. Money and hours are decimal.js values throughout (never JS numbers); each line is
 * rounded half away from zero to the cent, the subtotal is the sum of the rounded lines, and VAT
 * is computed on the subtotal.
 *
 * Readings chosen where SPEC §6 is loose (each pinned by a test):
 * - every work entry yields lines; free work is a line at rate 0.00 ("(free of charge)"), as are
 *   hours covered by an allowance or drawn from a package, so the invoice explains every hour;
 * - one entry may split into several lines: package hours (oldest package first), then the
 *   regime's monthly allowance (consumed in date order, reset each calendar month), then the rest
 *   at the rate of the allowance's excess regime, else of the entry's own regime;
 * - a package's hours are of the regime chosen at purchase, so only `draws` work in that regime
 *   draws from it, from its purchase date to its expiry date inclusive ("used up no later than");
 * - a package bought after its purchase deadline is still invoiced (the purchase happened) but
 *   gives no hours; its line says so;
 * - the late charge counts months from the due date: paying on or before the day one month after
 *   the due date is one started month, and so on (month ends clamped); simple, rounded once.
 */
import type { FeesIR, SettlementPeriodIR } from "./ir.js";
import { billedRegime, findRate, type PackagePurchase, type Period, type WorkEntry } from "./period.js";
import { addDays, addDecimalMonths, compareDates, dayOfNextMonth, endOfMonth, isAfter, isBefore, monthOf, startedMonthsLate } from "./settle-dates.js";
import { Dec, hoursText, money, percentOf } from "./settle-decimal.js";
import { type ChargeResult, settleCharges, WorkAllowances } from "./settle-fee-rules.js";

export { startedMonthsLate } from "./settle-dates.js";

/** One invoice line; `hours` and `rate` are `null` for a line that is not hourly (a package). */
export interface InvoiceLine {
  readonly description: string;
  readonly hours: string | null;
  readonly rate: string | null;
  readonly amount: string;
}

/** The invoice part of a settlement (SPEC §6). All amounts have exactly two decimals. */
export interface InvoiceResult {
  readonly currency: string;
  readonly lines: readonly InvoiceLine[];
  readonly subtotal: string;
  readonly vat: string;
  /** subtotal + VAT (the late charge is separate). */
  readonly total: string;
  readonly issuedOn: string;
  readonly dueOn: string;
  /** Charged when `paidOn` is after `dueOn`; `"0.00"` otherwise. */
  readonly lateCharge: string;
  /** Issue 12.5: each charge of the period with how it was reached; absent when the policy has none. */
  readonly charges?: readonly ChargeResult[];
}

const ZERO = new Dec(0);

/** `bug_fix` → `bug fix`. */
const words = (id: string): string => id.replaceAll("_", " ");
const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** `1` → `1 hour`, `2.5` → `2.5 hours`: a quantity in a description, as the contract says it. */
const hoursPhrase = (h: string, what = ""): string => `${new Dec(h).toString()}${what} ${new Dec(h).eq(1) ? "hour" : "hours"}`;

/** A prepaid package as bought, with the hours left to draw. */
interface PackageState {
  readonly purchase: PackagePurchase;
  readonly def: FeesIR["packages"][number];
  readonly hours: Dec;
  left: Dec;
  /** Bought on or before the purchase deadline. */
  readonly valid: boolean;
  readonly buyBy: string | null;
  /** Last date its hours can be drawn; `null`: never expires. */
  readonly usableUntil: string | null;
}

function packageStates(fees: FeesIR, period: Period): PackageState[] {
  const states: PackageState[] = [];
  for (const purchase of period.packages) {
    const def = fees.packages.find((d) => d.plan === purchase.plan);
    const option = def?.options.find((o) => o.regime === purchase.regime);
    if (!def || !option || period.trialStart === null) continue; // parsePeriod guarantees all three
    const buyBy = def.buyWithinMonths === null ? null : addDecimalMonths(period.trialStart, new Dec(def.buyWithinMonths));
    const usableUntil = def.expiresAfterMonths === null ? null : addDecimalMonths(period.trialStart, new Dec(def.expiresAfterMonths));
    const hours = new Dec(option.hours);
    states.push({ purchase, def, hours, left: hours.minus(purchase.usedHours), valid: buyBy === null || !isAfter(purchase.purchasedOn, buyBy), buyBy, usableUntil });
  }
  // SPEC §6: packages are drawn oldest first (stable for the same purchase date).
  return states.sort((a, b) => compareDates(a.purchase.purchasedOn, b.purchase.purchasedOn));
}

function line(description: string, hours: Dec, rate: Dec): { line: InvoiceLine; amount: Dec } {
  // SPEC §6: round half away from zero to the cent per line.
  const amount = new Dec(money(hours.times(rate)));
  return { line: { description, hours: hoursText(hours), rate: money(rate), amount: money(amount) }, amount };
}

/** Builds the lines in date order, keeping allowance and package balances as it goes. */
class LineBuilder {
  readonly lines: InvoiceLine[] = [];
  subtotal: Dec = ZERO;
  /** `regime|YYYY-MM` → allowance hours used that calendar month. */
  private readonly allowanceUsed = new Map<string, Dec>();

  constructor(
    private readonly fees: FeesIR,
    private readonly packages: readonly PackageState[],
    private readonly kindAllowances: WorkAllowances,
  ) {}

  /** Issue 12.5: a charge of the period, one line rounded to the cent. */
  charge(description: string, exact: Dec): void {
    const amount = new Dec(money(exact));
    this.push({ line: { description, hours: null, rate: null, amount: money(amount) }, amount });
  }

  private push(entry: { line: InvoiceLine; amount: Dec }): void {
    this.lines.push(entry.line);
    this.subtotal = this.subtotal.plus(entry.amount);
  }

  /** SPEC §6: a package's price is invoiced in the period it is bought. */
  purchase(p: PackageState): void {
    const { plan, regime, purchasedOn } = p.purchase;
    let description = `${capitalized(words(plan))}: ${hoursPhrase(p.hours.toString(), ` ${words(regime)}`)}, bought ${purchasedOn}`;
    if (!p.valid) description += ` (after the purchase deadline ${p.buyBy}: its hours cannot be used)`;
    const price = new Dec(money(new Dec(p.def.price)));
    this.push({ line: { description, hours: null, rate: null, amount: money(price) }, amount: price });
  }

  work(w: WorkEntry): void {
    const fees = this.fees;
    const head = (regime: string | null): string =>
      `${capitalized(regime !== null ? `${words(regime)} ${words(w.kind)}` : words(w.kind))}, ${w.date}${w.ticket !== null ? `, ${w.ticket}` : ""}`;
    let rest = new Dec(w.hours);
    if (fees.free.includes(w.kind)) {
      this.push(line(`${head(null)} (free of charge)`, rest, ZERO));
      return;
    }
    // Issue 12.5: the kind's free hours first ("the first 2 hours of configuration work per month
    // are free"): free by contract, so they go before hours the customer prepaid.
    const free = this.kindAllowances.take(w.kind, w.date, rest);
    if (free) {
      rest = rest.minus(free.hours);
      this.push(line(`${head(w.regime)} (${free.words})`, free.hours, ZERO));
      if (rest.isZero()) return;
    }
    // Prepaid package hours first: only the kind the package draws, in the regime bought ("5
    // hours of Premium Support or 9 hours of Standard Support": hours of a regime pay for work
    // in that regime; a premium package does not pay for standard work).
    let prepaidNote = "";
    for (const p of this.packages) {
      if (rest.isZero()) break;
      if (p.def.draws !== w.kind || p.purchase.regime !== w.regime || !p.valid || p.left.lte(0) || isBefore(w.date, p.purchase.purchasedOn)) continue;
      if (p.usableUntil !== null && isAfter(w.date, p.usableUntil)) {
        prepaidNote ||= ` (${words(p.def.plan)} hours expired after ${p.usableUntil})`;
        continue;
      }
      prepaidNote = " (beyond the prepaid hours)";
      const take = Dec.min(rest, p.left);
      p.left = p.left.minus(take);
      rest = rest.minus(take);
      this.push(line(`${head(w.regime)} (prepaid: ${words(p.def.plan)} bought ${p.purchase.purchasedOn})`, take, ZERO));
    }
    // Then the regime's monthly allowance, which expires with the calendar month.
    const allowance = fees.allowances.find((a) => a.regime === w.regime);
    if (allowance && rest.gt(0)) {
      const key = `${allowance.regime}|${monthOf(w.date)}`;
      const used = this.allowanceUsed.get(key) ?? ZERO;
      const take = Dec.min(rest, Dec.max(ZERO, new Dec(allowance.hours).minus(used)));
      if (take.gt(0)) {
        this.allowanceUsed.set(key, used.plus(take));
        rest = rest.minus(take);
        this.push(line(`${head(w.regime)} (monthly allowance of ${hoursPhrase(allowance.hours)})`, take, ZERO));
      }
    }
    if (rest.isZero()) return;
    const regime = billedRegime(fees, w.regime);
    const rate = findRate(fees, w.kind, regime);
    if (rate === null) throw new Error(`no rate for ${w.kind} work in regime ${regime ?? "(none)"}`); // parsePeriod rules it out
    const note = allowance ? ` (beyond the monthly allowance, at the ${words(regime ?? "")} rate)` : prepaidNote;
    this.push(line(`${head(w.regime)}${note}`, rest, new Dec(rate.amount)));
  }
}

/**
 * VAT on the subtotal, rounded to the cent: the policy's `vatPercent`, else the period's
 * `vatRate` (a fraction); a policy without `plus vat` adds VAT only when the period gives a rate.
 */
function vatOf(fees: FeesIR, period: Period, subtotal: Dec): Dec {
  const policyPercent = fees.vat.applies ? fees.vat.vatPercent : null;
  if (policyPercent !== null) return new Dec(money(percentOf(subtotal, policyPercent)));
  return period.vatRate === null ? ZERO : new Dec(money(subtotal.times(period.vatRate)));
}

/** The invoice of a period (SPEC §6); `fees` is the policy's fees block, `sp` its settlement period (issue 12.2). */
export function settleInvoice(fees: FeesIR, period: Period, sp?: SettlementPeriodIR): InvoiceResult {
  const packages = packageStates(fees, period);
  const builder = new LineBuilder(fees, packages, new WorkAllowances(fees, sp));
  // Issue 12.5: the period's charges head the invoice, in the policy's order.
  const charges = settleCharges(fees, period.charges ?? []);
  for (const c of charges.lines) builder.charge(c.description, c.amount);
  // Date order (SPEC §6: allowances are consumed in date order); on one day, purchases first.
  const events: { date: string; run: () => void }[] = [
    ...packages.filter((p) => !isBefore(p.purchase.purchasedOn, period.from)).map((p) => ({ date: p.purchase.purchasedOn, run: () => builder.purchase(p) })),
    ...period.work.map((w) => ({ date: w.date, run: () => builder.work(w) })),
  ];
  for (const e of events.sort((a, b) => compareDates(a.date, b.date))) e.run();

  const subtotal = builder.subtotal;
  const vat = vatOf(fees, period, subtotal);
  const total = subtotal.plus(vat);

  const issue = fees.invoice.issue;
  const issuedOn = issue.kind === "daysAfterPeriod" ? addDays(period.to, issue.days) : dayOfNextMonth(period.to, issue.day);
  const dueOn = fees.invoice.due.kind === "netDays" ? addDays(issuedOn, fees.invoice.due.days) : endOfMonth(issuedOn);
  const late = fees.lateCharge && period.paidOn !== null ? startedMonthsLate(dueOn, period.paidOn) : 0;
  // Simple, not compounded: percent × started months of the total, rounded once.
  const lateCharge = fees.lateCharge && late > 0 ? percentOf(total, fees.lateCharge.chargePercent).times(late) : ZERO;

  return {
    currency: fees.currency,
    lines: builder.lines,
    subtotal: money(subtotal),
    vat: money(vat),
    total: money(total),
    issuedOn,
    dueOn,
    lateCharge: money(lateCharge),
    ...(fees.charges?.length ? { charges: charges.results } : {}),
  };
}
