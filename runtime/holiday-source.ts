/**
 * Public holidays as date-holidays computes them: the source of truth (SPEC §2.4) behind the
 * table of `holiday-table.ts`, and what the runtime asks for any country, region or year the table
 * does not hold.
 *
 * The package is loaded on first use, synchronously, as its CommonJS build through `createRequire`:
 * the evaluator asks for a year's holidays in the middle of evaluating a ticket, and most batches
 * never need the package at all (the table holds their years), so neither the CLI's start-up nor
 * its bundle carries the package's 3.6 MB of rules.
 */
import { createRequire } from "node:module";
import { memoizePlanetPositions, type PlanetPositionModule } from "./holiday-astronomy.js";

/** A `public` entry reduced to what SPEC §2.4 uses: its local date and its length in days. */
export interface HolidayEntry {
  readonly date: string;
  readonly days: number;
}

/** A holiday source of a calendar: a country code and an optional state/region code. */
export interface HolidaySpec {
  readonly country: string;
  readonly region: string | null;
}

/** What the runtime touches of date-holidays (its CommonJS export is the class itself). */
interface HolidaysInstance {
  getCountries(): Record<string, string> | undefined;
  getStates(country: string): Record<string, string> | undefined;
  getHolidays(year: number): Array<{ readonly date: string; readonly start: Date; readonly end: Date; readonly type: string }>;
  setTimezone(zone: string | undefined): void;
}
type HolidaysClass = new (country?: string, state?: string) => HolidaysInstance;

const DAY_MS = 86_400_000;

const nodeRequire = createRequire(import.meta.url);
let holidaysClass: HolidaysClass | null = null;

/**
 * `require` as date-holidays-parser's own modules resolve: the parser is date-holidays'
 * dependency, not ours, so it is found from date-holidays (a nested or pnpm layout keeps it there).
 */
function parserRequire(): NodeJS.Require {
  return createRequire(createRequire(nodeRequire.resolve("date-holidays")).resolve("date-holidays-parser"));
}

/**
 * The package, loaded once. astronomia is required through date-holidays-parser's own
 * resolution, so the memo wraps the copy it uses. A missing package is one plain sentence, never
 * the module loader's message with its paths.
 */
function packageClass(): HolidaysClass {
  if (holidaysClass === null) {
    try {
      memoizePlanetPositions((parserRequire()("astronomia") as { planetposition: PlanetPositionModule }).planetposition);
      holidaysClass = nodeRequire("date-holidays") as HolidaysClass;
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND";
      throw new Error(missing ? "date-holidays is not installed: holidays outside the table (2000–2050) need it (npm install)" : `date-holidays could not be loaded: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  return holidaysClass;
}

/**
 * Every package whose code decides a holiday: the data (date-holidays), the rules' interpreter
 * (date-holidays-parser) and what it computes dates with.
 */
const PARSER_DEPENDENCIES = ["astronomia", "caldate", "date-bengali-revised", "date-chinese", "date-easter", "jalaali-js", "moment-timezone"];

/**
 * The versions the answers depend on, as installed beside this module: `null` when date-holidays
 * itself is not installed (nothing to ask instead of the table); `"unreadable"` when it is but a
 * version cannot be read, which matches no table.
 */
export function installedHolidaySource(): string | null {
  try {
    nodeRequire.resolve("date-holidays");
  } catch {
    return null;
  }
  try {
    const ofHolidays = createRequire(nodeRequire.resolve("date-holidays"));
    const ofParser = parserRequire();
    const version = (req: NodeJS.Require, name: string) => `${name} ${(req(`${name}/package.json`) as { version: string }).version}`;
    return [version(nodeRequire, "date-holidays"), version(ofHolidays, "date-holidays-parser"), ...PARSER_DEPENDENCIES.map((name) => version(ofParser, name))].join(", ");
  } catch {
    return "unreadable";
  }
}

/** Instances per `COUNTRY/REGION` (constructing one parses the country's rules). */
const instances = new Map<string, HolidaysInstance>();

/**
 * The package's instance for a spec. Throws when the package does not know the country or region:
 * it would silently return no holidays, which would make every holiday a working day unnoticed.
 */
function instanceFor(country: string, region: string | null): HolidaysInstance {
  const key = `${country}/${region ?? ""}`;
  let hd = instances.get(key);
  if (hd) return hd;
  const Holidays = packageClass();
  const probe = new Holidays();
  if (!Object.hasOwn(probe.getCountries() ?? {}, country)) throw new Error(`unknown holiday country "${country}" (date-holidays has no such country)`);
  if (region !== null && !Object.hasOwn(probe.getStates(country) ?? {}, region)) throw new Error(`unknown holiday region "${region}" of country "${country}"`);
  hd = region === null ? new Holidays(country) : new Holidays(country, region);
  // Only each entry's local date and its length in whole days are read, and neither depends on
  // the package's time zone; without one it skips moving every start and end into the country's
  // zone through moment-timezone, most of its cost for most countries (about a quarter overall).
  // Checked equal for every country, 1995–2045, and every state (test/runtime/holidays-zone.test.ts).
  hd.setTimezone(undefined);
  instances.set(key, hd);
  return hd;
}

/**
 * The `public` entries the package lists under `year` for an upper-case country and region. Per
 * SPEC §2.4 an entry closes its `date` (the local date, first 10 characters) and, when it spans
 * several days, the following dates: `days` is round((end − start) / 24 h), at least 1. The
 * entry's own times are ignored (a half-day `public` entry still closes its whole date).
 */
export function liveHolidayEntries(country: string, region: string | null, year: number): HolidayEntry[] {
  return instanceFor(country, region)
    .getHolidays(year)
    .filter((h) => h.type === "public")
    .map((h) => ({ date: h.date.slice(0, 10), days: Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS)) }));
}
