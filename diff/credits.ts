/** Service credits: the percent per plan × priority and the block's terms. More credit is stricter. */
import type { CreditsIR, PolicyIR, SourceRef } from "../runtime/ir.js";
import { cell, change, combine, effectOf, sharedAxis, showValue } from "./cite.js";
import type { Change, Effect } from "./model.js";
import { creditCap, creditPercent } from "./money.js";

/** The credit percent a breached ticket of `plan` and `priority` earns, or `null`. */
function percentFor(c: CreditsIR | null, plan: string | null, priority: string | null): { percent: number; origin: SourceRef } | null {
  if (!c || (c.plans && (plan === null || !c.plans.includes(plan)))) return null;
  const row = c.rows.find((r) => r.priority === priority) ?? c.rows.find((r) => r.priority === null);
  return row ? { percent: creditPercent(row), origin: row.origin } : null;
}

/** Credits: the percent per plan × priority, and the block's terms. More credit is stricter. */
export function diffCredits(a: PolicyIR, b: PolicyIR): Change[] {
  const ca = a.credits;
  const cb = b.credits;
  const groups = new Map<string, { cells: string[]; make: (s: string) => Change }>();
  for (const plan of sharedAxis(a.plans, b.plans)) {
    for (const priority of sharedAxis(a.priorities, b.priorities)) {
      const was = percentFor(ca, plan, priority);
      const now = percentFor(cb, plan, priority);
      if ((was?.percent ?? null) === (now?.percent ?? null)) continue;
      const key = `${was?.percent}|${now?.percent}|${was?.origin.line}|${now?.origin.line}`;
      const where = cell(priority, plan) || "every ticket";
      const g = groups.get(key);
      if (g) g.cells.push(where);
      else {
        const text = (x: typeof was) => (x ? `${x.percent}%` : "no credit");
        groups.set(key, { cells: [where], make: (s) => change("credits", s, `credit ${text(was)} → ${text(now)}`, effectOf(was?.percent ?? 0, now?.percent ?? 0, true), was?.origin ?? ca?.origin, now?.origin ?? cb?.origin) });
      }
    }
  }
  const out = [...groups.values()].map((g) => g.make(`credit · ${g.cells.join(", ")}`));
  if (!ca || !cb) return out;
  const term = (what: string, x: unknown, y: unknown, effect: Effect) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(change("credits", "credits", `${what}: ${showValue(x)} → ${showValue(y)}`, effect, ca.origin, cb.origin));
  };
  const months = (x: number | null) => (x === null ? Infinity : x);
  term("claim deadline (months after the period)", ca.claimMonthsAfter, cb.claimMonthsAfter, effectOf(months(ca.claimMonthsAfter), months(cb.claimMonthsAfter), true));
  term("claim subject", ca.claimSubject, cb.claimSubject, "neutral");
  const cap = (x: number | null) => (x === null ? Infinity : x);
  term("cap (% of fees)", creditCap(ca), creditCap(cb), effectOf(cap(creditCap(ca)), cap(creditCap(cb)), true));
  const chA = new Set(ca.ineligibleChannels);
  const chB = new Set(cb.ineligibleChannels);
  term("ineligible channels", [...chA].sort(), [...chB].sort(), combine([[...chB].some((c) => !chA.has(c)) ? "looser" : "neutral", [...chA].some((c) => !chB.has(c)) ? "stricter" : "neutral"]));
  term("optional languages ineligible", ca.ineligibleOptionalLanguages, cb.ineligibleOptionalLanguages, cb.ineligibleOptionalLanguages ? "looser" : "stricter");
  term("targets that earn a credit", [...ca.targets].sort(), [...cb.targets].sort(), "mixed");
  term("zone", ca.zone, cb.zone, "neutral");
  return out;
}
