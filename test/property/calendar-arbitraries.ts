/**
 * Random calendars and starts for the calendar properties (`calendar.prop.test.ts` for single
 * calendars, `union-calendar.prop.test.ts` for calendars open during others): zones with DST
 * changes (Lord Howe's half hour, Santiago's midnight gap), windows with edges in the small
 * hours, holidays, closures, openings and yearly rules aimed near the start, and starts biased
 * towards DST changes and New Year, where the engine's edges move. Also the comparisons with the
 * reference that both files make.
 */
import { expect } from "vitest";
import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { calendarFromIR } from "../../runtime/calendar.js";
import type { CalendarIR, Window, YearDayIR } from "../../runtime/ir.js";
import { calendarIR, HOUR, MINUTE, referenceCalendar } from "./reference-calendar.js";

export const ZONES = ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Tehran", "Europe/Rome", "UTC"];
export const FROM = Date.UTC(2025, 0, 1);
export const TO = Date.UTC(2028, 0, 1);

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
export function startArb(zone: string, dstWeight: number): fc.Arbitrary<number> {
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

/** The yearly rule `y` describes, landing on the local date `d`. */
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

/** The kinds of a random calendar: mostly weekly hours, now and then days-only or 24x7. */
export const calendarKindArb = fc.constantFrom<CalendarIR["kind"]>("hours", "hours", "hours", "hours", "days", "always");

/**
 * A calendar's rules as plain data (so counterexamples print well), dates as offsets from a start
 * still to be drawn: turn them into an IR with {@link calendarOf}.
 */
export const calendarRulesArb = (kindArb: fc.Arbitrary<CalendarIR["kind"]> = calendarKindArb) =>
  fc.record({
    kind: kindArb,
    week: fc.array(fc.oneof(fc.constant([]), windowsArb(2)), { minLength: 7, maxLength: 7 }),
    holidays: fc.option(fc.constantFrom("FR", "US", "IT"), { nil: undefined }),
    closures: fc.array(overrideArb(fc.option(windowsArb(2), { nil: undefined })), { maxLength: 3 }),
    openings: fc.array(overrideArb(windowsArb(2)), { maxLength: 2 }),
    yearly: fc.array(yearlyArb, { maxLength: 3 }),
  });

/** What {@link calendarRulesArb} draws. */
export type RandomRules = ReturnType<typeof calendarRulesArb> extends fc.Arbitrary<infer T> ? T : never;

/** The calendar IR of random rules in `zone`, their dates counted from the local date of `start`. */
export function calendarOf(zone: string, rules: RandomRules, start: number): CalendarIR {
  const { kind, holidays, closures, openings, yearly } = rules;
  let week = rules.week.map((d) => [...d]);
  // Keep some weekly open time, so searches stay short.
  if (week.every((d) => d.length === 0)) week[0] = [{ from: 540, to: 1020 }];
  if (kind === "days") week = week.map((d) => (d.length > 0 ? [{ from: 0, to: 1440 }] : []));
  const day0 = DateTime.fromMillis(start, { zone }).startOf("day");
  const date = (offset: number): string => day0.plus({ days: offset }).toISODate()!;
  return calendarIR({
    zone,
    kind,
    week,
    holidays: holidays ? [{ country: holidays }] : [],
    closures: closures.map((c) => ({ date: date(c.offset), windows: c.windows })),
    openings: openings.filter((o) => o.windows.length > 0).map((o) => ({ date: date(o.offset), windows: o.windows })),
    yearly: yearly.map((y) => yearlyRule(y, day0.plus({ days: y.offset }))),
  });
}

/** The engine's `isOpen(start)` and `openBetween(start, end)` are the reference's. */
export function expectOpenTimeAsReference(ir: CalendarIR, start: number, end: number): void {
  const cal = calendarFromIR(ir);
  const ref = referenceCalendar(ir);
  expect(cal.isOpen(start)).toBe(ref.isOpen(start));
  expect(cal.openBetween(start, end)).toBe(ref.openBetween(start, end));
}

/** The engine's `addOpen(start, ms)` is the reference's, or lies beyond `limit` where the reference gave up. */
export function expectAddOpenAsReference(ir: CalendarIR, start: number, ms: number, limit: number): void {
  const due = calendarFromIR(ir).addOpen(start, ms);
  const expected = referenceCalendar(ir).addOpen(start, ms, limit);
  if (expected === null) expect(due).toBeGreaterThan(limit);
  else expect(due).toBe(expected);
}
