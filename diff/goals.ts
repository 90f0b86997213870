/**
 * Targets: goal cells per target × priority × plan (× region through its calendar), clock
 * rules, binding. A cell changes when the goal the runtime would pick for it changes; the
 * direction is read from the goal's size when both are of one kind, else from due instants
 * sampled over the horizon on every region's calendar.
 */
import { calendarFromIR } from "../runtime/calendar.js";
import { goalBudget } from "../runtime/clock.js";
import { findCell } from "../runtime/compiled.js";
import type { CalendarIR, ConditionIR, Goal, GoalCell, PolicyIR, TargetIR } from "../runtime/ir.js";
import { isStrict } from "../runtime/ir-constants.js";
import { predicateOf, type Predicate } from "../runtime/ticket-attributes.js";
import { calendarOf, targetCalendarOf } from "./calendars.js";
import { lengthWords } from "./commitments.js";
import { cell, change, combine, effectOf, sharedAxis, sharedRegions } from "./cite.js";
import type { Horizon } from "./horizon.js";
import type { Change, Effect } from "./model.js";
import { factsOf, NO_PROFILE, profilesOf, type Profile } from "./profiles.js";

/** A goal's meaning, without how it was written. */
function goalKey(g: Goal): string {
  switch (g.kind) {
    case "business":
    case "elapsed":
      return `${g.kind}:${g.ms}${g.strict ? ":strict" : ""}`;
    case "businessDays":
      return `days:${g.days}${g.strict ? ":strict" : ""}`;
    case "supportDays":
      return `supportDays:${g.days}`;
    case "none":
      // `best effort` and `none` both set no due, but the result names the goal: a neutral change.
      return `none:${g.text}`;
    default:
      return g.kind;
  }
}

/** Starts sampled over the horizon to compare goals of different kinds: every 90 minutes. */
const SAMPLE_STEP_MS = 90 * 60_000;

/** Due of a goal for a clock started at `start` that never stops; Infinity for best effort. */
export function dueOf(goal: Goal, cal: CalendarIR, start: number): number {
  const engine = calendarFromIR(cal);
  const budget = goalBudget(goal, engine, start);
  return budget ? budget.meter.addOpen(start, budget.ms) : Infinity;
}

/** Only the strictness: a goal that became `< …` is stricter (its due instant now misses), one that stopped being looser. */
function strictEffect(old: Goal, next: Goal): Effect {
  const s = isStrict;
  return s(old) === s(next) ? "neutral" : s(next) ? "stricter" : "looser";
}

/** Direction of a goal change: earlier dues are stricter for the provider. */
function goalEffect(old: Goal, next: Goal, calendars: ReadonlyArray<[CalendarIR, CalendarIR]>, h: Horizon): Effect {
  if (old.kind === "none") return next.kind === "none" ? "neutral" : "stricter";
  if (next.kind === "none") return "looser";
  // `< 1 hour` ↔ `1 hour`: the same due, with the due instant itself a miss or not.
  const strictness = strictEffect(old, next);
  if (strictness !== "neutral" && goalKey({ ...old, strict: undefined } as Goal) === goalKey({ ...next, strict: undefined } as Goal)) return strictness;
  if (old.kind === next.kind) {
    if ((old.kind === "business" || old.kind === "elapsed") && (next.kind === "business" || next.kind === "elapsed")) return effectOf(old.ms, next.ms, false);
    if (old.kind === "businessDays" && next.kind === "businessDays") return effectOf(old.days, next.days, false);
    if (old.kind === "supportDays" && next.kind === "supportDays") return effectOf(old.days, next.days, false);
  }
  const effects: Effect[] = [];
  for (const [ca, cb] of calendars) {
    for (let s = h.from; s < h.to; s += SAMPLE_STEP_MS) {
      const d = dueOf(next, cb, s) - dueOf(old, ca, s);
      if (d !== 0) effects.push(d < 0 ? "stricter" : "looser");
    }
  }
  return combine(effects);
}

const DAY_MS = 86_400_000;

