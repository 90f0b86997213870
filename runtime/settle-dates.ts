/**
 * Local dates of a settlement (`YYYY-MM-DD` in the billing zone) and the calendar arithmetic the
 * contracts use: N days after, N months after (clamped to the month's end), end of month, day D
 * of the next month, started months between two dates.
 *
 * Design: a date stays the string it is written as (it is what results print), and is compared
 * and counted through its day number (days since 1970-01-01, proleptic Gregorian), computed with
 * integer arithmetic only. Input dates are bounded to the supported years (1900–2199, the years
 * of ticket instants), and every rule adds a bounded offset, so a derived date always has four
 * year digits and no loop depends on the distance between two dates.
 */
import { Decimal } from "decimal.js";
import { DateTime } from "luxon";
import { SUPPORTED_YEARS } from "./io.js";
import type { Dec } from "./settle-decimal.js";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1–12) of `year`, Gregorian. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Year, month and day of a `YYYY-MM-DD` text, or `null` when it is not a real calendar date. */
function partsOf(text: string): { y: number; m: number; d: number } | null {
  const match = DATE_RE.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d } : null;
}

/** True for a real calendar date written `YYYY-MM-DD` (any four-digit year). */
export function isLocalDate(text: string): boolean {
  return partsOf(text) !== null;
}

/** True for a real calendar date in the supported years 1900–2199. */
export function isSupportedDate(text: string): boolean {
  const p = partsOf(text);
  return p !== null && p.y >= SUPPORTED_YEARS.from && p.y <= SUPPORTED_YEARS.to;
}

/** The message for a date outside the supported years. */
export const SUPPORTED_DATE_MESSAGE = `must lie in the years ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}`;

/**
 * Days since 1970-01-01 of a date (H. Hinnant's `days_from_civil`), integers only. The caller
 * passes a validated date; an invalid one compares as day 0 rather than throwing.
 */
export function dayNumber(date: string): number {
  const p = partsOf(date);
  if (!p) return 0;
  const y = p.m <= 2 ? p.y - 1 : p.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (p.m + (p.m > 2 ? -3 : 9)) + 2) / 5) + p.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: string, b: string): number {
  return dayNumber(a) - dayNumber(b);
}
/** `a` is strictly before `b`. */
export const isBefore = (a: string, b: string): boolean => compareDates(a, b) < 0;
/** `a` is strictly after `b`. */
export const isAfter = (a: string, b: string): boolean => compareDates(a, b) > 0;

const day = (date: string): DateTime => DateTime.fromISO(date, { zone: "UTC" });
const iso = (d: DateTime): string => d.toISODate() ?? "invalid";

/** `date` plus `n` days. */
export function addDays(date: string, n: number): string {
  return iso(day(date).plus({ days: n }));
}
/** `date` plus `n` calendar months, clamped to the month's last day (01-31 + 1 month = 02-28). */
export function addMonths(date: string, n: number): string {
  return iso(day(date).plus({ months: n }));
}
/** The last day of `date`'s month. */
export function endOfMonth(date: string): string {
  return iso(day(date).endOf("month"));
}
/** `YYYY-MM` of a date: the key of a calendar month. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
/** Day `d` of the month after `date`'s month, clamped to that month's last day. */
export function dayOfNextMonth(date: string, d: number): string {
  const next = day(date).startOf("month").plus({ months: 1 });
  return iso(next.set({ day: Math.min(d, next.daysInMonth ?? 28) }));
}

/** The local date of an instant in `zone`. */
export function localDateOf(ms: number, zone: string): string {
  return iso(DateTime.fromMillis(ms, { zone }));
}
/** The instant of the local midnight that ends `date` in `zone` (start of the next day). */
export function midnightAfter(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf("day").toMillis();
}

/**
 * Started months from `due` to `paid`: the smallest n ≥ 1 with `paid` ≤ `due` + n months (month
 * ends clamped), 0 when `paid` is on or before `due`. Constant time: `due` + (calendar-month
 * difference) months is in `paid`'s month, so n is that difference or one more.
 */
export function startedMonthsLate(due: string, paid: string): number {
  if (!isAfter(paid, due)) return 0;
  const [d, p] = [partsOf(due), partsOf(paid)];
  if (!d || !p) return 0;
  const n = Math.max(1, (p.y - d.y) * 12 + p.m - d.m);
  return isAfter(paid, addMonths(due, n)) ? n + 1 : n;
}

/**
 * `date` plus a decimal number of months, as contracts write it ("2.5 months after the trial
 * start"). Reading chosen (SPEC §6 leaves it open): whole months first (calendar months, clamped
 * to the month's end), then the fraction as days of a 30-day month, rounded half up — so
 * 2.5 months after 2026-01-20 is 2026-03-20 + 15 days = 2026-04-04. The IR bounds the months.
 */
export function addDecimalMonths(date: string, months: Dec): string {
  const whole = months.floor();
  const days = months.minus(whole).times(30).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return addDays(addMonths(date, whole.toNumber()), days.toNumber());
}
