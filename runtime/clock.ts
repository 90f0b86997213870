/**
 * The clock of a target or an escalation (SPEC §2.5–2.14): which spans of a ticket's life count,
 * and the one function that turns counted time into a due instant.
 *
 * A ticket's events are first put in application order (the timeline). Walking the timeline with
 * a clock rule gives the clock's running spans; a goal is then a budget of counted time
 * (milliseconds of open time, or of real time for elapsed goals) and the due is the instant at
 * which the running spans have counted that budget. Business days and same-business-day goals
 * become such a budget too (the open time from the start to their nominal close), which is how
 * SPEC §2.7–2.8 "pauses push it forward by the paused open time" falls out of SPEC §2.5.
 */
import { supportDaysDue } from "./support-days.js";
import type { Calendar } from "./calendar.js";
import type { ClockIR, EventKind, Goal } from "./ir.js";

/** How a goal counts time: a calendar's open time, or real time ({@link ELAPSED}). */
export interface Meter {
  openBetween(a: number, b: number): number;
  addOpen(t: number, ms: number): number;
  openIntervals(a: number, b: number): Array<[number, number]>;
}

/** Real time, 24×7 (SPEC §2.6): elapsed goals and elapsed escalation thresholds. */
export const ELAPSED: Meter = {
  openBetween: (a, b) => (b > a ? b - a : 0),
  addOpen: (t, ms) => (ms > 0 ? t + ms : t),
  openIntervals: (a, b) => (b > a ? [[a, b]] : []),
};

/**
 * One entry of a timeline: an event, or `open` at `openedAt`. `type` is a built-in kind or an
 * event the policy declares (`event escalation_requested`, issue 11).
 */
export interface TimelineEvent {
  readonly atMs: number;
  readonly type: EventKind | (string & {});
  readonly priority?: string | undefined;
}

/**
 * SPEC §2.12: order of simultaneous events; `open` precedes all (nothing can precede it), `reopen`
 * follows all. A
 * declared event ranks after `reprioritize` and before `resume` ({@link DECLARED_RANK}): it
 * usually starts a clock, which then runs on the priority just set.
 */
const RANK: Readonly<Record<string, number | undefined>> = {
  open: 0,
  approve: 1,
  reprioritize: 2,
  resume: 3,
  pause: 4,
  respond: 5,
  resolve: 6,
  // A reopening applies after a resolve at the same instant: it reopens what was just solved.
  reopen: 7,
};

/** Rank of a declared event among simultaneous ones. */
const DECLARED_RANK = 2.5;

const BIT: Readonly<Record<string, number | undefined>> = {
  open: 1,
  approve: 2,
  reprioritize: 4,
  resume: 8,
  pause: 16,
  respond: 32,
  resolve: 64,
};

function byTimeThenRank(a: TimelineEvent, b: TimelineEvent): number {
  return a.atMs - b.atMs || (RANK[a.type] ?? DECLARED_RANK) - (RANK[b.type] ?? DECLARED_RANK);
}

/**
 * The events at or before `asOf` in application order, `open` first (SPEC §2.12: events after
 * `asOf` are ignored, simultaneous ones apply approve, reprioritize, resume, pause, respond,
 * resolve; the sort is stable so repeated events keep their input order).
 */
export function buildTimeline(openedAtMs: number, events: readonly TimelineEvent[], asOf: number): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  if (openedAtMs <= asOf) out.push({ atMs: openedAtMs, type: "open" });
  let sorted = true;
  for (const ev of events) {
    if (!(ev.atMs <= asOf)) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && byTimeThenRank(prev, ev) > 0) sorted = false;
    out.push(ev);
  }
  if (!sorted) out.sort(byTimeThenRank);
  return out;
}

/** The priority in force after the whole timeline (SPEC §2.11: escalations and credit use it). */
export function priorityAt(timeline: readonly TimelineEvent[], initial: string | null): string | null {
  let p = initial;
  for (const ev of timeline) if (ev.type === "reprioritize" && ev.priority !== undefined) p = ev.priority;
  return p;
}

/** A clock rule as bit masks of event kinds, built once per policy. */
export interface ClockMasks {
  readonly start: number;
  readonly pause: number;
  readonly resume: number;
  readonly stop: number;
  /** Bits of the policy's declared events (issue 11); absent when it declares none. */
  readonly declared?: ReadonlyMap<string, number>;
  /** `reopen within …` (IR 13): how long after a `resolve` a `reopen` runs the stopped clock again. */
  readonly reopenWithinMs?: number;
}

