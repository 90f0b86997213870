/**
 * Escalations: levels per plan × priority by the role's title (renaming a role's identifier
 * changes nothing), and each block's clock rules and business calendar.
 */
import type { EscalationAfter, PolicyIR, SourceRef } from "../runtime/ir.js";
import { calendarOf, compareCalendars, NO_DAY_GOALS } from "./calendars.js";
import { cell, change, cite, effectOf, sharedAxis, sharedRegions } from "./cite.js";
import { clockChanges } from "./goals.js";
import type { Horizon } from "./horizon.js";
import type { Change, Effect } from "./model.js";

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
  return a.kind === "percent" ? `percent:${a.percent}:${a.target}` : a.kind === "businessDays" ? `businessDays:${a.days}` : `${a.kind}:${a.ms}`;
}

function afterEffect(a: EscalationAfter, b: EscalationAfter): Effect {
  if (a.kind === "percent" && b.kind === "percent") return a.target === b.target ? effectOf(a.percent, b.percent, false) : "mixed";
  if (a.kind === "businessDays" && b.kind === "businessDays") return effectOf(a.days, b.days, false);
  if ((a.kind === "business" || a.kind === "elapsed") && b.kind === a.kind) return effectOf(a.ms, b.ms, false);
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
        const c = compareCalendars(old, now, `${subject} · ${cell(region, plan)}`, h, NO_DAY_GOALS);
        const text = (p: string | null) => (p === null ? "the ticket's calendar" : `the ${p} calendar`);
        if (c) out.push({ ...c, kind: "escalation", summary: `counts business time on ${text(eb.calendarPlan)} (was ${text(ea.calendarPlan)}): ${c.summary}`, old: cite(ea.origin), new: cite(eb.origin) });
      }
    }
  }
  return out;
}
