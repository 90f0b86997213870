/**
 * Calendars open during others (`open during …`, IR 16) against the minute-by-minute reference:
 * random unions of 2–3 members, each with its own zone, weekly windows, holidays, closures,
 * openings and yearly rules, the union's own zone drawn too (it reads the business days). The
 * engine builds the union's year tables from its members' open intervals (`buildUnionYear`); the
 * reference (`ReferenceUnion`) asks each member's own reference minute by minute, so the two
 * share nothing but the IR.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarFromIR } from "../../runtime/calendar.js";
import type { CalendarIR } from "../../runtime/ir.js";
import { propertyRuns } from "./budget.js";
import { calendarOf, calendarRulesArb, expectAddOpenAsReference, expectOpenTimeAsReference, startArb, ZONES } from "./calendar-arbitraries.js";
import { HOUR, MINUTE, ReferenceUnion, unionIR } from "./reference-calendar.js";

/**
 * Members mostly keep weekly hours: one 24x7 member makes the whole union 24x7 (about one union
 * in five still has one, where every date closes at its midnight).
 */
const memberKindArb = fc.oneof(
  { weight: 10, arbitrary: fc.constant<CalendarIR["kind"]>("hours") },
  { weight: 1, arbitrary: fc.constant<CalendarIR["kind"]>("days") },
  { weight: 1, arbitrary: fc.constant<CalendarIR["kind"]>("always") },
);

/**
 * A random union and a random start (a whole minute), biased towards the DST changes of the
 * union's zone or of one member's, and towards New Year (plain data, so counterexamples print well).
 */
const unionScenarioArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    members: fc.array(fc.record({ zone: fc.constantFrom(...ZONES), rules: calendarRulesArb(memberKindArb) }), { minLength: 2, maxLength: 3 }),
    // Whose DST changes the start is drawn near: 0 the union's zone, k the k-th member's.
    startZone: fc.nat({ max: 3 }),
  })
  .chain((s) => {
    const zones = [s.zone, ...s.members.map((m) => m.zone)];
    return startArb(zones[s.startZone % zones.length]!, 8).map((start) => ({ ...s, start }));
  })
  .map(({ zone, members, start }) => ({ ir: unionIR(zone, members.map((m) => calendarOf(m.zone, m.rules, start))), start }));

/**
 * The reference walks every member minute by minute: a run costs about twice a single
 * calendar's reference run, so half the ordinary budget keeps each property near the time of
 * `calendar.prop.test.ts`'s (about 0.5 s each at the default budget, 3–10 s at 2000).
 */
const REF_RUNS = { numRuns: propertyRuns(0.5) };
/** How far a reference walk looks for open time or business days before giving up. */
const LIMIT = 8 * 24 * HOUR;
/** A local date lasts at most 25 hours (a DST fall-back day). */
const LONGEST_DAY = 25 * HOUR;

describe("a calendar open during others equals the minute-by-minute reference", () => {
  it("isOpen and openBetween over up to three days", () => {
    fc.assert(
      fc.property(unionScenarioArb, fc.integer({ min: 0, max: 72 * 60 }), ({ ir, start }, minutes) =>
        expectOpenTimeAsReference(ir, start, start + minutes * MINUTE),
      ),
      REF_RUNS,
    );
  });

  it("addOpen", () => {
    fc.assert(
      fc.property(unionScenarioArb, fc.integer({ min: 0, max: 16 * 60 }), ({ ir, start }, minutes) =>
        expectAddOpenAsReference(ir, start, minutes * MINUTE, start + LIMIT),
      ),
      REF_RUNS,
    );
  });

  it("businessDayClose of the 1st to 3rd business day, on the union zone's dates (SPEC §2.7)", () => {
    fc.assert(
      fc.property(unionScenarioArb, fc.integer({ min: 1, max: 3 }), ({ ir, start }, n) => {
        const close = calendarFromIR(ir).businessDayClose(start, n);
        const expected = new ReferenceUnion(ir).businessDayCloses(start, n, start + LIMIT);
        // The walk stopped at the limit: the n-th close lies on the date it stopped in or later.
        if (expected.length < n) expect(close).toBeGreaterThan(start + LIMIT - LONGEST_DAY);
        else expect(close).toBe(expected[n - 1]);
      }),
      REF_RUNS,
    );
  });

  it("sameBusinessDayClose (SPEC §2.8)", () => {
    fc.assert(
      fc.property(unionScenarioArb, ({ ir, start }) => {
        const close = calendarFromIR(ir).sameBusinessDayClose(start);
        const expected = new ReferenceUnion(ir).sameBusinessDayClose(start, start + LIMIT);
        if (expected === null) expect(close).toBeGreaterThan(start + LIMIT - LONGEST_DAY);
        else expect(close).toBe(expected);
      }),
      REF_RUNS,
    );
  });
});
