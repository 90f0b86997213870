/**
 * The calendar engine (SPEC §2): open time, business durations and business days of a calendar.
 *
 * Design: per local year (lazily, cached) `calendar-year.ts` builds sorted, merged open intervals
 * as epoch-ms numbers with prefix sums of open time. Every query is then one or two binary
 * searches over Float64Arrays: no luxon, no allocation on the hot path (`isOpen`, `openBetween`,
 * `addOpen`, `nextOpen`). Queries that run past a year's end continue in the next year's table.
 */
import { IANAZone } from "luxon";
import type { CalendarIR } from "./ir.js";
import { buildCalendarYear, buildUnionYear, isoDate, rulesFromIR, type CalendarYear } from "./calendar-year.js";
import { isKnownZone } from "./zone-offsets.js";

/**
 * A compiled calendar. Instants are epoch ms and must be finite (a `RangeError` otherwise);
 * `Infinity` is returned where the calendar has no open time for 20 years.
 */
export interface Calendar {
  readonly name: string;
  /** IANA zone of the calendar's wall-clock windows. */
  readonly zone: string;
  /** `union`: open during other calendars (`open during …`), whatever their zones. */
  readonly kind: "hours" | "always" | "days" | "union";
  /** true when instant t (epoch ms) lies in an open window [from, to). */
  isOpen(t: number): boolean;
  /** Open milliseconds in [a, b) (0 if b <= a). */
  openBetween(a: number, b: number): number;
  /**
   * Earliest instant u >= t with openBetween(t, u) === ms (SPEC §2.5: a goal ending exactly at a
   * window's close is due at that close, not at the next opening). addOpen(t, 0) === t; so is
   * any ms <= 0.
   */
  addOpen(t: number, ms: number): number;
  /** Earliest instant >= t that is open (t itself when open). Returns Infinity if nothing opens within 20 years. */
  nextOpen(t: number): number;
  /** Close (end of last open window) of the n-th business day strictly after the local date containing t (SPEC §2.7). n >= 1. */
  businessDayClose(t: number, n: number): number;
  /** SPEC §2.8: close of t's local date when that date is a business day and t is before its close; else close of the next business day. */
  sameBusinessDayClose(t: number): number;
  /** Local date (YYYY-MM-DD in the calendar's zone) of t: for hovers/traces, not hot. */
  localDate(t: number): string;
  /** Whether a local date `YYYY-MM-DD` has open time (SPEC §2.2): for hovers/traces, not hot. */
  isBusinessDay(date: string): boolean;
  /** Open intervals [from, to) (epoch ms) intersecting [a, b), clipped and merged: for --explain traces. */
  openIntervals(a: number, b: number): Array<[number, number]>;
}

/** How far searches for open time look before giving up with Infinity. */
const SEARCH_YEARS = 20;
/** Mean Gregorian year: a first guess of an instant's year, corrected against the tables. */
const MEAN_YEAR_MS = 31_556_952_000;

