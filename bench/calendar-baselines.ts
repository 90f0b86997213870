/**
 * The ways users add business time today, for the benchmark's comparison: moment-business-time
 * with moment-timezone, and a plain luxon day-by-day walk. Written the way a user would write
 * them (no precomputation), given the same holidays as the engine, and checked against the
 * engine's answers on the same inputs before any of them is timed ({@link crossCheck}).
 */
import { createRequire } from "node:module";
import Holidays from "date-holidays";
import { DateTime } from "luxon";
import type { CalendarIR } from "../runtime/ir.js";

const require = createRequire(import.meta.url);
const DAY_MS = 86_400_000;

type MomentLike = {
  tz(t: number, zone: string): { addWorkingTime(n: number, unit: string): { valueOf(): number } };
  updateLocale(locale: string, spec: unknown): void;
};

/** An "add business time" function: the instant after `ms` of open time from `t`. */
export type Adder = (t: number, ms: number) => number;

/**
 * The local dates a calendar's holidays close in `years` (SPEC §2.4: public entries, the
 * entry's date and, for entries spanning days, the following dates), for the peers' lists.
 */
export function holidayDates(cal: CalendarIR, years: readonly number[]): string[] {
  const dates = new Set<string>();
  for (const h of cal.holidays) {
    const hd = h.region ? new Holidays(h.country, h.region) : new Holidays(h.country);
    for (const y of years) {
      for (const e of hd.getHolidays(y) || []) {
        if (e.type !== "public") continue;
        const days = Math.max(1, Math.round((e.end.getTime() - e.start.getTime()) / DAY_MS));
        const first = Date.parse(`${e.date.slice(0, 10)}T00:00:00Z`);
        for (let i = 0; i < days; i++) dates.add(new Date(first + i * DAY_MS).toISOString().slice(0, 10));
      }
    }
  }
  return [...dates].sort();
}

/**
 * moment-business-time configured with a calendar's weekly hours and holidays. Known
 * difference, left as users meet it: moment cannot write `24:00`, so a window ending at
 * midnight ends at 23:59 (the cross-check counts those answers as disagreements).
 */
export function momentAdder(cal: CalendarIR, holidays: readonly string[]): Adder {
  const moment = require("moment-business-time") as MomentLike;
  require("moment-timezone");
  const pad = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}:00`;
  const workinghours: Record<number, string[] | null> = {};
  for (let d = 0; d < 7; d++) {
    const windows = cal.week[(d + 6) % 7]!; // moment: 0 = Sunday; IR: 0 = Monday
    workinghours[d] = windows.length === 0 ? null : windows.flatMap((w) => [pad(w.from), pad(Math.min(w.to, 1439))]);
  }
  moment.updateLocale("en", { workinghours, holidays: [...holidays] });
  return (t, ms) => moment.tz(t, cal.zone).addWorkingTime(ms / 60_000, "minutes").valueOf();
}

/**
 * A luxon walk: day by day, window by window, in the calendar's zone. Window edges are set as
 * wall times (`set({ hour, minute })`), not as minutes after midnight: on a DST day 09:00 is not
 * 540 minutes after midnight (the first version of this peer got those days wrong).
 */
export function luxonWalkAdder(cal: CalendarIR, holidays: ReadonlySet<string>): Adder {
  const at = (day: DateTime, minutes: number): number =>
    (minutes === 1440 ? day.plus({ days: 1 }) : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })).toMillis();
  return (t, ms) => {
    let left = ms;
    let day = DateTime.fromMillis(t, { zone: cal.zone }).startOf("day");
    for (let i = 0; i < 3660; i++) {
      if (!holidays.has(day.toISODate()!)) {
        for (const w of cal.week[day.weekday - 1]!) {
          const from = Math.max(t, at(day, w.from));
          const to = at(day, w.to);
          if (to <= from) continue;
          if (to - from >= left) return from + left;
          left -= to - from;
        }
      }
      day = day.plus({ days: 1 });
    }
    return Number.NaN;
  };
}

/** How a peer's answers compare with ours on the same inputs. */
export interface Agreement {
  /** Indexes of the inputs where the peer gives our answer. */
  readonly agreed: number[];
  /** The first few disagreements, as `start + duration: ours vs peer` lines in the calendar's zone. */
  readonly examples: string[];
  readonly total: number;
}

/** Runs `ours` and `peer` on every input and keeps the indexes where both give the same instant. */
export function crossCheck(zone: string, ours: Adder, peer: Adder, starts: Float64Array, durations: Float64Array, maxExamples = 3): Agreement {
  const agreed: number[] = [];
  const examples: string[] = [];
  const local = (t: number) => (Number.isFinite(t) ? DateTime.fromMillis(t, { zone }).toISO({ suppressMilliseconds: true }) : String(t));
  for (let i = 0; i < starts.length; i++) {
    const a = ours(starts[i]!, durations[i]!);
    const b = peer(starts[i]!, durations[i]!);
    if (a === b) agreed.push(i);
    else if (examples.length < maxExamples) examples.push(`${local(starts[i]!)} + ${durations[i]! / 60_000} min: sla ${local(a)}, peer ${local(b)}`);
  }
  return { agreed, examples, total: starts.length };
}
