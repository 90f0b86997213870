/**
 * The planet-position memo (runtime/holiday-astronomy.ts): date-holidays must be using the copy of
 * astronomia the memo wraps (else it quietly does nothing), and holidays must come out the same as
 * from date-holidays alone, which a child process without the memo computes.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { planetPositionCounts } from "../../runtime/holiday-astronomy.js";
import { liveHolidayEntries } from "../../runtime/holiday-source.js";

const COUNTRIES = ["JP", "CN", "TW"];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];

describe("planet positions remembered for date-holidays", () => {
  it("serves repeated positions from the memo, so date-holidays uses the wrapped astronomia", () => {
    // Years no other test asks for: date-holidays-parser remembers some answers itself, process-wide.
    liveHolidayEntries("JP", null, 2180); // the package loaded, and the memo installed
    const before = planetPositionCounts();
    for (const y of [2181, 2182, 2183, 2184]) liveHolidayEntries("JP", null, y);
    const after = planetPositionCounts();
    const asked = after.asked - before.asked;
    const computed = after.computed - before.computed;
    // Japan asks 30 positions a year for its two equinoxes, of which at most half are new.
    expect(asked).toBeGreaterThanOrEqual(4 * 30);
    expect(computed).toBeLessThanOrEqual(asked / 2);
  });

  it("gives the same holidays as date-holidays without the memo", () => {
    const withMemo = COUNTRIES.flatMap((c) => YEARS.flatMap((y) => liveHolidayEntries(c, null, y).map((e) => `${c} ${e.date} ${e.days}`)));
    // A child process with the package's own ES module build and no memo, reading entries the same way.
    const script = `import Holidays from "date-holidays";
      const out = [];
      for (const c of ${JSON.stringify(COUNTRIES)}) {
        const hd = new Holidays(c);
        hd.setTimezone(undefined);
        for (const y of ${JSON.stringify(YEARS)}) for (const h of hd.getHolidays(y)) if (h.type === "public") out.push(c + " " + h.date.slice(0, 10) + " " + Math.max(1, Math.round((h.end - h.start) / 864e5)));
      }
      process.stdout.write(JSON.stringify(out));`;
    const without = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", cwd: process.cwd() })) as string[];
    expect(withMemo.length).toBeGreaterThan(250);
    expect(withMemo).toEqual(without);
    // Dates fixed by astronomy, as the countries published them.
    expect(withMemo).toContain("JP 2024-03-20 1");
    expect(withMemo).toContain("JP 2025-09-23 1");
    expect(withMemo).toContain("CN 2026-02-17 1");
  });
});
