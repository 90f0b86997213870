/**
 * Support days (issue 11 follow-up) against business hours: on a calendar whose business days all
 * have the same hours L (the same windows every open weekday, whole-day holidays, windows clear of
 * the night's DST changes), `N support days` from any start is due exactly when N × L business
 * hours are. (On unequal days they differ: `test/runtime/support-days.test.ts`.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFromIR } from "../../runtime/calendar.js";
import { supportDaysDue } from "../../runtime/support-days.js";
import { propertyRuns } from "./budget.js";
import { calendarIR, MINUTE } from "./reference-calendar.js";

const FROM = Date.UTC(2026, 0, 1);
const SPAN = 360 * 24 * 60;

/** One or two windows between 06:00 and 23:00, on quarter hours. */
const windowsArb = fc
  .uniqueArray(fc.integer({ min: 24, max: 92 }), { minLength: 2, maxLength: 4 })
  .map((qs) => qs.sort((a, b) => a - b))
  .filter((qs) => qs.length % 2 === 0)
  .map((qs) => {
    const out: { from: number; to: number }[] = [];
    for (let i = 0; i < qs.length; i += 2) out.push({ from: qs[i]! * 15, to: qs[i + 1]! * 15 });
    return out;
  });

const calendarArb = fc.record({
  zone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney"),
  days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
  windows: windowsArb,
  holidays: fc.constantFrom([], [{ country: "DE" }], [{ country: "US" }]),
});

describe("support days", () => {
  it("are N × the day's business hours on calendars whose days are alike", () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 1, max: 5 }), (c, minute, n) => {
        const week = [0, 1, 2, 3, 4, 5, 6].map((d) => (c.days.includes(d) ? c.windows : []));
        const cal = calendarFromIR(calendarIR({ zone: c.zone, week, holidays: c.holidays }));
        const length = c.windows.reduce((acc, w) => acc + (w.to - w.from) * MINUTE, 0);
        const start = FROM + minute * MINUTE;
        expect(supportDaysDue(cal, start, n)).toBe(cal.addOpen(start, n * length));
      }),
      { numRuns: propertyRuns(1) },
    );
  });
});
