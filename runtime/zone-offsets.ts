/**
 * UTC offsets of an IANA zone from tables of its transitions, so that no offset lookup on the hot
 * path asks Intl (luxon's `IANAZone.offset` formats a date with Intl: several µs a call).
 *
 * Design: per zone and UTC year (lazily, cached for the process's life) the offsets are sampled
 * every {@link STEP_MS} (three days: about 120 Intl calls a year), and each change between two
 * samples is bisected to the second (zones change offset on whole seconds): the table is the
 * year's transition instants with the offset from each on. A lookup is then a year
 * lookup and a scan of a handful of transitions. Offsets are whole milliseconds (old local mean
 * times such as Monrovia's −00:44:30 are not whole minutes; luxon's minutes are rounded back).
 *
 * INVARIANT: a zone changes its offset at most once in three days. The closest transitions in the
 * tz database within 1900–2199 are 6.9 days apart (Brazil's one-week DST of October 2000, Gaza
 * and Hebron's projected rules); `test/property/instant.prop.test.ts` checks the tables against
 * Intl over every zone, at every transition of the years it draws.
 */
import { IANAZone } from "luxon";

const MINUTE_MS = 60_000;
/** Sampling step of the offset tables (see the invariant above). */
const STEP_MS = 3 * 86_400_000;

/** One UTC year of a zone: `at[i]` is where offset `offset[i]` (ms) starts; `at[0]` = `start`. */
interface OffsetYear {
  readonly start: number;
  readonly end: number;
  readonly at: Float64Array;
  readonly offset: Float64Array;
}

/** The transition tables of one zone, built year by year as instants ask for them. */
export interface ZoneOffsets {
  readonly name: string;
  /** The last year looked up: consecutive lookups nearly always hit it. */
  last: OffsetYear;
  readonly years: Map<number, OffsetYear>;
  readonly zone: IANAZone;
}

const NO_YEAR: OffsetYear = { start: Infinity, end: -Infinity, at: new Float64Array(0), offset: new Float64Array(0) };

const zones = new Map<string, ZoneOffsets>();

/**
 * Answers of {@link isKnownZone}: luxon's check builds an Intl formatter per call (a fraction of
 * a millisecond, cold), and the same few zones are asked about by the policy check, each
 * calendar, each writer and each ticket's customer. Bounded: ticket input can name any string.
 */
const zoneValidity = new Map<string, boolean>();

/** Whether Intl knows the IANA zone `name` (at most 64 characters, as no real zone is longer). */
export function isKnownZone(name: string): boolean {
  let valid = zoneValidity.get(name);
  if (valid === undefined) {
    valid = name.length <= 64 && IANAZone.isValidZone(name);
    if (zoneValidity.size < 4096) zoneValidity.set(name, valid);
  }
  return valid;
}

/** The tables of an IANA zone (cached). Throws a RangeError for a zone Intl does not know. */
export function zoneOffsets(name: string): ZoneOffsets {
  let z = zones.get(name);
  if (z === undefined) {
    if (!isKnownZone(name)) throw new RangeError(`unknown time zone \`${name}\``);
    z = { name, last: NO_YEAR, years: new Map(), zone: IANAZone.create(name) };
    zones.set(name, z);
  }
  return z;
}

/** One formatter per zone, writing `M/D/YYYY, HH:MM:SS` with ASCII digits and a 0–23 hour. */
const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(name: string): Intl.DateTimeFormat {
  let f = wallFormats.get(name);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: name, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    wallFormats.set(name, f);
  }
  return f;
}

/**
 * The zone's offset at `t` in whole ms, from Intl: only while building tables. Intl's wall clock
 * is read from `format` (one string) rather than luxon's `formatToParts` (an array of part
 * objects): about 3× faster, and table building is what a batch over many years spends its
 * first moments on. Anything but six numbers in a sane year goes to luxon.
 */
function intlOffset(zone: IANAZone, t: number): number {
  const text = wallFormat(zone.name).format(t);
  const n = [0, 0, 0, 0, 0, 0];
  let k = 0;
  let digits = 0;
  for (let i = 0; i < text.length && k < 6; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      n[k] = n[k]! * 10 + c;
      digits++;
    } else if (digits > 0) {
      k++;
      digits = 0;
    }
  }
  if (digits > 0) k++;
  const [month, day, year, hour, minute, second] = n as [number, number, number, number, number, number];
  if (k !== 6 || year < 1000 || year > 9999 || hour > 23) return Math.round(zone.offset(t) * MINUTE_MS);
  const whole = t - (((t % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second) - whole;
}

function buildYear(zone: IANAZone, year: number): OffsetYear {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const at = [start];
  let prev = intlOffset(zone, start);
  const offset = [prev];
  for (let lo = start; lo < end; lo += STEP_MS) {
    const hi = Math.min(lo + STEP_MS, end);
    const next = intlOffset(zone, hi);
    if (next === prev) continue;
    // The first second of (lo, hi] with another offset (Date.UTC years start on whole seconds).
    let a = lo / 1000;
    let b = hi / 1000;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (intlOffset(zone, mid * 1000) === prev) a = mid;
      else b = mid;
    }
    if (b * 1000 < end) {
      at.push(b * 1000);
      offset.push(next);
    }
    prev = next;
  }
  return { start, end, at: Float64Array.from(at), offset: Float64Array.from(offset) };
}

/** Mean Gregorian year: a first guess of an instant's year, corrected against the tables. */
const MEAN_YEAR_MS = 31_556_952_000;

function yearTable(z: ZoneOffsets, year: number): OffsetYear {
  let y = z.years.get(year);
  if (y === undefined) {
    y = buildYear(z.zone, year);
    z.years.set(year, y);
  }
  return y;
}

/** The zone's UTC offset at instant `t` (finite epoch ms), in ms: local time = t + offset. */
export function offsetAt(z: ZoneOffsets, t: number): number {
  let y = z.last;
  if (!(t >= y.start && t < y.end)) {
    const guess = 1970 + Math.floor(t / MEAN_YEAR_MS);
    y = yearTable(z, guess);
    if (t < y.start) y = yearTable(z, guess - 1);
    else if (t >= y.end) y = yearTable(z, guess + 1);
    z.last = y;
  }
  const at = y.at;
  let i = at.length - 1;
  while (i > 0 && at[i]! > t) i--;
  return y.offset[i]!;
}
