/**
 * Calendar changes as concrete open hours (issue 13): for each place a calendar is used (a
 * region, a region's plan, a target, the default), the open windows of both versions over the
 * horizon, computed by the runtime's own calendar engine, compared date by date.
 *
 * Calendars are compared by their open windows, never by name: renaming a calendar, or moving
 * hours between a base calendar and one that extends it, changes nothing.
 */
import { DateTime } from "luxon";
import { calendarFromIR } from "../runtime/calendar.js";
import { UTC_ALWAYS } from "../runtime/compiled.js";
import { holidayDates } from "../runtime/holidays.js";
import { yearlyClosings } from "../runtime/yearly-dates.js";
import type { CalendarIR, PolicyIR, SourceRef, TargetIR } from "../runtime/ir.js";
import { predicateOf, type TicketFacts } from "../runtime/ticket-attributes.js";
import { countsOnCalendar, ticketCalendarCounted } from "./calendar-use.js";
import { change, combine, sharedAxis, sharedRegions } from "./cite.js";
import { type DayGoalKind, zoneOnlyChange } from "./business-days.js";
import type { Horizon } from "./horizon.js";
import type { Change, Effect } from "./model.js";
import { factsOf, profilesOf } from "./profiles.js";
import { memberNotes } from "./union-members.js";

/** The calendar a ticket of `region` and `plan` counts on (SPEC §3), as the runtime chooses it. */
export function calendarOf(p: PolicyIR, region: string | null, plan: string | null): CalendarIR {
  const byName = (name: string | null) => (name === null ? undefined : p.calendars.find((c) => c.name === name));
  const r = region === null ? undefined : p.regions.find((x) => x.name === region);
  if (!r) return byName(p.defaultCalendar) ?? UTC_ALWAYS;
  return byName((plan !== null ? r.planCalendars[plan] : undefined) ?? r.calendar) ?? UTC_ALWAYS;
}

/** The calendar a target names itself, else `null`. */
export function targetCalendarOf(p: PolicyIR, target: string): CalendarIR | null {
  const name = p.targets.find((t) => t.name === target)?.calendar ?? null;
  return name === null ? null : (p.calendars.find((c) => c.name === name) ?? null);
}

/**
 * The calendar a target counts on for a ticket (issue 11, as `targetCalendar` in the runtime
 * picks it): a holding rule of the target, the target's own calendar, a holding rule of the
 * region, else the region's calendar for the plan.
 */
export function ruleCalendarOf(p: PolicyIR, target: TargetIR | undefined, region: string | null, plan: string | null, facts: TicketFacts): CalendarIR {
  const byName = (name: string) => p.calendars.find((c) => c.name === name);
  const holding = (rules: TargetIR["calendarRules"]) => rules?.find((r) => predicateOf(r.when)(facts));
  const own = holding(target?.calendarRules) ?? (target?.calendar ? { calendar: target.calendar } : undefined);
  const chosen = own ?? holding(p.regions.find((r) => r.name === region)?.calendarRules);
  return (chosen && byName(chosen.calendar)) ?? calendarOf(p, region, plan);
}

/**
 * Calendars chosen by `calendar X for …` rules (issue 11): for each region × plan × priority ×
 * attribute profile and each target, the calendar of both versions, as one more use of a pair.
 */
function ruleUses(a: PolicyIR, b: PolicyIR, use: (old: CalendarIR, next: CalendarIR, label: string) => void): void {
  const hasRules = (p: PolicyIR) => p.regions.some((r) => r.calendarRules?.length) || p.targets.some((t) => t.calendarRules?.length);
  if (!hasRules(a) && !hasRules(b)) return;
  const profiles = profilesOf(a, b);
  const targetsB = new Map(b.targets.map((t) => [t.name, t]));
  for (const region of sharedRegions(a, b)) {
    for (const plan of sharedAxis(a.plans, b.plans)) {
      for (const priority of sharedAxis(a.priorities, b.priorities)) {
        for (const profile of profiles) {
          const facts = factsOf(profile, priority, plan);
          for (const ta of a.targets) {
            const tb = targetsB.get(ta.name);
            if (!tb || !countsOnCalendar(ta) || !countsOnCalendar(tb)) continue;
            const label = [`${[region ?? "default", plan].filter(Boolean).join("/")}`, priority, profile.label || null].filter(Boolean).join(" · ");
            use(ruleCalendarOf(a, ta, region, plan, facts), ruleCalendarOf(b, tb, region, plan, facts), label);
          }
        }
      }
    }
  }
}

