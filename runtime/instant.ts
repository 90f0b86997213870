/**
 * ISO-8601 instants in and out of the runtime (SPEC §2.1), without luxon on the hot path.
 *
 * Parsing accepts only a full date-time with an offset or `Z` (a local time without an offset
 * names no instant). Formatting writes an instant in a calendar's zone as luxon's
 * `DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })` does, except that an
 * offset that is not whole minutes is written as UTC (`Z`), and takes the offset from the zone's
 * transition tables (`zone-offsets.ts`; luxon asks Intl on every call, which would dominate an
 * evaluation).
 */
import { DateTime, Info, type Zone } from "luxon";
import { offsetAt, zoneOffsets, type ZoneOffsets } from "./zone-offsets.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of `month` (1–12) of a proleptic Gregorian `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** The number written by two ASCII digits at `i`, or -1 when one is not a digit (or is past the end). */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  // NaN (past the end) fails these comparisons too.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DASH = 45;
const COLON = 58;

/**
 * Epoch ms of an ISO-8601 instant `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`,
 * or `null` when the text is not one (no offset, impossible date such as `2026-02-30`, hour 24,
 * offset beyond ±23:59). Fractions below the millisecond are truncated. Hand-written rather than
 * a regular expression: it runs for every instant of every ticket.
 */
