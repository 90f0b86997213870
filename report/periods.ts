/**
 * The months of a report: which month of the billing zone a ticket was opened in, and the range
 * `--period` / `--from` / `--to` select.
 *
 * A month is keyed by `year * 12 + month0` and found from the instant's wall-clock time in the
 * zone (the runtime's per-zone offset tables: no luxon object per ticket). A range is a pair of
 * local dates, inclusive, compared in the same wall-clock milliseconds.
 */
import { zoneOffsets, offsetAt, type ZoneOffsets } from "../runtime/zone-offsets.js";

/** A selection of local dates, inclusive; `null` for an open end. */
export interface DateRange {
  readonly from: string | null;
  readonly to: string | null;
}

/** Why a period argument was refused, in words for a usage error. */
export class PeriodArgumentError extends Error {}

const DAY_MS = 86_400_000;

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2199 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * `--period`: a month `2026-03`, a quarter `2026-Q1` or a year `2026`, as the local dates it
 * covers. Throws {@link PeriodArgumentError} for anything else.
 */
export function periodRange(text: string): DateRange {
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (!validDate(y, mo, 1)) throw new PeriodArgumentError(`\`--period ${text}\` is not a month in the years 1900–2199`);
    return { from: isoDate(y, mo, 1), to: isoDate(y, mo, lastDay(y, mo)) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    if (!validDate(y, 1, 1)) throw new PeriodArgumentError(`\`--period ${text}\` is not a quarter in the years 1900–2199`);
    return { from: isoDate(y, q * 3 - 2, 1), to: isoDate(y, q * 3, lastDay(y, q * 3)) };
  }
  m = /^(\d{4})$/.exec(text);
  if (m && validDate(Number(m[1]), 1, 1)) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  throw new PeriodArgumentError(`\`--period\` is a month (2026-03), a quarter (2026-Q1) or a year (2026), not \`${text}\``);
}

/**
 * `--from` / `--to`: a local date `2026-03-15`, or a month `2026-03` (its first day for `--from`,
 * its last for `--to`).
 */
export function rangeEnd(text: string, end: "from" | "to"): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    const d = m[3] !== undefined ? Number(m[3]) : end === "from" ? 1 : validDate(y, mo, 1) ? lastDay(y, mo) : 0;
    if (validDate(y, mo, d)) return isoDate(y, mo, d);
  }
  throw new PeriodArgumentError(`\`--${end}\` is a local date (2026-03-01) or a month (2026-03) in the years 1900–2199, not \`${text}\``);
}

/** The range of the command line's options; at most one of `--period` and `--from`/`--to`. */
export function selectRange(period: string | null, from: string | null, to: string | null): DateRange {
  if (period !== null) {
    if (from !== null || to !== null) throw new PeriodArgumentError("`--period` and `--from`/`--to` exclude each other");
    return periodRange(period);
  }
  const range = { from: from === null ? null : rangeEnd(from, "from"), to: to === null ? null : rangeEnd(to, "to") };
  if (range.from !== null && range.to !== null && range.from > range.to) {
    throw new PeriodArgumentError(`\`--from ${range.from}\` is after \`--to ${range.to}\``);
  }
  return range;
}

/** Wall-clock ms of a local date's midnight (as if the zone were UTC). */
function localMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** Month keys and range tests in one zone. */
export class MonthFinder {
  private readonly offsets: ZoneOffsets;
  private readonly fromMs: number;
  private readonly toMs: number;

  constructor(zone: string, range: DateRange) {
    this.offsets = zoneOffsets(zone);
    this.fromMs = range.from === null ? -Infinity : localMs(range.from);
    this.toMs = range.to === null ? Infinity : localMs(range.to) + DAY_MS;
  }

  /** The month key of instant `ms` in the zone, or `null` when its local date is outside the range. */
  monthOf(ms: number): number | null {
    const local = ms + offsetAt(this.offsets, ms);
    if (local < this.fromMs || local >= this.toMs) return null;
    const d = new Date(local);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  }
}

/** `2026-03` of a month key. */
export function monthLabel(key: number): string {
  return `${pad(Math.floor(key / 12), 4)}-${pad((key % 12) + 1)}`;
}

/** The first and last local dates of a month key, clipped to the range. */
export function monthDates(key: number, range: DateRange): { from: string; to: string } {
  const [y, m] = [Math.floor(key / 12), (key % 12) + 1];
  const first = isoDate(y, m, 1);
  const last = isoDate(y, m, lastDay(y, m));
  return { from: range.from !== null && range.from > first ? range.from : first, to: range.to !== null && range.to < last ? range.to : last };
}

/** The month keys a bounded range covers, in order (empty for an open range). */
export function monthsOf(range: DateRange): number[] {
  if (range.from === null || range.to === null) return [];
  const key = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const out: number[] = [];
  for (let k = key(range.from); k <= key(range.to); k++) out.push(k);
  return out;
}
