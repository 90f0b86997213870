/**
 * Example tests of the calendar engine: one concrete case (exact instants) per rule of SPEC §2.
 */
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { calendarFromIR, type Calendar } from "../../runtime/calendar.js";
import { calendarIR, HOUR, MINUTE } from "../property/reference-calendar.js";

const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
};
/** An instant as ISO in the calendar's zone, so expectations read like the contract. */
const show = (cal: Calendar, t: number): string =>
  DateTime.fromMillis(t, { zone: cal.zone }).toISO({ suppressMilliseconds: true }) ?? String(t);
const add = (cal: Calendar, iso: string, ms: number): string => show(cal, cal.addOpen(at(iso), ms));

const weekdays = (...ws: string[]): string[][] => [ws, ws, ws, ws, ws, [], []];

/** Rome, Mon–Fri 09:00–18:00, Italian holidays, Christmas Eve from 13:00, one Saturday opening. */
const rome = calendarFromIR(
  calendarIR({
    zone: "Europe/Rome",
    week: weekdays("09:00-18:00"),
    holidays: [{ country: "IT" }],
    closures: [{ date: "2026-12-24", windows: ["13:00-24:00"] }],
    openings: [
      { date: "2026-10-10", windows: ["09:00-13:00"] },
      { date: "2026-12-08", windows: ["10:00-12:00"] },
    ],
  }),
);

describe("weekly windows (SPEC §2.2, §2.5)", () => {
  const paris = calendarFromIR(calendarIR({ zone: "Europe/Paris", week: weekdays("08:00-12:00", "13:00-17:00") }));

  it("counts several windows a day and skips the gap between them", () => {
    expect(add(paris, "2026-06-15T11:00:00+02:00", 2 * HOUR)).toBe("2026-06-15T14:00:00+02:00");
    expect(paris.isOpen(at("2026-06-15T12:30:00+02:00"))).toBe(false);
    expect(paris.isOpen(at("2026-06-15T13:00:00+02:00"))).toBe(true);
    expect(paris.isOpen(at("2026-06-15T17:00:00+02:00"))).toBe(false);
    expect(paris.openBetween(at("2026-06-15T10:00:00+02:00"), at("2026-06-15T15:00:00+02:00"))).toBe(4 * HOUR);
    expect(paris.openIntervals(at("2026-06-15T10:00:00+02:00"), at("2026-06-15T15:00:00+02:00"))).toEqual([
      [at("2026-06-15T10:00:00+02:00"), at("2026-06-15T12:00:00+02:00")],
      [at("2026-06-15T13:00:00+02:00"), at("2026-06-15T15:00:00+02:00")],
    ]);
  });

  it("starts counting at the next opening when started outside hours", () => {
    expect(add(rome, "2026-06-15T07:00:00+02:00", HOUR)).toBe("2026-06-15T10:00:00+02:00");
    expect(add(rome, "2026-06-13T10:00:00+02:00", HOUR)).toBe("2026-06-15T10:00:00+02:00");
    expect(show(rome, rome.nextOpen(at("2026-06-13T10:00:00+02:00")))).toBe("2026-06-15T09:00:00+02:00");
    expect(show(rome, rome.nextOpen(at("2026-06-15T10:00:00+02:00")))).toBe("2026-06-15T10:00:00+02:00");
  });

  it("is due at the close when the goal ends exactly there, not at the next opening", () => {
    expect(add(rome, "2026-06-19T17:00:00+02:00", HOUR)).toBe("2026-06-19T18:00:00+02:00");
    expect(add(rome, "2026-06-19T09:00:00+02:00", 9 * HOUR)).toBe("2026-06-19T18:00:00+02:00");
    expect(add(rome, "2026-06-19T17:00:00+02:00", HOUR + MINUTE)).toBe("2026-06-22T09:01:00+02:00");
    expect(rome.addOpen(at("2026-06-20T10:00:00+02:00"), 0)).toBe(at("2026-06-20T10:00:00+02:00"));
  });
});

