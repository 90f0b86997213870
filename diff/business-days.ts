/**
 * Calendars with the same open time in different zones (issue 13, IR 16): a follow-the-sun
 * calendar moved from `zone "UTC"` to `zone "Australia/Sydney"` keeps every open hour, but its
 * business days become the new zone's local dates, so a goal in business days (`next business
 * day`, `same business day`) falls due at other closes, and every result is written in the new
 * zone.
 *
 * Design: both engines are asked the due of `1 business day` and of `same business day` (those
 * of the two the policies use) for an opening at every quarter hour of the horizon (every zone's offset is a whole number of quarter
 * hours, so no run of moved openings is missed); the runs where the answers differ are counted
 * and the first few given as examples. Not hot: only for pairs whose open time is identical.
 */
import { calendarFromIR, type Calendar } from "../runtime/calendar.js";
import type { CalendarIR } from "../runtime/ir.js";
import { change } from "./cite.js";
import { isoUtc, type Horizon } from "./horizon.js";
import type { Change, Effect } from "./model.js";

const QUARTER_HOUR_MS = 900_000;
/** Examples of moved dues a change lists. */
const EXAMPLES = 3;

/** How the dues of goals in business days move from one calendar to the other over the horizon. */
export interface BusinessDayMoves {
  /** Quarter hours of the horizon whose openings get another due. */
  readonly moved: number;
  readonly sampled: number;
  readonly earlier: boolean;
  readonly later: boolean;
  /** The first opening of each of the first runs of moved openings, with both dues. */
  readonly examples: ReadonlyArray<{ readonly opened: number; readonly goal: string; readonly was: number; readonly now: number }>;
}

/** The goal kinds whose dues stand on business days. */
export type DayGoalKind = "businessDays" | "sameBusinessDay";

/** Each kind's goal as asked of both engines, and how a change names it. */
const GOALS: Readonly<Record<DayGoalKind, readonly [string, (c: Calendar, t: number) => number]>> = {
  businessDays: ["1 business day", (c, t) => c.businessDayClose(t, 1)],
  sameBusinessDay: ["same business day", (c, t) => c.sameBusinessDayClose(t)],
};

/** The dues of goals of `kinds` that move from `a` to `b`, for openings over the horizon. */
export function businessDayMoves(a: CalendarIR, b: CalendarIR, h: Horizon, kinds: ReadonlySet<DayGoalKind>): BusinessDayMoves {
  const goals = [...kinds].sort().map((k) => GOALS[k]);
  const x = calendarFromIR(a);
  const y = calendarFromIR(b);
  let moved = 0;
  let sampled = 0;
  let earlier = false;
  let later = false;
  let inRun = false;
  const examples: Array<BusinessDayMoves["examples"][number]> = [];
  for (let t = h.from; t < h.to; t += QUARTER_HOUR_MS) {
    sampled++;
    let differs = false;
    for (const [goal, due] of goals) {
      const was = due(x, t);
      const now = due(y, t);
      if (was === now) continue;
      differs = true;
      if (now < was) earlier = true;
      else later = true;
      if (!inRun && examples.length < EXAMPLES) examples.push({ opened: t, goal, was, now });
    }
    if (differs) moved++;
    inRun = differs;
  }
  return { moved, sampled, earlier, later, examples };
}

const instant = (ms: number): string => (Number.isFinite(ms) ? isoUtc(ms) : "never");

/**
 * The change of a calendar whose open time is the same over the horizon but whose zone is not:
 * where goals in business days count on it (`dayGoals`), the dues that move; otherwise (or
 * when none moves) a neutral change, as results are written in the new zone.
 */
export function zoneOnlyChange(a: CalendarIR, b: CalendarIR, subject: string, h: Horizon, dayGoals: ReadonlySet<DayGoalKind>): Change {
  const zone = `zone ${a.zone} → ${b.zone}`;
  const moves = dayGoals.size > 0 ? businessDayMoves(a, b, h, dayGoals) : null;
  if (!moves || moves.moved === 0) {
    return change("calendar", subject, `same open time and business days, results written in ${b.zone} (was ${a.zone})`, "neutral", a.origin, b.origin, [zone]);
  }
  const effect: Effect = moves.earlier && moves.later ? "mixed" : moves.earlier ? "stricter" : "looser";
  // Floored (at least 1): "100 %" only when every opening moves.
  const share = moves.moved === moves.sampled ? "every opening" : `openings in ${Math.max(1, Math.floor((100 * moves.moved) / moves.sampled))} %`;
  const summary = `same open time, but business days are now local dates of ${b.zone} (was ${a.zone}): goals in business days fall due at another close for ${share} of the horizon`;
  const examples = moves.examples.map((e) => `opened ${isoUtc(e.opened)}: ${e.goal} due ${instant(e.was)} → ${instant(e.now)} (${e.now < e.was ? "earlier" : "later"})`);
  return change("calendar", subject, summary, effect, a.origin, b.origin, [zone, ...examples]);
}