/** First index k in [lo, hi) with arr[k] > x (hi when none). */
function upperBound(arr: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index k in [lo, hi) with arr[k] >= x (hi when none). */
function lowerBound(arr: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open ms of year `y` before instant x (x within the year). */
function openBefore(y: CalendarYear, x: number): number {
  const n = y.to.length;
  const i = upperBound(y.to, x, 0, n);
  if (i === n) return y.cum[n]!;
  const f = y.from[i]!;
  return y.cum[i]! + (x > f ? x - f : 0);
}

/** Index of the local date of year `y` containing instant t. */
function dayIndex(y: CalendarYear, t: number): number {
  return upperBound(y.dayStart, t, 0, y.dayStart.length) - 1;
}

function finite(t: number, what: string): number {
  if (!Number.isFinite(t)) throw new RangeError(`${what} must be a finite epoch-ms instant, got ${t}`);
  return t;
}

/** Sentinel "last used year" that no instant matches, so the first query takes the slow path. */
const NO_YEAR: CalendarYear = {
  year: NaN,
  start: Infinity,
  end: -Infinity,
  from: new Float64Array(0),
  to: new Float64Array(0),
  cum: new Float64Array(1),
  dayStart: new Float64Array(0),
  dayClose: new Float64Array(0),
  bizDays: new Float64Array(0),
  bizClose: new Float64Array(0),
};

/**
 * Calendars with weekly hours (`hours`), days-only calendars (`days`: 00:00–24:00 windows) and
 * calendars open during others (`union`): every query is answered from year tables.
 */
class TableCalendar implements Calendar {
  private readonly years = new Map<number, CalendarYear>();
  /** The last year looked up: consecutive queries nearly always hit it. */
  private last: CalendarYear = NO_YEAR;

  constructor(
    readonly name: string,
    readonly zone: string,
    readonly kind: Calendar["kind"],
    private readonly build: (year: number) => CalendarYear,
  ) {}

  /** The (cached) tables of a local year. */
  protected table(year: number): CalendarYear {
    let y = this.years.get(year);
    if (!y) {
      y = this.build(year);
      this.years.set(year, y);
    }
    return y;
  }

  /** The tables of the local year containing instant t. */
  protected yearOf(t: number): CalendarYear {
    const last = this.last;
    if (t >= last.start && t < last.end) return last;
    let y = this.table(1970 + Math.floor(finite(t, "instant") / MEAN_YEAR_MS));
    while (t < y.start) y = this.table(y.year - 1);
    while (t >= y.end) y = this.table(y.year + 1);
    this.last = y;
    return y;
  }

  isOpen(t: number): boolean {
    const y = this.yearOf(t);
    const i = upperBound(y.to, t, 0, y.to.length);
    return i < y.to.length && y.from[i]! <= t;
  }

  openBetween(a: number, b: number): number {
    if (!(b > a)) return 0;
    let y = this.yearOf(a);
    if (b <= y.end) return openBefore(y, b) - openBefore(y, a);
    finite(b, "end instant");
    let sum = y.cum[y.to.length]! - openBefore(y, a);
    for (;;) {
      y = this.table(y.year + 1);
      if (b <= y.end) return sum + openBefore(y, b);
      sum += y.cum[y.to.length]!;
    }
  }

  addOpen(t: number, ms: number): number {
    if (!(ms > 0)) return t;
    if (ms === Infinity) return Infinity;
    let y = this.yearOf(t);
    let remaining = ms;
    let idleYears = 0;
    for (;;) {
      const n = y.to.length;
      const i = upperBound(y.to, t, 0, n);
      if (i < n) {
        const cum = y.cum;
        const f = y.from[i]!;
        // Open time of this year already behind t, plus what is still to count.
        const target = cum[i]! + (t > f ? t - f : 0) + remaining;
        if (target <= cum[n]!) {
          // The interval j where the count reaches target: the first with cum[j + 1] >= target,
          // so a target met exactly at a close answers that close (SPEC §2.5).
          const j = lowerBound(cum, target, i + 1, n + 1) - 1;
          return y.from[j]! + (target - cum[j]!);
        }
        remaining = target - cum[n]!;
        idleYears = 0;
      } else if (++idleYears > SEARCH_YEARS) {
        return Infinity;
      }
      t = y.end;
      y = this.table(y.year + 1);
    }
  }

  nextOpen(t: number): number {
    let y = this.yearOf(t);
    for (let k = 0; k <= SEARCH_YEARS; k++) {
      const n = y.to.length;
      const i = upperBound(y.to, t, 0, n);
      if (i < n) {
        const f = y.from[i]!;
        return f > t ? f : t;
      }
      y = this.table(y.year + 1);
    }
    return Infinity;
  }

  businessDayClose(t: number, n: number): number {
    if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`business day count must be an integer >= 1, got ${n}`);
    let y = this.yearOf(t);
    // Business days strictly after t's date (SPEC §2.7: the start day never counts).
    let p = upperBound(y.bizDays, dayIndex(y, t), 0, y.bizDays.length);
    let idleYears = 0;
    for (;;) {
      const count = y.bizDays.length;
      if (p + n - 1 < count) return y.bizClose[p + n - 1]!;
      if (count > p) idleYears = 0;
      else if (++idleYears > SEARCH_YEARS) return Infinity;
      n -= count - p;
      p = 0;
      y = this.table(y.year + 1);
    }
  }

  sameBusinessDayClose(t: number): number {
    const y = this.yearOf(t);
    const close = y.dayClose[dayIndex(y, t)]!;
    // NaN (not a business day) fails the comparison too (SPEC §2.8).
    return t < close ? close : this.businessDayClose(t, 1);
  }

  localDate(t: number): string {
    const y = this.yearOf(t);
    return isoDate(y.year, dayIndex(y, t));
  }

  isBusinessDay(date: string): boolean {
    const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
    // The round trip rejects dates Date.parse would roll over (2026-02-30).
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
      throw new RangeError(`not a date YYYY-MM-DD: "${date}"`);
    }
    const year = Number(date.slice(0, 4));
    const d = Math.round((ms - Date.UTC(year, 0, 1)) / 86_400_000);
    return !Number.isNaN(this.table(year).dayClose[d]!);
  }

  openIntervals(a: number, b: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (!(b > a)) return out;
    finite(b, "end instant");
    for (let y = this.yearOf(a); y.start < b; y = this.table(y.year + 1)) {
      const n = y.to.length;
      for (let i = upperBound(y.to, a, 0, n); i < n && y.from[i]! < b; i++) {
        const from = Math.max(y.from[i]!, a);
        const to = Math.min(y.to[i]!, b);
        const prev = out[out.length - 1];
        // Year tables do not merge across New Year; the trace should not show the seam.
        if (prev && prev[1] === from) prev[1] = to;
        else out.push([from, to]);
      }
    }
    return out;
  }
}

