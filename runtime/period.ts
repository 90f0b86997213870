/**
 * The settlement input (SPEC §6): one customer's service period, validated against the policy.
 *
 * Money and hours arrive as decimal strings and become decimal.js values only after their format
 * is checked (`decimal-text.ts`); dates are local dates of the billing zone in the supported
 * years, compared as dates (`settle-dates.ts`).
 *
 * Input is untrusted JSON: zod objects copy only declared keys into fresh objects, and unknown
 * keys (including `__proto__`) are rejected by name, so nothing reaches a prototype.
 */
import { z } from "zod";
import { type Outage, parseOutages } from "./availability.js";
import { decimalText, text } from "./decimal-text.js";
import { parseInstant } from "./instant.js";
import { fieldPath, inSupportedYears, type InputError, parseTicket, type Ticket } from "./io.js";
import type { FeesIR, PolicyIR } from "./ir.js";
import { Dec, money } from "./settle-decimal.js";
import { type StatedCharge, statedCharges } from "./settle-fee-rules.js";
import { type CarriedHours, statedCarry, termEndsProblem } from "./quota-rollover.js";
import { periodBoundsProblem, periodContaining, withNamedPeriod } from "./settlement-period.js";
import { addDays, endOfMonth, isAfter, isBefore, isLocalDate, isSupportedDate, localDateOf, midnightAfter, SUPPORTED_DATE_MESSAGE } from "./settle-dates.js";

// The value types of a settlement, re-exported for the modules and tests that import them here.
export { Dec, hoursText, money, percentOf } from "./settle-decimal.js";
export {
  addDays,
  addDecimalMonths,
  addMonths,
  compareDates,
  dayOfNextMonth,
  endOfMonth,
  isLocalDate,
  localDateOf,
  midnightAfter,
  monthOf,
} from "./settle-dates.js";

// ---------------------------------------------------------------------------------------------
// Schema

/** A JSON object with exactly these fields; a missing one says "is required". */
function object<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, { error: (issue) => (issue.input === undefined ? "is required" : "must be a JSON object") });
}

/** A local date in the supported years: the settlement's dates are bounded like ticket instants. */
const LocalDateSchema = text()
  .refine(isLocalDate, { message: "must be a local date YYYY-MM-DD, e.g. 2026-03-31", abort: true })
  .refine(isSupportedDate, { message: SUPPORTED_DATE_MESSAGE });

const Notes = z.union([text(), z.array(text())]).optional();

const WorkSchema = object({
  date: LocalDateSchema,
  hours: decimalText("1.5").refine((h) => new Dec(h).gt(0), { message: "must be more than 0" }),
  kind: text(),
  /** The regime (plan) the work is done in; defaults to the period's `plan`. */
  regime: text().nullish(),
  ticket: text().nullish(),
  notes: Notes,
});

const PackageSchema = object({
  plan: text(),
  /** The regime of the prepaid hours, chosen at purchase (SPEC §6: "as chosen at purchase"). */
  regime: text(),
  purchasedOn: LocalDateSchema,
  /** Hours already drawn in earlier periods (a package can outlive the period it was bought in). */
  usedHours: decimalText("2").optional(),
  notes: Notes,
});