describe("holidays, closures and openings (SPEC §2.4)", () => {
  it("closes Italian Christmas, St Stephen, New Year and Easter Monday", () => {
    for (const d of ["2026-12-25", "2027-01-01", "2027-01-06", "2026-04-06"]) expect(rome.isBusinessDay(d)).toBe(false);
    expect(rome.isBusinessDay("2026-04-07")).toBe(true);
    expect(add(rome, "2026-04-03T17:00:00+02:00", 2 * HOUR)).toBe("2026-04-07T10:00:00+02:00");
  });

  it("applies a partial closure (2026-12-24 from 13:00) before the holidays", () => {
    expect(rome.isOpen(at("2026-12-24T12:59:00+01:00"))).toBe(true);
    expect(rome.isOpen(at("2026-12-24T13:00:00+01:00"))).toBe(false);
    expect(add(rome, "2026-12-24T10:00:00+01:00", 4 * HOUR)).toBe("2026-12-28T10:00:00+01:00");
    expect(show(rome, rome.sameBusinessDayClose(at("2026-12-24T10:00:00+01:00")))).toBe("2026-12-24T13:00:00+01:00");
  });

  it("crosses New Year 2026 → 2027", () => {
    expect(add(rome, "2026-12-31T17:00:00+01:00", 2 * HOUR)).toBe("2027-01-04T10:00:00+01:00");
    expect(rome.openBetween(at("2026-12-31T12:00:00+01:00"), at("2027-01-05T12:00:00+01:00"))).toBe(18 * HOUR);
    expect(rome.openIntervals(at("2026-12-31T12:00:00+01:00"), at("2027-01-05T00:00:00+01:00")).length).toBe(2);
    expect(show(rome, rome.businessDayClose(at("2026-12-30T10:00:00+01:00"), 3))).toBe("2027-01-05T18:00:00+01:00");
  });

  it("opens extra hours on a Saturday and on a holiday", () => {
    expect(rome.isBusinessDay("2026-10-10")).toBe(true);
    expect(add(rome, "2026-10-09T17:00:00+02:00", 3 * HOUR)).toBe("2026-10-10T11:00:00+02:00");
    expect(rome.isOpen(at("2026-12-08T11:00:00+01:00"))).toBe(true);
    expect(rome.openBetween(at("2026-12-08T00:00:00+01:00"), at("2026-12-09T00:00:00+01:00"))).toBe(2 * HOUR);
  });

  it("closes US Independence Day (observed on Friday 2026-07-03)", () => {
    const ny = calendarFromIR(calendarIR({ zone: "America/New_York", week: weekdays("09:00-17:00"), holidays: [{ country: "US" }] }));
    expect(ny.isBusinessDay("2026-07-03")).toBe(false);
    expect(add(ny, "2026-07-02T16:00:00-04:00", 2 * HOUR)).toBe("2026-07-06T10:00:00-04:00");
  });

  it("closes the Japanese Golden Week, substitute day included", () => {
    const tokyo = calendarFromIR(calendarIR({ zone: "Asia/Tokyo", week: weekdays("09:00-18:00"), holidays: [{ country: "JP" }] }));
    expect(add(tokyo, "2026-05-01T17:00:00+09:00", 2 * HOUR)).toBe("2026-05-07T10:00:00+09:00");
  });

  it("uses a country's region: Corpus Christi is a holiday in DE-BY, not in DE", () => {
    const week = weekdays("08:00-16:00");
    const by = calendarFromIR(calendarIR({ zone: "Europe/Berlin", week, holidays: [{ country: "DE", region: "BY" }] }));
    const de = calendarFromIR(calendarIR({ zone: "Europe/Berlin", week, holidays: [{ country: "DE" }] }));
    expect(by.isBusinessDay("2026-06-04")).toBe(false);
    expect(de.isBusinessDay("2026-06-04")).toBe(true);
  });

  it("rejects unknown zones and holiday countries", () => {
    expect(() => calendarFromIR(calendarIR({ zone: "Mars/Olympus" }))).toThrow(/time zone/);
    expect(() => calendarFromIR(calendarIR({ zone: "UTC", holidays: [{ country: "XX" }] }))).toThrow(/country/);
    expect(() => calendarFromIR(calendarIR({ zone: "UTC", holidays: [{ country: "DE", region: "ZZ" }] }))).toThrow(/region/);
  });
});

