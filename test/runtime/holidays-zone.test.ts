/**
 * The runtime asks date-holidays for holidays without a time zone (runtime/holidays.ts), which
 * skips moving each entry into the country's zone. Only an entry's local date and its length in
 * whole days are read, and neither depends on that zone: checked here against a reference that
 * keeps the package's default zone, for countries whose holidays span several days, move with
 * the moon or the equinox, or have states, in a process time zone with DST (vitest's own).
 * The whole sweep (every country 1995–2045, every state every 7 years) is scripts/check-holiday-zones.mjs.
 */
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { holidayDates } from "../../runtime/holidays.js";

const DAY_MS = 86_400_000;

/** SPEC §2.4 from the package's default-zone entries: each public entry closes `days` dates. */
function referenceDates(country: string, region: string | null, year: number): string[] {
  const hd = region === null ? new Holidays(country) : new Holidays(country, region);
  const out = new Set<string>();
  for (const y of [year - 1, year, year + 1]) {
    for (const h of hd.getHolidays(y)) {
      if (h.type !== "public") continue;
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
      for (let i = 0; i < days; i++) {
        const date = new Date(first + i * DAY_MS).toISOString().slice(0, 10);
        if (date.startsWith(`${year}-`)) out.add(date);
      }
    }
  }
  return [...out].sort();
}

const SPECS: ReadonlyArray<readonly [string, string | null]> = [
  ["JP", null], // equinox days in +09:00
  ["US", null],
  ["FR", null],
  ["DE", "BY"],
  ["AU", "NSW"],
  ["CN", null], // multi-day spring festival
  ["IL", null], // Hebrew calendar, holidays from sunset
  ["SA", null], // Hijri, multi-day Eids
  ["BR", null],
  ["KR", null],
  ["IN", null],
  ["GB", "SCT"],
];

describe("holidays read without a time zone", () => {
  it.each(SPECS)("close the same dates as with the package's default zone (%s %s)", (country, region) => {
    // Without a zone the package works in the process's local time: one whose midnights fall in
    // DST gaps (Sao Paulo until 2019) is the hard case. Node reads TZ again when it is assigned.
    const tz = process.env["TZ"];
    process.env["TZ"] = "America/Sao_Paulo";
    try {
      for (const year of [1999, 2016, 2018, 2026, 2044]) {
        const got = [...holidayDates([{ country, region }], year)].sort();
        expect(got, `${country}/${region ?? ""} ${year}`).toEqual(referenceDates(country, region, year));
      }
    } finally {
      if (tz === undefined) delete process.env["TZ"];
      else process.env["TZ"] = tz;
    }
  });
});
