/**
 * Public holidays (SPEC §2.4) per country/region/year, cached for the life of the process: read
 * from the table made from date-holidays (`holiday-table.ts`) where it holds the year, else
 * computed by the package (`holiday-source.ts`), loaded only then.
 *
 * Nothing here is hard-coded: the package's rules are the source of truth, for any year.
 */
import { HOLIDAY_REGIONS } from "./holiday-codes.generated.js";
import { type HolidayEntry, type HolidaySpec, installedHolidaySource, liveHolidayEntries } from "./holiday-source.js";
import { tableHolidayEntries, tableMadeFrom } from "./holiday-table.js";

export type { HolidaySpec } from "./holiday-source.js";

const DAY_MS = 86_400_000;

/** Entries per `country/region/year`. */
const entriesByYear = new Map<string, readonly HolidayEntry[]>();
/** Closed local dates per set of specs and year, keyed by `specsKey|year`. */
const datesByYear = new Map<string, ReadonlySet<string>>();
/** Whether the table answers (read once: the installed package versions are those it was made from). */
let tableUsable: boolean | null = null;

/**
 * The package's own spelling of a spec's codes (`ck`, `aitutaki` → `CK`, `Aitutaki`: a few
 * regions are not upper case), checked against date-holidays' own list of codes
 * (`holiday-codes.generated.ts`, checked equal to the package's by a test): the package would
 * silently return no holidays for a code it does not know, which would make every holiday a
 * working day without anyone noticing.
 */
function canonicalSpec(spec: HolidaySpec): HolidaySpec {
  const country = spec.country.toUpperCase();
  const regions = HOLIDAY_REGIONS.get(country);
  if (regions === undefined) throw new Error(`unknown holiday country "${spec.country}" (date-holidays has no such country)`);
  if (spec.region === null) return { country, region: null };
  const wanted = spec.region.toUpperCase();
  const region = regions.find((r) => r.toUpperCase() === wanted);
  if (region === undefined) throw new Error(`unknown holiday region "${spec.region}" of country "${country}"`);
  return { country, region };
}

function specKey(spec: HolidaySpec): string {
  const c = canonicalSpec(spec);
  return `${c.country}/${c.region ?? ""}`;
}

/** Check a spec eagerly, so a bad calendar fails when it is built, not at its first holiday. */
export function validateHolidaySpec(spec: HolidaySpec): void {
  canonicalSpec(spec);
}

/** The `public` entries date-holidays lists under `year` (holiday-source.ts says how each is read). */
function entriesFor(spec: HolidaySpec, year: number): readonly HolidayEntry[] {
  const c = canonicalSpec(spec);
  const key = `${c.country}/${c.region ?? ""}/${year}`;
  let entries = entriesByYear.get(key);
  if (entries) return entries;
  tableUsable ??= tableMadeFrom(installedHolidaySource());
  entries = (tableUsable ? tableHolidayEntries(`${c.country}/${c.region ?? ""}`, year) : undefined) ?? liveHolidayEntries(c.country, c.region, year);
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
