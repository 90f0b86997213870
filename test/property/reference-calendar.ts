/**
 * A deliberately naive reference for the calendar engine: minute by minute, luxon's offset for every
 * minute, no tables, no binary searches. It is slow on purpose, so that it stays obviously
 * right; the property tests compare `runtime/calendar.ts` against it on short spans.
 *
 * Rules (SPEC §2.2–2.4) are applied in wall time, one local date at a time, on a 1440-minute
 * mask: weekly hours, minus holidays and closures, plus openings.
 *
 * DST (SPEC §2.3) without edge arithmetic: an edge at wall time W lies at the earliest instant
 * whose wall clock reads W or later (a gap moves it forward, an overlap takes the earlier
 * instant). So instant u is inside a window [f, t) exactly when the highest wall reading seen up
 * to u, M(u), satisfies f <= M(u) < t. The reference tracks M(u) while it walks the minutes.
 *
 * Instants and durations must be whole minutes (all windows and DST transitions of the test
 * zones fall on whole minutes, so one minute is open or closed as a whole).
 */
import { DateTime, IANAZone } from "luxon";
import Holidays from "date-holidays";
import type { CalendarIR, Window, YearlyClosureIR } from "../../runtime/ir.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const QUARTER = 15 * MINUTE;
/** Looking this far back finds the highest wall reading before any DST fall-back. */
const LOOKBACK_MINUTES = 180;

const ORIGIN = { file: "test.sla", line: 1, column: 1, text: "" };

/** A window as `"09:00-18:00"` or as minutes. */
type WindowLike = string | Window;

/** A test calendar IR: Monday–Sunday windows, zone and extras. */
export function calendarIR(opts: {
  zone: string;
  week?: ReadonlyArray<readonly WindowLike[]>;
  kind?: CalendarIR["kind"];
  holidays?: ReadonlyArray<{ country: string; region?: string }>;
  closures?: ReadonlyArray<{ date: string; windows?: readonly WindowLike[] | undefined }>;
  openings?: ReadonlyArray<{ date: string; windows: readonly WindowLike[] }>;
  /** Yearly closures and rule holidays (issue 11.6), windows as for closures. */
  yearly?: ReadonlyArray<Omit<YearlyClosureIR, "origin" | "windows"> & { windows?: readonly WindowLike[] | undefined }>;
}): CalendarIR {
  const windows = (ws: readonly WindowLike[]): Window[] => ws.map((w) => (typeof w === "string" ? parseWindow(w) : { ...w }));
  return {
    name: "test",
    kind: opts.kind ?? "hours",
    zone: opts.zone,
    week: (opts.week ?? [[], [], [], [], [], [], []]).map(windows),
    holidays: (opts.holidays ?? []).map((h) => ({ country: h.country, region: h.region ?? null })),
    closures: (opts.closures ?? []).map((c) => ({ date: c.date, windows: c.windows ? windows(c.windows) : null, origin: ORIGIN })),
    openings: (opts.openings ?? []).map((o) => ({ date: o.date, windows: windows(o.windows), origin: ORIGIN })),
    ...(opts.yearly ? { yearly: opts.yearly.map((y) => ({ ...y, windows: y.windows ? windows(y.windows) : null, origin: ORIGIN })) } : {}),
    origin: ORIGIN,
  };
}

/** `"09:00-18:00"` → minutes after midnight (`24:00` = 1440). */
export function parseWindow(text: string): Window {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`bad window ${text}`);
  return { from: Number(m[1]) * 60 + Number(m[2]), to: Number(m[3]) * 60 + Number(m[4]) };
}

/** Holiday dates by `country/region/year`, shared by every reference (date-holidays is slow to set up). */
const holidayCache = new Map<string, readonly string[]>();

/** The dates closed by a country's public holidays of `year` (entries of the years around it included). */
function holidayDates(country: string, region: string | null, year: number): readonly string[] {
  const key = `${country}/${region ?? ""}/${year}`;
  let dates = holidayCache.get(key);
  if (dates) return dates;
  const found: string[] = [];
  const hd = region ? new Holidays(country, region) : new Holidays(country);
  for (const y of [year - 1, year, year + 1]) {
    for (const e of hd.getHolidays(y)) {
      if (e.type !== "public") continue;
      const days = Math.max(1, Math.round((e.end.getTime() - e.start.getTime()) / DAY));
      const first = Date.parse(`${e.date.slice(0, 10)}T00:00:00Z`);
      for (let i = 0; i < days; i++) found.push(new Date(first + i * DAY).toISOString().slice(0, 10));
    }
  }
  holidayCache.set(key, (dates = found));
  return dates;
}