/** The period input of SPEC §6, before the checks that need the policy ({@link parsePeriod}). */
export const PeriodSchema = object({
  customer: text().nullish(),
  plan: text().nullish(),
  period: object({ from: LocalDateSchema, to: LocalDateSchema }),
  /** The period's fees, of which a service credit is a percentage. */
  /**
   * `per`: the amount is a month's, a quarter's or a year's payment, pro-rated to the period (whole
   * calendar months): "the annual committed payment pro-rated for a one-month period". Absent:
   * the amount is the period's own.
   */
  fees: object({ amount: decimalText("12000.00"), currency: text().optional(), per: z.enum(["month", "quarter", "year"]).optional() }).nullish(),
  /** Tickets in the shape of SPEC §3, validated by `parseTicket` in {@link parsePeriod}. */
  tickets: z.array(z.unknown(), { error: "must be an array of tickets" }).default([]),
  /** `submittedAt`: an instant, or a local date of the billing zone. */
  claim: object({ submittedAt: text(), subject: text() }).nullish(),
  work: z.array(WorkSchema, { error: "must be an array of work entries" }).default([]),
  packages: z.array(PackageSchema, { error: "must be an array of package purchases" }).default([]),
  trialStart: LocalDateSchema.nullish(),
  /** Issue 12.5: the amounts of the policy's `charge … from period` charges. */
  charges: z.array(object({ charge: text(), amount: decimalText("12000.00"), notes: Notes }), { error: "must be an array of charges" }).default([]),
  /** Hours carried into the period's first bucket of each `rollover` quota (issue 12 follow-up). */
  carriedIn: z.array(object({ quota: text().nullable(), hours: decimalText("2.5"), notes: Notes }), { error: "must be an array of carried hours" }).default([]),
  /** The last day of the customer's Term: `rollover until end of term` quotas' carried hours expire with it. */
  termEnds: LocalDateSchema.nullish(),
  /** Outages for the availability commitments (issue 12.3), validated by `parseOutages`. */
  outages: z.array(z.unknown(), { error: "must be an array of outages" }).default([]),
  /** The customer's account standing over the period: `ineligible account overdue` voids the credit. */
  account: object({ overdue: z.boolean({ error: "must be true or false" }).default(false), suspended: z.boolean({ error: "must be true or false" }).default(false) }).nullish(),
  /** The policy's declared obligations the customer did not meet in the period (`ineligible obligation …`). */
  obligationsUnmet: z.array(text(), { error: "must be an array of obligation names" }).nullish(),
  vatRate: decimalText("0.21").nullish(),
  paidOn: LocalDateSchema.nullish(),
  /** Free text for people reading the file; ignored by the settlement. */
  notes: Notes,
});
/** The period JSON as the schema accepts it (decimals and dates still strings). */
export type PeriodJson = z.infer<typeof PeriodSchema>;

/**
 * The period file as written, for its JSON Schema: `period` may also name one of the policy's
 * periods (`"2026-03"`, `"2026-Q1"`, `"2026"`, issue 12.2), which {@link parsePeriod} turns into
 * its dates before {@link PeriodSchema} reads the file.
 */
export const PeriodFileSchema = PeriodSchema.extend({
  period: z.union([text().regex(/^\d{4}(-(\d{2}|Q[1-4]))?$/), PeriodSchema.shape.period]),
});

/** A work entry after validation: `regime` resolved (own, else the period's plan, else null). */
export interface WorkEntry {
  readonly date: string;
  readonly hours: string;
  readonly kind: string;
  readonly regime: string | null;
  readonly ticket: string | null;
}

/** A package purchase after validation. */
export interface PackagePurchase {
  readonly plan: string;
  readonly regime: string;
  readonly purchasedOn: string;
  readonly usedHours: string;
}

/** A validated period: every reference checked against the policy, tickets parsed. */
export interface Period {
  readonly customer: string | null;
  readonly plan: string | null;
  readonly from: string;
  readonly to: string;
  /** Billing zone: `fees.zone`, or the zone of the default (else first) calendar. */
  readonly zone: string;
  /** The local midnight after `to` in the billing zone: tickets are evaluated as of it (SPEC §6). */
  readonly endMs: number;
  /** The local midnight starting `from` in the billing zone: outages are clipped to [startMs, endMs). */
  readonly startMs: number;
  /** Outages for the availability commitments (issue 12.3), in input order. */
  readonly outages: readonly Outage[];
  readonly fees: { readonly amount: string; readonly currency: string } | null;
  readonly tickets: readonly Ticket[];
  /** `submittedOn` is the claim's local date in the billing zone. */
  readonly claim: { readonly submittedAt: string; readonly submittedOn: string; readonly subject: string } | null;
  readonly work: readonly WorkEntry[];
  readonly packages: readonly PackagePurchase[];
  readonly trialStart: string | null;
  readonly vatRate: string | null;
  readonly paidOn: string | null;
  /** Issue 12.2: the period's name (`2026-Q1`) when the policy declares its period or the file names it. */
  readonly name?: string;
  /** Issue 12.5: the amounts of the policy's `charge … from period` charges. */
  readonly charges?: readonly StatedCharge[];
  /** Hours carried into `rollover` quotas (`"carriedIn"`); absent when the file states none. */
  readonly carriedIn?: readonly CarriedHours[];
  /** The Term's last day (`"termEnds"`), for `rollover until end of term`; absent when the file states none. */
  readonly termEnds?: string;
  /** The account's standing (`"account": { "overdue": true }`); `null` when the file states none (in good standing). */
  readonly account?: { readonly overdue: boolean; readonly suspended: boolean } | null;
  /** Declared obligations the customer did not meet in the period (`ineligible obligation …`); absent when the file states none. */
  readonly obligationsUnmet?: readonly string[];
}

