/**
 * The customer's calendar across DST (issue 11 item 3): a policy whose calendar takes its zone
 * and holidays `from ticket`, evaluated for customers in zones with summer time (both
 * hemispheres, a half-hour shift, rules that changed), with starts drawn around the transitions,
 * against the minute-stepping references (`reference-calendar.ts`, `reference-clock.ts`) built
 * for that zone directly. The compiled policy is one for all runs: its calendar cache is shared.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { parseTicket } from "../../runtime/io.js";
import { propertyRuns } from "./budget.js";
import { calendarIR, ReferenceCalendar } from "./reference-calendar.js";
import { MINUTE, referenceClock, type RefEvent } from "./reference-clock.js";

const SOURCE = `policy customer "Customer hours"
priority P1 "Critical"
priority P2 "High"
calendar customer_hours {
  zone from ticket
  Mon-Fri 08:00-12:00, 13:00-18:00
  Sat 02:00-04:00
  holidays from ticket
}
target response {
  calendar customer_hours
  pause on pause
  resume on resume
  stop on respond
  goals {
    | priority | goal             |
    | P1       | 3 business hours |
    | P2       | 9 business hours |
  }
}
`;
const GOALS = { P1: 3 * 60 * MINUTE, P2: 9 * 60 * MINUTE };
const WEEK = [["08:00-12:00", "13:00-18:00"], ["08:00-12:00", "13:00-18:00"], ["08:00-12:00", "13:00-18:00"], ["08:00-12:00", "13:00-18:00"], ["08:00-12:00", "13:00-18:00"], ["02:00-04:00"], []];

/** Zones with summer time: north and south, a half-hour shift (Lord Howe), a 02:00–03:00 gap on Saturdays' window edges (Europe). */
const ZONES = ["America/Chicago", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago", "Pacific/Auckland", "America/St_Johns"];
const HOLIDAYS = [[], ["US"], ["DE-BY"], ["AU-NSW"], ["CL"], ["NZ"], ["CA"]] as const;

const compiled = compile("customer.sla", SOURCE);
if (!compiled.ir) throw new Error(compiled.diagnostics.map((d) => d.message).join("; "));
const policy = compiled.ir;

/** The instants a zone changes offset in a year (found hour by hour: enough for whole-hour-or-half rules). */
function transitions(zone: string, year: number): number[] {
  const out: number[] = [];
  let t = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
  let offset = t.offset;
  while (t.year === year) {
    const next = t.plus({ hours: 1 });
    if (next.offset !== offset) out.push(next.toMillis());
    offset = next.offset;
    t = next;
  }
  return out;
}
const transitionCache = new Map<string, number[]>();
const transitionsOf = (zone: string, year: number) => {
  const key = `${zone}/${year}`;
  if (!transitionCache.has(key)) transitionCache.set(key, transitions(zone, year));
  return transitionCache.get(key)!;
};

const scenario = fc
  .record({
    zone: fc.integer({ min: 0, max: ZONES.length - 1 }),
    holidays: fc.integer({ min: 0, max: HOLIDAYS.length - 1 }),
    year: fc.integer({ min: 2000, max: 2040 }),
    which: fc.nat(),
    /** Start within three days either side of a transition, on whole minutes. */
    offsetMinutes: fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
    priority: fc.constantFrom("P1", "P2"),
    events: fc.array(fc.record({ type: fc.constantFrom("pause" as const, "resume" as const, "respond" as const), minute: fc.integer({ min: 0, max: 5 * 1440 }) }), { maxLength: 4 }),
    asOfMinute: fc.integer({ min: 0, max: 8 * 1440 }),
  })
  .map((s) => {
    const zone = ZONES[s.zone]!;
    const ts = transitionsOf(zone, s.year);
    const base = ts.length > 0 ? ts[s.which % ts.length]! : Date.UTC(s.year, 2, 1);
    const start = Math.floor(base / MINUTE) * MINUTE + s.offsetMinutes * MINUTE;
    return { ...s, zone, holidayCodes: HOLIDAYS[s.holidays]!, start };
  });

describe("the customer's calendar across DST equals the minute walk in the customer's zone", () => {
  it("due, status, start and stop of a business-hours target", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const events: RefEvent[] = s.events.map((e) => ({ at: s.start + e.minute * MINUTE, type: e.type }));
        const asOf = s.start + s.asOfMinute * MINUTE;
        const ticket = {
          id: "T",
          priority: s.priority,
          openedAt: formatInstant(s.start, "UTC"),
          asOf: formatInstant(asOf, "UTC"),
          events: events.map((e) => ({ at: formatInstant(e.at, "UTC"), type: e.type })),
          customer: { zone: s.zone, holidays: [...s.holidayCodes] },
        };
        const parsed = parseTicket(ticket, policy);
        if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
        const result = evaluateTicket(policy, parsed.ticket).targets[0]!;
        const holidays = s.holidayCodes.map((c) => {
          const [country, region] = c.split("-");
          return region ? { country: country!, region } : { country: country! };
        });
        const ref = new ReferenceCalendar(calendarIR({ zone: s.zone, week: WEEK, holidays }));
        const expected = referenceClock({
          calendar: ref,
          openedAt: s.start,
          events,
          asOf,
          priority: s.priority,
          goals: GOALS,
          elapsed: false,
          startOn: "open",
          horizonMinutes: 20 * 1440,
        });
        const ms = (iso: string | null | undefined) => (iso == null ? null : parseInstant(iso));
        const at = DateTime.fromMillis(s.start, { zone: s.zone }).toISO();
        expect({ at, startedAt: ms(result.startedAt), due: ms(result.due), status: result.status, stoppedAt: ms(result.stoppedAt) }).toEqual({ at, ...expected });
      }),
      // The minute walk over 20 days costs about a second a run: 10 runs in npm test, 200 deep.
      { numRuns: propertyRuns(0.1) },
    );
  });
});
