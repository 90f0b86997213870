/** Fees: rates, allowances, packages and terms. What the customer pays more for is looser. */
import type { ChargeIR, FeesIR, PolicyIR, SourceRef } from "../runtime/ir.js";
import { change, combine, effectOf, showValue } from "./cite.js";
import type { Change, Effect } from "./model.js";
import { amount, lateChargePercent } from "./money.js";

/** Fees: higher rates, prices and late charges favour the provider (looser); free work and allowances the customer (stricter). */
export function diffFees(a: PolicyIR, b: PolicyIR): Change[] {
  const fa = a.fees;
  const fb = b.fees;
  if (!fa && !fb) return [];
  if (!fa || !fb) return [change("fees", "fees", fa ? "fees block removed" : "fees block added", "mixed", fa?.origin, fb?.origin)];
  const out: Change[] = [];
  const keyed = <T>(xs: readonly T[], key: (x: T) => string) => new Map(xs.map((x) => [key(x), x]));
  const rateKey = (r: FeesIR["rates"][number]) => `${r.kind ?? "any work"} / ${r.regime ?? "any plan"}`;
  const ra = keyed(fa.rates, rateKey);
  const rb = keyed(fb.rates, rateKey);
  for (const k of new Set([...ra.keys(), ...rb.keys()])) {
    const x = ra.get(k);
    const y = rb.get(k);
    if (x?.amount === y?.amount) continue;
    const effect = x && y ? effectOf(amount(x.amount)!, amount(y.amount)!, false) : "mixed";
    out.push(change("fees", `rate ${k}`, `${x ? `${x.amount} ${fa.currency}` : "none"} → ${y ? `${y.amount} ${fb.currency}` : "none"} per hour`, effect, x?.origin ?? fa.origin, y?.origin ?? fb.origin));
  }
  const aa = keyed(fa.allowances, (x) => x.regime);
  const ab = keyed(fb.allowances, (x) => x.regime);
  for (const k of new Set([...aa.keys(), ...ab.keys()])) {
    const x = aa.get(k);
    const y = ab.get(k);
    if (JSON.stringify(x && [x.hours, x.excessRegime]) === JSON.stringify(y && [y.hours, y.excessRegime])) continue;
    out.push(change("fees", `allowance ${k}`, `${x ? `${x.hours} h` : "none"} → ${y ? `${y.hours} h` : "none"} per month`, effectOf(amount(x?.hours) ?? 0, amount(y?.hours) ?? 0, true), x?.origin ?? fa.origin, y?.origin ?? fb.origin));
  }
  const pa = keyed(fa.packages, (x) => x.plan);
  const pb = keyed(fb.packages, (x) => x.plan);
  for (const k of new Set([...pa.keys(), ...pb.keys()])) {
    const x = pa.get(k);
    const y = pb.get(k);
    const strip = (p: typeof x) => p && { ...p, origin: null };
    if (JSON.stringify(strip(x)) === JSON.stringify(strip(y))) continue;
    const effect = x && y && x.price !== y.price ? effectOf(amount(x.price)!, amount(y.price)!, false) : "mixed";
    out.push(change("fees", `package ${k}`, x && y && x.price !== y.price ? `price ${x.price} → ${y.price} ${fb.currency}` : "package terms changed", effect, x?.origin ?? fa.origin, y?.origin ?? fb.origin));
  }
  // Each term cites the clause that states it (IR 15's `<field>Origin`); a version without the
  // clause (added, removed, or a zone taken from the default calendar) cites the block's header.
  const term = (what: string, x: unknown, y: unknown, effect: Effect, clause: (f: FeesIR) => SourceRef | undefined) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(change("fees", "fees", `${what}: ${showValue(x)} → ${showValue(y)}`, effect, clause(fa) ?? fa.origin, clause(fb) ?? fb.origin));
  };
  term("currency", fa.currency, fb.currency, "mixed", (f) => f.currencyOrigin);
  term("free work", [...fa.free].sort(), [...fb.free].sort(), fb.free.length >= fa.free.length ? "stricter" : "looser", (f) => f.freeOrigin);
  term("VAT", fa.vat, fb.vat, "mixed", (f) => f.vatOrigin);
  // `invoice monthly, issued …` states the schedule and issue date, `payment …` the due date:
  // the clause cited is the one whose part changed (the invoice clause when both did).
  const issued = (f: FeesIR) => JSON.stringify([f.invoice.schedule, f.invoice.issue]);
  const invoiceClause = issued(fa) === issued(fb) ? (f: FeesIR) => f.invoiceDueOrigin : (f: FeesIR) => f.invoiceOrigin;
  term("invoice", fa.invoice, fb.invoice, "neutral", invoiceClause);
  term("late charge (% per started month)", lateChargePercent(fa), lateChargePercent(fb), effectOf(lateChargePercent(fa) ?? 0, lateChargePercent(fb) ?? 0, false), (f) => f.lateChargeOrigin);
  term("billing zone", fa.zone, fb.zone, "neutral", (f) => f.zoneOrigin);
  out.push(...feeRuleChanges(fa, fb));
  return out;
}

/** A charge in words: `5000.00 EUR`, `from the period file`, `18% of licence, at least 5000.00`. */
function chargeText(c: ChargeIR, currency: string): string {
  if (c.kind === "fixed") return `${c.amount} ${currency}`;
  if (c.kind === "fromPeriod") return "from the period file";
  return `${c.chargePercent}% of ${c.base}${c.minimum ? `, at least ${c.minimum} ${currency}` : ""}`;
}