export function parseInstant(text: string): number | null {
  const len = text.length;
  // Character codes rather than one-character strings: this runs for every instant of every ticket.
  if (len < 17 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== COLON) return null;
  const century = two(text, 0);
  const yy = two(text, 2);
  const year = century < 0 || yy < 0 ? -1 : century * 100 + yy;
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let i = 16;
  let second = 0;
  let milli = 0;
  if (text.charCodeAt(i) === COLON) {
    second = two(text, i + 1);
    if (second < 0 || second > 59) return null;
    i += 3;
    if (text.charCodeAt(i) === 46) {
      const from = ++i;
      while (i < len && i - from < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      if (i === from) return null;
      milli = Number(text.slice(from, Math.min(i, from + 3)).padEnd(3, "0"));
    }
  }
  let offset = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90 && i + 1 === len) {
    // Z: UTC
  } else if ((sign === 43 || sign === DASH) && i + 6 === len && text.charCodeAt(i + 3) === COLON) {
    const oh = two(text, i + 1);
    const om = two(text, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offset = (sign === DASH ? -1 : 1) * (oh * 60 + om);
  } else {
    return null;
  }
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + milli - offset * MINUTE_MS;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`):
 * integer arithmetic instead of `Date.UTC`, which costs more and reads years 0–99 as 19xx.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** A zone's formatting state: its transition tables, or a fixed offset for a universal zone. */
interface ZoneFormat {
  readonly zone: Zone;
  /** luxon writes `Z` only for a universal zone (`UTC`, `GMT`) at offset 0, not for `Etc/UTC`. */
  readonly universal: boolean;
  /** The IANA zone's transition tables; `null` for a universal (fixed-offset) zone. */
  readonly offsets: ZoneOffsets | null;
}

const zones = new Map<string, ZoneFormat>();
/** The zone written last: an evaluation writes all its instants in one or two zones. */
let lastZone = "";
let lastFormat: ZoneFormat | undefined;

function zoneFormat(zone: string): ZoneFormat {
  if (zone === lastZone && lastFormat !== undefined) return lastFormat;
  let f = zones.get(zone);
  if (f === undefined) {
    const z = Info.normalizeZone(zone);
    if (z === null || !z.isValid) throw new RangeError(`unknown time zone "${zone}"`);
    f = { zone: z, universal: z.isUniversal, offsets: z.isUniversal ? null : zoneOffsets(zone) };
    zones.set(zone, f);
  }
  lastZone = zone;
  lastFormat = f;
  return f;
}

/** Offset of the zone at `ms`, in whole ms (possibly not whole minutes for old local mean times). */
function offsetMsAt(f: ZoneFormat, ms: number): number {
  return f.offsets === null ? Math.round(f.zone.offset(ms) * MINUTE_MS) : offsetAt(f.offsets, ms);
}

/** "00".."99": two-digit fields without padStart on the hot path. */
const TWO = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** `n` (0–99) in two digits. */
export function twoDigits(n: number): string {
  return TWO[n]!;
}
/** `YYYY-` per year, for years already written. */
const yearPrefixes: string[] = [];
/**
 * `YYYY-MM-DDT` per day number, for days already written, and `HH:MM:SS` per second of the day:
 * an instant is then three pieces joined (two concatenations) instead of about ten, which is
 * what a batch of results spends its time and garbage on. Days of the supported years (about
 * 110,000) are indexed directly; others are computed each time.
 */
const FIRST_CACHED_DAY = -25_567; // 1900-01-01
const CACHED_DAYS = 110_000;
const dayPrefixes: Array<string | undefined> = new Array<string | undefined>(CACHED_DAYS);
const timesOfDay: Array<string | undefined> = new Array<string | undefined>(86_400);
/** `+HH:MM` per offset in minutes, indexed by `offset + 1440` (offsets lie within ±24 h). */
const offsetSuffixes: Array<string | undefined> = new Array<string | undefined>(2881);

/**
 * `YYYY-MM-DDT` of a day number since 1970-01-01 (proleptic Gregorian, years 0–9999), by
 * Howard Hinnant's `civil_from_days`: a few integer operations, no Date and no cache lookup.
 */
function datePrefix(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const year = (yearPrefixes[y] ??= `${String(y).padStart(4, "0")}-`);
  return `${year}${TWO[m]}-${TWO[d]}T`;
}

/** {@link datePrefix}, cached for the days of the supported years. */
function cachedDatePrefix(day: number): string {
  const i = day - FIRST_CACHED_DAY;
  if (!(i >= 0 && i < CACHED_DAYS)) return datePrefix(day);
  return (dayPrefixes[i] ??= datePrefix(day));
}

/** `HH:MM:SS` of a second of the day (0..86,399). */
function timeOfDay(second: number): string {
  let text = timesOfDay[second];
  if (text === undefined) {
    const m = Math.trunc(second / 60);
    text = `${TWO[Math.trunc(m / 60)]}:${TWO[m % 60]}:${TWO[second % 60]}`;
    timesOfDay[second] = text;
  }
  return text;
}

function offsetSuffix(offset: number): string {
  let text = offsetSuffixes[offset + 1440];
  if (text === undefined) {
    const abs = Math.abs(offset);
    text = `${offset < 0 ? "-" : "+"}${TWO[Math.trunc(abs / 60)]}:${TWO[abs % 60]}`;
    offsetSuffixes[offset + 1440] = text;
  }
  return text;
}

/** Local ms of years 0..9999: what the fast path writes; anything else goes to luxon. */
const MIN_LOCAL = new Date(0).setUTCFullYear(0, 0, 1);
const MAX_LOCAL = Date.UTC(10000, 0, 1);

/**
 * The instant `ms` written in `zone` as luxon's `toISO({ suppressMilliseconds: true })` writes it,
 * e.g. `2026-03-30T10:20:00+02:00` (SPEC §2.1: outputs are in the zone of the calendar that
 * produced them), with one exception: when the zone's offset at `ms` is not a whole number of
 * minutes (local mean time before 1972 in Africa/Monrovia, and others before standard time), an
 * ISO offset cannot say it, and a truncated one would name another instant, so the instant is
 * written in UTC with `Z`. Throws a RangeError for an unknown zone.
 */
export function formatInstant(ms: number, zone: string): string {
  const f = zoneFormat(zone);
  if (!Number.isFinite(ms)) return String(ms);
  let offsetMs = offsetMsAt(f, ms);
  const exact = offsetMs % MINUTE_MS === 0;
  if (!exact) offsetMs = 0;
  const local = ms + offsetMs;
  if (!(local >= MIN_LOCAL && local < MAX_LOCAL) || !Number.isInteger(ms)) {
    // Rare shapes (fractions of a millisecond, extended years): luxon itself.
    return DateTime.fromMillis(ms, { zone: exact ? f.zone : "UTC" }).toISO({ suppressMilliseconds: true }) ?? String(ms);
  }
  const day = Math.floor(local / DAY_MS);
  const rest = local - day * DAY_MS;
  const milli = rest % 1000;
  let text = cachedDatePrefix(day) + timeOfDay((rest - milli) / 1000);
  if (milli !== 0) text += `.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}`;
  if (!exact || (f.universal && offsetMs === 0)) return `${text}Z`;
  return text + offsetSuffix(offsetMs / MINUTE_MS);
}