/** A reopening window as written (`7 days`); other lengths as the other clauses say them. */
function daysWords(ms: number): string {
  return ms % DAY_MS === 0 ? `${ms / DAY_MS} day${ms === DAY_MS ? "" : "s"}` : lengthWords(ms);
}

/** `restart` (issue 11.5): an added event meets a recurring target's intervals more often, so less is owed. */
const EVENT_EFFECT: Record<"start" | "pause" | "resume" | "stop" | "restart", boolean> = { start: true, resume: true, pause: false, stop: false, restart: false };

/**
 * Clock rules of a target or an escalation: events added to `start`/`resume` count more time
 * (stricter), to `pause`/`stop` less.
 */
export function clockChanges(a: Pick<TargetIR, "clock" | "origin">, b: Pick<TargetIR, "clock" | "origin">, subject: string): Change[] {
  const out: Change[] = [];
  // Issue 11.5: a target that starts repeating owes every interval; one that stops repeating owes one.
  const recurring = [a.clock.restart !== undefined, b.clock.restart !== undefined];
  if (recurring[0] !== recurring[1]) {
    out.push(change("clock", subject, recurring[1] ? "becomes recurring (`restart on`)" : "is no longer recurring (`restart on` removed)", recurring[1] ? "stricter" : "looser", a.origin, b.origin));
  }
  // `reopen within N days`: a reopened request owes the rest of its goal, so a window added or
  // made longer is stricter for the provider, one removed or shortened looser.
  const reopen = [a.clock.reopenWithinMs, b.clock.reopenWithinMs] as const;
  if (reopen[0] !== reopen[1]) {
    const words = reopen[0] === undefined ? `can now be reopened within ${daysWords(reopen[1]!)}` : reopen[1] === undefined ? "can no longer be reopened" : `can be reopened within ${daysWords(reopen[1])} instead of ${daysWords(reopen[0])}`;
    const stricter = reopen[0] === undefined || (reopen[1] !== undefined && reopen[1] > reopen[0]);
    out.push(change("clock", subject, words, stricter ? "stricter" : "looser", a.origin, b.origin));
  }
  for (const rule of ["start", "pause", "resume", "stop", "restart"] as const) {
    // Resume events mean nothing to a clock that never pauses: the `pause on` change says it all.
    if (rule === "resume" && (a.clock.pause.length === 0 || b.clock.pause.length === 0)) continue;
    if (rule === "restart" && recurring[0] !== recurring[1]) continue;
    const was = new Set<string>(a.clock[rule] ?? []);
    const now = new Set<string>(b.clock[rule] ?? []);
    const added = [...now].filter((e) => !was.has(e));
    const removed = [...was].filter((e) => !now.has(e));
    if (added.length === 0 && removed.length === 0) continue;
    const effects: Effect[] = [];
    if (added.length) effects.push(EVENT_EFFECT[rule] ? "stricter" : "looser");
    if (removed.length) effects.push(EVENT_EFFECT[rule] ? "looser" : "stricter");
    const words = [added.length ? `adds ${added.join(", ")}` : "", removed.length ? `drops ${removed.join(", ")}` : ""].filter(Boolean).join(", ");
    out.push(change("clock", subject, `\`${rule} on\` ${words}`, combine(effects), a.origin, b.origin));
  }
  return out;
}

/** Section cells grouped by condition, in the order the runtime tries them (`compiled.ts`). */
function sectionsOf(t: TargetIR): Array<{ holds: Predicate; cells: GoalCell[] }> {
  const groups = new Map<string, GoalCell[]>();
  for (const c of t.goals) if (c.when !== undefined) groups.set(JSON.stringify(c.when), [...(groups.get(JSON.stringify(c.when)) ?? []), { ...c, when: undefined }]);
  return [...groups].map(([key, cells]) => ({ holds: predicateOf(JSON.parse(key) as ConditionIR), cells }));
}