/**
 * `24x7` (SPEC §2.2): always open, so open time is elapsed time. The tables (00:00–24:00 every
 * day) still answer business-day questions: every date is one, closing at the next midnight.
 */
class AlwaysCalendar extends TableCalendar {
  override isOpen(t: number): boolean {
    finite(t, "instant");
    return true;
  }
  override openBetween(a: number, b: number): number {
    return b > a ? b - a : 0;
  }
  override addOpen(t: number, ms: number): number {
    return ms > 0 ? t + ms : t;
  }
  override nextOpen(t: number): number {
    return finite(t, "instant");
  }
  override openIntervals(a: number, b: number): Array<[number, number]> {
    return b > a ? [[a, b]] : [];
  }
}

/**
 * How a calendar builds the tables of a local year: from its own rules, or (`open during …`)
 * from the open time of its members, each of which answers in its own zone. Shared by the
 * engine and by `calendar-export.ts`, so the SQL target reads the same tables. Throws on an
 * unknown time zone or holiday country/region.
 */
export function calendarYears(ir: CalendarIR): (year: number) => CalendarYear {
  if (ir.kind !== "union") {
    const rules = rulesFromIR(ir);
    return (year) => buildCalendarYear(rules, year);
  }
  if (!isKnownZone(ir.zone)) throw new Error(`calendar "${ir.name}": unknown time zone "${ir.zone}"`);
  const zone = IANAZone.create(ir.zone);
  const members = (ir.members ?? []).map(calendarFromIR);
  return (year) => buildUnionYear(zone, year, (a, b) => mergedOpenIntervals(members, a, b));
}

/** The open time of any of `calendars` in [a, b): their intervals sorted and merged. */
function mergedOpenIntervals(calendars: readonly Calendar[], a: number, b: number): Array<[number, number]> {
  const all = calendars.flatMap((c) => c.openIntervals(a, b)).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of all) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

const cache = new WeakMap<CalendarIR, Calendar>();

/**
 * Build (and cache per CalendarIR object) the engine for a calendar. Building is cheap: year
 * tables are computed on first use. Throws on an unknown time zone or holiday country/region.
 */
export function calendarFromIR(ir: CalendarIR): Calendar {
  let cal = cache.get(ir);
  if (!cal) {
    const build = calendarYears(ir);
    cal = ir.kind === "always" ? new AlwaysCalendar(ir.name, ir.zone, ir.kind, build) : new TableCalendar(ir.name, ir.zone, ir.kind, build);
    cache.set(ir, cal);
  }
  return cal;
}
