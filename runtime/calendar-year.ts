/**
 * Per-year tables of a calendar, built once with luxon and then queried with plain numbers.
 *
 * A "year" here is a local calendar year in the calendar's zone: the local dates 1 January to
 * 31 December. Its table holds the sorted, merged open intervals of those dates as epoch-ms
 * numbers with prefix sums of open time, the instants at which each local date starts, and the
 * close of each business day. `runtime/calendar.ts` answers every query from these tables.
 */
import { IANAZone } from "luxon";
import type { CalendarIR, Window, YearlyClosureIR } from "./ir.js";
import { holidayDates, validateHolidaySpec, type HolidaySpec } from "./holidays.js";
import { yearlyClosings, type YearlyClosing } from "./yearly-dates.js";
import { daysInMonth, twoDigits } from "./instant.js";
import { isKnownZone, offsetAt, zoneOffsets } from "./zone-offsets.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Minutes in a local day: a window may end at 1440 (`24:00`, the next local midnight). */
const DAY_MINUTES = 1440;

/** What a calendar opens on the local date `date`, beyond its weekly hours. */
interface DateOverride {
  /** A closure without windows closes the whole date. */
  closed: boolean;
  /** Windows removed by partial closures. */
  close: Window[];
  /** Windows added by extra openings (applied last: an opening on a holiday opens it). */
  open: Window[];
}

/** A calendar's rules with the weekly hours normalised (sorted, merged) once. */
export interface CalendarRules {
  readonly zone: IANAZone;
  /** Monday … Sunday. */
  readonly week: ReadonlyArray<readonly Window[]>;
  readonly holidays: readonly HolidaySpec[];
  readonly overrides: ReadonlyMap<string, DateOverride>;
  /** Yearly closures and rule holidays (issue 11.6), resolved to dates as each year is built. */
  readonly yearly: readonly YearlyClosureIR[];
}

/** Tables of one local year of a calendar. All instants are epoch ms. */
export interface CalendarYear {
  readonly year: number;
  /** Start of the year's first local date, and of the next year's (exclusive end). */
  readonly start: number;
  readonly end: number;
  /** Open intervals `[from[i], to[i])`, sorted, disjoint, adjacent ones merged. */
  readonly from: Float64Array;
  readonly to: Float64Array;
  /** `cum[i]` = open ms in this year before interval `i`; `cum[from.length]` is the year's total. */
  readonly cum: Float64Array;
  /** `dayStart[d]` = start of the d-th local date (0-based); `dayStart[days]` = `end`. */
  readonly dayStart: Float64Array;
  /** Close (end of last open window) per local date; NaN when the date is not a business day. */
  readonly dayClose: Float64Array;
  /** Indices of the business days (as floats, so searches stay monomorphic) and their closes. */
  readonly bizDays: Float64Array;
  readonly bizClose: Float64Array;
}

/** Offset of `zone` at instant `t`, in whole ms, from the zone's transition tables (not Intl). */
function offsetMs(zone: IANAZone, t: number): number {
  return offsetAt(zoneOffsets(zone.name), t);
}

/**
 * The instant of a wall-clock reading (`wall`: the local date and time written as if it were UTC
 * ms), by SPEC §2.3: a reading in a DST gap moves forward to the first valid instant (the
 * transition itself); a reading in an overlap takes the earlier instant. Both cases are "the
 * earliest instant whose wall clock reads `wall` or later", which is what the tests check against.
 */
