/**
 * A calendar's open time as plain rows, for engines outside this process (the SQL compiler,
 * issue 15): the same per-year tables `calendar.ts` answers from, concatenated over a range of
 * local years.
 *
 * Design: one pass over the engine's own year tables (`calendarYears`) per year (so holidays, closures, openings and DST
 * edges are exactly the evaluator's), windows merged across New Year, a running total of open
 * time carried over years, and the business days with their closes. Not hot: called once per
 * calendar when a policy is compiled to SQL.
 */
import { calendarYears } from "./calendar.js";
import type { CalendarIR } from "./ir.js";

/** One open window `[fromMs, toMs)` with `cumMs`, the open time of the range before it. */
export interface OpenWindowRow {
  readonly fromMs: number;
  readonly toMs: number;
  readonly cumMs: number;
}

/** A business day (SPEC §2.7): the instant its local date starts, and its close. */
export interface BusinessDayRow {
  /** 0-based rank among the range's business days, in date order. */
  readonly ordinal: number;
  readonly dayStartMs: number;
  readonly closeMs: number;
}

/** A calendar's rows over local years `fromYear`..`toYear` (both included). */
export interface CalendarRows {
  /** Start of `fromYear`'s first local date and of the local date after `toYear` (exclusive end). */
  readonly startMs: number;
  readonly endMs: number;
  readonly windows: readonly OpenWindowRow[];
  readonly businessDays: readonly BusinessDayRow[];
}

/**
 * The open windows and business days of a calendar over local years `fromYear`..`toYear`. A
 * `24x7` calendar gives one window per merged run (its tables are 00:00–24:00 every day).
 * Throws, like `calendarFromIR`, on an unknown zone or holiday code.
 */
export function calendarRows(ir: CalendarIR, fromYear: number, toYear: number): CalendarRows {
  if (!(Number.isInteger(fromYear) && Number.isInteger(toYear) && fromYear <= toYear)) {
    throw new RangeError(`year range must be whole years, first <= last, got ${fromYear}-${toYear}`);
  }
  const build = calendarYears(ir);
  const from: number[] = [];
  const to: number[] = [];
  const businessDays: BusinessDayRow[] = [];
  let startMs = NaN;
  let endMs = NaN;
  for (let year = fromYear; year <= toYear; year++) {
    const y = build(year);
    if (year === fromYear) startMs = y.start;
    endMs = y.end;
    for (let i = 0; i < y.from.length; i++) {
      const a = y.from[i]!;
      const b = y.to[i]!;
      const last = to.length - 1;
      // Year tables do not merge across New Year; one table for the range should.
      if (last >= 0 && to[last]! >= a) to[last] = Math.max(to[last]!, b);
      else {
        from.push(a);
        to.push(b);
      }
    }
    for (let k = 0; k < y.bizDays.length; k++) {
      businessDays.push({ ordinal: businessDays.length, dayStartMs: y.dayStart[y.bizDays[k]!]!, closeMs: y.bizClose[k]! });
    }
  }
  const windows: OpenWindowRow[] = [];
  let cum = 0;
  for (let i = 0; i < from.length; i++) {
    windows.push({ fromMs: from[i]!, toMs: to[i]!, cumMs: cum });
    cum += to[i]! - from[i]!;
  }
  return { startMs, endMs, windows, businessDays };
}
