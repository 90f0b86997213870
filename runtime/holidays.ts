/**
 * Public holidays from the `date-holidays` package (SPEC §2.4), computed lazily per
 * country/region/year and cached for the life of the process.
 *
 * Nothing here is hard-coded: the package's rules are the source of truth, for any year.
 */
import Holidays from "date-holidays";
import "./holiday-astronomy.js";

/** A holiday source of a calendar: a country code and an optional state/region code. */
export interface HolidaySpec {
  readonly country: string;
  readonly region: string | null;
}

const DAY_MS = 86_400_000;

/** One `public` holiday entry reduced to what SPEC §2.4 uses: its local date and length in days. */
interface HolidayEntry {
  readonly date: string;
  readonly days: number;
}

/** `date-holidays` instances, one per country/region (constructing one parses its rules). */
const instances = new Map<string, Holidays>();
/** Entries per `country/region/year`. The package is slow (~2 ms a year), hence the cache. */
const entriesByYear = new Map<string, readonly HolidayEntry[]>();
/** Closed local dates per set of specs and year, keyed by `specsKey|year`. */
const datesByYear = new Map<string, ReadonlySet<string>>();

function specKey(spec: HolidaySpec): string {
  return `${spec.country.toUpperCase()}/${spec.region?.toUpperCase() ?? ""}`;
}

/**
 * The `date-holidays` instance for a spec. Throws when the package does not know the country or
 * region: the package itself would silently return no holidays, which would make every holiday a
 * working day without anyone noticing.
 */
function instanceFor(spec: HolidaySpec): Holidays {
  const key = specKey(spec);
  let hd = instances.get(key);
  if (hd) return hd;
  const country = spec.country.toUpperCase();
  const probe = new Holidays();
  if (!Object.hasOwn(probe.getCountries(), country)) {
    throw new Error(`unknown holiday country "${spec.country}" (date-holidays has no such country)`);
  }
  if (spec.region !== null) {
    const region = spec.region.toUpperCase();
    if (!Object.hasOwn(probe.getStates(country) ?? {}, region)) {
      throw new Error(`unknown holiday region "${spec.region}" of country "${country}"`);
    }
    hd = new Holidays(country, region);
  } else {
    hd = new Holidays(country);
  }
  // Only each entry's local date and its length in whole days are read (entriesFor), and neither
  // depends on the package's time zone; without one it skips moving every start and end into the
  // country's zone through moment-timezone, most of its cost for most countries (about a quarter
  // overall). Checked equal for every country, 1995–2045, and for every state (test/runtime/holidays-zone.test.ts).
  hd.setTimezone(undefined as unknown as string);
  instances.set(key, hd);
  return hd;
}

/** Check a spec eagerly (so a bad calendar fails when it is built, not at its first holiday). */
export function validateHolidaySpec(spec: HolidaySpec): void {
  instanceFor(spec);
}

/**
 * The `public` entries the package lists under `year`. Per SPEC §2.4 an entry closes its `date`
 * (the local date string, first 10 characters) and, when it spans several days, the following
 * dates: `days` is round((end − start) / 24 h), at least 1. The entry's own times are ignored (a
 * half-day `public` entry still closes its whole date).
 */
function entriesFor(spec: HolidaySpec, year: number): readonly HolidayEntry[] {
  const key = `${specKey(spec)}/${year}`;
  let entries = entriesByYear.get(key);
  if (entries) return entries;
  entries = instanceFor(spec)
    .getHolidays(year)
    .filter((h) => h.type === "public")
    .map((h) => ({
      date: h.date.slice(0, 10),
      days: Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS)),
    }));
  entriesByYear.set(key, entries);
  return entries;
}

/** Add `days` to a `YYYY-MM-DD` date (pure calendar arithmetic, no zone involved). */
function addDays(date: string, days: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The local dates of `year` (`YYYY-MM-DD`) closed by the holidays of any of `specs`.
 *
 * Entries listed under the neighbouring years are included too: a multi-day entry dated in late
 * December closes dates of the next year, and the package files some substitute days (e.g. the
 * US New Year's Day observed on 31 December) under the year of the date they stand in for.
 */
export function holidayDates(specs: readonly HolidaySpec[], year: number): ReadonlySet<string> {
  const key = `${specs.map(specKey).join(",")}|${year}`;
  let dates = datesByYear.get(key);
  if (dates) return dates;
  const set = new Set<string>();
  const prefix = `${String(year).padStart(4, "0")}-`;
  for (const spec of specs) {
    for (const y of [year - 1, year, year + 1]) {
      for (const entry of entriesFor(spec, y)) {
        for (let i = 0; i < entry.days; i++) {
          const date = i === 0 ? entry.date : addDays(entry.date, i);
          if (date.startsWith(prefix)) set.add(date);
        }
      }
    }
  }
  dates = set;
  datesByYear.set(key, dates);
  return dates;
}
