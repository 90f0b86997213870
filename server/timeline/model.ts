/**
 * What a ticket's timeline shows, computed before anything is drawn: the time range, the local
 * days of the ticket's calendar (open windows, closed days with the holiday's name), the
 * ticket's events, each target's counted segments, pauses, reopenings, due and outcome, the escalations,
 * the zone's DST changes and `asOf`. Instants are epoch ms; `svg.ts` only places and paints.
 *
 * Reads the result's `--explain` traces (segments, pauses, reopenings, the calendar used) and asks the
 * calendar engine for open windows, so the picture shows what the evaluator counted.
 */
import Holidays from "date-holidays";
import { DateTime } from "luxon";
import { calendarFromIR } from "../../runtime/calendar.js";
import { parseInstant } from "../../runtime/instant.js";
import type { Ticket, TicketResult } from "../../runtime/io.js";
import type { CalendarIR, PolicyIR } from "../../runtime/ir.js";

export interface TimelineDay {
  readonly start: number;
  readonly end: number;
  /** `Mon 30 Mar`, in the calendar's zone. */
  readonly label: string;
  /** Why the day has no open time (`Easter Monday`, `closed`); `null` on a business day. */
  readonly closed: string | null;
}

/** A reopening of a target's clock (`reopen within`), from the trace's `reopens`. */
export interface TimelineReopening {
  /** The stop it undid: the clock stood still from here to `reopenedAt` (the solved gap). */
  readonly stoppedAt: number;
  /** The `resolve` the window was counted from. */
  readonly resolvedAt: number;
  readonly reopenedAt: number;
}

export interface TimelineTarget {
  readonly name: string;
  readonly goal: string;
  readonly status: string;
  /** The goal clause's source line, shown when hovering the target. */
  readonly clause: string | null;
  readonly calendar: string;
  readonly segments: ReadonlyArray<readonly [number, number]>;
  readonly pauses: ReadonlyArray<readonly [number, number]>;
  readonly due: number | null;
  readonly dueText: string | null;
  readonly stoppedAt: number | null;
  readonly countedMinutes: number | null;
  /** The clock's reopenings, in order; empty when it never reopened. */
  readonly reopens: readonly TimelineReopening[];
}

export interface TimelineMark {
  readonly at: number;
  readonly label: string;
}

export interface DstChange {
  readonly at: number;
  /** `+01:00 → +02:00`. */
  readonly label: string;
}

export interface TimelineModel {
  readonly title: string;
  readonly zone: string;
  readonly calendarName: string;
  readonly from: number;
  readonly to: number;
  readonly days: readonly TimelineDay[];
  readonly windows: ReadonlyArray<readonly [number, number]>;
  readonly events: readonly TimelineMark[];
  readonly targets: readonly TimelineTarget[];
  readonly escalations: readonly TimelineMark[];
  readonly dst: readonly DstChange[];
  readonly asOf: number;
  /** Whether `asOf` lies after the range shown (it is then only named in the title). */
  readonly asOfLater: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Past this many days the picture would be unreadable: the range stops there. */
const MAX_DAYS = 62;

const ms = (iso: string | null | undefined): number | null => (iso == null ? null : parseInstant(iso));

/** The calendar a trace names, with the zone the evaluation used (a `zone from ticket` calendar takes the ticket's). */
function calendarOf(policy: PolicyIR, name: string, zone: string): CalendarIR | null {
  const ir = policy.calendars.find((c) => c.name === name);
  if (!ir) return null;
  return ir.zone === zone ? ir : { ...ir, zone };
}

/**
 * The calendars whose holidays and closures close the calendar's days: itself, or the members of a
 * calendar open during others (a day it is closed is a day all of them are).
 */
function closingCalendars(ir: CalendarIR | null): readonly Pick<CalendarIR, "holidays" | "closures">[] {
  if (!ir) return [];
  return ir.kind === "union" ? (ir.members ?? []) : [ir];
}

/** Public holiday names (in English) by local date for the calendar's holiday sources, over the years given. */
function holidayNames(ir: CalendarIR | null, years: readonly number[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const spec of closingCalendars(ir).flatMap((c) => c.holidays)) {
    const hd = spec.region ? new Holidays(spec.country, spec.region) : new Holidays(spec.country);
    hd.setLanguages("en"); // the picture's words are English; the local name is in the country's language
    for (const y of years) {
      for (const h of hd.getHolidays(y) || []) if (h.type === "public" && !names.has(h.date.slice(0, 10))) names.set(h.date.slice(0, 10), h.name);
    }
  }
  return names;
}

/** Instants where the zone's offset changes in [from, to): found per day, then narrowed to the millisecond. */
function dstChanges(zone: string, from: number, to: number): DstChange[] {
  const offset = (t: number) => DateTime.fromMillis(t, { zone }).offset;
  const text = (t: number) => DateTime.fromMillis(t, { zone }).toFormat("ZZ");
  const out: DstChange[] = [];
  for (let a = from; a < to; a += DAY) {
    const b = Math.min(a + DAY, to);
    if (offset(a) === offset(b)) continue;
    let lo = a;
    let hi = b;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offset(mid) === offset(a)) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, label: `${text(lo)} → ${text(hi)}` });
  }
  return out;
}

