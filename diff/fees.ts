/** Fees: rates, allowances, packages and terms. What the customer pays more for is looser. */
import type { FeesIR, PolicyIR } from "../runtime/ir.js";
import { change, effectOf, showValue } from "./cite.js";
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
  const term = (what: string, x: unknown, y: unknown, effect: Effect) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(change("fees", "fees", `${what}: ${showValue(x)} → ${showValue(y)}`, effect, fa.origin, fb.origin));
  };
  term("currency", fa.currency, fb.currency, "mixed");
  term("free work", [...fa.free].sort(), [...fb.free].sort(), fb.free.length >= fa.free.length ? "stricter" : "looser");
  term("VAT", fa.vat, fb.vat, "mixed");
  term("invoice", fa.invoice, fb.invoice, "neutral");
  term("late charge (% per started month)", lateChargePercent(fa), lateChargePercent(fb), effectOf(lateChargePercent(fa) ?? 0, lateChargePercent(fb) ?? 0, false));
  term("billing zone", fa.zone, fb.zone, "neutral");
  return out;
}