export function wallToInstant(zone: IANAZone, wall: number): number {
  // Offsets a day either side: a zone changes offset at most once in such a span.
  const before = offsetMs(zone, wall - DAY_MS);
  const after = offsetMs(zone, wall + DAY_MS);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetMs(zone, early) === before;
  const lateValid = offsetMs(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // A gap: the offset changes from `before` to `after` somewhere in (late, early]; that
  // transition is the first valid instant. Bisect on ms (about 22 steps, once per edge).
  let lo = Math.min(early, late);
  let hi = Math.max(early, late);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Local-date starts of one zone-year, and which dates keep one offset all day. */
interface ZoneYear {
  readonly dayStart: Float64Array;
  /** 1 when the date's midnight exists and its offset holds all day: edge = start + minutes. */
  readonly plain: Uint8Array;
}

/** Zone-years depend on the zone only, so calendars sharing a zone share them. */
const zoneYears = new Map<string, ZoneYear>();

function zoneYear(zone: IANAZone, year: number): ZoneYear {
  const key = `${zone.name}|${year}`;
  let zy = zoneYears.get(key);
  if (zy) return zy;
  const jan1 = Date.UTC(year, 0, 1);
  const days = Math.round((Date.UTC(year + 1, 0, 1) - jan1) / DAY_MS);
  const dayStart = new Float64Array(days + 1);
  for (let d = 0; d <= days; d++) dayStart[d] = wallToInstant(zone, jan1 + d * DAY_MS);
  const plain = new Uint8Array(days);
  for (let d = 0; d < days; d++) {
    const start = dayStart[d]!;
    const off = offsetMs(zone, start);
    plain[d] = start === jan1 + d * DAY_MS - off && offsetMs(zone, dayStart[d + 1]! - 1) === off ? 1 : 0;
  }
  zy = { dayStart, plain };
  zoneYears.set(key, zy);
  return zy;
}

/** The instant of minute `m` (0..1440) of local date `d` of a zone-year (SPEC §2.3). */
function edge(zone: IANAZone, zy: ZoneYear, jan1: number, d: number, m: number): number {
  // 24:00 is the next local midnight, itself subject to the gap rule (America/Santiago).
  if (m === DAY_MINUTES) return zy.dayStart[d + 1]!;
  if (zy.plain[d] === 1) return zy.dayStart[d]! + m * MINUTE_MS;
  return wallToInstant(zone, jan1 + d * DAY_MS + m * MINUTE_MS);
}

/**
 * Paint minute masks: `base` open, then `close` removed, then `open` added, and read the runs
 * back as sorted, merged windows. A 1440-cell mask is obviously right where interval algebra
 * would need care (touching, nested, unsorted windows), and runs only on special dates.
 */
function paint(base: readonly Window[], close: readonly Window[], open: readonly Window[]): Window[] {
  // A holiday that nothing reopens: every year of every calendar has a dozen, and the minute loop
  // below, run cold, was most of the first tickets' cost.
  if (base.length === 0 && open.length === 0) return [];
  const mask = new Uint8Array(DAY_MINUTES);
  for (const w of base) mask.fill(1, w.from, w.to);
  for (const w of close) mask.fill(0, w.from, w.to);
  for (const w of open) mask.fill(1, w.from, w.to);
  const runs: Window[] = [];
  for (let m = 0; m < DAY_MINUTES; m++) {
    if (mask[m] === 0) continue;
    const from = m;
    while (m < DAY_MINUTES && mask[m] === 1) m++;
    runs.push({ from, to: m });
  }
  return runs;
}

const FULL_DAY: readonly Window[] = [{ from: 0, to: DAY_MINUTES }];

/**
 * Normalise a calendar's IR into rules. A `24x7` (`always`) calendar gets 00:00–24:00 every day
 * and nothing else: it is always open, so holidays and closures cannot apply to it; its tables
 * only serve the business-day questions (SPEC §2.7: each date closes at the next midnight).
 */
export function rulesFromIR(ir: CalendarIR): CalendarRules {
  // A union's hours are its members' (calendar.ts `calendarYears`): it has no rules of its own.
  if (ir.kind === "union") throw new Error(`calendar "${ir.name}" is open during others: it has no rules of its own`);
  if (!isKnownZone(ir.zone)) throw new Error(`calendar "${ir.name}": unknown time zone "${ir.zone}"`);
  const zone = IANAZone.create(ir.zone);
  if (ir.kind === "always") {
    return { zone, week: Array.from({ length: 7 }, () => FULL_DAY), holidays: [], overrides: new Map(), yearly: [] };
  }
  const overrides = new Map<string, DateOverride>();
  const at = (date: string): DateOverride => {
    let o = overrides.get(date);
    if (!o) overrides.set(date, (o = { closed: false, close: [], open: [] }));
    return o;
  };
  for (const c of ir.closures) {
    if (c.windows === null) at(c.date).closed = true;
    else at(c.date).close.push(...c.windows);
  }
  for (const o of ir.openings) at(o.date).open.push(...o.windows);
  for (const h of ir.holidays) validateHolidaySpec(h);
  return {
    zone,
    week: ir.week.map((day) => paint(day, [], [])),
    holidays: ir.holidays.map((h) => ({ country: h.country, region: h.region })),
    overrides,
    yearly: ir.yearly ?? [],
  };
}

const NO_DATES: ReadonlySet<string> = new Set();
const NO_CLOSINGS: ReadonlyMap<string, YearlyClosing> = new Map();

/** The local date `YYYY-MM-DD` of day index `d` (0-based) of `year`. */
export function isoDate(year: number, d: number): string {
  return datesOfYear(year)[d] ?? new Date(Date.UTC(year, 0, 1 + d)).toISOString().slice(0, 10);
}

/** The dates of a year, shared by every calendar that builds that year (they key holidays and closures). */
const datesOfYears = new Map<number, readonly string[]>();

function datesOfYear(year: number): readonly string[] {
  let dates = datesOfYears.get(year);
  if (dates === undefined) {
    // Month by month rather than a Date per day: this runs cold, for each new year a batch meets.
    const prefix = `${String(year).padStart(4, "0")}-`;
    const built: string[] = [];
    for (let m = 1; m <= 12; m++) {
      const month = `${prefix}${twoDigits(m)}-`;
      for (let d = 1, n = daysInMonth(year, m); d <= n; d++) built.push(month + twoDigits(d));
    }
    dates = built;
    datesOfYears.set(year, dates);
  }
  return dates;
}

/** Build the tables of one local year (luxon is used here, and only here). */
export function buildCalendarYear(rules: CalendarRules, year: number): CalendarYear {
  const zy = zoneYear(rules.zone, year);
  const jan1 = Date.UTC(year, 0, 1);
  const days = zy.dayStart.length - 1;
  const closedDates = rules.holidays.length > 0 ? holidayDates(rules.holidays, year) : NO_DATES;
  const yearly = rules.yearly.length > 0 ? yearlyClosings(rules.yearly, year) : NO_CLOSINGS;
  const from: number[] = [];
  const to: number[] = [];
  const dayClose = new Float64Array(days).fill(NaN);
  const firstWeekday = (new Date(jan1).getUTCDay() + 6) % 7; // Monday = 0
  const dates = datesOfYear(year);
  for (let d = 0; d < days; d++) {
    const date = dates[d]!;
    const weekly = rules.week[(firstWeekday + d) % 7]!;
    const o = rules.overrides.get(date);
    const y = yearly.get(date);
    // SPEC §2.4: a holiday closes the whole date; so do a rule holiday and a whole-day yearly closure.
    const holiday = closedDates.has(date) || y?.closed === true;
    const close = y ? [...(o?.close ?? []), ...y.close] : (o?.close ?? []);
    const windows = o || holiday || y ? paint(holiday || o?.closed ? [] : weekly, close, o?.open ?? []) : weekly;
    for (const w of windows) {
      const a = edge(rules.zone, zy, jan1, d, w.from);
      const b = edge(rules.zone, zy, jan1, d, w.to);
      if (b <= a) continue; // both edges in one DST gap: no real time is open
      dayClose[d] = b;
      const last = to.length - 1;
      // Merge touching intervals (a 24:00 close followed by a 00:00 opening).
      if (last >= 0 && to[last]! >= a) to[last] = Math.max(to[last]!, b);
      else {
        from.push(a);
        to.push(b);
      }
    }
  }
  return yearTables(year, zy, from, to, dayClose);
}

/** A year's tables from its merged open intervals and the close of each local date. */
function yearTables(year: number, zy: ZoneYear, from: readonly number[], to: readonly number[], dayClose: Float64Array): CalendarYear {
  const days = zy.dayStart.length - 1;
  const cum = new Float64Array(from.length + 1);
  for (let i = 0; i < from.length; i++) cum[i + 1] = cum[i]! + (to[i]! - from[i]!);
  const bizDays: number[] = [];
  const bizClose: number[] = [];
  dayClose.forEach((close, d) => {
    if (!Number.isNaN(close)) {
      bizDays.push(d);
      bizClose.push(close);
    }
  });
  return {
    year,
    start: zy.dayStart[0]!,
    end: zy.dayStart[days]!,
    from: Float64Array.from(from),
    to: Float64Array.from(to),
    cum,
    dayStart: zy.dayStart,
    dayClose,
    bizDays: Float64Array.from(bizDays),
    bizClose: Float64Array.from(bizClose),
  };
}

/**
 * The tables of one local year of a calendar open during others (`open during …`, IR 16):
 * `openIntervals(a, b)` gives the members' open time in [a, b), sorted, merged and clipped. The
 * local dates are those of `zone`: a date with open time is a business day, closing where its
 * last open time ends (at its midnight when the cover runs on into the next date, as a 24x7
 * calendar's dates do).
 */
export function buildUnionYear(zone: IANAZone, year: number, openIntervals: (a: number, b: number) => ReadonlyArray<readonly [number, number]>): CalendarYear {
  const zy = zoneYear(zone, year);
  const days = zy.dayStart.length - 1;
  const from: number[] = [];
  const to: number[] = [];
  const dayClose = new Float64Array(days).fill(NaN);
  let d = 0;
  for (const [a, b] of openIntervals(zy.dayStart[0]!, zy.dayStart[days]!)) {
    from.push(a);
    to.push(b);
    while (d < days && zy.dayStart[d + 1]! <= a) d++;
    for (let k = d; k < days && zy.dayStart[k]! < b; k++) dayClose[k] = Math.min(b, zy.dayStart[k + 1]!);
  }
  return yearTables(year, zy, from, to, dayClose);
}