/** Open intervals over the horizon, flattened `[from0, to0, from1, to1, …]`, cached per calendar object. */
const intervalCache = new WeakMap<CalendarIR, { key: string; flat: readonly number[] }>();

function openFlat(cal: CalendarIR, h: Horizon): readonly number[] {
  const key = `${h.from}/${h.to}`;
  const known = intervalCache.get(cal);
  if (known?.key === key) return known.flat;
  const flat = calendarFromIR(cal).openIntervals(h.from, h.to).flat();
  intervalCache.set(cal, { key, flat });
  return flat;
}

/** Whether two calendars have the same open time over the horizon. */
export function sameOpenTime(a: CalendarIR, b: CalendarIR, h: Horizon): boolean {
  if (a === b) return true;
  const x = openFlat(a, h);
  const y = openFlat(b, h);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** One local date's open windows, `[fromMinute, toMinute]` pairs. */
type DayWindows = Array<[number, number]>;

function hhmm(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;
}

function windowsText(w: DayWindows): string {
  return w.length === 0 ? "closed" : w.map(([a, b]) => `${hhmm(a)}–${hhmm(b)}`).join(", ");
}

function minutes(w: DayWindows): number {
  return w.reduce((s, [a, b]) => s + b - a, 0);
}

/** Local dates of the horizon in a zone with their start instants, cached per zone and horizon (luxon is slow). */
const dayCache = new Map<string, ReadonlyArray<readonly [string, number]>>();

function dayStarts(zone: string, h: Horizon): ReadonlyArray<readonly [string, number]> {
  const key = `${zone}|${h.from}|${h.to}`;
  let days = dayCache.get(key);
  if (days) return days;
  const out: Array<readonly [string, number]> = [];
  let day = DateTime.fromMillis(h.from, { zone }).startOf("day");
  for (;;) {
    out.push([day.toISODate()!, day.toMillis()]);
    if (day.toMillis() >= h.to) break;
    day = day.plus({ days: 1 });
  }
  days = out;
  dayCache.set(key, days);
  return days;
}

/** Each local date of the horizon (in `zone`) with its open windows on `cal`. */
function daysOf(cal: CalendarIR, zone: string, h: Horizon): Map<string, DayWindows> {
  const engine = calendarFromIR(cal);
  const days = dayStarts(zone, h);
  const out = new Map<string, DayWindows>();
  for (let i = 0; i + 1 < days.length; i++) {
    const [date, start] = days[i]!;
    const windows: DayWindows = engine
      .openIntervals(start, days[i + 1]![1])
      .map(([a, b]) => [Math.round((a - start) / 60_000), Math.round((b - start) / 60_000)]);
    out.set(date, windows);
  }
  return out;
}

interface DateChange {
  readonly date: string;
  readonly before: string;
  readonly after: string;
  /** Open minutes gained (negative: lost). */
  readonly delta: number;
  /** The day's close (end of its last window, minutes) moves earlier: a business-day goal due that day comes sooner. */
  readonly closesEarlier: boolean;
  /** The day's close moves later: a business-day goal due that day comes later (a union's new member covering past its midnight). */
  readonly closesLater: boolean;
}

const WEEKDAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

function hours(minutesDelta: number): string {
  const h = Math.abs(minutesDelta) / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h ${minutesDelta >= 0 ? "more" : "less"}`;
}

/** "4 h more in 2026 and in 2027", or per year when the amounts differ. */
function perYear(changes: readonly DateChange[]): string {
  const byYear = new Map<string, number>();
  for (const c of changes) byYear.set(c.date.slice(0, 4), (byYear.get(c.date.slice(0, 4)) ?? 0) + c.delta);
  const entries = [...byYear];
  const amounts = new Set(entries.map(([, v]) => v));
  if (amounts.size === 1) return `${hours(entries[0]![1])} in ${entries.map(([y]) => y).join(" and in ")}`;
  return entries.map(([y, v]) => `${hours(v)} in ${y}`).join(", ");
}

function monthDay(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).toFormat("LLL d");
}

/** Lines describing date changes: by day of the year when few, by weekday pattern when many. */
function describe(changes: readonly DateChange[], clauseOf: (date: string) => string): string[] {
  const groups = new Map<string, DateChange[]>();
  for (const c of changes) {
    const key = `${c.before}→${c.after}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    const { before, after } = group[0]!;
    const verb = after === "closed" ? "now closed" : `now open ${after}`;
    const was = `(was ${before === "closed" ? "closed" : `open ${before}`})`;
    if (group.length <= 12) {
      const byDay = new Map<string, DateChange[]>();
      for (const c of group) byDay.set(monthDay(c.date), [...(byDay.get(monthDay(c.date)) ?? []), c]);
      for (const [day, cs] of byDay) lines.push(`${day} ${verb} ${was}: ${perYear(cs)}${clauseOf(cs[0]!.date)}`);
    } else {
      const weekdays = new Set(group.map((c) => DateTime.fromISO(c.date, { zone: "UTC" }).weekday));
      const which = [...weekdays].sort().map((d) => WEEKDAYS[d - 1]!).join(", ");
      lines.push(`${which}: ${verb} ${was}, ${group.length} dates from ${group[0]!.date} to ${group[group.length - 1]!.date}: ${perYear(group)}`);
    }
  }
  return lines;
}