/** The outcome of {@link parsePeriod}: the period, or the first input error naming its field. */
export type ParsePeriodResult = { ok: true; period: Period } | { ok: false; error: InputError };

// ---------------------------------------------------------------------------------------------
// Validation against the policy

const fail = (field: string, message: string): ParsePeriodResult => ({ ok: false, error: { field, message } });

function unknownName(what: string, value: string, valid: readonly string[]): string {
  return valid.length > 0 ? `unknown ${what} "${value}" (valid: ${valid.join(", ")})` : `unknown ${what} "${value}": the policy declares none`;
}

/** The policy's kinds of work (`work support "…"`); a policy that declares none accepts any. */
function workKinds(policy: PolicyIR): string[] | null {
  return policy.works.length > 0 ? policy.works.map((w) => w.name) : null;
}

/** True when an availability (a band, a multiple of the downtime fee, a step credit) or a missed objective can earn a credit (issue 12.3–12.4). */
function commitmentCredits(policy: PolicyIR): boolean {
  const availabilityCredit = (a: NonNullable<PolicyIR["availability"]>[number]) => a.bands.length > 0 || a.downtimeFeeMultiple !== undefined || a.stepCredit !== undefined;
  return (policy.availability ?? []).some(availabilityCredit) || (policy.objectives ?? []).some((o) => o.creditPercent !== null);
}

/** The zone billing dates are read in (SPEC §6). */
export function billingZone(policy: PolicyIR): string {
  if (policy.fees) return policy.fees.zone;
  if (policy.credits?.zone) return policy.credits.zone;
  const cal = policy.calendars.find((c) => c.name === policy.defaultCalendar) ?? policy.calendars[0];
  return cal?.zone ?? "UTC";
}

/** The regime whose rate bills a regime's hours: its allowance's excess regime, else itself. */
export function billedRegime(fees: FeesIR, regime: string | null): string | null {
  return fees.allowances.find((a) => a.regime === regime)?.excessRegime ?? regime;
}

/**
 * The hourly rate for work of `kind` in `regime` (SPEC §6): among rates whose `kind` and `regime`
 * are each either unset or equal, the most specific wins — both set, then `kind` only (what is
 * done says more than how urgently: PromoTron bills customization at 49 in any regime), then
 * `regime` only, then neither; ties go to the rate written first. `null` when none applies.
 */