/** The cell the runtime picks for a ticket of this priority, plan and profile: a holding section's first, else the matrix's. */
export function cellFor(t: TargetIR, priority: string | null, plan: string | null, profile: Profile): GoalCell | undefined {
  const facts = factsOf(profile, priority, plan);
  for (const s of sectionsOf(t)) {
    const c = s.holds(facts) ? findCell(s.cells, priority, plan) : undefined;
    // The section's cell, with the origin the IR keeps (the row of the `goals for` table).
    if (c) return t.goals.find((g) => g.origin === c.origin) ?? c;
  }
  return findCell(t.goals, priority, plan);
}

/**
 * Goal cells that change, per priority × plan and, when either version has `goals for …`
 * sections, per attribute profile (`for product=a`); a change the same for every profile is
 * reported once, without one.
 */
function cellChanges(a: PolicyIR, b: PolicyIR, ta: TargetIR, tb: TargetIR, h: Horizon): Change[] {
  const out: Change[] = [];
  const regions = sharedRegions(a, b);
  const sectioned = [ta, tb].some((t) => t.goals.some((g) => g.when !== undefined));
  const profiles = sectioned ? profilesOf(a, b) : [NO_PROFILE];
  for (const priority of sharedAxis(a.priorities, b.priorities)) {
    for (const plan of sharedAxis(a.plans, b.plans)) {
      const groups = new Map<string, { old: GoalCell | undefined; next: GoalCell | undefined; labels: string[] }>();
      for (const profile of profiles) {
        const old = cellFor(ta, priority, plan, profile);
        const next = cellFor(tb, priority, plan, profile);
        if (!old && !next) continue;
        if (old && next && goalKey(old.goal) === goalKey(next.goal)) continue;
        const key = `${old ? goalKey(old.goal) : "-"}|${next ? goalKey(next.goal) : "-"}|${old?.origin.line}|${next?.origin.line}`;
        const g = groups.get(key);
        if (g) g.labels.push(profile.label || "no attributes");
        else groups.set(key, { old, next, labels: [profile.label || "no attributes"] });
      }
      for (const { old, next, labels } of groups.values()) {
        const subject = cell(ta.name, priority, plan) + (labels.length < profiles.length ? ` · for ${labels.join("; ")}` : "");
        if (!old || !next) {
          out.push(change("goal", subject, old ? `goal ${old.goal.text} removed` : `goal ${next!.goal.text} added`, old ? "looser" : "stricter", old?.origin, next?.origin));
          continue;
        }
        const calendars = regions.map((r): [CalendarIR, CalendarIR] => [
          targetCalendarOf(a, ta.name) ?? calendarOf(a, r, plan),
          targetCalendarOf(b, tb.name) ?? calendarOf(b, r, plan),
        ]);
        out.push(change("goal", subject, `${old.goal.text} → ${next.goal.text}`, goalEffect(old.goal, next.goal, calendars, h), old.origin, next.origin));
      }
    }
  }
  return out;
}

/** Every target change: added or removed targets, binding, clock rules and goal cells. */
export function diffTargets(a: PolicyIR, b: PolicyIR, h: Horizon): Change[] {
  const out: Change[] = [];
  const newByName = new Map(b.targets.map((t) => [t.name, t]));
  for (const ta of a.targets) {
    const tb = newByName.get(ta.name);
    if (!tb) {
      out.push(change("goal", ta.name, `target \`${ta.name}\` removed`, ta.binding ? "looser" : "neutral", ta.origin, null));
      continue;
    }
    if (ta.binding !== tb.binding) {
      out.push(change("binding", ta.name, tb.binding ? "now binding (was a KPI)" : "now a non-binding KPI", tb.binding ? "stricter" : "looser", ta.origin, tb.origin));
    }
    out.push(...clockChanges(ta, tb, ta.name), ...cellChanges(a, b, ta, tb, h));
  }
  const oldNames = new Set(a.targets.map((t) => t.name));
  for (const tb of b.targets) {
    if (!oldNames.has(tb.name)) out.push(change("goal", tb.name, `target \`${tb.name}\` added`, tb.binding ? "stricter" : "neutral", null, tb.origin));
  }
  return out;
}
