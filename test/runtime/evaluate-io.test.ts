/**
 * The runtime's input and output (SPEC §3): parseTicket errors name the field, never throw,
 * never pollute prototypes; instants parse strictly and format exactly as luxon does.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { IR_VERSION, loadPolicy } from "../../runtime/index.js";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { parseTicket } from "../../runtime/io.js";
import { propertyRuns } from "../property/budget.js";
import { imagicle, promotron } from "./fixtures.js";

const good = {
  id: "T-1",
  priority: "P2",
  plan: "gold",
  region: "europe",
  channel: "portal",
  language: "en",
  openedAt: "2026-06-15T09:00:00+02:00",
  events: [
    { at: "2026-06-15T10:00:00+02:00", type: "pause" },
    { at: "2026-06-15T11:00:00+02:00", type: "resume" },
    { at: "2026-06-15T12:00:00+02:00", type: "respond" },
  ],
};

function errorOf(input: unknown, policy = imagicle): { field: string; message: string } {
  const r = parseTicket(input, policy);
  if (r.ok) throw new Error("expected an input error");
  return r.error;
}

describe("parseTicket", () => {
  it("accepts a good ticket and computes epoch ms once", () => {
    const r = parseTicket(good, imagicle);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ticket.openedAtMs).toBe(Date.parse("2026-06-15T07:00:00Z"));
    expect(r.ticket.events.map((e) => e.atMs)).toEqual([8, 9, 10].map((h) => Date.UTC(2026, 5, 15, h)));
    expect(r.ticket.events[0]!.at).toBe("2026-06-15T10:00:00+02:00");
    expect(r.ticket.asOfMs).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ["missing id", { id: undefined }, "id", /is required/],
    ["openedAt without offset", { openedAt: "2026-06-15T09:00:00" }, "openedAt", /offset or Z/],
    ["impossible date", { openedAt: "2026-02-30T09:00:00Z" }, "openedAt", /offset or Z/],
    ["bad asOf", { asOf: "tomorrow" }, "asOf", /offset or Z/],
    ["events not an array", { events: 3 }, "events", /array/],
    ["unknown event type", { events: [good.events[0], { at: "2026-06-15T10:00:00Z", type: "close" }] }, "events[1].type", /approve, pause/],
    ["event instant without offset", { events: [{ at: "2026-06-15 10:00", type: "pause" }] }, "events[0].at", /offset or Z/],
    ["reprioritize without priority", { events: [{ at: "2026-06-15T10:00:00Z", type: "reprioritize" }] }, "events[0].priority", /required/],
    ["reprioritize to an unknown priority", { events: [{ at: "2026-06-15T10:00:00Z", type: "reprioritize", priority: "P9" }] }, "events[0].priority", /P1, P2, P3, P4/],
    ["unknown priority", { priority: "P9" }, "priority", /unknown priority "P9" \(valid: P1, P2, P3, P4\)/],
    ["missing priority", { priority: undefined }, "priority", /required/],
    ["unknown plan", { plan: "silver" }, "plan", /basic, gold, platinum/],
    ["missing plan", { plan: null }, "plan", /required/],
    ["unknown region", { region: "mars" }, "region", /americas, europe/],
    ["missing region", { region: undefined }, "region", /required/],
    ["unknown channel", { channel: "fax" }, "channel", /portal, phone, email/],
    ["missing language where the region lists languages", { language: undefined }, "language", /required in region europe \(languages en, it; optional fr, es\)/],
    ["language not ISO 639-1", { language: "EN" }, "language", /ISO 639-1/],
    ["id of the wrong type", { id: 42 }, "id", /must be a string/],
  ])("%s names %s", (_name, patch, field, message) => {
    const e = errorOf({ ...good, ...patch });
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it("an event before openedAt names events[i].at", () => {
    const events = [...good.events, { at: "2026-06-15T08:59:00+02:00", type: "respond" }];
    expect(errorOf({ ...good, events })).toEqual({
      field: "events[3].at",
      message: "2026-06-15T08:59:00+02:00 is before openedAt 2026-06-15T09:00:00+02:00",
    });
  });

  it("a non-object ticket names the ticket", () => {
    for (const input of [null, "ticket", 42, [good]]) expect(errorOf(input).field).toBe("ticket");
  });

  it("channel is optional; axes the policy does not use are ignored", () => {
    expect(parseTicket({ ...good, channel: undefined }, imagicle).ok).toBe(true);
    const r = parseTicket({ id: "P", plan: "premium", priority: "whatever", openedAt: good.openedAt }, promotron);
    expect(r.ok).toBe(true);
  });

  it("accepts Z, fractions and JSON null for absent fields", () => {
    const r = parseTicket({ ...good, channel: null, openedAt: "2026-06-15T07:00:00.123456Z" }, imagicle);
    expect(r.ok && r.ticket.openedAtMs).toBe(Date.parse("2026-06-15T07:00:00.123Z"));
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.constantFrom("id", "openedAt", "events", "priority", "__proto__"), fc.anything()), (a, b) => {
        parseTicket(a, imagicle);
        parseTicket({ ...good, ...b }, imagicle);
      }),
      // Cheap runs: twice the budget (200 in npm test, 4,000 in test:deep).
      { numRuns: propertyRuns(2) },
    );
  });

  it("__proto__ and constructor keys reach no prototype and are stripped", () => {
    const json =
      '{"id":"T","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"priority":"P2","plan":"gold",' +
      '"region":"europe","language":"en","openedAt":"2026-06-15T09:00:00Z",' +
      '"events":[{"at":"2026-06-15T10:00:00Z","type":"pause","__proto__":{"polluted":true}}]}';
    const r = parseTicket(JSON.parse(json), imagicle);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(r.ticket, "__proto__")).toBe(false);
    expect(Object.hasOwn(r.ticket, "constructor")).toBe(false);
    expect(Object.getPrototypeOf(r.ticket)).toBe(Object.prototype);
    expect(Object.hasOwn(r.ticket.events[0]!, "__proto__")).toBe(false);
    expect((r.ticket as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseInstant", () => {
  it("requires an offset or Z and a real date and time", () => {
    expect(parseInstant("2026-03-27T16:30:00+01:00")).toBe(Date.UTC(2026, 2, 27, 15, 30));
    expect(parseInstant("2026-03-27T16:30+01:00")).toBe(Date.UTC(2026, 2, 27, 15, 30));
    expect(parseInstant("2026-03-27T16:30:00-03:30")).toBe(Date.UTC(2026, 2, 27, 20, 0));
    expect(parseInstant("2024-02-29T00:00:00Z")).toBe(Date.UTC(2024, 1, 29));
    expect(parseInstant("0050-01-01T00:00:00Z")).toBe(new Date("0050-01-01T00:00:00Z").getTime());
    for (const bad of ["2026-03-27T16:30:00", "2026-03-27", "2026-03-27T24:00:00Z", "2025-02-29T00:00:00Z", "2026-03-27T16:30:00z", "2026-03-27T16:30:00+0100", "2026-03-27T16:30:60Z", "2026-13-01T00:00:00Z", "2026-03-27T16:30:00+24:00", "2026-03-27T16:30:", "2026-03-27T16:30:5Z", "2026-03-27T1a:30Z", "20x6-03-27T16:30Z"]) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });
});

describe("parseInstant round trip", () => {
  it("reads back any instant written with any offset, with or without seconds and fraction", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 2), max: Date.UTC(9999, 11, 30) }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        fc.constantFrom(16, 19, 23),
        (ms, offset, cut) => {
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, cut);
          const abs = Math.abs(offset);
          const sign = offset < 0 ? "-" : "+";
          const text = `${local}${sign}${String(Math.trunc(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          const unit = cut === 16 ? 60_000 : cut === 19 ? 1000 : 1;
          expect(parseInstant(text)).toBe(ms - (((ms + offset * 60_000) % unit) + unit) % unit);
        },
      ),
      { numRuns: propertyRuns(3) },
    );
  });
});

describe("formatInstant", () => {
  const zones = ["Europe/Rome", "America/New_York", "Asia/Dubai", "UTC", "Etc/UTC", "Europe/London", "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "Africa/Casablanca", "America/Santiago", "Africa/Monrovia"];

  // From 1972 every zone here has whole-minute offsets, and luxon writes them exactly; earlier
  // local mean times are written in UTC (test/property/instant.prop.test.ts checks all zones).
  it("writes exactly what luxon writes where offsets are whole minutes (suppressing zero milliseconds)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1972, 1, 1), max: Date.UTC(2100, 0, 1) }), fc.boolean(), (zone, t, whole) => {
        const ms = whole ? t - (t % 60_000) : t;
        expect(formatInstant(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }));
      }),
      { numRuns: propertyRuns(3) },
    );
  });

  it("gets the offset right on both sides of a transition", () => {
    const spring = Date.parse("2026-03-29T01:00:00Z");
    expect(formatInstant(spring - 1, "Europe/Rome")).toBe("2026-03-29T01:59:59.999+01:00");
    expect(formatInstant(spring, "Europe/Rome")).toBe("2026-03-29T03:00:00+02:00");
    expect(formatInstant(Date.parse("2026-04-05T15:30:00Z"), "Australia/Lord_Howe")).toBe("2026-04-06T02:00:00+10:30");
  });
});

describe("loadPolicy", () => {
  it("returns the policy, or the first problem with its path", () => {
    expect(loadPolicy(JSON.parse(JSON.stringify(imagicle)))).toMatchObject({ ok: true });
    const bad = loadPolicy({ ...imagicle, irVersion: IR_VERSION + 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe("irVersion");
    const deep = loadPolicy({ ...imagicle, targets: [{ ...imagicle.targets[0], binding: "yes" }] });
    expect(!deep.ok && deep.error.field).toBe("targets[0].binding");
    expect(loadPolicy(null)).toMatchObject({ ok: false, error: { field: "policy" } });
  });
});
