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
 *   start (SPEC §2.11, retroactive).
 */
import type { Calendar } from "../../runtime/calendar.js";

export const MINUTE = 60_000;

export type RefEventType = "approve" | "pause" | "resume" | "respond" | "resolve" | "reprioritize";

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
}

export interface RefResult {
  startedAt: number | null;
  due: number | null;
  status: "met" | "breached" | "pending" | "paused";
  stoppedAt: number | null;
}

const ORDER: readonly RefEventType[] = ["approve", "reprioritize", "resume", "pause", "respond", "resolve"];

export function referenceClock(input: RefInput): RefResult {
  const events = input.events
    .filter((e) => e.at <= input.asOf)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || ORDER.indexOf(a.e.type) - ORDER.indexOf(b.e.type) || a.i - b.i)
    .map(({ e }) => e);

  // Pass 1: the states the events lead to (start, stop, priority in force at the stop).
  let started = input.startOn === "open" && input.openedAt <= input.asOf;
  let startedAt: number | null = started ? input.openedAt : null;
  let stoppedAt: number | null = null;
  let priority = input.priority;
  for (const e of events) {
    if (e.type === "reprioritize" && e.priority !== undefined) priority = e.priority;
    if (e.type === "approve" && input.startOn === "approve" && !started) {
      started = true;
      startedAt = e.at;
    }
    if ((e.type === "respond" || e.type === "resolve") && started) {
      stoppedAt = e.at;
      break;
    }
  }
  const goal = input.goals[priority]!;

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
      if (e.type === "pause") paused = true;
      if (e.type === "resume") paused = false;
      if (t === stoppedAt && (e.type === "respond" || e.type === "resolve")) stopped = true;
    }
    if (startedAt !== null && t >= startedAt) running = true;
    // After the stop the due is projected as if the clock had kept running; after asOf a paused
    // clock stays paused (nothing later is known).
    const counts = running && (stopped || !paused) && (input.elapsed || input.calendar.isOpen(t));
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
