/**
 * Property tests of evaluateTicket against the minute-stepping reference (reference-clock.ts):
 * random business-hours calendars, random tickets with unsorted and repeated events. Plus laws:
 * a pause never makes a due earlier; on a 24x7 calendar business time is elapsed time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { parseTicket, type TargetResult } from "../../runtime/io.js";
import type { CalendarIR, Goal, PolicyIR, Window } from "../../runtime/ir.js";
import { calendar, policy, target } from "../runtime/fixtures.js";
import { propertyRuns } from "./budget.js";
import { ReferenceCalendar } from "./reference-calendar.js";
import { MINUTE, referenceClock, type RefEvent, type RefEventType } from "./reference-clock.js";

/** The reference walks minutes: the ordinary budget (budget.ts); the laws are cheaper. */
const RUNS = propertyRuns(1);
const ZONES = ["Europe/Rome", "America/New_York", "Asia/Dubai", "UTC", "Australia/Lord_Howe"];
const PRIORITIES = ["P1", "P2", "P3"];
const ORIGIN = { file: "prop.sla", line: 1, column: 1, text: "" };

/** 1–2 windows (at least an hour each) on weekdays, 0–1 at weekends, in whole minutes. */
const dayWindows = (min: number, max: number): fc.Arbitrary<Window[]> =>
  fc.integer({ min, max }).chain((n) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2 * n, maxLength: 2 * n })
      .map((edges) => {
        const s = [...edges].sort((a, b) => a - b);
        const ws: Window[] = [];
        for (let i = 0; i + 1 < s.length; i += 2) ws.push({ from: s[i]!, to: Math.max(s[i + 1]!, Math.min(s[i]! + 60, 1440)) });
        // Keep windows of one day disjoint after widening (SPEC §2.2).
        return ws.filter((w, i) => i === 0 || w.from >= ws[i - 1]!.to).filter((w) => w.to > w.from);
      }),
  );

const calendarArb: fc.Arbitrary<CalendarIR> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    weekdays: fc.array(dayWindows(1, 2), { minLength: 5, maxLength: 5 }),
    weekend: fc.array(dayWindows(0, 1), { minLength: 2, maxLength: 2 }),
    holidays: fc.boolean(),
  })
  .map(({ zone, weekdays, weekend, holidays }) => ({
    ...calendar("random", zone, {}, { holidays: holidays && zone === "Europe/Rome" ? ["IT"] : [] }),
    week: [...weekdays, ...weekend],
  }));

const TYPES: RefEventType[] = ["pause", "resume", "respond", "resolve", "reprioritize", "approve"];
const START = Date.UTC(2026, 0, 1);

