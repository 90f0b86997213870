/**
 * Support days (issue 11 follow-up; HiveMQ "Response Time 3 days (within Support Hours)"):
 * `N support days` counts whole days of the calendar's support hours, so it is due at the same
 * open offset into the support day N business days after the start's, where `N business days`
 * (SPEC §2.7) is due at the close of that day. Design in three lines —
 *   the start's support day is the business day its clock first counts on (`nextOpen`); its
 *     offset is the open time of that day before the start (0 when it starts before the opening);
 *   offset 0: the close of the N-th support day counting the start's; else the instant N business
 *     days later when the same open time has passed since midnight, at most that day's close.
 * Only policies with such goals call it (two luxon midnights per evaluation, not on the hot path).
 */
import type { Calendar } from "./calendar.js";
import { addDays, midnightAfter } from "./settle-dates.js";

/** The local midnight that starts the business day containing `t` (an open instant or a close). */
function dayStart(calendar: Calendar, t: number): number {
  return midnightAfter(addDays(calendar.localDate(t), -1), calendar.zone);
}

/**
 * The due of `days` support days from a clock started at `start` (before pauses, which push it
 * by the paused open time like any business goal); `Infinity` when the calendar never opens.
 */
export function supportDaysDue(calendar: Calendar, start: number, days: number): number {
  const first = calendar.nextOpen(start);
  if (!Number.isFinite(first)) return Infinity;
  const offset = calendar.openBetween(dayStart(calendar, first), start);
  if (offset === 0) return days === 1 ? calendar.sameBusinessDayClose(first) : calendar.businessDayClose(first, days - 1);
  const close = calendar.businessDayClose(first, days);
  if (!Number.isFinite(close)) return Infinity;
  // The close may be the midnight ending its day (24:00): the day is the one of the instant before.
  return Math.min(calendar.addOpen(dayStart(calendar, close - 1), offset), close);
}