/** The local date of a wall reading (wall readings are local times written as UTC). */
const dateOf = (wall: number): string => new Date(Math.floor(wall / DAY) * DAY).toISOString().slice(0, 10);

export class ReferenceCalendar {
  private readonly masks = new Map<string, Uint8Array>();
  private readonly holidaySets = new Map<number, Set<string>>();
  /** The last `isOpen` question and its M(u): a walk asks minute after minute, one luxon call each. */
  private last = { u: Number.NaN, high: Number.NaN };
  private readonly offsets = new Map<number, number>();
  private lastDay: { day: number; mask: Uint8Array } = { day: Number.NaN, mask: new Uint8Array(0) };
  private readonly zone: IANAZone;

  constructor(private readonly ir: CalendarIR) {
    this.zone = IANAZone.create(ir.zone);
  }

  /** Whether instant u (whole minute) is open. */
  isOpen(u: number): boolean {
    const high = u === this.last.u + MINUTE ? Math.max(this.last.high, this.wall(u)) : this.highWater(u);
    this.last = { u, high };
    return this.openAt(u, high);
  }

  /**
   * Whether the minute starting at instant u is open, given M(u) (`high`, the highest wall
   * reading of this calendar's zone up to u). Every walk below asks this and nothing else, so a
   * subclass that answers it differently ({@link ReferenceUnion}) keeps the walks' business days,
   * which stay the local dates of this calendar's zone.
   */
  protected openAt(_u: number, high: number): boolean {
    return this.wallOpen(high);
  }

  /**
   * SPEC §2.7 read off the minute walk: the closes of the 1st … `n`-th business days after the
   * local date of t (a business day is a date with an open minute; its close is the end of its
   * last open minute). Fewer than `n` when the walk reaches `limit`.
   */
  businessDayCloses(t: number, n: number, limit: number): number[] {
    const closes: number[] = [];
    let high = this.highWater(t);
    const startDate = dateOf(high);
    let current = startDate;
    let lastOpenEnd: number | null = null;
    for (let u = t; u < limit && closes.length < n; u += MINUTE) {
      high = Math.max(high, this.wall(u));
      const date = dateOf(high);
      if (date !== current) {
        if (current !== startDate && lastOpenEnd !== null) closes.push(lastOpenEnd);
        current = date;
        lastOpenEnd = null;
      }
      if (this.openAt(u, high)) lastOpenEnd = u + MINUTE;
    }
    return closes;
  }

  /**
   * SPEC §2.8: the close of t's own date when that date has open time at or after t, else the
   * close of the next business day; null when the walk reaches `limit`.
   */
  sameBusinessDayClose(t: number, limit: number): number | null {
    let high = this.highWater(t);
    const startDate = dateOf(high);
    let lastOpenEnd: number | null = null;
    for (let u = t; u < limit; u += MINUTE) {
      high = Math.max(high, this.wall(u));
      if (dateOf(high) !== startDate) break;
      if (this.openAt(u, high)) lastOpenEnd = u + MINUTE;
    }
    return lastOpenEnd ?? this.businessDayCloses(t, 1, limit)[0] ?? null;
  }

  /** Open ms in [a, b), counted minute by minute. */
  openBetween(a: number, b: number): number {
    let open = 0;
    let high = this.highWater(a);
    for (let u = a; u < b; u += MINUTE) {
      high = Math.max(high, this.wall(u));
      if (this.openAt(u, high)) open += MINUTE;
    }
    return open;
  }

  /** Earliest u >= t with `ms` of open time in [t, u); null when not found before `limit`. */
  addOpen(t: number, ms: number, limit: number): number | null {
    if (ms === 0) return t;
    let open = 0;
    let high = this.highWater(t);
    for (let u = t; u < limit; u += MINUTE) {
      high = Math.max(high, this.wall(u));
      if (this.openAt(u, high)) open += MINUTE;
      if (open === ms) return u + MINUTE;
    }
    return null;
  }

