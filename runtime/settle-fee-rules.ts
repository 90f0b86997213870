/**
 * Fee rules of issue 12.5 at settlement, beside the SPEC §6 invoice of `settle-invoice.ts`.
 * Design in four lines —
 *   charges: each an invoice line; a percentage charge is exactly max(minimum, percent × base),
 *     the base being another charge's exact amount, rounded to the cent only on its line;
 *   allowances per kind of work: free hours per ISO week, month or quarter, consumed in date order
 *     before anything else, so a line never bills more than the hours worked beyond them;
 *   quotas: hours per week, month or quarter counted outside billing: used + left = quota, or over.
 * Hours and money are decimal.js values from the IR's and the input's text to the result's text.
 */
import type { ChargeIR, FeesIR, SettlementPeriodIR, SourceRef } from "./ir.js";
import { type BucketUnit, bucketOf, bucketsOver } from "./settlement-period.js";
import { isAfter, isBefore } from "./settle-dates.js";
import { Dec, hoursText, money, percentOf } from "./settle-decimal.js";
import { carriedInto, type CarriedHours, expiryAt } from "./quota-rollover.js";

/** A charge amount the period file states (`charge licence from period`). */
export interface StatedCharge {
  readonly charge: string;
  readonly amount: string;
}

/** One charge as settled (issue 12.5); amounts with two decimals. */
export interface ChargeResult {
  readonly charge: string;
  readonly amount: string;
  /** For a percentage charge: its base, the percentage, the minimum and whether the minimum applied. */
  readonly base?: string;
  readonly baseAmount?: string;
  readonly chargePercent?: string;
  readonly minimum?: string | null;
  readonly minimumApplied?: boolean;
  readonly clause: { readonly line: number; readonly text: string };
}

/** One quota over one week, month or quarter (issue 12.5): counted, never billed. */
export interface QuotaResult {
  /** The kind of work counted; `null`: every kind. */
  readonly kind: string | null;
  /** The regime (plan) whose work is counted, for a plan's included hours. */
  readonly regime?: string;
  readonly per: BucketUnit;
  /** `2026-W10`, `2026-03`, `2026-Q1` (fiscal when the policy settles by quarters or years). */
  readonly bucket: string;
  readonly from: string;
  readonly to: string;
  readonly hours: string;
  /** Hours of the period's work in the bucket (work outside the period is not in the file). */
  readonly used: string;
  /** hours − used, at least 0. */
  readonly left: string;
  /** used − hours, at least 0. */
  readonly over: string;
  readonly exceeded: boolean;
  /** A `rollover` quota only: hours carried in from the previous bucket (or the period file). */
  readonly carriedIn?: string;
  /** A `rollover` quota only: hours + carried in, against which left and over are measured. */
  readonly available?: string;
  /** A `rollover` quota only: the hours left, carried to the next bucket. */
  readonly carriedOut?: string;
  /** `rollover until end of term` only: hours that expired with the Term (carried past its end, or left when it ended). */
  readonly expired?: string;
  readonly clause: { readonly line: number; readonly text: string };
}

const ZERO = new Dec(0);
const clause = (o: SourceRef) => ({ line: o.line, text: o.text });

/** `percent` % of `base`, at least `minimum`: exact, never rounded (the invoice line rounds). */
export function percentCharge(base: Dec, percent: string, minimum: Dec | null): { amount: Dec; minimumApplied: boolean } {
  const share = percentOf(base, percent);
  return minimum !== null && minimum.gt(share) ? { amount: minimum, minimumApplied: true } : { amount: share, minimumApplied: false };
}

/** `extended_hours` → `Extended hours`. */
const titleOf = (c: ChargeIR): string => c.title ?? c.name.charAt(0).toUpperCase() + c.name.slice(1).replaceAll("_", " ");

/**
 * The charges of a period in the policy's order, each with its exact amount. `stated` holds the
 * period file's amounts for the `from period` charges (`parsePeriod` requires each of them).
 */
export function settleCharges(fees: FeesIR, stated: readonly StatedCharge[]): { results: ChargeResult[]; lines: { description: string; amount: Dec }[] } {
  const exact = new Map<string, Dec>();
  const results: ChargeResult[] = [];
  const lines: { description: string; amount: Dec }[] = [];
  // INVARIANT: a percentage's base is a stated charge (the checker's SLA508), so one pass over the stated ones first suffices.
  const charges = fees.charges ?? [];
  for (const c of charges) {
    if (c.kind === "fixed") exact.set(c.name, new Dec(c.amount));
    if (c.kind === "fromPeriod") exact.set(c.name, new Dec(stated.find((s) => s.charge === c.name)?.amount ?? "0"));
  }
  for (const c of charges) {
    if (c.kind !== "percentOf") {
      const amount = exact.get(c.name) ?? ZERO;
      results.push({ charge: c.name, amount: money(amount), clause: clause(c.origin) });
      lines.push({ description: titleOf(c), amount });
      continue;
    }
    const base = exact.get(c.base) ?? ZERO;
    const minimum = c.minimum === null ? null : new Dec(c.minimum);
    const { amount, minimumApplied } = percentCharge(base, c.chargePercent, minimum);
    exact.set(c.name, amount);
    results.push({ charge: c.name, amount: money(amount), base: c.base, baseAmount: money(base), chargePercent: c.chargePercent, minimum: minimum === null ? null : money(minimum), minimumApplied, clause: clause(c.origin) });
    const words = `${c.chargePercent}% of ${c.base.replaceAll("_", " ")} ${money(base)}${minimum !== null ? `, at least ${money(minimum)}` : ""}${minimumApplied ? ": the minimum applies" : ""}`;
    lines.push({ description: `${titleOf(c)} (${words})`, amount });
  }
  return { results, lines };
}

