/**
 * The clauses beside targets and calendars: escalations, exclusions, region languages,
 * credits, fees, and the axes themselves (priorities, plans, regions, channels). Roles are
 * compared by the title tickets see, so renaming a role's identifier changes nothing.
 */
import type { CreditsIR, EscalationAfter, FeesIR, Named, PolicyIR, SourceRef } from "../runtime/ir.js";
import { calendarOf, compareCalendars } from "./calendars.js";
import { cell, change, cite, combine, effectOf, sharedAxis, sharedRegions } from "./cite.js";
import type { Horizon } from "./horizon.js";
import { clockChanges } from "./goals.js";
import type { Change, Effect } from "./model.js";
import { amount, creditCap, creditPercent, lateChargePercent } from "./money.js";

interface Level {
  readonly after: EscalationAfter;
  readonly origin: SourceRef;
}

/** Escalation levels a ticket of `plan` and `priority` reaches, by role title. */
function levelsOf(p: PolicyIR, plan: string | null, priority: string | null): Map<string, Level> {
  const roles = new Map(p.roles.map((r) => [r.name, r.title ?? r.name]));
  const out = new Map<string, Level>();
  for (const e of p.escalations) {
    if (e.plans && (plan === null || !e.plans.includes(plan))) continue;
    for (const l of e.levels) {
      if (l.priority !== null && l.priority !== priority) continue;
      out.set(roles.get(l.role) ?? l.role, { after: l.after, origin: l.origin });
    }
  }
  return out;
}

function afterKey(a: EscalationAfter): string {
  return a.kind === "percent" ? `percent:${a.percent}:${a.target}` : `${a.kind}:${a.ms}`;
}

function afterEffect(a: EscalationAfter, b: EscalationAfter): Effect {
  if (a.kind === "percent" && b.kind === "percent") return a.target === b.target ? effectOf(a.percent, b.percent, false) : "mixed";
  if (a.kind !== "percent" && b.kind === a.kind) return effectOf(a.ms, b.ms, false);
  return "mixed";
}

/** Escalation levels per plan × priority, grouped by role and threshold change. */
export function diffEscalations(a: PolicyIR, b: PolicyIR, h: Horizon): Change[] {
  const groups = new Map<string, { cells: string[]; make: (subject: string) => Change }>();
  const add = (key: string, where: string, make: (subject: string) => Change) => {
    const g = groups.get(key);
    if (g) g.cells.push(where);
    else groups.set(key, { cells: [where], make });
  };
  for (const plan of sharedAxis(a.plans, b.plans)) {
    for (const priority of sharedAxis(a.priorities, b.priorities)) {
      const was = levelsOf(a, plan, priority);
      const now = levelsOf(b, plan, priority);
      const where = cell(priority, plan) || "every ticket";
      for (const [role, l] of was) {
        const n = now.get(role);
        if (!n) add(`-${role}|${afterKey(l.after)}`, where, (s) => change("escalation", s, `no longer escalated to ${role} (was after ${l.after.text})`, "looser", l.origin, null));
        else if (afterKey(n.after) !== afterKey(l.after)) {
          add(`~${role}|${afterKey(l.after)}|${afterKey(n.after)}`, where, (s) => change("escalation", s, `to ${role}: after ${l.after.text} → after ${n.after.text}`, afterEffect(l.after, n.after), l.origin, n.origin));
        }
      }
      for (const [role, n] of now) {
        if (!was.has(role)) add(`+${role}|${afterKey(n.after)}`, where, (s) => change("escalation", s, `now escalated to ${role} after ${n.after.text}`, "stricter", null, n.origin));
      }
    }
  }
  return [...groups.values()].map((g) => g.make(`escalation · ${g.cells.join(", ")}`)).concat(escalationBlocks(a, b, h));
}

/** Escalation blocks matched by the plans they cover: their clock rules and business calendar. */
function escalationBlocks(a: PolicyIR, b: PolicyIR, h: Horizon): Change[] {
  const out: Change[] = [];
  const key = (plans: readonly string[] | null) => (plans ? [...plans].sort().join(", ") : "every plan");
  const next = new Map(b.escalations.map((e) => [key(e.plans), e]));
  for (const ea of a.escalations) {
    const eb = next.get(key(ea.plans));
    if (!eb) continue;
    const subject = `escalation for ${key(ea.plans)}`;
    out.push(...clockChanges(ea, eb, subject));
    if (ea.calendarPlan === eb.calendarPlan) continue;
    // Compared by the calendar each ticket really counts on: for a Gold-only block,
    // `calendar for gold` is the ticket's own calendar anyway.
    const seen = new Set<string>();
    for (const plan of ea.plans ?? sharedAxis(a.plans, b.plans)) {
      for (const region of sharedRegions(a, b)) {
        const old = calendarOf(a, region, ea.calendarPlan ?? plan);
        const now = calendarOf(b, region, eb.calendarPlan ?? plan);
        if (seen.has(`${old.name}|${now.name}`)) continue;
        seen.add(`${old.name}|${now.name}`);
        const c = compareCalendars(old, now, `${subject} · ${cell(region, plan)}`, h, false);
        const text = (p: string | null) => (p === null ? "the ticket's calendar" : `the ${p} calendar`);
        if (c) out.push({ ...c, kind: "escalation", summary: `counts business time on ${text(eb.calendarPlan)} (was ${text(ea.calendarPlan)}): ${c.summary}`, old: cite(ea.origin), new: cite(eb.origin) });
      }
    }
  }
  return out;
}