  /**
   * Wall-clock reading of instant u: its local date and time written as if they were UTC. Luxon
   * is asked once per quarter hour (offsets are cached by block); a block whose two ends have
   * different offsets is asked minute by minute, so a change inside a block is still exact.
   */
  private wall(u: number): number {
    const block = Math.floor(u / QUARTER) * QUARTER;
    const first = this.offsetAt(block);
    const offset = first === this.offsetAt(block + QUARTER) ? first : this.zone.offset(u);
    return u + offset * MINUTE;
  }

  /** The zone's offset in minutes at a block start, from luxon, cached. */
  private offsetAt(block: number): number {
    let offset = this.offsets.get(block);
    if (offset === undefined) {
      offset = this.zone.offset(block);
      this.offsets.set(block, offset);
    }
    return offset;
  }

  /** M(u): the highest wall reading at or before u. */
  private highWater(u: number): number {
    let high = -Infinity;
    for (let k = 0; k <= LOOKBACK_MINUTES; k++) high = Math.max(high, this.wall(u - k * MINUTE));
    return high;
  }

  /** Whether the local minute starting at wall reading W is open by the date's rules. */
  private wallOpen(wall: number): boolean {
    const day = Math.floor(wall / DAY);
    return this.maskOfDay(day)[Math.floor((wall - day * DAY) / MINUTE)] === 1;
  }

  /** {@link mask} by day number (days since 1970-01-01 in wall time), the walk's hot path. */
  private maskOfDay(day: number): Uint8Array {
    if (day !== this.lastDay.day) this.lastDay = { day, mask: this.mask(dateOf(day * DAY)) };
    return this.lastDay.mask;
  }

  /** The open minutes of a local date: weekly hours, minus holidays and closures, plus openings. */
  private mask(date: string): Uint8Array {
    let mask = this.masks.get(date);
    if (mask) return mask;
    // A union has no rules of its own: its minutes are its members' (ReferenceUnion).
    if (this.ir.kind === "union") throw new Error("a union's reference is `ReferenceUnion`");
    mask = new Uint8Array(1440);
    const set = (ws: readonly Window[], v: number): void => ws.forEach((w) => mask!.fill(v, w.from, w.to));
    if (this.ir.kind === "always") {
      mask.fill(1);
    } else {
      const weekday = DateTime.fromISO(date, { zone: "UTC" }).weekday - 1; // Monday = 0
      if (!this.holidays(Number(date.slice(0, 4))).has(date)) set(this.ir.week[weekday]!, 1);
      for (const c of this.ir.closures) if (c.date === date) set(c.windows ?? [{ from: 0, to: 1440 }], 0);
      for (const y of yearlyClosing(this.ir.yearly ?? [], date)) set(y.holiday || y.windows === null ? [{ from: 0, to: 1440 }] : y.windows, 0);
      for (const o of this.ir.openings) if (o.date === date) set(o.windows, 1);
    }
    this.masks.set(date, mask);
    return mask;
  }

  /** SPEC §2.4, read directly off date-holidays: public entries, `date` plus round(span) − 1 days. */
  private holidays(year: number): Set<string> {
    let dates = this.holidaySets.get(year);
    if (dates) return dates;
    dates = new Set();
    for (const h of this.ir.holidays) for (const d of holidayDates(h.country, h.region, year)) dates.add(d);
    this.holidaySets.set(year, dates);
    return dates;
  }
}

/**
 * The reference for a calendar open during others (`open during …`, IR 16): a minute is open when
 * any member's own reference, stepping its own zone with its own rules, says it is. Business
 * days are inherited unchanged: the local dates of the union's zone, closing at the end of their
 * last open minute (so at midnight when the cover runs on past it).
 */
export class ReferenceUnion extends ReferenceCalendar {
  private readonly members: readonly ReferenceCalendar[];

  constructor(ir: CalendarIR) {
    super(ir);
    this.members = (ir.members ?? []).map((m) => new ReferenceCalendar(m));
  }

  protected override openAt(u: number, _high: number): boolean {
    // Every member is asked every minute (no short cut): each then walks minute after minute,
    // which its own `isOpen` answers with one offset look-up instead of a look-back.
    let open = false;
    for (const m of this.members) open = m.isOpen(u) || open;
    return open;
  }
}