/**
 * The clause of a calendar that closes or opens a date, for a detail line: a dated closure or
 * opening, else a yearly rule (`closed every Dec 24 from 14:00`, `holiday "…" first Mon of Jun`)
 * that falls on it that year.
 */
function dateClause(cal: CalendarIR, date: string): SourceRef | null {
  const dated = cal.closures.find((c) => c.date === date)?.origin ?? cal.openings.find((o) => o.date === date)?.origin;
  if (dated) return dated;
  const year = Number(date.slice(0, 4));
  // One rule at a time: a rule observed on the next free weekday may land elsewhere alone, and is then not cited.
  return (cal.yearly ?? []).find((rule) => yearlyClosings([rule], year).has(date))?.origin ?? null;
}

/** Whether the dates that changed are all public holidays of one version but not the other. */
function holidayOnly(a: CalendarIR, b: CalendarIR, dates: readonly string[]): boolean {
  if (JSON.stringify(a.holidays) === JSON.stringify(b.holidays)) return false;
  return dates.every((d) => {
    const y = Number(d.slice(0, 4));
    return holidayDates(a.holidays, y).has(d) !== holidayDates(b.holidays, y).has(d);
  });
}

/** The kinds of goal in business days (`next business day`, `same business day`) a policy has: due at a day's close. */
export function dayGoalKinds(p: PolicyIR): Set<DayGoalKind> {
  const out = new Set<DayGoalKind>();
  for (const t of p.targets) for (const c of t.goals) if (c.goal.kind === "businessDays" || c.goal.kind === "sameBusinessDay") out.add(c.goal.kind);
  return out;
}

/** For a comparison where no goal in business days counts on the calendars. */
export const NO_DAY_GOALS: ReadonlySet<DayGoalKind> = new Set();

/** Compare two calendars over the horizon: one change citing both declarations, or `null`. */
export function compareCalendars(a: CalendarIR, b: CalendarIR, subject: string, h: Horizon, dayGoalKindsUsed: ReadonlySet<DayGoalKind>): Change | null {
  const dayGoals = dayGoalKindsUsed.size > 0;
  // Same open time in another zone: the business days (and where results are written) may move.
  if (sameOpenTime(a, b, h)) return a.zone === b.zone ? null : zoneOnlyChange(a, b, subject, h, dayGoalKindsUsed);
  const zone = b.zone;
  const before = daysOf(a, zone, h);
  const after = daysOf(b, zone, h);
  const changes: DateChange[] = [];
  for (const [date, w] of after) {
    const old = before.get(date) ?? [];
    const was = windowsText(old);
    const now = windowsText(w);
    const closesEarlier = w.length > 0 && old.length > 0 && w[w.length - 1]![1] < old[old.length - 1]![1];
    const closesLater = w.length > 0 && old.length > 0 && w[w.length - 1]![1] > old[old.length - 1]![1];
    if (was !== now) changes.push({ date, before: was, after: now, delta: minutes(w) - minutes(old), closesEarlier, closesLater });
  }
  // Fewer hours are looser, except that goals in business days fall due at the day's close:
  // an earlier close brings them forward, a later one (more hours running on) puts them off.
  const dayEffect = (c: DateChange): Effect | null => (!dayGoals ? null : c.closesEarlier ? "mixed" : c.closesLater && c.delta > 0 ? "mixed" : null);
  const effects: Effect[] = changes.map((c) => dayEffect(c) ?? (c.delta > 0 ? "stricter" : c.delta < 0 ? "looser" : "mixed"));
  const gained = changes.reduce((s, c) => s + Math.max(0, c.delta), 0);
  const lost = changes.reduce((s, c) => s + Math.max(0, -c.delta), 0);
  const clauseOf = (date: string) => {
    const ref = dateClause(b, date) ?? dateClause(a, date);
    return ref ? ` (line ${ref.line}: ${ref.text.split("\n")[0]!.trim()})` : "";
  };
  const zoneNote = a.zone !== b.zone ? [`zone ${a.zone} → ${b.zone}`] : [];
  const summary =
    changes.length === 0
      ? `same local hours, zone ${a.zone} → ${b.zone}`
      : `${changes.length} date${changes.length === 1 ? "" : "s"} differ: ${[gained ? `${hours(gained)} open` : "", lost ? `${hours(-lost)} open` : ""].filter(Boolean).join(", ")} over the horizon`;
  const kind = holidayOnly(a, b, changes.map((c) => c.date)) ? "holidays" : "calendar";
  // A union's members named or changed: the dates say what opens, these lines say why.
  const members = memberNotes(a, b);
  const details = [...zoneNote, ...members.details, ...describe(changes, clauseOf)];
  return change(kind, subject, summary, changes.length === 0 ? "mixed" : combine(effects), members.old ?? a.origin, members.new ?? b.origin, details);
}