/** The first bit free for declared events, and how many fit in a 31-bit mask. */
const FIRST_DECLARED_BIT = 128;
/** How many events a policy may declare: each takes a bit of the clock masks. */
export const MAX_DECLARED_EVENTS = 24;

/** Bits for a policy's declared events, in declaration order. */
export function declaredEventBits(names: readonly string[]): ReadonlyMap<string, number> {
  if (names.length > MAX_DECLARED_EVENTS) throw new RangeError(`a policy declares at most ${MAX_DECLARED_EVENTS} events`);
  return new Map(names.map((n, i) => [n, FIRST_DECLARED_BIT << i]));
}

function mask(kinds: readonly string[], declared: ReadonlyMap<string, number> | undefined): number {
  let m = 0;
  for (const k of kinds) m |= BIT[k] ?? declared?.get(k) ?? 0;
  return m;
}

/** A clock rule as masks; `declared` gives the bits of the policy's declared events. */
export function clockMasks(clock: ClockIR, declared?: ReadonlyMap<string, number>): ClockMasks {
  const masks = { start: mask(clock.start, declared), pause: mask(clock.pause, declared), resume: mask(clock.resume, declared), stop: mask(clock.stop, declared) };
  const reopen = clock.reopenWithinMs === undefined ? masks : { ...masks, reopenWithinMs: clock.reopenWithinMs };
  return declared && declared.size > 0 ? { ...reopen, declared } : reopen;
}

/** What a clock did over a timeline. Instants are epoch ms; NaN means "did not happen". */
export interface ClockRun {
  readonly start: number;
  readonly stop: number;
  /** Closed running spans, flat: `[from0, to0, from1, to1, …]`. */
  readonly runs: number[];
  /**
   * Where counting goes on after the timeline: the last running span's start, or the stop (a
   * stopped clock's due is projected as if it had kept running; SPEC §2.13 compares the stop with
   * it). NaN when paused at the end: the due is then not known.
   */
  readonly openFrom: number;
  readonly paused: boolean;
  /** Pauses while started, flat `[from, to]`; `to` is NaN while still paused. */
  readonly pauses: number[];
  /** The priority in force when the clock stopped, or at the end (SPEC §2.11). */
  readonly priority: string | null;
  /**
   * The reopenings that ran the stopped clock again (`reopen within`), in order, flat triples
   * `[stoppedAt, resolvedAt, reopenedAt, …]`: the stop the reopening undid, the `resolve` its
   * window was counted from, the `reopen`. Empty without reopenings; traces read it.
   */
  readonly reopens: readonly number[];
}

/** The reopenings of a clock that cannot reopen: never written to. */
const NO_REOPENS: number[] = [];

/**
 * Walk a clock rule over a timeline (SPEC §2.10, §2.11, §2.14). The paused state follows the
 * events from `open` on, started or not, so a clock started while paused waits for the resume. A
 * repeated pause or resume changes nothing. A stop before the start is ignored (nothing runs
 * yet: a clock started by `approve` is not stopped by an earlier `respond`); a stop also ends a
 * pause (a stop at the same instant as a pause wins) and is final unless the clock reopens.
 *
 * Reopening (`reopen within`, IR 13): a `reopen` at most `reopenWithinMs` after the ticket's last
 * `resolve` (with no reopening since) reopens the request; a stopped clock then runs again from
 * it, not paused, counting on from where it stopped (the time spent solved does not count). Any
 * other `reopen` is not a reopening and changes nothing. While stopped, start, pause, resume and
 * stop events are ignored; a reprioritize sets the priority a reopened clock runs on, and the
 * priority reported is the one in force at the last stop.
 */
