/**
 * A deliberately simple reference for recurring obligations (issue 11.5): walk minute by minute
 * from `openedAt`, apply each minute's events in the SPEC §2.12 order (declared events before
 * `resume`), and count the minutes the clock runs while the calendar is open. The first `respond`
 * opens the first interval; a `respond` or `update` ends the open interval (met) and opens the
 * next; when an interval has counted its goal and the minute of its due arrives with no such
 * event, it is missed and the next interval opens at that due; `resolve` ends the last one.
 *
 * Readings shared with the runtime (docs/language.md "Recurring obligations"): an event at the very
 * instant of the due meets it; a due at `asOf` is not yet missed; an update at the instant of the
 * stop opens no empty interval; a met interval shows the due it would have had (after the stop
 * the clock counts on, after `asOf` a paused clock stays paused). Instants and windows must be
 * whole minutes.
 */
import type { Calendar } from "../../runtime/calendar.js";

export const MINUTE = 60_000;

export type RecEventType = "update" | "pause" | "resume" | "respond" | "resolve";

export interface RecEvent {
  readonly at: number;
  readonly type: RecEventType;
}

export interface RecInput {
  readonly calendar: Pick<Calendar, "isOpen">;
  readonly openedAt: number;
  readonly events: readonly RecEvent[];
  readonly asOf: number;
  /** The goal of every interval, in ms; `elapsed` counts every minute instead of open minutes. */
  readonly goal: number;
  readonly elapsed: boolean;
  readonly horizonMinutes: number;
}

export interface RecInterval {
  from: number;
  due: number | null;
  status: "met" | "missed" | "pending" | "paused";
}

const ORDER: readonly RecEventType[] = ["update", "resume", "pause", "respond", "resolve"];

export function referenceRecurring(input: RecInput): RecInterval[] {
  const events = input.events
    .filter((e) => e.at <= input.asOf)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || ORDER.indexOf(a.e.type) - ORDER.indexOf(b.e.type) || a.i - b.i)
    .map(({ e }) => e);
  const out: RecInterval[] = [];
  let open: { from: number; counted: number; due: number | null } | null = null;
  let started = false;
  let paused = false;
  let k = 0;
  const close = (status: RecInterval["status"]) => {
    // A met interval shows the due it had: counted on from its start as if nothing had met it.
    const due = open!.due ?? (status === "met" ? projectedDue(input, events, open!.from) : null);
    out.push({ from: open!.from, due, status });
    open = null;
  };
  for (let m = 0; m < input.horizonMinutes; m++) {
    const t = input.openedAt + m * MINUTE;
    while (k < events.length && events[k]!.at === t) {
      const e = events[k++]!;
      if (e.type === "pause") paused = true;
      else if (e.type === "resume") paused = false;
      else if (e.type === "resolve") {
        if (!started) continue;
        // An update at this very instant already ended the last interval.
        if (open && open.from === t && out.length > 0 && out[out.length - 1]!.status === "met") open = null;
        if (open) close("met");
        return out;
      } else if (e.type === "respond" && !started) {
        started = true;
        open = { from: t, counted: 0, due: null };
      } else if (started && open && open.from !== t) {
        close("met");
        open = { from: t, counted: 0, due: null };
      }
    }
    if (open && open.due === t) {
      if (t >= input.asOf) {
        close("pending");
        return out;
      }
      close("missed");
      open = { from: t, counted: 0, due: null };
    }
    if (t >= input.asOf && open && paused) {
      close("paused");
      return out;
    }
    if (t >= input.asOf && !open) return out;
    if (open && !paused && (input.elapsed || input.calendar.isOpen(t))) {
      open.counted += MINUTE;
      if (open.counted === input.goal) open.due = t + MINUTE;
    }
  }
  if (open) close("pending");
  return out;
}

/** The due of an interval opened at `from`, counting on through later updates (a second, separate walk). */
function projectedDue(input: RecInput, events: readonly RecEvent[], from: number): number | null {
  let paused = false;
  let stopped = false;
  let started = false;
  let counted = 0;
  let k = 0;
  for (let m = 0; m < input.horizonMinutes; m++) {
    const t = input.openedAt + m * MINUTE;
    while (k < events.length && events[k]!.at === t) {
      const e = events[k++]!;
      if (e.type === "pause") paused = true;
      if (e.type === "resume") paused = false;
      if (e.type === "respond") started = true;
      if (e.type === "resolve" && started) stopped = true;
    }
    if (t >= input.asOf && paused && !stopped) return null;
    if (t >= from && (stopped || !paused) && (input.elapsed || input.calendar.isOpen(t))) {
      counted += MINUTE;
      if (counted === input.goal) return t + MINUTE;
    }
  }
  return null;
}