/** Excluded channels and causes: a new exclusion removes the SLA from tickets (looser). */
export function diffExclusions(a: PolicyIR, b: PolicyIR): Change[] {
  const out: Change[] = [];
  const was = new Map(a.exclusions.channels.map((c) => [c.channel, c]));
  const now = new Map(b.exclusions.channels.map((c) => [c.channel, c]));
  for (const [ch, c] of now) if (!was.has(ch)) out.push(change("exclusion", `channel ${ch}`, `tickets from \`${ch}\` now have no SLA`, "looser", null, c.origin));
  for (const [ch, c] of was) if (!now.has(ch)) out.push(change("exclusion", `channel ${ch}`, `tickets from \`${ch}\` now have an SLA`, "stricter", c.origin, null));
  out.push(...namedSet("exclusion", "cause", a.exclusions.causes, b.exclusions.causes, "looser"));
  return out;
}

/** Added and removed names of one kind; `addedEffect` is the effect of an addition. */
function namedSet(kind: Change["kind"], what: string, a: readonly Named[], b: readonly Named[], addedEffect: Effect): Change[] {
  const was = new Map(a.map((n) => [n.name, n]));
  const now = new Map(b.map((n) => [n.name, n]));
  const removed: Effect = addedEffect === "looser" ? "stricter" : addedEffect === "stricter" ? "looser" : "neutral";
  return [
    ...[...now].filter(([n]) => !was.has(n)).map(([n, x]) => change(kind, `${what} ${n}`, `${what} \`${n}\` added`, addedEffect, null, x.origin)),
    ...[...was].filter(([n]) => !now.has(n)).map(([n, x]) => change(kind, `${what} ${n}`, `${what} \`${n}\` removed`, removed, x.origin, null)),
  ];
}

/** Priorities, plans, regions and channels added or removed: the vocabulary tickets use. */
export function diffAxes(a: PolicyIR, b: PolicyIR): Change[] {
  const channels = (p: PolicyIR): Named[] => p.channels.map((name) => ({ name, title: null, description: null, origin: { file: "", line: 0, column: 0, text: name } }));
  const noOrigin = (cs: Change[]) => cs.map((c) => ({ ...c, old: c.old?.line ? c.old : null, new: c.new?.line ? c.new : null }));
  return [
    ...namedSet("axis", "priority", a.priorities, b.priorities, "neutral"),
    ...namedSet("axis", "plan", a.plans, b.plans, "neutral"),
    ...namedSet("axis", "region", a.regions.map((r) => ({ ...r, description: null })), b.regions.map((r) => ({ ...r, description: null })), "neutral"),
    ...noOrigin(namedSet("axis", "channel", channels(a), channels(b), "neutral")),
  ];
}

/** Region languages: a language leaving the supported list loses its SLA (looser). */
export function diffLanguages(a: PolicyIR, b: PolicyIR): Change[] {
  const out: Change[] = [];
  for (const name of sharedRegions(a, b)) {
    const ra = a.regions.find((r) => r.name === name);
    const rb = b.regions.find((r) => r.name === name);
    if (!ra || !rb) continue;
    const la = ra.languages;
    const lb = rb.languages;
    if (JSON.stringify(la && { p: [...la.primary].sort(), o: [...la.optional].sort() }) === JSON.stringify(lb && { p: [...lb.primary].sort(), o: [...lb.optional].sort() })) continue;
    const supported = (l: typeof la) => new Set(l ? l.primary : []);
    const sa = supported(la);
    const sb = supported(lb);
    const lost = la === null ? lb !== null : [...sa].some((x) => !sb.has(x));
    const gained = lb === null ? la !== null : [...sb].some((x) => !sa.has(x));
    const text = (l: typeof la) => (l ? `${l.primary.join(", ")}${l.optional.length ? ` (optional ${l.optional.join(", ")})` : ""}` : "any");
    out.push(change("languages", `region ${name}`, `languages ${text(la)} → ${text(lb)}`, combine([lost ? "looser" : "neutral", gained ? "stricter" : "neutral"]), ra.origin, rb.origin));
  }
  return out;
}

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
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(change("credits", "credits", `${what}: ${show(x)} → ${show(y)}`, effect, ca.origin, cb.origin));
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

function show(x: unknown): string {
  if (x === null || x === undefined) return "none";
  if (Array.isArray(x)) return x.length ? x.join(", ") : "none";
  return typeof x === "object" ? JSON.stringify(x) : String(x);
}

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
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(change("fees", "fees", `${what}: ${show(x)} → ${show(y)}`, effect, fa.origin, fb.origin));
  };
  term("currency", fa.currency, fb.currency, "mixed");
  term("free work", [...fa.free].sort(), [...fb.free].sort(), fb.free.length >= fa.free.length ? "stricter" : "looser");
  term("VAT", fa.vat, fb.vat, "mixed");
  term("invoice", fa.invoice, fb.invoice, "neutral");
  term("late charge (% per started month)", lateChargePercent(fa), lateChargePercent(fb), effectOf(lateChargePercent(fa) ?? 0, lateChargePercent(fb) ?? 0, false));
  term("billing zone", fa.zone, fb.zone, "neutral");
  return out;
}
