/**
 * Properties of the calendar engine over random calendars (SPEC §2.2–2.8): the algebra of
 * open time, and agreement with the naive minute-by-minute reference.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarFromIR } from "../../runtime/calendar.js";
import { propertyRuns } from "./budget.js";
import { calendarOf, calendarRulesArb, expectAddOpenAsReference, expectOpenTimeAsReference, FROM, startArb, TO, ZONES } from "./calendar-arbitraries.js";
import { calendarIR, HOUR, MINUTE } from "./reference-calendar.js";

/**
 * A random calendar and a random start in its zone (plain data, so counterexamples print well).
 * `dstWeight` sets how often the start is near a DST change (against 3 for uniform starts).
 */
const makeScenarioArb = (dstWeight: number) => fc.constantFrom(...ZONES).chain((zone) =>
  fc
    .record({ rules: calendarRulesArb(), start: startArb(zone, dstWeight) })
    .map(({ rules, start }) => ({ ir: calendarOf(zone, rules, start), start })),
);
const scenarioArb = makeScenarioArb(3);
/** The reference runs are few: spend most of them where DST makes edges move. */
const dstScenarioArb = makeScenarioArb(8);

/** Durations in ms: whole minutes or not, up to 40 h, with zero now and then. */
const durationArb = fc.oneof(
  fc.integer({ min: 0, max: 40 * 60 }).map((m) => m * MINUTE),
  fc.integer({ min: 0, max: 40 * HOUR }),
  fc.constant(0),
);
/** Sub-minute offsets, so the engine is exercised off the minute grid too. */
const jitterArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: MINUTE - 1 }));

/** The laws are cheap (no reference): three times the ordinary budget. */
const RUNS = { numRuns: propertyRuns(3) };

describe("calendar engine: algebra of open time", () => {
  it("add(t, a + b) = add(add(t, a), b)", () => {
    fc.assert(
      fc.property(scenarioArb, jitterArb, durationArb, durationArb, ({ ir, start }, j, a, b) => {
        const cal = calendarFromIR(ir);
        const t = start + j;
        expect(cal.addOpen(t, a + b)).toBe(cal.addOpen(cal.addOpen(t, a), b));
      }),
      RUNS,
    );
  });

  it("openBetween(t, addOpen(t, d)) = d, and the due is open just before (or a close)", () => {
    fc.assert(
      fc.property(scenarioArb, jitterArb, durationArb, ({ ir, start }, j, d) => {
        const cal = calendarFromIR(ir);
        const t = start + j;
        const u = cal.addOpen(t, d);
        expect(u).toBeGreaterThanOrEqual(t);
        expect(cal.openBetween(t, u)).toBe(d);
        if (d > 0) expect(cal.isOpen(u - 1)).toBe(true);
        else expect(u).toBe(t);
      }),
      RUNS,
    );
  });

  it("addOpen is monotonic in the start and in the duration", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 72 * HOUR }), durationArb, durationArb, ({ ir, start }, dt, d1, d2) => {
        const cal = calendarFromIR(ir);
        expect(cal.addOpen(start, d1)).toBeLessThanOrEqual(cal.addOpen(start + dt, d1));
        expect(cal.addOpen(start, Math.min(d1, d2))).toBeLessThanOrEqual(cal.addOpen(start, Math.max(d1, d2)));
      }),
      RUNS,
    );
  });

  it("nextOpen is the first open instant, and openIntervals add up to openBetween", () => {
    fc.assert(
      fc.property(scenarioArb, jitterArb, fc.integer({ min: 0, max: 10 * 24 * HOUR }), ({ ir, start }, j, span) => {
        const cal = calendarFromIR(ir);
        const t = start + j;
        const next = cal.nextOpen(t);
        expect(cal.isOpen(next)).toBe(true);
        expect(next === t).toBe(cal.isOpen(t));
        expect(cal.openBetween(t, next)).toBe(0);
        const intervals = cal.openIntervals(t, t + span);
        let sum = 0;
        let previousEnd = -Infinity;
        for (const [from, to] of intervals) {
          expect(from).toBeGreaterThan(previousEnd); // sorted, disjoint and merged
          expect(to).toBeGreaterThan(from);
          sum += to - from;
          previousEnd = to;
        }
        expect(sum).toBe(cal.openBetween(t, t + span));
      }),
      RUNS,
    );
  });

  it("business-day closes follow the start day, in order (SPEC §2.7, §2.8)", () => {
    fc.assert(
      fc.property(scenarioArb, jitterArb, fc.integer({ min: 1, max: 5 }), ({ ir, start }, j, n) => {
        const cal = calendarFromIR(ir);
        const t = start + j;
        const first = cal.businessDayClose(t, 1);
        const nth = cal.businessDayClose(t, n);
        expect(cal.localDate(first - 1) > cal.localDate(t)).toBe(true);
        expect(cal.isOpen(first - 1)).toBe(true);
        expect(cal.isBusinessDay(cal.localDate(first - 1))).toBe(true);
        if (n > 1) expect(nth).toBeGreaterThan(cal.businessDayClose(t, n - 1));
        const same = cal.sameBusinessDayClose(t);
        expect(same).toBeGreaterThan(t);
        if (same !== first) {
          expect(cal.localDate(same - 1)).toBe(cal.localDate(t));
          expect(cal.isBusinessDay(cal.localDate(t))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("a 24x7 calendar counts elapsed time", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), durationArb, (zone, t, d) => {
        const cal = calendarFromIR(calendarIR({ zone, kind: "always" }));
        expect(cal.isOpen(t)).toBe(true);
        expect(cal.addOpen(t, d)).toBe(t + d);
        expect(cal.openBetween(t, t + d)).toBe(d);
        expect(cal.nextOpen(t)).toBe(t);
      }),
      RUNS,
    );
  });
});

describe("calendar engine equals the minute-by-minute reference", () => {
  /** The reference is slow (a walk per minute), so spans are shorter and runs are the ordinary budget. */
  const REF_RUNS = { numRuns: propertyRuns(1) };
  const LIMIT = 8 * 24 * HOUR;

  it("isOpen and openBetween", () => {
    fc.assert(
      fc.property(dstScenarioArb, fc.integer({ min: 0, max: 36 * 60 }), ({ ir, start }, minutes) =>
        expectOpenTimeAsReference(ir, start, start + minutes * MINUTE),
      ),
      REF_RUNS,
    );
  });

  it("addOpen", () => {
    fc.assert(
      fc.property(dstScenarioArb, fc.integer({ min: 0, max: 10 * 60 }), ({ ir, start }, minutes) =>
        expectAddOpenAsReference(ir, start, minutes * MINUTE, start + LIMIT),
      ),
      REF_RUNS,
    );
  });
});