describe("24x7 and days-only calendars (SPEC §2.2, §2.6, §2.7)", () => {
  it("counts elapsed time on a 24x7 calendar, across DST", () => {
    const always = calendarFromIR(calendarIR({ zone: "Europe/Paris", kind: "always" }));
    const t = at("2026-03-28T12:00:00+01:00");
    expect(add(always, "2026-03-28T12:00:00+01:00", 24 * HOUR)).toBe("2026-03-29T13:00:00+02:00");
    expect(always.isOpen(t)).toBe(true);
    expect(always.openBetween(t, t + 5 * HOUR)).toBe(5 * HOUR);
    expect(always.nextOpen(t)).toBe(t);
    // Every date is a business day closing at the next local midnight (23 h long on 03-29).
    expect(show(always, always.sameBusinessDayClose(t))).toBe("2026-03-29T00:00:00+01:00");
    expect(show(always, always.businessDayClose(t, 1))).toBe("2026-03-30T00:00:00+02:00");
  });

  it("opens business days 00:00–24:00 on a days-only calendar", () => {
    const days = calendarFromIR(
      calendarIR({ zone: "Europe/Paris", kind: "days", week: weekdays("00:00-24:00"), holidays: [{ country: "FR" }] }),
    );
    // 2026-05-08 (Friday) is a French holiday.
    expect(show(days, days.businessDayClose(at("2026-05-07T10:00:00+02:00"), 1))).toBe("2026-05-12T00:00:00+02:00");
    expect(add(days, "2026-05-07T10:00:00+02:00", 24 * HOUR)).toBe("2026-05-11T10:00:00+02:00");
    expect(days.localDate(at("2026-05-11T23:59:00+02:00"))).toBe("2026-05-11");
  });
});

describe("business days (SPEC §2.7, §2.8)", () => {
  it("counts business days after the start day, across weekends and holidays", () => {
    expect(show(rome, rome.businessDayClose(at("2026-12-24T10:00:00+01:00"), 1))).toBe("2026-12-28T18:00:00+01:00");
    expect(show(rome, rome.businessDayClose(at("2026-12-24T10:00:00+01:00"), 2))).toBe("2026-12-29T18:00:00+01:00");
    expect(show(rome, rome.businessDayClose(at("2026-04-03T08:00:00+02:00"), 1))).toBe("2026-04-07T18:00:00+02:00");
    expect(show(rome, rome.businessDayClose(at("2026-06-13T10:00:00+02:00"), 1))).toBe("2026-06-15T18:00:00+02:00");
  });

  it("is due the same day only when started on a business day before its close", () => {
    const same = (iso: string): string => show(rome, rome.sameBusinessDayClose(at(iso)));
    expect(same("2026-06-15T07:00:00+02:00")).toBe("2026-06-15T18:00:00+02:00");
    expect(same("2026-06-15T17:59:00+02:00")).toBe("2026-06-15T18:00:00+02:00");
    expect(same("2026-06-15T18:00:00+02:00")).toBe("2026-06-16T18:00:00+02:00");
    expect(same("2026-06-13T10:00:00+02:00")).toBe("2026-06-15T18:00:00+02:00");
  });
});