/** The reference of any calendar IR: {@link ReferenceUnion} for a union, else {@link ReferenceCalendar}. */
export function referenceCalendar(ir: CalendarIR): ReferenceCalendar {
  return ir.kind === "union" ? new ReferenceUnion(ir) : new ReferenceCalendar(ir);
}

/** A test union IR (`open during …`): `members` whole, in their own zones; `zone` reads its dates. */
export function unionIR(zone: string, members: readonly CalendarIR[]): CalendarIR {
  return {
    ...calendarIR({ zone }),
    name: "union",
    kind: "union",
    members: members.map((m, i) => {
      if (m.kind === "union") throw new Error("a union's members are flattened: no union inside a union");
      return { ...m, kind: m.kind, name: `member${i + 1}` };
    }),
  };
}

/**
 * Whether a yearly rule (issue 11.6) closes `date`, asked the slow way: is one of the dates two
 * days either side the rule's date of its year (by the rule's own words: "the third Monday" is a
 * Monday in the month's third week of days), and is that date observed on `date`?
 */
function yearlyCloses(rule: YearlyClosureIR, date: string): boolean {
  const d = DateTime.fromISO(date, { zone: "UTC" });
  for (let k = -2; k <= 2; k++) {
    const n = d.plus({ days: k });
    if (isRuleDate(rule, n) && observedOn(rule, n).toISODate() === date) return true;
  }
  return false;
}

/** Is `n` the date the rule describes in its year ("the third Monday": a Monday in the month's third week of days)? */
function isRuleDate(rule: YearlyClosureIR, n: DateTime): boolean {
  // `day after …`: n is the rule's date when the day before it is the date described.
  const b = rule.day.dayAfter ? n.minus({ days: 1 }) : n;
  if (b.month !== rule.day.month) return false;
  return rule.day.kind === "date"
    ? b.day === rule.day.day
    : b.weekday - 1 === rule.day.weekday && (rule.day.nth === -1 ? b.plus({ days: 7 }).month !== b.month : Math.ceil(b.day / 7) === rule.day.nth);
}

/** Where the rule's date `n` is kept: a Saturday on the Friday (`nearest`) or the Monday, a Sunday on the Monday. */
function observedOn(rule: YearlyClosureIR, n: DateTime): DateTime {
  const wd = n.weekday - 1;
  if (!rule.observed || !rule.observed.on.includes(wd)) return n;
  if (wd === 5) return n.plus({ days: rule.observed.mode === "nearest" ? -1 : 2 });
  if (wd === 6) return n.plus({ days: 1 });
  return n;
}

/**
 * The yearly rules that close `date`. With `observed next free weekday` rules (the UK substitute
 * day) the days are walked: every rule's date in the three weeks before `date` and the two days
 * after; those that do not move hold their (observed) dates first, then each moving date, the
 * earliest first, steps a day at a time to a weekday that no whole-day rule holds yet.
 */
function yearlyClosing(rules: readonly YearlyClosureIR[], date: string): YearlyClosureIR[] {
  if (!rules.some((r) => r.observed?.mode === "nextFree")) return rules.filter((r) => yearlyCloses(r, date));
  const d = DateTime.fromISO(date, { zone: "UTC" });
  const moves = (rule: YearlyClosureIR, n: DateTime) => rule.observed?.mode === "nextFree" && rule.observed.on.includes(n.weekday - 1);
  const wholeDay = (rule: YearlyClosureIR) => rule.holiday || rule.windows === null;
  const dates: { rule: YearlyClosureIR; n: DateTime }[] = [];
  for (let k = -21; k <= 2; k++) for (const rule of rules) if (isRuleDate(rule, d.plus({ days: k }))) dates.push({ rule, n: d.plus({ days: k }) });
  const placed = dates.filter((x) => !moves(x.rule, x.n)).map((x) => ({ rule: x.rule, iso: observedOn(x.rule, x.n).toISODate()! }));
  const taken = new Set(placed.filter((p) => wholeDay(p.rule)).map((p) => p.iso));
  for (const x of dates.filter((x) => moves(x.rule, x.n))) {
    let day = x.n.plus({ days: 1 });
    while (day.weekday >= 6 || taken.has(day.toISODate()!)) day = day.plus({ days: 1 });
    if (wholeDay(x.rule)) taken.add(day.toISODate()!);
    placed.push({ rule: x.rule, iso: day.toISODate()! });
  }
  return placed.filter((p) => p.iso === date).map((p) => p.rule);
}
