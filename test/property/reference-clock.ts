/**
 * A deliberately simple reference for a target's clock (SPEC §2.5, 2.6, 2.10–2.14): walk minute
 * by minute from `openedAt`, apply the events of each minute in the SPEC §2.12 order, and count
 * the minutes the clock runs while the calendar is open (`isOpen` at the minute's start). No
 * intervals, no budgets, no binary searches: slow on purpose, so it stays obviously right.
 *
 * All instants must be whole minutes and the calendar's windows whole minutes, so each minute is
 * open or closed as a whole. Readings shared with the runtime (documented in its report):
 * - a stop event before the clock started is ignored;
 * - after a stop the due is projected as if the clock had kept running from the stop;
 * - the goal is the one of the priority in force at the stop (or at `asOf`), counted from the
 *   start (SPEC §2.11, retroactive);
 * - with `reopenWithinMinutes` (`reopen within`), a `reopen` at most that long after the last
 *   `resolve` (none since) ends a stop: the minutes from the stop to the reopen do not count, the
 *   clock runs again unpaused, and only the last stop projects the due and judges the priority.
 */
import type { Calendar } from "../../runtime/calendar.js";

export const MINUTE = 60_000;

export type RefEventType = "approve" | "pause" | "resume" | "respond" | "resolve" | "reprioritize" | "reopen";

export interface RefEvent {
  readonly at: number;
  readonly type: RefEventType;
  readonly priority?: string;
}

export interface RefInput {
  readonly calendar: Pick<Calendar, "isOpen">;
  readonly openedAt: number;
  readonly events: readonly RefEvent[];
  readonly asOf: number;
  readonly priority: string;
  /** Goal per priority in ms; `elapsed` counts every minute instead of open minutes. */
  readonly goals: Readonly<Record<string, number>>;
  readonly elapsed: boolean;
  readonly startOn: "open" | "approve";
  /** Stop searching for the due after this many minutes (the due is then `null`). */
  readonly horizonMinutes: number;
  /** `reopen within`: how long after a `resolve` a `reopen` runs the stopped clock again. */
  readonly reopenWithinMinutes?: number;
}

export interface RefResult {
  startedAt: number | null;
  due: number | null;
  status: "met" | "breached" | "pending" | "paused";
  stoppedAt: number | null;
}

const ORDER: readonly RefEventType[] = ["approve", "reprioritize", "resume", "pause", "respond", "resolve", "reopen"];

export function referenceClock(input: RefInput): RefResult {
  const events = input.events
    .filter((e) => e.at <= input.asOf)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || ORDER.indexOf(a.e.type) - ORDER.indexOf(b.e.type) || a.i - b.i)
    .map(({ e }) => e);

  // Pass 1: the states the events lead to (start, stops and reopenings, priority in force at the
  // last stop).
  let started = input.startOn === "open" && input.openedAt <= input.asOf;
  let startedAt: number | null = started ? input.openedAt : null;
  let stoppedAt: number | null = null;
  let priority = input.priority;
  let stopPriority = priority;
  const window = input.reopenWithinMinutes === undefined ? null : input.reopenWithinMinutes * MINUTE;
  let solvedAt: number | null = null;
  /** Stopped spans `[stop, reopen]` that a reopening ended. */
  const gaps: Array<[number, number]> = [];
  for (const e of events) {
    if (e.type === "reprioritize" && e.priority !== undefined) priority = e.priority;
    if (window !== null && e.type === "resolve") solvedAt = e.at;
    if (window !== null && e.type === "reopen" && solvedAt !== null && e.at - solvedAt <= window) {
      solvedAt = null;
      if (stoppedAt !== null) gaps.push([stoppedAt, e.at]);
      stoppedAt = null;
      continue;
    }
    if (stoppedAt !== null) {
      if (window === null) break;
      continue;
    }
    if (e.type === "approve" && input.startOn === "approve" && !started) {
      started = true;
      startedAt = e.at;
    }
    if ((e.type === "respond" || e.type === "resolve") && started) {
      stoppedAt = e.at;
      stopPriority = priority;
    }
  }
  const goal = input.goals[stoppedAt !== null ? stopPriority : priority]!;
  const finalStop = stoppedAt;
  /** Stopped at minute `t` (after the events of `t`): in a reopened gap, or from the last stop on. */
  const inGap = (t: number) => gaps.some(([a, b]) => a <= t && t < b);
  /** Stopped when events at `t` apply, before a reopen at `t`: pause and resume then do nothing. */
  const stoppedBefore = (t: number) => gaps.some(([a, b]) => a < t && t <= b) || (finalStop !== null && t > finalStop);

  // Pass 2: minute by minute.
  let paused = false;
  let running = false;
  let stopped = false;
  let counted = 0;
  let due: number | null = null;
  let k = 0;
  for (let m = 0; m < input.horizonMinutes; m++) {
    const t = input.openedAt + m * MINUTE;
    while (!stopped && k < events.length && events[k]!.at === t) {
      const e = events[k++]!;
      if (e.type === "pause" && !stoppedBefore(t)) paused = true;
      if (e.type === "resume" && !stoppedBefore(t)) paused = false;
      // A reopening runs the clock again, unpaused.
      if (e.type === "reopen" && gaps.some(([, b]) => b === t)) paused = false;
      if (t === finalStop && (e.type === "respond" || e.type === "resolve")) stopped = true;
    }
    if (startedAt !== null && t >= startedAt) running = true;
    // After the stop the due is projected as if the clock had kept running; after asOf a paused
    // clock stays paused (nothing later is known). A reopened gap counts nothing.
    const counts = running && (stopped || (!paused && !inGap(t))) && (input.elapsed || input.calendar.isOpen(t));
    if (counts) counted += MINUTE;
    if (counted >= goal && counts) {
      due = t + MINUTE;
      break;
    }
    if (t >= input.asOf && !stopped && (paused || !running)) break;
  }

  let status: RefResult["status"];
  if (startedAt === null) status = "pending";
  else if (stoppedAt !== null) status = due !== null && stoppedAt <= due ? "met" : "breached";
  else if (due !== null && input.asOf > due) status = "breached";
  else status = paused ? "paused" : "pending";
  return { startedAt, due: status === "paused" || startedAt === null ? null : due, stoppedAt, status };
}