describe("DST (SPEC §2.3)", () => {
  it("counts real time in a 01:00–04:00 window on a spring-forward night (Paris)", () => {
    const paris = calendarFromIR(calendarIR({ zone: "Europe/Paris", week: [[], [], [], [], [], [], ["01:00-04:00"]] }));
    expect(paris.openBetween(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(2 * HOUR);
    expect(add(paris, "2026-03-29T01:00:00+01:00", 2 * HOUR)).toBe("2026-03-29T04:00:00+02:00");
  });

  it("moves an edge in the gap (02:30) forward to 03:00", () => {
    const paris = calendarFromIR(calendarIR({ zone: "Europe/Paris", week: [[], [], [], [], [], [], ["02:30-05:00"]] }));
    expect(show(paris, paris.nextOpen(at("2026-03-29T00:00:00+01:00")))).toBe("2026-03-29T03:00:00+02:00");
    expect(paris.openBetween(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"))).toBe(2 * HOUR);
  });

  it("takes the earlier instant for an edge in the fall-back overlap (New York, 01:30 EDT)", () => {
    const ny = calendarFromIR(calendarIR({ zone: "America/New_York", week: [[], [], [], [], [], [], ["00:00-01:30", "02:00-03:00"]] }));
    expect(show(ny, ny.addOpen(at("2026-11-01T00:00:00-04:00"), 90 * MINUTE))).toBe("2026-11-01T01:30:00-04:00");
    expect(ny.isOpen(at("2026-11-01T01:15:00-05:00"))).toBe(false);
    const late = calendarFromIR(calendarIR({ zone: "America/New_York", week: [[], [], [], [], [], [], ["01:30-03:00"]] }));
    expect(show(late, late.nextOpen(at("2026-11-01T00:00:00-04:00")))).toBe("2026-11-01T01:30:00-04:00");
    expect(late.openBetween(at("2026-11-01T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00"))).toBe(150 * MINUTE);
  });

  it("has no DST in Asia/Tehran (Sat–Wed week)", () => {
    const ws = ["08:00-16:00"];
    const tehran = calendarFromIR(calendarIR({ zone: "Asia/Tehran", week: [ws, ws, ws, [], [], ws, ws] }));
    expect(add(tehran, "2026-06-17T15:00:00+03:30", 2 * HOUR)).toBe("2026-06-20T09:00:00+03:30");
    expect(add(tehran, "2026-03-21T07:00:00+03:30", HOUR)).toBe("2026-03-21T09:00:00+03:30");
  });

  it("handles the 30-minute shifts of Australia/Lord_Howe", () => {
    const lh = calendarFromIR(calendarIR({ zone: "Australia/Lord_Howe", week: [[], [], [], [], [], [], ["01:00-04:00"]] }));
    // 2026-10-04: 02:00 → 02:30, so 01:00–04:00 lasts 2.5 h.
    expect(lh.openBetween(at("2026-10-03T12:00:00Z"), at("2026-10-04T12:00:00Z"))).toBe(150 * MINUTE);
    // 2026-04-05: 02:00 → 01:30, so 01:00–04:00 lasts 3.5 h.
    expect(lh.openBetween(at("2026-04-04T12:00:00Z"), at("2026-04-05T12:00:00Z"))).toBe(210 * MINUTE);
    const gap = calendarFromIR(calendarIR({ zone: "Australia/Lord_Howe", week: [[], [], [], [], [], [], ["02:15-03:00"]] }));
    expect(show(gap, gap.nextOpen(at("2026-10-03T12:00:00Z")))).toBe("2026-10-04T02:30:00+11:00");
    const overlap = calendarFromIR(calendarIR({ zone: "Australia/Lord_Howe", week: [[], [], [], [], [], [], ["01:45-03:00"]] }));
    expect(show(overlap, overlap.nextOpen(at("2026-04-04T12:00:00Z")))).toBe("2026-04-05T01:45:00+11:00");
  });

  it("handles America/Santiago, whose clocks change at midnight (24:00/00:00 edges)", () => {
    const santiago = calendarFromIR(
      calendarIR({ zone: "America/Santiago", week: [[], [], [], [], [], ["20:00-24:00"], ["00:00-02:00"]] }),
    );
    // 2026-09-05 24:00 and 09-06 00:00 fall in the gap: both are 09-06 01:00-03:00.
    expect(show(santiago, santiago.businessDayClose(at("2026-09-04T12:00:00-04:00"), 1))).toBe("2026-09-06T01:00:00-03:00");
    expect(santiago.openBetween(at("2026-09-05T00:00:00-04:00"), at("2026-09-07T00:00:00-03:00"))).toBe(5 * HOUR);
    expect(santiago.openIntervals(at("2026-09-05T00:00:00-04:00"), at("2026-09-07T00:00:00-03:00"))).toEqual([
      [at("2026-09-05T20:00:00-04:00"), at("2026-09-06T02:00:00-03:00")],
    ]);
    expect(santiago.localDate(at("2026-09-06T01:00:00-03:00"))).toBe("2026-09-06");
    expect(santiago.localDate(at("2026-09-05T23:59:00-04:00"))).toBe("2026-09-05");
    // 2026-04-05 00:00 -03 → 04-04 23:00 -04: Saturday 20:00–24:00 lasts 5 h.
    expect(santiago.openBetween(at("2026-04-04T00:00:00-03:00"), at("2026-04-05T00:00:00-04:00"))).toBe(5 * HOUR);
    expect(santiago.localDate(at("2026-04-04T23:30:00-04:00"))).toBe("2026-04-04");
  });
});
