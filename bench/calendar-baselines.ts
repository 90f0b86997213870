/**
 * The ways users add business time today, for the benchmark's comparison: moment-business-time
 * with moment-timezone, and a plain luxon day-by-day walk. Deliberately written the way a user
 * would write them (no precomputation).
 */
import { createRequire } from "node:module";
import { DateTime } from "luxon";
import type { CalendarIR } from "../runtime/ir.js";

const require = createRequire(import.meta.url);

type MomentLike = {
  tz(t: number, zone: string): { addWorkingTime(n: number, unit: string): { valueOf(): number } };
  updateLocale(locale: string, spec: unknown): void;
};

/** moment-business-time configured with a calendar's weekly hours and a list of holidays. */
export function momentAdder(cal: CalendarIR, holidays: readonly string[]): (t: number, ms: number) => number {
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

/** A luxon walk: day by day, window by window, in the calendar's zone. */
export function luxonWalkAdder(cal: CalendarIR, holidays: ReadonlySet<string>): (t: number, ms: number) => number {
  return (t, ms) => {
    let left = ms;
    let day = DateTime.fromMillis(t, { zone: cal.zone }).startOf("day");
    for (let i = 0; i < 3660; i++) {
      const date = day.toISODate()!;
      if (!holidays.has(date)) {
        for (const w of cal.week[day.weekday - 1]!) {
          const from = Math.max(t, day.plus({ minutes: w.from }).toMillis());
          const to = day.plus({ minutes: w.to }).toMillis();
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