/** Free hours per kind of work and week, month or quarter, consumed in date order (the invoice's order). */
export class WorkAllowances {
  /** `kind|bucket` → free hours used. */
  private readonly used = new Map<string, Dec>();

  constructor(
    private readonly fees: FeesIR,
    private readonly sp: SettlementPeriodIR | undefined,
  ) {}

  /** The free hours of `hours` worked on `kind` on `date`, and the words for its line; none when no allowance is left. */
  take(kind: string, date: string, hours: Dec): { hours: Dec; words: string } | null {
    const a = (this.fees.workAllowances ?? []).find((x) => x.kind === kind);
    if (!a) return null;
    const key = `${kind}|${bucketOf(a.per, date, this.sp).name}`;
    const used = this.used.get(key) ?? ZERO;
    const take = Dec.min(hours, Dec.max(ZERO, new Dec(a.hours).minus(used)));
    if (take.lte(0)) return null;
    this.used.set(key, used.plus(take));
    const h = new Dec(a.hours);
    return { hours: take, words: `free: the first ${h.toString()} ${h.eq(1) ? "hour" : "hours"} of ${kind.replaceAll("_", " ")} work per ${a.per}` };
  }
}

/** Each quota of the fees over each of its buckets that shares a day with the period. */
export function settleQuotas(
  fees: FeesIR,
  work: readonly { date: string; hours: string; kind: string; regime: string | null }[],
  from: string,
  to: string,
  sp: SettlementPeriodIR | undefined,
  carried?: readonly CarriedHours[],
  termEnds?: string,
): QuotaResult[] {
  const out: QuotaResult[] = [];
  for (const q of fees.quotas ?? []) {
    const own = new Dec(q.hours);
    // `rollover`: buckets come in date order, each starting from what the previous one left.
    let carry = q.rollover ? carriedInto(q, carried) : ZERO;
    for (const b of bucketsOver(q.per, from, to, sp)) {
      const used = work
        .filter((w) => (q.kind === null || w.kind === q.kind) && (q.regime === undefined || w.regime === q.regime) && !isBefore(w.date, b.from) && !isAfter(w.date, b.to))
        .reduce((acc, w) => acc.plus(w.hours), ZERO);
      // `until end of term`: hours carried past the Term's end, or left when it ends, expire.
      const expiry = expiryAt(q, termEnds, b);
      const expiredIn = expiry.carriedInExpires ? carry : ZERO;
      const hours = own.plus(carry).minus(expiredIn);
      const left = Dec.max(ZERO, hours.minus(used));
      const carriedOut = expiry.leftExpires ? ZERO : left;
      const expired = q.rolloverExpires ? { expired: hoursText(expiredIn.plus(left).minus(carriedOut)) } : {};
      const rolled = q.rollover ? { carriedIn: hoursText(carry.minus(expiredIn)), available: hoursText(hours), carriedOut: hoursText(carriedOut), ...expired } : {};
      if (q.rollover) carry = carriedOut;
      out.push({
        kind: q.kind,
        ...(q.regime !== undefined ? { regime: q.regime } : {}),
        per: q.per,
        bucket: b.name,
        from: b.from,
        to: b.to,
        hours: hoursText(own),
        used: hoursText(used),
        left: hoursText(left),
        over: hoursText(Dec.max(ZERO, used.minus(hours))),
        exceeded: used.gt(hours),
        ...rolled,
        clause: clause(q.origin),
      });
    }
  }
  return out;
}

/**
 * The period file's `charges` checked against the policy: each names a `from period` charge once,
 * and every such charge is given. The first problem names its field.
 */
export function statedCharges(input: readonly StatedCharge[], fees: FeesIR | null, policyId: string): { ok: true; charges: StatedCharge[] } | { ok: false; field: string; message: string } {
  const fromPeriod = (fees?.charges ?? []).filter((c) => c.kind === "fromPeriod").map((c) => c.name);
  const seen = new Set<string>();
  for (const [i, s] of input.entries()) {
    if (!fromPeriod.includes(s.charge)) {
      const valid = fromPeriod.length > 0 ? ` (valid: ${fromPeriod.join(", ")})` : `: policy ${policyId} states no charge \`from period\``;
      return { ok: false, field: `charges[${i}].charge`, message: `unknown charge "${s.charge}"${valid}` };
    }
    if (seen.has(s.charge)) return { ok: false, field: `charges[${i}].charge`, message: `charge "${s.charge}" is given twice` };
    seen.add(s.charge);
  }
  const missing = fromPeriod.find((c) => !seen.has(c));
  if (missing !== undefined) return { ok: false, field: "charges", message: `is required: policy ${policyId} takes charge ${missing} from the period file (e.g. [{ "charge": "${missing}", "amount": "12000.00" }])` };
  return { ok: true, charges: input.map((s) => ({ charge: s.charge, amount: s.amount })) };
}