export function findRate(fees: FeesIR, kind: string, regime: string | null): FeesIR["rates"][number] | null {
  let best: FeesIR["rates"][number] | null = null;
  let bestScore = -1;
  for (const r of fees.rates) {
    if ((r.kind !== null && r.kind !== kind) || (r.regime !== null && r.regime !== regime)) continue;
    const score = (r.kind !== null ? 2 : 0) + (r.regime !== null ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

/** An input error raised inside the checks below; {@link parsePeriod} turns it into a result. */
class FieldError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}
function check(ok: boolean, field: string, message: () => string): void {
  if (!ok) throw new FieldError(field, message());
}

/** SPEC §6: tickets take the period's plan when they carry none, and are evaluated at `endMs`. */
function parseTickets(raws: readonly unknown[], policy: PolicyIR, plan: string | null, endMs: number, to: string): Ticket[] {
  const tickets: Ticket[] = [];
  const seen = new Set<string>();
  raws.forEach((item, i) => {
    let raw = item;
    // Spreading copies own keys as data properties: a `__proto__` key stays an inert own key
    // (and parseTicket's zod schema drops it), never a prototype.
    if (plan !== null && typeof raw === "object" && raw !== null && !Array.isArray(raw) && (raw as { plan?: unknown }).plan == null) {
      raw = { ...raw, plan };
    }
    const t = parseTicket(raw, policy);
    if (!t.ok) throw new FieldError(`tickets[${i}]${t.error.field === "ticket" ? "" : `.${t.error.field}`}`, t.error.message);
    check(!seen.has(t.ticket.id), `tickets[${i}].id`, () => `duplicate ticket id "${t.ticket.id}"`);
    check(t.ticket.openedAtMs < endMs, `tickets[${i}].openedAt`, () => `${t.ticket.openedAt} is after the period ends (${to})`);
    seen.add(t.ticket.id);
    tickets.push(t.ticket);
  });
  return tickets;
}

/** Work entries: within the period, known kind and regime, and a rate for every billable one. */
function parseWork(p: PeriodJson, policy: PolicyIR, fees: FeesIR, plan: string | null): WorkEntry[] {
  const plans = policy.plans.map((x) => x.name);
  const packagePlans = fees.packages.map((x) => x.plan);
  const regimes = plans.filter((x) => !packagePlans.includes(x));
  const kinds = workKinds(policy);
  return p.work.map((w, i) => {
    const at = `work[${i}]`;
    check(!isBefore(w.date, p.period.from) && !isAfter(w.date, p.period.to), `${at}.date`, () => `${w.date} is outside the period ${p.period.from} … ${p.period.to}`);
    check(kinds === null || kinds.includes(w.kind), `${at}.kind`, () => unknownName("kind", w.kind, kinds ?? []));
    if (w.regime != null && plans.length > 0) {
      check(!packagePlans.includes(w.regime), `${at}.regime`, () => `"${w.regime}" is a prepaid package; give the regime of its hours (valid: ${regimes.join(", ")})`);
      check(regimes.includes(w.regime), `${at}.regime`, () => unknownName("regime", w.regime ?? "", regimes));
    }
    // SPEC §3: a policy without plans ignores the axis; otherwise the period's plan is the default.
    const regime = plans.length > 0 ? (w.regime ?? plan) : null;
    // Every billable entry needs a rate, even one an allowance may cover in full: whether it does
    // depends on the other entries, and the answer should not.
    if (!fees.free.includes(w.kind) && findRate(fees, w.kind, billedRegime(fees, regime)) === null) {
      if (regime === null && regimes.length > 0) {
        throw new FieldError(`${at}.regime`, `is required: no rate of policy ${policy.id} applies to ${w.kind} work without a regime (valid: ${regimes.join(", ")})`);
      }
      throw new FieldError(`${at}.${regimes.length > 0 ? "regime" : "kind"}`, `no rate of policy ${policy.id} applies to ${w.kind} work${regime ? ` in regime ${regime}` : ""}`);
    }
    return { date: w.date, hours: w.hours, kind: w.kind, regime, ticket: w.ticket ?? null };
  });
}

/** Package purchases: a package and option of the policy, bought by the period's end. */
function parsePackages(p: PeriodJson, fees: FeesIR): PackagePurchase[] {
  return p.packages.map((b, i) => {
    const at = `packages[${i}]`;
    const def = fees.packages.find((x) => x.plan === b.plan);
    if (!def) throw new FieldError(`${at}.plan`, unknownName("package", b.plan, fees.packages.map((x) => x.plan)));
    const option = def.options.find((o) => o.regime === b.regime);
    if (!option) throw new FieldError(`${at}.regime`, unknownName(`regime for package ${def.plan}`, b.regime, def.options.map((o) => o.regime)));
    check(!isAfter(b.purchasedOn, p.period.to), `${at}.purchasedOn`, () => `${b.purchasedOn} is after the period ends (${p.period.to})`);
    // The package's deadlines count from a date field of the period (`trialStart` in the seeds).
    const start = def.from === "trialStart" ? p.trialStart : null;
    if (start == null) throw new FieldError(def.from, `is required: package ${def.plan} counts its deadlines from it`);
    check(!isBefore(b.purchasedOn, start), `${at}.purchasedOn`, () => `${b.purchasedOn} is before ${def.from} ${start}`);
    const used = b.usedHours ?? "0";
    check(new Dec(used).lte(option.hours), `${at}.usedHours`, () => `${used} is more than the package's ${option.hours} hours`);
    return { plan: b.plan, regime: b.regime, purchasedOn: b.purchasedOn, usedHours: used };
  });
}

/** VAT (SPEC §6): required from the period when the policy adds VAT without stating the rate. */
function checkVat(p: PeriodJson, policy: PolicyIR): void {
  const vat = policy.fees?.vat;
  if (p.vatRate != null) {
    check(new Dec(p.vatRate).lt(1), "vatRate", () => `must be a fraction below 1, e.g. "0.21" for 21 % (got "${p.vatRate}")`);
    const policyPercent = vat?.vatPercent ?? null;
    check(policyPercent === null || new Dec(p.vatRate).times(100).eq(policyPercent), "vatRate", () => `"${p.vatRate}" contradicts the policy's VAT rate of ${policyPercent}%`);
  }
  check(!(vat?.applies && vat.vatPercent === null && p.vatRate == null), "vatRate", () => `is required: policy ${policy.id} adds VAT on top of its rates without stating the rate (e.g. "0.21")`);
}

/** The claim, dated in the billing zone (SPEC §6): an instant, or a local date taken as is. */
function parseClaim(p: PeriodJson, zone: string): Period["claim"] {
  if (!p.claim) return null;
  const at = p.claim.submittedAt;
  if (isLocalDate(at)) {
    check(isSupportedDate(at), "claim.submittedAt", () => SUPPORTED_DATE_MESSAGE);
    return { submittedAt: at, submittedOn: at, subject: p.claim.subject };
  }
  const ms = parseInstant(at);
  if (ms === null) throw new FieldError("claim.submittedAt", "must be an ISO-8601 instant with an offset, or a local date YYYY-MM-DD of the billing zone");
  check(inSupportedYears(ms), "claim.submittedAt", () => SUPPORTED_DATE_MESSAGE);
  return { submittedAt: at, submittedOn: localDateOf(ms, zone), subject: p.claim.subject };
}

/**
 * Validate a period (SPEC §6) against the schema and the policy. Never throws: a bad period gives
 * the first error, naming its field (`work[2].kind`, `tickets[3].priority`, `vatRate`).
 *
 * Policy checks: `plan`, work `kind`/`regime`, package `plan`/`regime` must be the policy's own
 * (the error lists the valid ones); tickets take the period's `plan` when they carry none and must
 * pass `parseTicket`; work and purchases lie within the period; every billable work entry has a
 * rate; `fees` is required when the policy grants credits; `vatRate` is required when the policy
 * adds VAT without stating the rate; `trialStart` is required when packages are bought.
 */
export function parsePeriod(input: unknown, policy: PolicyIR): ParsePeriodResult {
  // Issue 12.2: `"period": "2026-Q1"` names one of the policy's periods; dates must be one.
  const named = withNamedPeriod(input, policy.period);
  if ("error" in named) return fail("period", named.error);
  const parsed = PeriodSchema.safeParse(named.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return fail("period", "is not a valid period");
    if (issue.code === "unrecognized_keys") {
      return fail(fieldPath([...issue.path, issue.keys[0] ?? ""], "period"), "is not a field of a settlement period (SPEC §6)");
    }
    return fail(fieldPath(issue.path, "period"), issue.message);
  }
  const p = parsed.data;
  const bounds = periodBoundsProblem(policy.period, p.period.from, p.period.to);
  if (bounds !== null) return fail("period", bounds);
  try {
    const period = checkedPeriod(p, policy);
    const name = named.name ?? (policy.period ? periodContaining(policy.period, period.from).name : null);
    return { ok: true, period: name === null ? period : { ...period, name } };
  } catch (e) {
    if (e instanceof FieldError) return fail(e.field, e.message);
    throw e;
  }
}

const MONTHS_PER = { month: 1, quarter: 3, year: 12 } as const;

/**
 * The period's fees from a payment stated `per` month, quarter or year: its share for the
 * period's whole calendar months, rounded to the cent (a year's USD 12,000.00 is 1,000.00 for a
 * month, 3,000.00 for a quarter). A period that is not whole months has no such share: an error
 * of `fees.per`.
 */
function proRated(fees: { readonly amount: string; readonly per?: keyof typeof MONTHS_PER | undefined }, period: { readonly from: string; readonly to: string }): string {
  if (fees.per === undefined) return fees.amount;
  const whole = period.from.endsWith("-01") && endOfMonth(period.to) === period.to;
  check(whole, "fees.per", () => `pro-rates a ${fees.per}'s payment by whole calendar months: the period ${period.from} to ${period.to} is not one (from a month's 1st to a month's last day)`);
  const months = (Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4))) * 12 + Number(period.to.slice(5, 7)) - Number(period.from.slice(5, 7)) + 1;
  return money(new Dec(fees.amount).times(months).dividedBy(MONTHS_PER[fees.per]));
}