/**
 * The places a region gives its tickets a calendar, as `[label, plan, region]`: each shared region
 * (`default` without regions), and each of its plans with a calendar of its own in either version
 * (a plan without one counts on the region's).
 */
function regionPlaces(a: PolicyIR, b: PolicyIR): Array<[string, string | null, string | null]> {
  const out: Array<[string, string | null, string | null]> = [];
  for (const region of sharedRegions(a, b)) {
    const hasOwn = (p: PolicyIR, plan: string) => p.regions.find((r) => r.name === region)?.planCalendars[plan] !== undefined;
    for (const plan of [null, ...sharedAxis(a.plans, b.plans).filter((p) => p !== null)]) {
      if (plan !== null && !hasOwn(a, plan) && !hasOwn(b, plan)) continue;
      out.push([[region ?? "default", plan].filter(Boolean).join("/"), plan, region]);
    }
  }
  return out;
}

/**
 * Every place a calendar is used, in both versions, compared by open time. Places sharing the
 * same pair of calendars are reported once, naming all of them.
 */
export function diffCalendars(a: PolicyIR, b: PolicyIR, h: Horizon): Change[] {
  const pairs = new Map<string, { old: CalendarIR; new: CalendarIR; uses: string[] }>();
  const use = (old: CalendarIR, next: CalendarIR, label: string, byRule?: Set<string>) => {
    const key = `${old.name}|${next.name}`;
    const known = pairs.get(key);
    if (known) {
      if (!known.uses.includes(label)) known.uses.push(label);
      return;
    }
    byRule?.add(key);
    pairs.set(key, { old, new: next, uses: [label] });
  };
  // Without regions, the default calendar (or 24×7 UTC without one) means something only when a
  // goal or an escalation counts on it (`calendar-use.ts`): an elapsed-only policy may drop it.
  const counted = ticketCalendarCounted(a) || ticketCalendarCounted(b);
  for (const [where, plan, region] of regionPlaces(a, b)) if (region !== null || counted) use(calendarOf(a, region, plan), calendarOf(b, region, plan), where);
  for (const t of a.targets) {
    const tb = b.targets.find((x) => x.name === t.name);
    // A target whose goals are all elapsed time in either version counts on no calendar there:
    // its calendar changes nothing the goal comparison does not already report.
    if (!tb || !countsOnCalendar(t) || !countsOnCalendar(tb)) continue;
    const old = targetCalendarOf(a, t.name);
    const next = targetCalendarOf(b, t.name);
    if (old && next) use(old, next, `target ${t.name}`);
    // A calendar added to or removed from a target replaces, or gives back, the calendar each
    // region and plan gives its tickets: compared with each of those.
    else if (old || next) for (const [where, plan, region] of regionPlaces(a, b)) use(old ?? calendarOf(a, region, plan), next ?? calendarOf(b, region, plan), `target ${t.name} in ${where}`);
  }
  // A pair the rules reach that the places above compared already is not named again per rule.
  const byRule = new Set<string>();
  ruleUses(a, b, (old, next, label) => (pairs.has(`${old.name}|${next.name}`) && !byRule.has(`${old.name}|${next.name}`) ? undefined : use(old, next, label, byRule)));
  const out: Change[] = [];
  for (const pair of pairs.values()) {
    const c = compareCalendars(pair.old, pair.new, `calendar of ${pair.uses.join(", ")}`, h, new Set([...dayGoalKinds(a), ...dayGoalKinds(b)]));
    if (c) out.push(c);
  }
  return out;
}