/** A higher charge is looser (the customer pays more); a change of how it is computed is mixed. */
function chargeEffect(x: ChargeIR, y: ChargeIR): Effect {
  if (x.kind === "fixed" && y.kind === "fixed") return effectOf(Number(x.amount), Number(y.amount), false);
  if (x.kind === "percentOf" && y.kind === "percentOf" && x.base === y.base) {
    return combine([effectOf(Number(x.chargePercent), Number(y.chargePercent), false), effectOf(Number(x.minimum ?? 0), Number(y.minimum ?? 0), false)]);
  }
  return "mixed";
}

/**
 * Issue 12.5's fee rules: charges by name, free hours per kind of work and quotas. Free hours
 * and quota hours are work the customer does not pay for (more: stricter); a charge that rises is looser.
 */
function feeRuleChanges(fa: FeesIR, fb: FeesIR): Change[] {
  const out: Change[] = [];
  const ca = new Map((fa.charges ?? []).map((c) => [c.name, c]));
  const cb = new Map((fb.charges ?? []).map((c) => [c.name, c]));
  for (const k of new Set([...ca.keys(), ...cb.keys()])) {
    const x = ca.get(k);
    const y = cb.get(k);
    if (x && y && chargeText(x, fa.currency) === chargeText(y, fb.currency)) continue;
    const effect = x && y ? chargeEffect(x, y) : x ? "stricter" : "looser";
    out.push(change("fees", `charge ${k}`, `${x ? chargeText(x, fa.currency) : "none"} → ${y ? chargeText(y, fb.currency) : "none"}`, effect, x?.origin ?? fa.origin, y?.origin ?? fb.origin));
  }
  type Hours = { hours: string; per: string; origin: FeesIR["origin"] };
  const hoursBy = <T extends Hours>(what: string, xs: readonly T[] | undefined, ys: readonly T[] | undefined, key: (x: T) => string) => {
    const xa = new Map((xs ?? []).map((x) => [`${key(x)} per ${x.per}`, x]));
    const xb = new Map((ys ?? []).map((x) => [`${key(x)} per ${x.per}`, x]));
    for (const k of new Set([...xa.keys(), ...xb.keys()])) {
      const x = xa.get(k);
      const y = xb.get(k);
      if (x?.hours === y?.hours) continue;
      out.push(change("fees", `${what} ${k}`, `${x ? `${x.hours} h` : "none"} → ${y ? `${y.hours} h` : "none"}`, effectOf(Number(x?.hours ?? 0), Number(y?.hours ?? 0), true), x?.origin ?? fa.origin, y?.origin ?? fb.origin));
    }
  };
  hoursBy("free hours of", fa.workAllowances, fb.workAllowances, (x) => x.kind);
  const quotaKey = (x: NonNullable<FeesIR["quotas"]>[number]) => `${[x.kind ?? "any work", x.regime].filter(Boolean).join(" / ")} per ${x.per}`;
  hoursBy("quota", fa.quotas, fb.quotas, (x) => [x.kind ?? "any work", x.regime].filter(Boolean).join(" / "));
  // `rollover` (issue 12 follow-up): unused hours carried on are more quota hours for the customer
  // (stricter); `rollover until end of term` (IR 11) carries them only until the Term ends, less.
  const qa = new Map((fa.quotas ?? []).map((q) => [quotaKey(q), q]));
  for (const y of fb.quotas ?? []) {
    const x = qa.get(quotaKey(y));
    if (!x || ((x.rollover === true) === (y.rollover === true) && x.rolloverExpires === y.rolloverExpires)) continue;
    const [was, now] = [rolloverRank(x), rolloverRank(y)];
    const effect = was === null || now === null ? "unknown" : effectOf(was, now, true);
    out.push(change("fees", `quota ${quotaKey(y)}`, `${rolloverWords(x)} → ${rolloverWords(y)}`, effect, x.origin, y.origin));
  }
  return out;
}

type Quota = NonNullable<FeesIR["quotas"]>[number];

/**
 * How long a quota's unused hours last, as a rank (more is more free work for the customer):
 * renewed each period 0, carried until the Term ends 1, carried on 2; `null` for an expiry this
 * version does not know (a hand-made IR), judged `unknown`.
 */
function rolloverRank(q: Quota): number | null {
  if (!q.rollover) return 0;
  if (q.rolloverExpires === undefined) return 2;
  return q.rolloverExpires === "term" ? 1 : null;
}

/** A quota's rollover in words. */
function rolloverWords(q: Quota): string {
  if (!q.rollover) return q.rolloverExpires === undefined ? "renewed each period" : `renewed each period (expiring ${String(q.rolloverExpires)})`;
  if (q.rolloverExpires === undefined) return "unused hours roll over";
  return q.rolloverExpires === "term" ? "unused hours roll over until the end of the term" : `unused hours roll over until ${String(q.rolloverExpires)}`;
}

/** The settlement period (issue 12.2): months, quarters or years and their fiscal start; which way it binds depends on the tickets. */
export function diffPeriod(a: PolicyIR, b: PolicyIR): Change[] {
  const text = (p: PolicyIR["period"]) => (p ? `${p.unit}${p.startMonth !== 1 ? ` starting month ${p.startMonth}` : ""}` : "months, any dates");
  if (text(a.period) === text(b.period)) return [];
  return [change("fees", "settlement period", `${text(a.period)} → ${text(b.period)}`, "mixed", a.period?.origin, b.period?.origin)];
}