const scenarioArb = fc.record({
  cal: calendarArb,
  elapsed: fc.boolean(),
  startOn: fc.constantFrom<"open" | "approve">("open", "approve"),
  goals: fc.array(fc.integer({ min: 1, max: 480 }), { minLength: 3, maxLength: 3 }),
  priority: fc.constantFrom(...PRIORITIES),
  openedMinute: fc.integer({ min: 0, max: 365 * 1440 }),
  events: fc.array(
    fc.record({ type: fc.constantFrom(...TYPES), minute: fc.integer({ min: 0, max: 3 * 1440 }), priority: fc.constantFrom(...PRIORITIES) }),
    { maxLength: 8 },
  ),
  /** Repeat some events at the same instant (helpdesks repeat status events). */
  duplicates: fc.array(fc.nat(), { maxLength: 3 }),
  asOfMinute: fc.integer({ min: -60, max: 4 * 1440 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function goalOf(ms: number, elapsed: boolean): Goal {
  return { kind: elapsed ? "elapsed" : "business", ms, text: `${ms / MINUTE} minutes` };
}

function policyOf(s: Scenario, cal: CalendarIR, reopenWithinMinutes?: number): PolicyIR {
  return policy({
    id: "prop",
    calendars: [cal],
    defaultCalendar: cal.name,
    priorities: PRIORITIES.map((name) => ({ name, title: null, description: null, origin: ORIGIN })),
    targets: [
      target(
        "response",
        PRIORITIES.map((priority, i) => ({ priority, plan: null, goal: goalOf(s.goals[i]! * MINUTE, s.elapsed), origin: ORIGIN })),
        {
          clock: {
            start: [s.startOn],
            pause: ["pause"],
            resume: ["resume"],
            stop: ["respond", "resolve"],
            ...(reopenWithinMinutes === undefined ? {} : { reopenWithinMs: reopenWithinMinutes * MINUTE }),
          },
        },
      ),
    ],
  });
}

function refEvents(s: Scenario, openedAt: number): RefEvent[] {
  const evs: RefEvent[] = s.events.map((e) => ({ at: openedAt + e.minute * MINUTE, type: e.type, ...(e.type === "reprioritize" ? { priority: e.priority } : {}) }));
  for (const d of s.duplicates) if (evs.length > 0) evs.push(evs[d % evs.length]!);
  return evs;
}

function run(s: Scenario, cal: CalendarIR, extra: RefEvent[] = [], reopenWithinMinutes?: number): { result: TargetResult; openedAt: number; events: RefEvent[] } {
  const p = policyOf(s, cal, reopenWithinMinutes);
  const openedAt = START + s.openedMinute * MINUTE;
  const events = [...refEvents(s, openedAt), ...extra];
  const zone = cal.zone;
  const json = {
    id: "P",
    priority: s.priority,
    openedAt: formatInstant(openedAt, zone),
    events: events.map((e) => ({ at: formatInstant(e.at, zone), type: e.type, ...(e.priority ? { priority: e.priority } : {}) })),
    asOf: formatInstant(openedAt + s.asOfMinute * MINUTE, zone),
  };
  const parsed = parseTicket(json, p);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return { result: evaluateTicket(p, parsed.ticket).targets[0]!, openedAt, events };
}

const ms = (iso: string | null | undefined): number | null => (iso == null ? null : parseInstant(iso));

/** The reference clock of a scenario: its own calendar model, never the runtime's, so the model shares no code with what it checks. */
function reference(s: Scenario, openedAt: number, events: RefEvent[], reopenWithinMinutes?: number) {
  return referenceClock({
    calendar: new ReferenceCalendar(s.cal),
    openedAt,
    events,
    asOf: openedAt + s.asOfMinute * MINUTE,
    priority: s.priority,
    goals: Object.fromEntries(PRIORITIES.map((p, i) => [p, s.goals[i]! * MINUTE])),
    elapsed: s.elapsed,
    startOn: s.startOn,
    horizonMinutes: 120 * 1440,
    ...(reopenWithinMinutes === undefined ? {} : { reopenWithinMinutes }),
  });
}

describe("evaluateTicket against the minute-stepping reference", () => {
  it(`agrees on startedAt, due, status and stoppedAt (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result, openedAt, events } = run(s, s.cal);
        const ref = reference(s, openedAt, events);
        expect({ startedAt: ms(result.startedAt), due: ms(result.due), status: result.status, stoppedAt: ms(result.stoppedAt) }).toEqual(ref);
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * Tickets that are solved and reopened (`reopen within`): the scenario's events plus pairs of a
 * resolve and a reopen after it, the reopen often exactly at the window's end or a minute either
 * side, then and again a respond; windows from an hour to two days.
 */
const reopeningArb = fc.integer({ min: 1, max: 2 * 1440 }).chain((windowMinutes) =>
  fc.record({
    scenario: scenarioArb,
    windowMinutes: fc.constant(windowMinutes),
    pairs: fc.array(
      fc.record({
        solvedMinute: fc.oneof(fc.integer({ min: 0, max: 3 * 1440 }), fc.integer({ min: 0, max: 72 }).map((h) => h * 60)),
        reopenAfter: fc.oneof(fc.constantFrom(windowMinutes, windowMinutes - 1, windowMinutes + 1, 0), fc.integer({ min: 0, max: 2 * windowMinutes })),
        respondAfter: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

describe("reopening: evaluateTicket against the minute-stepping reference", () => {
  it(`agrees on startedAt, due, status and stoppedAt with reopen events (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(reopeningArb, ({ scenario: s, windowMinutes, pairs }) => {
        const openedAt = START + s.openedMinute * MINUTE;
        const extra = pairs.flatMap(({ solvedMinute, reopenAfter, respondAfter }): RefEvent[] => {
          const solved = openedAt + solvedMinute * MINUTE;
          const reopened = solved + reopenAfter * MINUTE;
          const answer: RefEvent[] = respondAfter === undefined ? [] : [{ at: reopened + respondAfter * MINUTE, type: "respond" }];
          return [{ at: solved, type: "resolve" }, { at: reopened, type: "reopen" }, ...answer];
        });
        const { result, events } = run(s, s.cal, extra, windowMinutes);
        const ref = reference(s, openedAt, events, windowMinutes);
        expect({ startedAt: ms(result.startedAt), due: ms(result.due), status: result.status, stoppedAt: ms(result.stoppedAt) }).toEqual(ref);
      }),
      { numRuns: RUNS },
    );
  });

  it("a reopen outside the window changes nothing: the result equals the ticket without it", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 2 * 1440 }), fc.integer({ min: 1, max: 1440 }), (s, windowMinutes, beyond) => {
        const openedAt = START + s.openedMinute * MINUTE;
        const withoutSolve = { ...s, events: s.events.filter((e) => e.type !== "resolve"), asOfMinute: 5 * 1440 };
        const solve: RefEvent = { at: openedAt + 60 * MINUTE, type: "resolve" };
        const late: RefEvent = { at: solve.at + (windowMinutes + beyond) * MINUTE, type: "reopen" };
        const base = run(withoutSolve, s.cal, [solve], windowMinutes).result;
        const reopened = run(withoutSolve, s.cal, [solve, late], windowMinutes).result;
        expect(reopened).toEqual(base);
      }),
      { numRuns: propertyRuns(0.5) },
    );
  });
});

describe("laws", () => {
  it("a pause never makes a due earlier", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 3 * 1440 }), fc.integer({ min: 1, max: 1440 }), (s, from, length) => {
        const noPauses = { ...s, events: s.events.filter((e) => e.type !== "pause" && e.type !== "resume"), asOfMinute: 5 * 1440 };
        const base = run(noPauses, s.cal);
        const at = (m: number) => base.openedAt + m * MINUTE;
        const paused = run(noPauses, s.cal, [
          { at: at(from), type: "pause" },
          { at: at(from + length), type: "resume" },
        ]);
        const a = ms(base.result.due);
        const b = ms(paused.result.due);
        if (a !== null && b !== null) expect(b).toBeGreaterThanOrEqual(a);
      }),
      { numRuns: propertyRuns(2) },
    );
  });

  it("on a 24x7 calendar a business goal is the same elapsed goal", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const always = { ...calendar("always", s.cal.zone, {}, { kind: "always" }) };
        const business = run({ ...s, elapsed: false }, always).result;
        const elapsed = run({ ...s, elapsed: true }, s.cal).result;
        expect({ ...business, goal: "" }).toEqual({ ...elapsed, goal: "" });
      }),
      { numRuns: propertyRuns(2) },
    );
  });
});
