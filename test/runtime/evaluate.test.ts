/**
 * evaluateTicket, SPEC §2 rules 1–7: one describe per rule, concrete tickets, exact instants.
 * Rules 8–14 are in evaluate-clock.test.ts, the §3 contract in evaluate-contract.test.ts.
 *
 * Dates used: 2026-06-15 is a Monday; 2026-03-29 and 2026-10-25 are the European DST Sundays;
 * 2026-04-06 is Easter Monday (IT and CZ holiday), 2026-04-03 Good Friday (CZ holiday only);
 * 2026-06-16 is Islamic New Year in AE; 2026-07-06 is a CZ holiday.
 */
import { describe, expect, it } from "vitest";
import { calendarFromIR } from "../../runtime/calendar.js";
import { formatInstant } from "../../runtime/instant.js";
import {
  calendar,
  eu,
  events,
  g,
  imagicle,
  kustomer,
  lucy,
  only,
  policy,
  promotron,
  target,
} from "./fixtures.js";

/** A policy of one target with one goal on one calendar (for rules the seed matrices lack). */
function single(cal: ReturnType<typeof calendar>, goal: ReturnType<typeof g.businessHours>) {
  return policy({
    id: "single",
    calendars: [cal],
    defaultCalendar: cal.name,
    targets: [target("response", [{ priority: null, plan: null, goal, origin: { file: "t.sla", line: 1, column: 1, text: "" } }])],
  });
}

describe("SPEC §2.1 instants", () => {
  it("reads any offset and writes the calendar's zone", () => {
    const a = eu({ priority: "P3", plan: "gold", openedAt: "2026-06-15T07:00:00Z" }, "2026-06-15T10:00:00Z");
    expect(a).toMatchObject({ startedAt: "2026-06-15T09:00:00+02:00", due: "2026-06-15T13:00:00+02:00", status: "pending" });
    const b = eu({ priority: "P3", plan: "gold", openedAt: "2026-06-15T03:00:00-04:00" }, "2026-06-15T12:00:00+02:00");
    expect(b).toEqual(a);
  });

  it("writes New York instants with their offset", () => {
    const r = only(imagicle, { priority: "P3", plan: "gold", region: "americas", language: "en", openedAt: "2026-06-15T12:00:00Z" });
    expect(r.startedAt).toBe("2026-06-15T08:00:00-04:00");
    expect(r.due).toBe("2026-06-15T12:00:00-04:00");
  });

  it("writes Z for a UTC calendar", () => {
    const r = only(kustomer, { priority: "P1", openedAt: "2026-06-15T10:00:00+02:00" }, "2026-06-15T08:30:00Z");
    expect(r).toMatchObject({ startedAt: "2026-06-15T08:00:00Z", due: "2026-06-15T10:00:00Z", status: "pending" });
  });
});

describe("SPEC §2.2 calendars: the region and plan choose", () => {
  const sat = "2026-06-13T10:00:00+02:00";
  it("gold counts Saturday hours, basic does not", () => {
    expect(eu({ priority: "P2", plan: "gold", openedAt: sat }).due).toBe("2026-06-13T12:00:00+02:00");
    expect(eu({ priority: "P2", plan: "basic", openedAt: sat }).due).toBe("2026-06-16T18:00:00+02:00");
  });

  it("platinum uses the region's gold calendar (plan inheritance expanded)", () => {
    expect(eu({ priority: "P2", plan: "platinum", openedAt: sat }).due).toBe("2026-06-13T12:00:00+02:00");
  });

  it("Middle East Sun–Thu: Friday closed, Saturday afternoon for gold, AE holidays for basic", () => {
    const me = { region: "middle_east_sun_thu", language: "ar" };
    // Thu 16:00–18:00 (2 h), Fri closed, Sat 12:00–14:00.
    expect(only(imagicle, { ...me, priority: "P3", plan: "gold", openedAt: "2026-06-18T16:00:00+04:00" }).due).toBe(
      "2026-06-20T14:00:00+04:00",
    );
    // Business days after Sunday 14: Mon 15, (Tue 16 Islamic New Year), Wed 17.
    expect(only(imagicle, { ...me, priority: "P2", plan: "basic", openedAt: "2026-06-14T10:00:00+04:00" }).due).toBe(
      "2026-06-17T18:00:00+04:00",
    );
  });

  it("a ticket without region uses the policy's default calendar (days-only Prague)", () => {
    const r = only(promotron, { plan: "standard", openedAt: "2026-06-30T09:00:00+02:00", events: events(["approve", "2026-07-01T10:00:00+02:00"]) });
    // Thu 2, Fri 3, (Mon 6 CZ holiday), Tue 7: a days-only day closes at midnight.
    expect(r).toMatchObject({ startedAt: "2026-07-01T10:00:00+02:00", due: "2026-07-08T00:00:00+02:00" });
  });

  it("24x7 counts every hour", () => {
    expect(only(kustomer, { priority: "P1", openedAt: "2026-06-13T23:30:00Z" }).due).toBe("2026-06-14T01:30:00Z");
  });
});