/** The range: local midnight before the first instant to local midnight after the last, at most {@link MAX_DAYS}. */
function rangeOf(zone: string, instants: readonly number[]): { from: number; to: number } {
  const first = Math.min(...instants);
  const last = Math.max(...instants);
  const from = DateTime.fromMillis(first, { zone }).startOf("day").toMillis();
  const end = DateTime.fromMillis(last, { zone }).plus({ minutes: 1 }).endOf("day").plus({ milliseconds: 1 }).toMillis();
  return { from, to: Math.min(end, DateTime.fromMillis(from, { zone }).plus({ days: MAX_DAYS }).toMillis()) };
}

function daysOf(zone: string, from: number, to: number, open: (a: number, b: number) => boolean, closedWhy: (date: string, weekday: number) => string): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (let d = DateTime.fromMillis(from, { zone }); d.toMillis() < to; d = d.plus({ days: 1 })) {
    const start = d.toMillis();
    const end = d.plus({ days: 1 }).toMillis();
    days.push({ start, end, label: d.toFormat("ccc d LLL"), closed: open(start, end) ? null : closedWhy(d.toISODate()!, d.weekday - 1) });
  }
  return days;
}

/** Everything the picture of `result` shows. `result` must carry traces (evaluated with `explain`). */
export function timelineModel(policy: PolicyIR, ticket: Ticket, result: TicketResult): TimelineModel {
  const traced = result.targets.find((t) => t.trace)?.trace;
  const zone = traced?.calendar.zone ?? policy.calendars[0]?.zone ?? "UTC";
  const calendarName = traced?.calendar.name ?? "";
  const calendarIr = traced ? calendarOf(policy, traced.calendar.name, zone) : null;
  const asOf = ms(result.asOf) ?? ticket.openedAtMs;

  const events: TimelineMark[] = [{ at: ticket.openedAtMs, label: "opened" }, ...ticket.events.filter((e) => e.atMs <= asOf).map((e) => ({ at: e.atMs, label: e.type === "reprioritize" ? `→ ${e.priority}` : e.type }))];
  const targets: TimelineTarget[] = result.targets.map((t) => {
    const pair = ([a, b]: readonly [string, string | null]): [number, number] => [ms(a)!, ms(b) ?? asOf];
    return {
      name: t.name,
      goal: t.goal,
      status: t.status,
      clause: t.trace?.clause?.text ?? null,
      calendar: t.trace?.calendar.name ?? "",
      segments: (t.trace?.segments ?? []).map(pair),
      pauses: (t.trace?.pauses ?? []).map(pair),
      due: ms(t.due),
      dueText: t.due,
      stoppedAt: ms(t.stoppedAt),
      countedMinutes: t.trace?.countedMinutes ?? null,
      reopens: (t.trace?.reopens ?? []).map((r) => ({ stoppedAt: ms(r.stoppedAt)!, resolvedAt: ms(r.resolvedAt)!, reopenedAt: ms(r.reopenedAt)! })),
    };
  });
  const escalations = result.escalations.map((e) => ({ at: ms(e.at)!, label: e.to }));

  const interesting = [ticket.openedAtMs, ...events.map((e) => e.at), ...escalations.map((e) => e.at), ...targets.flatMap((t) => [t.due, t.stoppedAt, ...t.segments.flat()]).filter((x): x is number => x !== null)];
  const lastInteresting = Math.max(...interesting);
  // `asOf` a month after the ticket closed would squeeze the picture: it is then only named.
  const asOfLater = asOf > lastInteresting + 2 * DAY;
  const { from, to } = rangeOf(zone, asOfLater ? interesting : [...interesting, asOf]);

  const calendar = calendarIr ? calendarFromIR(calendarIr) : null;
  const windows = calendar ? calendar.openIntervals(from, to) : [];
  const years = [...new Set([DateTime.fromMillis(from, { zone }).year, DateTime.fromMillis(to, { zone }).year])];
  const holidays = holidayNames(calendarIr, years);
  const closures = new Map(closingCalendars(calendarIr).flatMap((cal) => cal.closures.filter((c) => c.windows === null).map((c) => [c.date, c.origin.text.trim()] as const)));
  const closedWhy = (date: string, weekday: number): string =>
    holidays.get(date) ?? closures.get(date) ?? (calendarIr && calendarIr.week[weekday]!.length === 0 ? "closed" : "closed (yearly closure)");
  const days = daysOf(zone, from, to, (a, b) => (calendar ? calendar.openBetween(a, b) > 0 : true), closedWhy);

  return {
    title: `${result.id} · ${policy.title ?? policy.id}`,
    zone,
    calendarName,
    from,
    to,
    days,
    windows,
    events,
    targets,
    escalations,
    dst: dstChanges(zone, from, to),
    asOf,
    asOfLater,
  };
}