export function walkClock(m: ClockMasks, timeline: readonly TimelineEvent[], priority: string | null): ClockRun {
  const runs: number[] = [];
  const pauses: number[] = [];
  const window = m.reopenWithinMs ?? NaN;
  // Only a clock that can reopen gets an array of its own: every target of every ticket walks one.
  const reopens: number[] = window === window ? [] : NO_REOPENS;
  let start = NaN;
  let stop = NaN;
  let runFrom = NaN;
  let pauseFrom = NaN;
  let paused = false;
  let stopPriority = priority;
  // The last `resolve` since the last reopening: a reopening is counted from it.
  let solvedAt = NaN;
  for (const ev of timeline) {
    const t = ev.atMs;
    // A declared event has no built-in bit: the policy's masks carry it (0 when unknown).
    const bit = BIT[ev.type] ?? m.declared?.get(ev.type) ?? 0;
    if (ev.type === "reprioritize" && ev.priority !== undefined) priority = ev.priority;
    if (window === window) {
      if (ev.type === "resolve") solvedAt = t;
      else if (ev.type === "reopen" && t - solvedAt <= window) {
        if (stop === stop) {
          reopens.push(stop, solvedAt, t);
          stop = NaN;
          runFrom = t;
          paused = false;
        }
        solvedAt = NaN;
        continue;
      }
    }
    if (stop === stop) continue;
    if (m.stop & bit && start === start) {
      if (runFrom === runFrom) runs.push(runFrom, t);
      if (paused) pauses.push(pauseFrom, t);
      stop = t;
      stopPriority = priority;
      // Without a reopening rule nothing can run the clock again.
      if (window === window) continue;
      break;
    }
    if (m.start & bit && start !== start) {
      start = t;
      if (paused) pauseFrom = t;
      else runFrom = t;
    }
    if (m.pause & bit) {
      if (!paused) {
        paused = true;
        pauseFrom = t;
        if (runFrom === runFrom) runs.push(runFrom, t);
        runFrom = NaN;
      }
    } else if (m.resume & bit && paused) {
      paused = false;
      if (start === start) {
        pauses.push(pauseFrom, t);
        runFrom = t;
      }
    }
  }
  const stopped = stop === stop;
  if (paused && !stopped && start === start) pauses.push(pauseFrom, NaN);
  return {
    start,
    stop,
    runs,
    openFrom: stopped ? stop : runFrom,
    paused: paused && !stopped,
    pauses,
    priority: stopped ? stopPriority : priority,
    reopens,
  };
}

/**
 * The one "due from counted time" of the runtime (SPEC §2.5–2.8): the earliest instant at which
 * the clock's running spans have counted `budget` ms on `meter`. A budget met exactly at a
 * window's close is due at that close (the calendar's `addOpen` contract). NaN when the clock is
 * paused before counting the budget; Infinity when the calendar never opens enough.
 */
export function dueFromCounted(meter: Meter, run: ClockRun, budget: number): number {
  let remaining = budget;
  const runs = run.runs;
  for (let i = 0; i < runs.length; i += 2) {
    const a = runs[i]!;
    const counted = meter.openBetween(a, runs[i + 1]!);
    if (remaining <= counted) return meter.addOpen(a, remaining);
    remaining -= counted;
  }
  return run.openFrom === run.openFrom ? meter.addOpen(run.openFrom, remaining) : NaN;
}

/** A goal as counted time: the meter it counts on and its budget in ms. */
export interface Budget {
  readonly meter: Meter;
  readonly ms: number;
}

/**
 * A goal's budget for a clock started at `start` on `calendar`, scaled by `scale` (escalations
 * at a share of a goal). Business days and same business day (SPEC §2.7, §2.8) are the open time
 * from the start to their nominal close, so pauses push them by the paused open time. `null` for
 * best effort / no SLA (SPEC §2.9).
 */
export function goalBudget(goal: Goal, calendar: Calendar, start: number, scale = 1): Budget | null {
  switch (goal.kind) {
    case "business":
      return { meter: calendar, ms: Math.round(goal.ms * scale) };
    case "elapsed":
      return { meter: ELAPSED, ms: Math.round(goal.ms * scale) };
    case "businessDays":
      return closeBudget(calendar, start, calendar.businessDayClose(start, goal.days), scale);
    case "sameBusinessDay":
      return closeBudget(calendar, start, calendar.sameBusinessDayClose(start), scale);
    case "supportDays":
      return closeBudget(calendar, start, supportDaysDue(calendar, start, goal.days), scale);
    case "none":
      return null;
  }
}

function closeBudget(calendar: Calendar, start: number, close: number, scale: number): Budget {
  const ms = Number.isFinite(close) ? calendar.openBetween(start, close) : Infinity;
  return { meter: calendar, ms: scale === 1 ? ms : Math.round(ms * scale) };
}

/**
 * Counted spans `[from, to)` of a run up to `end` (for traces): the running spans intersected
 * with the meter's open time.
 */
export function countedSegments(meter: Meter, run: ClockRun, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const spans = run.runs.slice();
  if (run.openFrom === run.openFrom && run.openFrom < end) spans.push(run.openFrom, end);
  for (let i = 0; i < spans.length; i += 2) {
    const a = spans[i]!;
    const b = Math.min(spans[i + 1]!, end);
    if (b > a) for (const seg of meter.openIntervals(a, b)) out.push(seg);
  }
  return out;
}
