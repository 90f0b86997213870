/**
 * Public holidays read from a table made from date-holidays (`holiday-table.generated.ts`, written
 * by `npm run gen:holidays`), for every country and region it knows in the years the table spans.
 *
 * Why: the package computes a year of holidays from rules (and, for equinoxes and lunisolar new
 * years, astronomy) at a few milliseconds a year while cold, which is what a short batch of
 * tickets spread over years spent its first moments on, and loading the package took a quarter
 * of `sla eval`'s start-up. The table holds exactly the package's answers: it is used only while
 * the installed date-holidays, date-holidays-parser and astronomia are the versions it was made
 * from, and `test/runtime/holiday-table.test.ts` compares it with the package.
 *
 * Encoding (per `COUNTRY/REGION` key, one string): years from {@link HOLIDAY_TABLE_FROM} joined
 * by `;`, each a `,`-joined list of entries `<day>[*<days>]`: the entry's date as days after
 * 1 January of the year it is listed under (base 36, negative before it) and its length in days
 * when over one. A region lists only how it differs from its country: an entry it adds, or
 * `~<entry>` for one of the country's it does not keep.
 */
import type { HolidayEntry } from "./holiday-source.js";
import { HOLIDAY_TABLE, HOLIDAY_TABLE_FROM, HOLIDAY_TABLE_SOURCE, HOLIDAY_TABLE_TO } from "./holiday-table.generated.js";

const DAY_MS = 86_400_000;

/** The entry's text in the encoding above. */
export function encodeHolidayEntry(year: number, entry: HolidayEntry): string {
  const day = (Date.parse(`${entry.date}T00:00:00Z`) - Date.UTC(year, 0, 1)) / DAY_MS;
  return entry.days > 1 ? `${day.toString(36)}*${entry.days}` : day.toString(36);
}

/** The entry an encoded text names, listed under `year`. */
export function decodeHolidayEntry(year: number, text: string): HolidayEntry {
  const star = text.indexOf("*");
  const day = parseInt(star === -1 ? text : text.slice(0, star), 36);
  return { date: new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10), days: star === -1 ? 1 : Number(text.slice(star + 1)) };
}

/** Each key's entries per year, as entry texts, split on first use. */
const decoded = new Map<string, readonly (readonly string[])[]>();

function yearsOf(key: string): readonly (readonly string[])[] | undefined {
  let years = decoded.get(key);
  if (years === undefined) {
    const text = HOLIDAY_TABLE.get(key);
    if (text === undefined) return undefined;
    const own = text.split(";").map((y) => (y === "" ? [] : y.split(",")));
    const slash = key.indexOf("/");
    const country = slash < key.length - 1 ? yearsOf(key.slice(0, slash + 1)) : undefined;
    years = country === undefined ? own : own.map((delta, i) => withDelta(country[i] ?? [], delta));
    decoded.set(key, years);
  }
  return years;
}

/** A region's entries: its country's, less those marked `~`, plus its own. */
function withDelta(country: readonly string[], delta: readonly string[]): string[] {
  if (delta.length === 0) return country as string[];
  const dropped = new Set(delta.filter((e) => e.startsWith("~")).map((e) => e.slice(1)));
  return [...country.filter((e) => !dropped.has(e)), ...delta.filter((e) => !e.startsWith("~"))];
}

/**
 * Whether the table may answer for the package versions installed (`installedHolidaySource()`):
 * only those it was made from, or none at all (date-holidays not installed: nothing to ask
 * instead); never when a version could not be read.
 */
export function tableMadeFrom(installed: string | null): boolean {
  return installed === null || installed === HOLIDAY_TABLE_SOURCE;
}

/** The table's entries listed under `year` for `COUNTRY/REGION` (upper case), or `undefined` when it does not hold them. */
export function tableHolidayEntries(key: string, year: number): HolidayEntry[] | undefined {
  if (year < HOLIDAY_TABLE_FROM || year > HOLIDAY_TABLE_TO) return undefined;
  const texts = yearsOf(key)?.[year - HOLIDAY_TABLE_FROM];
  return texts?.map((t) => decodeHolidayEntry(year, t));
}

export { HOLIDAY_TABLE_FROM, HOLIDAY_TABLE_SOURCE, HOLIDAY_TABLE_TO };