function checkedPeriod(p: PeriodJson, policy: PolicyIR): Period {
  const zone = billingZone(policy);
  const fees = policy.fees;
  const plans = policy.plans.map((x) => x.name);
  check(!isBefore(p.period.to, p.period.from), "period.to", () => `${p.period.to} is before period.from ${p.period.from}`);
  // SPEC §3: a policy without plans ignores the plan axis; with plans, an unknown one is an error.
  check(p.plan == null || plans.length === 0 || plans.includes(p.plan), "plan", () => unknownName("plan", p.plan ?? "", plans));
  const obligations = policy.obligations.map((o) => o.name);
  (p.obligationsUnmet ?? []).forEach((o, i) => check(obligations.includes(o), `obligationsUnmet[${i}]`, () => unknownName("obligation", o, obligations)));
  const plan = plans.length > 0 ? (p.plan ?? null) : null;

  // Credits are a percentage of the period's fees (SPEC §6).
  check(p.fees != null || !policy.credits, "fees", () => `is required: policy ${policy.id} grants service credits as a percentage of the period's fees`);
  check(p.fees != null || !commitmentCredits(policy), "fees", () => `is required: policy ${policy.id} grants credits on its availability or objectives as a percentage of the period's fees`);
  const currency = p.fees?.currency ?? fees?.currency;
  check(!p.fees || currency !== undefined, "fees.currency", () => "is required: the policy states no currency");
  // One settlement, one currency: credits are a share of the fees and the invoice is in the
  // policy's currency, so fees in another would mix the two in one result (issue 12.5).
  check(fees === null || p.fees?.currency == null || p.fees.currency === fees.currency, "fees.currency", () => `"${p.fees?.currency}" differs from the policy's currency ${fees?.currency}: a settlement is in one currency`);
  const perBreach = policy.credits?.amountPerBreach;
  check(!p.fees || !perBreach || currency === perBreach.currency, "fees.currency", () => `"${currency}" differs from the credit of ${perBreach?.amount} ${perBreach?.currency} per breach: a settlement is in one currency`);
  check(fees !== null || p.work.length === 0, "work", () => `policy ${policy.id} has no fees block, so work cannot be invoiced`);
  check(fees !== null || p.packages.length === 0, "packages", () => `policy ${policy.id} has no fees block, so packages cannot be invoiced`);

  const endMs = midnightAfter(p.period.to, zone);
  const tickets = parseTickets(p.tickets, policy, plan, endMs, p.period.to);
  const claim = parseClaim(p, zone);
  const outages = parseOutages(p.outages, policy);
  if (!outages.ok) throw new FieldError(outages.error.field, outages.error.message);
  const work = fees ? parseWork(p, policy, fees, plan) : [];
  const packages = fees ? parsePackages(p, fees) : [];
  const charges = statedCharges(p.charges, fees, policy.id);
  if (!charges.ok) throw new FieldError(charges.field, charges.message);
  const carry = statedCarry(p.carriedIn, fees, policy.id);
  if (!carry.ok) throw new FieldError(carry.field, carry.message);
  const termProblem = p.termEnds != null ? termEndsProblem(fees, policy.id) : null;
  if (termProblem !== null) throw new FieldError("termEnds", termProblem);
  checkVat(p, policy);

  return {
    customer: p.customer ?? null,
    plan,
    from: p.period.from,
    to: p.period.to,
    zone,
    endMs,
    startMs: midnightAfter(addDays(p.period.from, -1), zone),
    outages: outages.outages,
    fees: p.fees && currency !== undefined ? { amount: proRated(p.fees, p.period), currency } : null,
    tickets,
    claim,
    work,
    packages,
    trialStart: p.trialStart ?? null,
    vatRate: p.vatRate ?? null,
    paidOn: p.paidOn ?? null,
    ...(charges.charges.length > 0 ? { charges: charges.charges } : {}),
    ...(carry.carried.length > 0 ? { carriedIn: carry.carried } : {}),
    ...(p.termEnds != null ? { termEnds: p.termEnds } : {}),
    ...(p.account != null ? { account: { overdue: p.account.overdue, suspended: p.account.suspended } } : {}),
    ...(p.obligationsUnmet != null ? { obligationsUnmet: p.obligationsUnmet } : {}),
  };
}
