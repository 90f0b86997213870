/**
 * Support days (issue 11 follow-up, item 2): `N support days` is due at the start's offset into
 * its support day, N business days later, capped at that day's close; from before the opening it
 * is the close of the N-th support day counting the start's. Beside `N business days` (the close).
 */
import { describe, expect, it } from "vitest";
import { calendarFromIR } from "../../runtime/calendar.js";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { supportDaysDue } from "../../runtime/support-days.js";
import { calendar } from "./fixtures.js";

// LUCY-like: Mon–Thu 08:00–17:00 (9 h), Fri 08:00–13:00 (5 h), Zurich.
const lucy = calendarFromIR(calendar("lucy", "Europe/Zurich", { Mon: ["08:00-17:00"], Tue: ["08:00-17:00"], Wed: ["08:00-17:00"], Thu: ["08:00-17:00"], Fri: ["08:00-13:00"] }));
const always = calendarFromIR(calendar("always", "Europe/Berlin", {}, { kind: "always" }));

const due = (cal: typeof lucy, start: string, days: number): string => formatInstant(supportDaysDue(cal, parseInstant(start)!, days), cal.zone);

describe("support days", () => {
  it("keep the start's time of day on the next support day", () => {
    expect(due(lucy, "2026-03-10T15:00:00+01:00", 1)).toBe("2026-03-11T15:00:00+01:00");
    expect(due(lucy, "2026-03-10T15:00:00+01:00", 2)).toBe("2026-03-12T15:00:00+01:00");
  });

  it("end at the close of a shorter day: Thursday 15:00 plus one support day is Friday's 13:00 close", () => {
    expect(due(lucy, "2026-03-12T15:00:00+01:00", 1)).toBe("2026-03-13T13:00:00+01:00");
  });

  it("from Friday's 10:00 (2 hours in) reach Monday 10:00, not 9 business hours later", () => {
    expect(due(lucy, "2026-03-13T10:00:00+01:00", 1)).toBe("2026-03-16T10:00:00+01:00");
  });

  it("from outside support hours are whole support days, ending at a close", () => {
    expect(due(lucy, "2026-03-14T10:00:00+01:00", 1)).toBe("2026-03-16T17:00:00+01:00");
    expect(due(lucy, "2026-03-10T07:00:00+01:00", 1)).toBe("2026-03-10T17:00:00+01:00");
    expect(due(lucy, "2026-03-10T18:00:00+01:00", 2)).toBe("2026-03-12T17:00:00+01:00");
  });

  it("on a 24/7 calendar keep the open time since midnight: 10 hours into the 23-hour day of the change to summer time is 11:00", () => {
    expect(due(always, "2026-03-27T10:00:00+01:00", 1)).toBe("2026-03-28T10:00:00+01:00");
    expect(due(always, "2026-03-28T10:00:00+01:00", 1)).toBe("2026-03-29T11:00:00+02:00");
  });
});
