/**
 * Properties of the calendar engine over random calendars (SPEC §2.2–2.8): the algebra of
 * open time, and agreement with the naive minute-by-minute reference.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { calendarFromIR } from "../../runtime/calendar.js";
import type { CalendarIR, Window, YearDayIR } from "../../runtime/ir.js";
import { propertyRuns } from "./budget.js";
import { calendarIR, HOUR, MINUTE, ReferenceCalendar } from "./reference-calendar.js";

const ZONES = ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Tehran", "Europe/Rome", "UTC"];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/** Instants (to 3 hours) where a zone changes offset in 2025–2027, found by scanning luxon. */
function offsetChanges(zone: string): number[] {
  const z = IANAZone.create(zone);
  const changes: number[] = [];
  for (let t = FROM, offset = z.offset(t); t < TO; t += 3 * HOUR) {
    const next = z.offset(t + 3 * HOUR);
    if (next !== offset) changes.push(t);
    offset = next;
  }
  return changes;
}
const CHANGES = new Map(ZONES.map((z) => [z, offsetChanges(z)]));

/** A random minute in 2025–2027, biased towards the zone's DST changes and towards New Year. */
function startArb(zone: string, dstWeight: number): fc.Arbitrary<number> {
  const changes = CHANGES.get(zone)!;
  const around = (instants: number[], minutesBefore: number, minutesAfter: number): fc.Arbitrary<number> =>
    fc
      .tuple(fc.constantFrom(...instants), fc.integer({ min: -minutesBefore, max: minutesAfter }))
      .map(([t, k]) => t + k * MINUTE);
  const newYears = [2025, 2026, 2027].map((y) => DateTime.fromObject({ year: y + 1 }, { zone }).toMillis());
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: FROM / MINUTE, max: TO / MINUTE - 1 }).map((m) => m * MINUTE) },
    { weight: changes.length > 0 ? dstWeight : 0, arbitrary: around(changes.length > 0 ? changes : [FROM], 30 * 60, 12 * 60) },
    { weight: 1, arbitrary: around(newYears, 4 * 24 * 60, 24 * 60) },
  );
}

/**
 * A window edge in quarter hours (02:15, 02:30 and 24:00 included), biased towards midnight and
 * the small hours, where the DST changes of the test zones fall.
 */
const edgeArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 96 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 16 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 96) },
);

/** Disjoint windows of one day, from 2 to 6 sorted edges. */
const windowsArb = (minLength: number): fc.Arbitrary<Window[]> =>
  fc.uniqueArray(edgeArb, { minLength, maxLength: 6 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const windows: Window[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) windows.push({ from: sorted[i]! * 15, to: sorted[i + 1]! * 15 });
    return windows;
  });

/** A date override `offset` local days after the start's date. */
const overrideArb = <W,>(windows: fc.Arbitrary<W>) =>
  fc.record({ offset: fc.integer({ min: -3, max: 12 }), windows });

/**
 * A yearly rule (issue 11.6) aimed at a date near the start, so it matters: that date's month and
 * day, or its weekday as the nth (or last) of its month, whole-day or partial, holiday or not,
 * observed off the weekend or not.
 */
const yearlyArb = fc.record({
  // Close to the start (the reference spans are a day or two), where an observed move shows.
  offset: fc.integer({ min: -2, max: 3 }),
  kind: fc.constantFrom("date", "nth", "last"),
  holiday: fc.boolean(),
  dayAfter: fc.boolean(),
  windows: fc.option(windowsArb(2), { nil: undefined }),
  observed: fc.option(fc.record({ mode: fc.constantFrom<"nearest" | "next" | "nextFree">("nearest", "next", "nextFree"), on: fc.constantFrom([5, 6], [6], [5]) }), { nil: null }),
});

function yearlyRule(y: typeof yearlyArb extends fc.Arbitrary<infer T> ? T : never, d: DateTime): NonNullable<Parameters<typeof calendarIR>[0]["yearly"]>[number] {
  // `day after …` rules describe the day before `d`, so that they still land on `d`.
  const b = y.dayAfter ? d.minus({ days: 1 }) : d;
  const after = y.dayAfter ? { dayAfter: true as const } : {};
  const day: YearDayIR =
    y.kind === "date"
      ? { kind: "date", month: b.month, day: b.day, ...after }
      : { kind: "nth", month: b.month, weekday: b.weekday - 1, nth: y.kind === "last" ? -1 : Math.ceil(b.day / 7), ...after };
  const observed = y.observed ? { mode: y.observed.mode, on: [...y.observed.on] } : null;
  return { name: null, holiday: y.holiday, day, observed, windows: y.holiday ? undefined : y.windows };
}

/**
 * A random calendar and a random start in its zone (plain data, so counterexamples print well).
 * `dstWeight` sets how often the start is near a DST change (against 3 for uniform starts).
 */
const makeScenarioArb = (dstWeight: number) => fc.constantFrom(...ZONES).chain((zone) =>
  fc
    .record({
      kind: fc.constantFrom<CalendarIR["kind"]>("hours", "hours", "hours", "hours", "days", "always"),
      week: fc.array(fc.oneof(fc.constant([]), windowsArb(2)), { minLength: 7, maxLength: 7 }),
      holidays: fc.option(fc.constantFrom("FR", "US", "IT"), { nil: undefined }),
      closures: fc.array(overrideArb(fc.option(windowsArb(2), { nil: undefined })), { maxLength: 3 }),
      openings: fc.array(overrideArb(windowsArb(2)), { maxLength: 2 }),
      yearly: fc.array(yearlyArb, { maxLength: 3 }),
      start: startArb(zone, dstWeight),
    })
    .map(({ kind, week, holidays, closures, openings, yearly, start }) => {
      // Keep some weekly open time, so searches stay short.
      if (week.every((d) => d.length === 0)) week[0] = [{ from: 540, to: 1020 }];
      if (kind === "days") week = week.map((d) => (d.length > 0 ? [{ from: 0, to: 1440 }] : []));
      const day0 = DateTime.fromMillis(start, { zone }).startOf("day");
      const date = (offset: number): string => day0.plus({ days: offset }).toISODate()!;
      const ir = calendarIR({
        zone,
        kind,
        week,
        holidays: holidays ? [{ country: holidays }] : [],
        closures: closures.map((c) => ({ date: date(c.offset), windows: c.windows })),
        openings: openings.filter((o) => o.windows.length > 0).map((o) => ({ date: date(o.offset), windows: o.windows })),
        yearly: yearly.map((y) => yearlyRule(y, day0.plus({ days: y.offset }))),
      });
      return { ir, start };
    }),
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
      fc.property(dstScenarioArb, fc.integer({ min: 0, max: 36 * 60 }), ({ ir, start }, minutes) => {
        const cal = calendarFromIR(ir);
        const ref = new ReferenceCalendar(ir);
        expect(cal.isOpen(start)).toBe(ref.isOpen(start));
        expect(cal.openBetween(start, start + minutes * MINUTE)).toBe(ref.openBetween(start, start + minutes * MINUTE));
      }),
      REF_RUNS,
    );
  });

  it("addOpen", () => {
    fc.assert(
      fc.property(dstScenarioArb, fc.integer({ min: 0, max: 10 * 60 }), ({ ir, start }, minutes) => {
        const due = calendarFromIR(ir).addOpen(start, minutes * MINUTE);
        const expected = new ReferenceCalendar(ir).addOpen(start, minutes * MINUTE, start + LIMIT);
        if (expected === null) expect(due).toBeGreaterThan(start + LIMIT);
        else expect(due).toBe(expected);
      }),
      REF_RUNS,
    );
  });
});
