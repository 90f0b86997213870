/**
 * Yearly closures and rule holidays (issue 11.6): each rule resolved to its dates, and a
 * calendar that uses them. Dates are checked against a printed calendar.
 */
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { calendarFromIR } from "../../runtime/calendar.js";
import type { YearDayIR, YearlyClosureIR } from "../../runtime/ir.js";
import { yearDayIn, yearlyClosings } from "../../runtime/yearly-dates.js";
import { calendarIR, HOUR } from "../property/reference-calendar.js";

const ORIGIN = { file: "t.sla", line: 1, column: 1, text: "" };
const date = (ms: number): string => (Number.isNaN(ms) ? "none" : new Date(ms).toISOString().slice(0, 10));
const rule = (day: YearDayIR, extra: Partial<YearlyClosureIR> = {}): YearlyClosureIR => ({ name: null, holiday: true, day, observed: null, windows: null, origin: ORIGIN, ...extra });

describe("a date of every year", () => {
  it("finds the nth and the last weekday of a month", () => {
    expect(date(yearDayIn({ kind: "nth", month: 1, weekday: 0, nth: 3 }, 2027))).toBe("2027-01-18"); // MLK Day
    expect(date(yearDayIn({ kind: "nth", month: 11, weekday: 3, nth: 4 }, 2026))).toBe("2026-11-26"); // Thanksgiving
    expect(date(yearDayIn({ kind: "nth", month: 5, weekday: 0, nth: -1 }, 2026))).toBe("2026-05-25"); // Memorial Day
    expect(date(yearDayIn({ kind: "nth", month: 9, weekday: 0, nth: 1 }, 2026))).toBe("2026-09-07"); // Labor Day
  });

  it("the day after one: the Friday after Thanksgiving, the day after New Year's Eve in the next year", () => {
    expect(date(yearDayIn({ kind: "nth", month: 11, weekday: 3, nth: 4, dayAfter: true }, 2026))).toBe("2026-11-27");
    expect(date(yearDayIn({ kind: "nth", month: 11, weekday: 3, nth: 4, dayAfter: true }, 2024))).toBe("2024-11-29"); // not the fourth Friday (Nov 22)
    expect(date(yearDayIn({ kind: "date", month: 12, day: 31, dayAfter: true }, 2026))).toBe("2027-01-01");
  });

  it("has no date in the years that lack it: Feb 29, a fifth Monday", () => {
    expect(date(yearDayIn({ kind: "date", month: 2, day: 29 }, 2027))).toBe("none");
    expect(date(yearDayIn({ kind: "date", month: 2, day: 29 }, 2028))).toBe("2028-02-29");
    expect(date(yearDayIn({ kind: "nth", month: 2, weekday: 0, nth: 5 }, 2027))).toBe("none");
    expect(date(yearDayIn({ kind: "nth", month: 3, weekday: 0, nth: 5 }, 2027))).toBe("2027-03-29");
  });
});

describe("observed on another day", () => {
  const july4 = { kind: "date", month: 7, day: 4 } as const; // a Saturday in 2026
  const closed = (r: YearlyClosureIR, year: number) => [...yearlyClosings([r], year).keys()];

  it("nearest weekday: Saturday to Friday, Sunday to Monday", () => {
    expect(closed(rule(july4, { observed: { mode: "nearest", on: [5, 6] } }), 2026)).toEqual(["2026-07-03"]);
    expect(closed(rule(july4, { observed: { mode: "nearest", on: [5, 6] } }), 2027)).toEqual(["2027-07-05"]); // a Sunday
  });

  it("next weekday: Saturday and Sunday to Monday", () => {
    expect(closed(rule(july4, { observed: { mode: "next", on: [5, 6] } }), 2026)).toEqual(["2026-07-06"]);
  });

  it("`when on Sun` leaves a Saturday where it is", () => {
    expect(closed(rule(july4, { observed: { mode: "next", on: [6] } }), 2026)).toEqual(["2026-07-04"]);
  });

  it("a New Year's Day on a Saturday is observed on the last day of the year before", () => {
    const newYear = rule({ kind: "date", month: 1, day: 1 }, { observed: { mode: "nearest", on: [5, 6] } });
    expect(closed(newYear, 2027)).toEqual(["2027-01-01", "2027-12-31"]); // 2028-01-01 is a Saturday
    expect(closed(newYear, 2028)).toEqual([]);
  });
});

describe("a calendar with yearly rules", () => {
  const week = [["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], ["09:00-17:00"], [], []];
  const cal = calendarFromIR(
    calendarIR({
      zone: "America/New_York",
      week,
      yearly: [
        { name: "Christmas Eve", holiday: false, day: { kind: "date", month: 12, day: 24 }, observed: null, windows: ["14:00-24:00"] },
        { name: "Thanksgiving", holiday: true, day: { kind: "nth", month: 11, weekday: 3, nth: 4 }, observed: null },
      ],
    }),
  );
  const add = (iso: string, ms: number) => DateTime.fromMillis(cal.addOpen(Date.parse(iso), ms), { zone: cal.zone }).toISO({ suppressMilliseconds: true });

  it("closes Thanksgiving and the afternoon of every Christmas Eve", () => {
    expect(add("2026-11-25T15:00:00-05:00", 4 * HOUR)).toBe("2026-11-27T11:00:00-05:00");
    expect(add("2026-12-24T12:00:00-05:00", 4 * HOUR)).toBe("2026-12-25T11:00:00-05:00");
    expect(add("2027-12-24T12:00:00-05:00", 4 * HOUR)).toBe("2027-12-27T11:00:00-05:00"); // a Friday
  });
});
