/**
 * Calendars as contracts write them (issue 11.6): date ranges (`closed 2026-12-29 to 2027-01-03`),
 * yearly closures (`closed every Dec 24 from 14:00`) and a vendor's own holiday rules
 * (`holiday "Thanksgiving" fourth Thu of Nov`, `… Jul 4 observed nearest weekday`, `… day after
 * fourth Thu of Nov`), checked and
 * lowered to the calendar IR. A range becomes one closure per date (the runtime's per-year tables
 * take dates), so it is capped at a year; yearly rules stay rules and are resolved per year.
 */
import { DateTime } from "luxon";
import type { Window, YearlyClosureIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Days of each month in a leap year: `Feb 29` exists (in leap years), `Feb 30` never. */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Saturday and Sunday (0 = Monday). */
const WEEKEND = [5, 6];
/** Longest range written as one clause: a longer closure is a different calendar, not a break. */
const MAX_RANGE_DAYS = 366;

/** The dates `from`…`until` (inclusive) of a range, or null after reporting why not. */
export function rangeDates(ctx: CheckContext, from: A.Lit<string>, until: A.Lit<string>, span: A.Decl["span"]): string[] | null {
  const a = DateTime.fromISO(from.value, { zone: "UTC" });
  const b = DateTime.fromISO(until.value, { zone: "UTC" });
  const days = Math.round(b.diff(a, "days").days);
  if (days < 0) {
    ctx.diagnostics.error("SLA209", span, `range \`${from.value} to ${until.value}\` ends before it starts`, {
      help: "write the first closed date, then `to`, then the last closed date",
    });
    return null;
  }
  if (days >= MAX_RANGE_DAYS) {
    ctx.diagnostics.error("SLA209", span, `range \`${from.value} to ${until.value}\` is longer than a year`, {
      help: "a closure this long is a change of calendar: write a second calendar, or split the range",
    });
    return null;
  }
  const out: string[] = [];
  for (let d = 0; d <= days; d++) out.push(a.plus({ days: d }).toISODate()!);
  return out;
}

/** `Feb 30`, `Apr 31`: a date no year has. Feb 29 is allowed (it closes in leap years only). */
function checkYearDay(ctx: CheckContext, day: A.YearDay): YearlyClosureIR["day"] | null {
  const month = day.month.value;
  const after = day.dayAfter ? { dayAfter: true as const } : {};
  if (day.kind === "nth") return { kind: "nth", month, weekday: day.weekday.value, nth: day.nth.value, ...after };
  const max = MAX_DAYS[month - 1]!;
  if (day.day.value < 1 || day.day.value > max || !Number.isInteger(day.day.value)) {
    const written = ctx.file.text.slice(day.span.start, day.span.end);
    ctx.diagnostics.error("SLA208", day.span, `\`${written}\` never occurs`, {
      help: `${MONTH_NAMES[month - 1]} has ${month === 2 ? "28 days (29 in leap years)" : `${max} days`}; for the month's last days write e.g. \`last Fri of ${MONTH_NAMES[month - 1]}\``,
    });
    return null;
  }
  return { kind: "date", month, day: day.day.value, ...after };
}

/** `observed … when on Sat, Sun`: only weekend dates move, so other weekdays are refused. */
function checkObserved(ctx: CheckContext, observed: A.Observed, expand: (r: readonly A.DayRange[]) => number[]): YearlyClosureIR["observed"] | null {
  const on = observed.on.length > 0 ? expand(observed.on) : WEEKEND;
  const weekdays = on.filter((d) => !WEEKEND.includes(d));
  if (weekdays.length > 0) {
    ctx.diagnostics.error("SLA210", observed.span, "only a date on `Sat` or `Sun` is observed on another day", {
      help: "write `observed nearest weekday`, or restrict it to the weekend days that move: `when on Sun`",
    });
    return null;
  }
  return { mode: observed.mode, on: [...on].sort((a, b) => a - b) };
}

/**
 * Check and lower one yearly item. `windows` are the closed parts (already checked by the
 * caller, `null` for the whole date).
 */
export function lowerYearly(
  ctx: CheckContext,
  item: Extract<A.CalendarItem, { kind: "yearly" }>,
  windows: Window[] | null,
  expand: (r: readonly A.DayRange[]) => number[],
): YearlyClosureIR | null {
  if (!item.day) return null;
  const day = checkYearDay(ctx, item.day);
  const observed = item.observed ? checkObserved(ctx, item.observed, expand) : null;
  if (!day || (item.observed && !observed)) return null;
  return { name: item.name?.value ?? null, holiday: item.holiday, day, observed, windows, origin: sourceRef(ctx, item.span) };
}
