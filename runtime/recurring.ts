/**
 * Recurring obligations (issue 11.5): "while the case waits on us, we update the customer at least
 * every 4 business hours". Design in four lines:
 * - the target's clock walk (start, pauses, stop) is the one of any target (`clock.ts`);
 * - intervals follow each other on it: the first starts at the start, each `restart` event ends
 *   the running one (met if at or before its due) and starts the next;
 * - an interval whose due passes first is missed, and the next one starts at that due, so a
 *   silence of three goals is three misses; the stop (or `asOf`) ends the last interval;
 * - each due is the clock's counted time from the interval's start (`dueFromCounted` on the walk
 *   clipped there), so pauses and closed hours push it exactly as they push a one-shot due.
 */
import { dueFromCounted, type Budget, type ClockRun, type TimelineEvent } from "./clock.js";
import type { RecurringResult, TargetStatus, Trace } from "./io.js";

/** At most this many intervals per ticket: a year of hourly updates, with room to spare. */
export const MAX_INTERVALS = 10_000;

/** How one interval ended. `pending`/`paused`: still running at `asOf`. */
export type IntervalStatus = "met" | "missed" | "pending" | "paused";

/** One interval. Instants are epoch ms; `due` NaN while paused, `end` NaN while running. */
export interface RecurringInterval {
  readonly from: number;
  readonly due: number;
  /** The restart or stop that met it, or (missed) the due at which the next interval starts. */
  readonly end: number;
  readonly status: IntervalStatus;
}

/** The intervals of a recurring target over one ticket, in order. */
export interface RecurringRun {
  readonly intervals: RecurringInterval[];
  readonly misses: number;
  /** More intervals than {@link MAX_INTERVALS}: the list stops there. */
  readonly truncated: boolean;
}

/** The restart instants strictly after the start and at or before the stop, in order. */
export function restartInstants(timeline: readonly TimelineEvent[], restart: readonly string[], run: ClockRun): number[] {
  const out: number[] = [];
  for (const ev of timeline) {
    if (!(ev.atMs > run.start)) continue;
    if (run.stop === run.stop && ev.atMs > run.stop) break;
    if (restart.includes(ev.type) && out[out.length - 1] !== ev.atMs) out.push(ev.atMs);
  }
  return out;
}

/** The walk's running spans from `from` on: what an interval starting there counts. */
function clippedRun(run: ClockRun, from: number): ClockRun {
  const runs: number[] = [];
  for (let i = 0; i < run.runs.length; i += 2) {
    const b = run.runs[i + 1]!;
    if (b > from) runs.push(Math.max(run.runs[i]!, from), b);
  }
  const openFrom = run.openFrom === run.openFrom ? Math.max(run.openFrom, from) : NaN;
  return { ...run, runs, openFrom };
}

/**
 * The intervals of a started clock `run`. `restarts` are the restart instants
 * ({@link restartInstants}); `budgetAt` gives the goal's budget for an interval starting at an
 * instant (business days count from each interval's own start).
 */
export function walkRecurring(run: ClockRun, restarts: readonly number[], budgetAt: (from: number) => Budget, asOf: number): RecurringRun {
  const intervals: RecurringInterval[] = [];
  const stop = run.stop === run.stop ? run.stop : Infinity;
  let misses = 0;
  let next = 0;
  let from = run.start;
  while (intervals.length < MAX_INTERVALS) {
    while (next < restarts.length && restarts[next]! <= from) next++;
    const budget = budgetAt(from);
    const due = dueFromCounted(budget.meter, clippedRun(run, from), budget.ms);
    const end = Math.min(next < restarts.length ? restarts[next]! : Infinity, stop);
    // A due still unknown (NaN: paused before counting it) is not reached by any event.
    if (end <= due || (due !== due && end !== Infinity)) {
      // Met by a restart (the next interval starts there) or by the stop (the last interval).
      intervals.push({ from, due, end, status: "met" });
      if (end === stop) break;
      from = end;
      continue;
    }
    if (due === due && due < end && due < asOf) {
      misses++;
      intervals.push({ from, due, end: due, status: "missed" });
      // A zero goal would miss forever at one instant: one miss says it.
      if (!(due > from)) break;
      from = due;
      continue;
    }
    intervals.push({ from, due, end: NaN, status: due === due ? "pending" : "paused" });
    break;
  }
  return { intervals, misses, truncated: intervals.length >= MAX_INTERVALS };
}

/**
 * A recurring target's status and due: breached once an interval is missed (each missed interval
 * is a breach of the target, so credits and reports treat it as any breached target), else met
 * when stopped, else the running interval's. The due is the last interval's.
 */
export function recurringOutcome(run: ClockRun, rec: RecurringRun): { status: TargetStatus; due: number } {
  const last = rec.intervals[rec.intervals.length - 1]!;
  const status: TargetStatus = rec.misses > 0 ? "breached" : run.stop === run.stop ? "met" : last.status === "paused" ? "paused" : "pending";
  return { status, due: last.due };
}

/** The result's `recurring` summary: each interval's due, the first missed one, the misses. */
export function recurringResult(rec: RecurringRun, iso: (ms: number) => string): RecurringResult {
  const first = rec.intervals.find((i) => i.status === "missed");
  return {
    intervals: rec.intervals.length,
    dues: rec.intervals.map((i) => (Number.isFinite(i.due) ? iso(i.due) : null)),
    misses: rec.misses,
    firstMissed: first ? iso(first.due) : null,
    ...(rec.truncated ? { truncated: true as const } : {}),
  };
}

/** `--explain`: every interval, from its start to what ended it. */
export function recurringTrace(rec: RecurringRun, iso: (ms: number) => string): NonNullable<Trace["intervals"]> {
  return rec.intervals.map((i) => ({
    from: iso(i.from),
    due: Number.isFinite(i.due) ? iso(i.due) : null,
    end: Number.isFinite(i.end) ? iso(i.end) : null,
    status: i.status,
  }));
}
