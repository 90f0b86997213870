/**
 * The table of public holidays (runtime/holiday-table.ts) holds exactly what date-holidays
 * computes: made from the installed package versions, one key per country and region the package
 * knows, and entry for entry the package's own answer. The fast run compares every country in
 * four years and every region in one; the deep run (`npm run test:deep`) compares every key in
 * every year.
 */
import { describe, expect, it } from "vitest";
import { HOLIDAY_REGIONS } from "../../runtime/holiday-codes.generated.js";
import { installedHolidaySource, liveHolidayEntries } from "../../runtime/holiday-source.js";
import { HOLIDAY_TABLE } from "../../runtime/holiday-table.generated.js";
import { decodeHolidayEntry, encodeHolidayEntry, HOLIDAY_TABLE_FROM, HOLIDAY_TABLE_SOURCE, HOLIDAY_TABLE_TO, tableHolidayEntries, tableMadeFrom } from "../../runtime/holiday-table.js";
import { holidayDates } from "../../runtime/holidays.js";
import { baseRuns, DEEP_RUNS } from "../property/budget.js";

const DEEP = baseRuns() >= DEEP_RUNS;
const YEARS = HOLIDAY_TABLE_TO - HOLIDAY_TABLE_FROM + 1;

/** Entries as a sorted list of unique `date*days` texts: the table keeps each entry once. */
const texts = (entries: ReadonlyArray<{ date: string; days: number }>) => [...new Set(entries.map((e) => `${e.date}*${e.days}`))].sort();

const keys = [...HOLIDAY_REGIONS].flatMap(([country, regions]) => [[country, null] as const, ...regions.map((r) => [country, r] as const)]);

describe("the holiday table", () => {
  it("was made from the installed date-holidays, date-holidays-parser and astronomia (else `npm run gen:holidays`)", () => {
    expect(HOLIDAY_TABLE_SOURCE).toBe(installedHolidaySource());
    // Every package whose code decides a holiday: the data, the rules' interpreter and what it computes with.
    expect(HOLIDAY_TABLE_SOURCE.split(", ").map((p) => p.split(" ")[0])).toEqual(["date-holidays", "date-holidays-parser", "astronomia", "caldate", "date-bengali-revised", "date-chinese", "date-easter", "jalaali-js", "moment-timezone"]);
  });

  it("holds every country and region the package knows, each over the table's years", () => {
    expect([...HOLIDAY_TABLE.keys()]).toEqual(keys.map(([c, r]) => `${c}/${r ?? ""}`));
    for (const [key, text] of HOLIDAY_TABLE) expect(text.split(";"), key).toHaveLength(YEARS);
    expect(HOLIDAY_TABLE_FROM).toBeLessThanOrEqual(2000);
    expect(HOLIDAY_TABLE_TO).toBeGreaterThanOrEqual(2050);
  });

  it(`lists the package's own entries (${DEEP ? "every key, every year" : "every country in 4 years, every region in 1"})`, () => {
    let compared = 0;
    keys.forEach(([country, region], i) => {
      const years = DEEP
        ? Array.from({ length: YEARS }, (_, k) => HOLIDAY_TABLE_FROM + k)
        : region === null
          ? [HOLIDAY_TABLE_FROM, 2013, 2026, HOLIDAY_TABLE_TO]
          : [HOLIDAY_TABLE_FROM + ((i * 7) % YEARS)];
      for (const year of years) {
        const fromTable = tableHolidayEntries(`${country}/${region ?? ""}`, year);
        expect(fromTable, `${country}/${region ?? ""} ${year}`).toBeDefined();
        expect(texts(fromTable!), `${country}/${region ?? ""} ${year}`).toEqual(texts(liveHolidayEntries(country, region, year)));
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it("writes entries dated in a neighbouring year and entries of several days, and reads them back", () => {
    for (const [year, entry, text] of [
      [2022, { date: "2021-12-31", days: 1 }, "-1"],
      [2004, { date: "2004-12-31", days: 1 }, "a5"],
      [2026, { date: "2027-01-02", days: 2 }, "a6*2"],
      [2026, { date: "2026-03-19", days: 4 }, "25*4"],
    ] as const) {
      expect(encodeHolidayEntry(year, entry)).toBe(text);
      expect(decodeHolidayEntry(year, text)).toEqual(entry);
    }
    // Saudi Arabia's Eids are entries of four days; the US files New Year's Day 2005 observed under 2004.
    expect(texts(tableHolidayEntries("SA/", 2026)!)).toEqual(expect.arrayContaining(["2026-03-19*4", "2026-05-26*4"]));
    expect(texts(tableHolidayEntries("US/", 2004)!)).toContain("2004-12-31*1");
    // A region keeps its country's holidays and adds its own: Bavaria's Epiphany beside German Unity Day.
    const bavaria = texts(tableHolidayEntries("DE/BY", 2026)!);
    expect(bavaria).toContain("2026-01-06*1");
    expect(bavaria).toContain("2026-10-03*1");
    expect(texts(tableHolidayEntries("DE/", 2026)!)).not.toContain("2026-01-06*1");
  });

  it("reads a region by the package's own spelling, whatever the case written (`CK-Aitutaki`)", () => {
    const live = new Set([2025, 2026, 2027].flatMap((y) => liveHolidayEntries("CK", "Aitutaki", y)).map((e) => e.date).filter((d) => d.startsWith("2026-")));
    expect(live.size).toBeGreaterThan(5);
    for (const region of ["Aitutaki", "AITUTAKI", "aitutaki"]) expect([...holidayDates([{ country: "ck", region }], 2026)].sort()).toEqual([...live].sort());
  });

  it("answers only within its years and for keys it holds", () => {
    expect(tableHolidayEntries("FR/", HOLIDAY_TABLE_FROM - 1)).toBeUndefined();
    expect(tableHolidayEntries("FR/", HOLIDAY_TABLE_TO + 1)).toBeUndefined();
    expect(tableHolidayEntries("XX/", 2026)).toBeUndefined();
    // Beyond the table the package answers: the same closed dates as its own entries.
    const year = HOLIDAY_TABLE_TO + 1;
    const live = new Set([year - 1, year, year + 1].flatMap((y) => liveHolidayEntries("FR", null, y)).map((e) => e.date).filter((d) => d.startsWith(`${year}-`)));
    expect([...holidayDates([{ country: "FR", region: null }], year)].sort()).toEqual([...live].sort());
  });

  it("is used only for the package versions it was made from", () => {
    expect(tableMadeFrom(HOLIDAY_TABLE_SOURCE)).toBe(true);
    expect(tableMadeFrom(null)).toBe(true);
    // Installed, but a version could not be read: the package answers, not the table.
    expect(tableMadeFrom("unreadable")).toBe(false);
    expect(tableMadeFrom(HOLIDAY_TABLE_SOURCE.replace(/date-holidays (\d+)/, (_, major: string) => `date-holidays ${Number(major) + 1}`))).toBe(false);
  });
});
