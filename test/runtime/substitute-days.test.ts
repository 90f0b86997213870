/**
 * `observed next free weekday` (issue 11 follow-up, item 4): the UK substitute day. A holiday on
 * the weekend moves to the next weekday that no other holiday of the calendar holds, so
 * Christmas on a Saturday is kept on Monday 27 and Boxing Day on Tuesday 28; Christmas on a
 * Sunday passes the Boxing Day Monday and is kept on Tuesday 27.
 */
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import type { YearlyClosureIR } from "../../runtime/ir.js";
import { yearlyClosings } from "../../runtime/yearly-dates.js";

const ORIGIN = { file: "uk.sla", line: 1, column: 1, text: "" };
const rule = (name: string, month: number, day: number, mode: "next" | "nextFree"): YearlyClosureIR => ({
  name,
  holiday: true,
  day: { kind: "date", month, day },
  observed: { mode, on: [5, 6] },
  windows: null,
  origin: ORIGIN,
});
const UK = (mode: "next" | "nextFree") => [rule("New Year's Day", 1, 1, mode), rule("Christmas Day", 12, 25, mode), rule("Boxing Day", 12, 26, mode)];

/** The dates closed in `year`, sorted. */
const closed = (rules: readonly YearlyClosureIR[], year: number) => [...yearlyClosings(rules, year)].filter(([, c]) => c.closed).map(([d]) => d).sort();

describe("observed next free weekday", () => {
  it("2021, Christmas on a Saturday: Monday 27 and Tuesday 28", () => {
    expect(closed(UK("nextFree"), 2021)).toEqual(["2021-01-01", "2021-12-27", "2021-12-28"]);
  });

  it("2022, Christmas on a Sunday: Boxing Day stays on Monday 26, Christmas moves to Tuesday 27", () => {
    expect(closed(UK("nextFree"), 2022)).toEqual(["2022-01-03", "2022-12-26", "2022-12-27"]);
  });

  it("where `observed next weekday` would put both on one Monday (and close one day too few)", () => {
    expect(closed(UK("next"), 2021)).toEqual(["2021-01-01", "2021-12-27"]);
  });

  it("matches the substitute days date-holidays gives England, 2020–2040", () => {
    const hd = new Holidays("GB", "ENG");
    for (let year = 2020; year <= 2040; year++) {
      // England's observed dates of the three: the weekday ones, and the substitute days.
      const expected = hd
        .getHolidays(year)
        .filter((h) => h.type === "public" && /^(New Year's Day|Christmas Day|Boxing Day)/.test(h.name))
        .map((h) => h.date.slice(0, 10))
        .filter((d) => {
          const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
          return wd !== 0 && wd !== 6;
        })
        .sort();
      expect([year, closed(UK("nextFree"), year)]).toEqual([year, expected]);
    }
  });

  it("a partial-day closure moves past whole-day holidays but holds no day against them", () => {
    const eve: YearlyClosureIR = { ...rule("Christmas Eve afternoon", 12, 24, "nextFree"), holiday: false, windows: [{ from: 840, to: 1440 }] };
    // 2022: Saturday 24 passes Boxing Day (Monday 26) to Tuesday 27, where Christmas (Sunday 25) still lands.
    const c = yearlyClosings([eve, ...UK("nextFree")], 2022);
    expect(c.get("2022-12-26")).toEqual({ closed: true, close: [] });
    expect(c.get("2022-12-27")).toEqual({ closed: true, close: [{ from: 840, to: 1440 }] });
  });
});