describe("SPEC §2.3 wall-clock edges and DST", () => {
  it("business hours across the spring-forward weekend keep local windows", () => {
    // Sat 16:00–18:00 +01:00 (2 h), Sun closed, Mon 09:00–15:00 +02:00.
    expect(eu({ priority: "P4", plan: "gold", openedAt: "2026-03-28T16:00:00+01:00" }).due).toBe("2026-03-30T15:00:00+02:00");
    expect(eu({ priority: "P2", plan: "basic", openedAt: "2026-03-27T10:00:00+01:00" }).due).toBe("2026-03-31T18:00:00+02:00");
  });

  it("elapsed goals count real time through the transitions", () => {
    expect(eu({ priority: "P1", plan: "platinum", openedAt: "2026-03-29T01:30:00+01:00" }).due).toBe("2026-03-29T03:30:00+02:00");
    expect(eu({ priority: "P1", plan: "platinum", openedAt: "2026-10-25T02:30:00+02:00" }).due).toBe("2026-10-25T02:30:00+01:00");
  });

  it("a 01:00–04:00 window counts 2 hours on the spring-forward night and 4 on the fall-back night", () => {
    const night = single(calendar("night", "Europe/Rome", { Sun: ["01:00-04:00"] }), g.businessHours(3));
    expect(only(night, { openedAt: "2026-03-29T01:00:00+01:00" }).due).toBe("2026-04-05T02:00:00+02:00");
    expect(only(night, { openedAt: "2026-10-25T01:00:00+02:00" }).due).toBe("2026-10-25T03:00:00+01:00");
  });
});

describe("SPEC §2.4 holidays", () => {
  it("business days skip Easter Monday in Italy", () => {
    expect(eu({ priority: "P2", plan: "basic", openedAt: "2026-04-03T10:00:00+02:00" }).due).toBe("2026-04-08T18:00:00+02:00");
    expect(eu({ priority: "P1", plan: "basic", openedAt: "2026-04-03T10:00:00+02:00" }).due).toBe("2026-04-07T18:00:00+02:00");
  });

  it("a ticket opened on a holiday counts from the next business day", () => {
    expect(eu({ priority: "P1", plan: "basic", openedAt: "2026-04-06T10:00:00+02:00" }).due).toBe("2026-04-07T18:00:00+02:00");
  });

  it("gold stays open on holidays", () => {
    expect(eu({ priority: "P2", plan: "gold", openedAt: "2026-04-06T09:00:00+02:00" }).due).toBe("2026-04-06T11:00:00+02:00");
  });

  it("business hours skip a holiday", () => {
    const it4 = single(calendar("europe_hours", "Europe/Rome", { Mon: ["09:00-18:00"], Tue: ["09:00-18:00"], Wed: ["09:00-18:00"], Thu: ["09:00-18:00"], Fri: ["09:00-18:00"] }, { holidays: ["IT"] }), g.businessHours(4));
    // Fri 16:00–18:00, (Mon 6 Easter Monday), Tue 09:00–11:00.
    expect(only(it4, { openedAt: "2026-04-03T16:00:00+02:00" }).due).toBe("2026-04-07T11:00:00+02:00");
  });

  it("Czech Good Friday and Easter Monday close the Prague days-only calendar", () => {
    const r = only(promotron, { plan: "standard", openedAt: "2026-04-01T09:00:00+02:00", events: events(["approve", "2026-04-01T12:00:00+02:00"]) });
    // Thu 2, (Fri 3), (Mon 6), Tue 7, Wed 8 → close of Wed 8 is midnight.
    expect(r.due).toBe("2026-04-09T00:00:00+02:00");
  });
});

describe("SPEC §2.5 business durations", () => {
  it("a clock started outside open time counts from the next opening", () => {
    const r = eu({ priority: "P2", plan: "gold", openedAt: "2026-06-14T20:00:00+02:00" });
    expect(r).toMatchObject({ startedAt: "2026-06-14T20:00:00+02:00", due: "2026-06-15T11:00:00+02:00" });
  });

  it("a goal ending exactly at a close is due at that close", () => {
    const open = { priority: "P3", plan: "gold", openedAt: "2026-06-19T14:00:00+02:00" };
    expect(eu(open).due).toBe("2026-06-19T18:00:00+02:00");
    expect(eu({ ...open, events: events(["respond", "2026-06-19T18:00:00+02:00"]) }).status).toBe("met");
  });

  it("60 business minutes carry over to the next window", () => {
    expect(eu({ priority: "P1", plan: "gold", openedAt: "2026-06-19T17:30:00+02:00" }).due).toBe("2026-06-20T09:30:00+02:00");
  });

  it("paused time is not counted", () => {
    const r = eu({
      priority: "P3",
      plan: "gold",
      openedAt: "2026-06-15T09:00:00+02:00",
      events: events(["pause", "2026-06-15T10:00:00+02:00"], ["resume", "2026-06-15T11:30:00+02:00"]),
    });
    expect(r.due).toBe("2026-06-15T14:30:00+02:00");
  });
});

describe("SPEC §2.6 elapsed durations", () => {
  it("ignore the calendar but are written in its zone", () => {
    expect(eu({ priority: "P1", plan: "platinum", openedAt: "2026-06-14T03:00:00+02:00" }).due).toBe("2026-06-14T04:00:00+02:00");
  });

  it("exclude paused time", () => {
    const r = eu({
      priority: "P1",
      plan: "platinum",
      openedAt: "2026-06-14T03:00:00+02:00",
      events: events(["pause", "2026-06-14T03:20:00+02:00"], ["resume", "2026-06-14T03:40:00+02:00"]),
    });
    expect(r.due).toBe("2026-06-14T04:20:00+02:00");
  });

  it("1 day is 24 hours, 3 days 72 hours", () => {
    expect(only(kustomer, { priority: "P2", openedAt: "2026-06-15T10:00:00Z" }).due).toBe("2026-06-16T10:00:00Z");
    const p3 = only(kustomer, {
      priority: "P3",
      openedAt: "2026-06-15T10:00:00Z",
      events: events(["pause", "2026-06-16T00:00:00Z"], ["resume", "2026-06-16T02:00:00Z"]),
    });
    expect(p3.due).toBe("2026-06-18T12:00:00Z");
  });

  it("48 hours across the spring-forward night end an hour later on the wall clock", () => {
    expect(only(lucy, { priority: "B", region: "europe", openedAt: "2026-03-27T12:00:00+01:00" }).due).toBe("2026-03-29T13:00:00+02:00");
  });
});

describe("SPEC §2.7 business days", () => {
  it("the start day never counts, even when opened before the opening", () => {
    expect(eu({ priority: "P1", plan: "basic", openedAt: "2026-06-15T08:00:00+02:00" }).due).toBe("2026-06-16T18:00:00+02:00");
    expect(eu({ priority: "P2", plan: "basic", openedAt: "2026-06-15T10:00:00+02:00" }).due).toBe("2026-06-17T18:00:00+02:00");
  });

  it("pauses push the due by the paused open time", () => {
    // Paused Mon 11:00–18:00 (7 h) and Tue 09:00–10:00 (1 h): 8 open hours past Wed 18:00.
    const r = eu({
      priority: "P2",
      plan: "basic",
      openedAt: "2026-06-15T10:00:00+02:00",
      events: events(["pause", "2026-06-15T11:00:00+02:00"], ["resume", "2026-06-16T10:00:00+02:00"]),
    });
    expect(r.due).toBe("2026-06-18T17:00:00+02:00");
  });

  it("days-only calendars: a pause of 3 hours pushes past midnight; a weekend pause changes nothing", () => {
    const approve = ["approve", "2026-07-01T10:00:00+02:00"] as [string, string];
    const base = { plan: "standard", openedAt: "2026-07-01T09:00:00+02:00" };
    const paused = only(promotron, {
      ...base,
      events: events(approve, ["pause", "2026-07-02T12:00:00+02:00"], ["resume", "2026-07-02T15:00:00+02:00"]),
    });
    expect(paused.due).toBe("2026-07-08T03:00:00+02:00");
    const weekend = only(promotron, {
      ...base,
      events: events(approve, ["pause", "2026-07-04T10:00:00+02:00"], ["resume", "2026-07-05T10:00:00+02:00"]),
    });
    expect(weekend.due).toBe("2026-07-08T00:00:00+02:00");
  });

  it("a business-days goal without pauses is the calendar's business-day close", () => {
    const openedAt = "2026-06-19T20:00:00+02:00";
    const hours = calendarFromIR(imagicle.calendars.find((c) => c.name === "europe_hours")!);
    const close = hours.businessDayClose(Date.parse(openedAt), 2);
    expect(eu({ priority: "P2", plan: "basic", openedAt }).due).toBe(formatInstant(close, "Europe/Rome"));
    expect(formatInstant(close, "Europe/Rome")).toBe("2026-06-23T18:00:00+02:00");
  });
});
