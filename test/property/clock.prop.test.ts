/**
 * Model-based properties of the time rules over 1990–2150, every answer checked against the
 * minute-stepping references (`reference-calendar.ts` for open time and business days,
 * `reference-clock.ts` for a target's clock), never against the runtime's own calendar:
 *
 * - business-day and same-business-day closes of the calendar engine (SPEC §2.7, §2.8);
 * - `evaluateTicket` with `N business days` and `same business day` goals, pauses included;
 * - escalation levels reached, paused time excluded, dropped at the resolve (SPEC §3);
 * - the credit earned by a breach (SPEC §3).
 *
 * Reprioritizing is left to `evaluate.prop.test.ts`: which priority escalations and credit follow
 * after one is being settled (issue 9 item 12).
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { calendarFromIR } from "../../runtime/calendar.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { parseTicket, type TicketResult } from "../../runtime/io.js";
import type { CalendarIR, ClockIR, EscalationAfter, Goal, PolicyIR, Window } from "../../runtime/ir.js";
import { policy, target } from "../runtime/fixtures.js";
import { propertyRuns } from "./budget.js";
import { hourWindowsArb } from "./hour-windows.js";
import { calendarIR, ReferenceCalendar } from "./reference-calendar.js";
import { MINUTE, referenceClock, type RefEvent, type RefEventType } from "./reference-clock.js";

const DAY = 1440 * MINUTE;
const FROM = Date.UTC(1990, 0, 1);
const TO = Date.UTC(2151, 0, 1);
/** Zones with DST rules that changed over the range (Moscow, Tehran, Santiago) and a half hour (Lord Howe). */
const ZONES = ["Europe/Rome", "America/New_York", "Europe/Moscow", "Asia/Tehran", "America/Santiago", "Australia/Lord_Howe", "UTC"];
const PRIORITIES = ["P1", "P2", "P3"] as const;
const ORIGIN = { file: "prop.sla", line: 1, column: 1, text: "" };
/** How far the references walk: past any run of closed days a random calendar can have. */
const HORIZON = 40 * DAY;

/** 0–2 windows on whole hours, each at least an hour (so none fits inside a DST gap). */
const dayArb = hourWindowsArb;

/** A calendar open on some weekdays, with a country's holidays now and then, and a start in 1990–2150. */
const calendarArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    kind: fc.constantFrom<CalendarIR["kind"]>("hours", "hours", "hours", "days"),
    week: fc.array(dayArb, { minLength: 7, maxLength: 7 }),
    holidays: fc.option(fc.constantFrom("IT", "FR", "US"), { nil: undefined }),
    startMinute: fc.integer({ min: FROM / MINUTE, max: (TO - HORIZON) / MINUTE }),
  })
  .map(({ zone, kind, week, holidays, startMinute }) => {
    if (week.every((d) => d.length === 0)) week[0] = [{ from: 540, to: 1020 }];
    if (kind === "days") week = week.map((d) => (d.length > 0 ? [{ from: 0, to: 1440 }] : []));
    const ir = calendarIR({ zone, kind, week, holidays: holidays ? [{ country: holidays }] : [] });
    return { ir, start: startMinute * MINUTE };
  });

/** The start, printed in the calendar's zone when a property fails. */
const local = (t: number, zone: string): string => DateTime.fromMillis(t, { zone }).toISO()!;

describe("business days of the calendar engine equal the minute walk, 1990–2150", () => {
  it("businessDayClose(t, n) for n = 1…4, and sameBusinessDayClose(t)", () => {
    fc.assert(
      fc.property(calendarArb, ({ ir, start }) => {
        const cal = calendarFromIR(ir);
        const ref = new ReferenceCalendar(ir);
        const closes = ref.businessDayCloses(start, 4, start + HORIZON);
        const ours = closes.map((_, i) => cal.businessDayClose(start, i + 1));
        expect({ at: local(start, ir.zone), closes: ours }).toEqual({ at: local(start, ir.zone), closes });
        expect(cal.sameBusinessDayClose(start)).toBe(ref.sameBusinessDayClose(start, start + HORIZON));
      }),
      { numRuns: propertyRuns(0.5) },
    );
  });
});

/**
 * Random events within 4 days of the opening, as minutes after it; half on whole hours, where
 * window edges and hour-long thresholds fall, so that ties (a level reached at the resolve, a
 * stop at the due) come up often.
 */
const minuteArb = fc.oneof(fc.integer({ min: 0, max: 4 * 1440 }), fc.integer({ min: 0, max: 4 * 24 }).map((h) => h * 60));
const eventsArb = (types: readonly RefEventType[]) =>
  fc.array(fc.record({ type: fc.constantFrom(...types), minute: minuteArb }), { maxLength: 6 });

const ticketArb = (types: readonly RefEventType[]) =>
  fc.record({
    cal: calendarArb,
    priority: fc.constantFrom(...PRIORITIES),
    days: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
    sameDay: fc.boolean(),
    events: eventsArb(types),
    asOfMinute: fc.integer({ min: 0, max: 6 * 1440 }),
  });
type TicketScenario = typeof ticketArb extends (t: never) => fc.Arbitrary<infer T> ? T : never;

const priorities = PRIORITIES.map((name) => ({ name, title: null, description: null, origin: ORIGIN }));
const CLOCK: ClockIR = { start: ["open"], pause: ["pause"], resume: ["resume"], stop: ["respond", "resolve"] };

function goalOf(s: TicketScenario, i: number): Goal {
  return s.sameDay ? { kind: "sameBusinessDay", text: "same business day" } : { kind: "businessDays", days: s.days[i]!, text: `${s.days[i]} business days` };
}

/** The scenario's calendar and priorities, a `resolution` target with its goals, and `extra`. */
function scenarioPolicy(s: TicketScenario, extra: Partial<PolicyIR> = {}): PolicyIR {
  return policy({
    id: "prop",
    calendars: [s.cal.ir],
    defaultCalendar: s.cal.ir.name,
    priorities,
    targets: [target("resolution", PRIORITIES.map((priority, i) => ({ priority, plan: null, goal: goalOf(s, i), origin: ORIGIN })), { clock: CLOCK })],
    ...extra,
  });
}

/** Evaluate the scenario's ticket with the runtime, at `asOf`. */
function evaluate(p: PolicyIR, s: TicketScenario, events: readonly RefEvent[], asOf: number): TicketResult {
  const zone = s.cal.ir.zone;
  const json = {
    id: "T",
    priority: s.priority,
    openedAt: formatInstant(s.cal.start, zone),
    events: events.map((e) => ({ at: formatInstant(e.at, zone), type: e.type })),
    asOf: formatInstant(asOf, zone),
  };
  const parsed = parseTicket(json, p);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return evaluateTicket(p, parsed.ticket);
}

const refEvents = (s: TicketScenario): RefEvent[] => s.events.map((e) => ({ at: s.cal.start + e.minute * MINUTE, type: e.type }));
const ms = (iso: string | null | undefined): number | null => (iso == null ? null : parseInstant(iso));

/**
 * The reference answer for a business-days or same-business-day target: the due without pauses
 * is read off the minute walk; pauses then push it by the paused open time (SPEC §2.7), which is
 * the clock reference counting that much open time.
 */
function referenceTarget(s: TicketScenario, ref: ReferenceCalendar, events: readonly RefEvent[], asOf: number) {
  const { start } = s.cal;
  const closes = ref.businessDayCloses(start, 4, start + HORIZON);
  const same = ref.sameBusinessDayClose(start, start + HORIZON);
  const goals = Object.fromEntries(
    PRIORITIES.map((p, i) => {
      const close = s.sameDay ? same : closes[s.days[i]! - 1];
      if (close == null) throw new Error("no business day within the horizon");
      return [p, ref.openBetween(start, close)];
    }),
  );
  return referenceClock({
    calendar: ref,
    openedAt: start,
    events,
    asOf,
    priority: s.priority,
    goals,
    elapsed: false,
    startOn: "open",
    horizonMinutes: HORIZON / MINUTE,
  });
}

describe("evaluateTicket against the references, 1990–2150", () => {
  const types: RefEventType[] = ["pause", "resume", "respond", "resolve"];

  it("N business days and same business day, with pauses", () => {
    fc.assert(
      fc.property(ticketArb(types), (s) => {
        const p = scenarioPolicy(s);
        const events = refEvents(s);
        const asOf = s.cal.start + s.asOfMinute * MINUTE;
        const result = evaluate(p, s, events, asOf).targets[0]!;
        const expected = referenceTarget(s, new ReferenceCalendar(s.cal.ir), events, asOf);
        expect({ at: local(s.cal.start, s.cal.ir.zone), startedAt: ms(result.startedAt), due: ms(result.due), status: result.status, stoppedAt: ms(result.stoppedAt) }).toEqual({
          at: local(s.cal.start, s.cal.ir.zone),
          ...expected,
        });
      }),
      { numRuns: propertyRuns(0.3) },
    );
  });

  it("the credit of a breach is the row of the ticket's priority, and none without a breach", () => {
    const rows = { P1: "20", P2: "7.5", P3: "0" } as const;
    fc.assert(
      fc.property(ticketArb(types), (s) => {
        const p = scenarioPolicy(s, {
          credits: {
            plans: null,
            targets: [],
            rows: PRIORITIES.map((priority) => ({ priority, creditPercent: rows[priority], origin: ORIGIN })),
            claimMonthsAfter: null,
            claimSubject: null,
            capPercent: null,
            ineligibleChannels: [],
            ineligibleOptionalLanguages: false,
            zone: null,
            origin: ORIGIN,
          },
        });
        const events = refEvents(s);
        const asOf = s.cal.start + s.asOfMinute * MINUTE;
        const expected = referenceTarget(s, new ReferenceCalendar(s.cal.ir), events, asOf);
        const credit = evaluate(p, s, events, asOf).credit;
        expect(credit).toEqual(expected.status === "breached" ? { percent: Number(rows[s.priority]) } : null);
      }),
      { numRuns: propertyRuns(0.3) },
    );
  });

  it("escalation levels: reached at or before asOf on open, unpaused time, dropped from the resolve on", () => {
    const afterArb = fc.oneof(
      fc.integer({ min: 0, max: 40 * 60 }).map((m): EscalationAfter => ({ kind: "business", ms: m * MINUTE, text: `${m} business minutes` })),
      fc.integer({ min: 0, max: 72 * 60 }).map((m): EscalationAfter => ({ kind: "elapsed", ms: m * MINUTE, text: `${m} minutes` })),
      fc.integer({ min: 0, max: 72 }).map((h): EscalationAfter => ({ kind: "elapsed", ms: h * 60 * MINUTE, text: `${h} hours` })),
      fc.integer({ min: 0, max: 40 }).map((h): EscalationAfter => ({ kind: "business", ms: h * 60 * MINUTE, text: `${h} business hours` })),
    );
    fc.assert(
      fc.property(ticketArb(types), fc.array(afterArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (s, drawn, tie) => {
        // Now and then a level due exactly at the first resolve (unless a pause came first): dropped.
        const resolve = s.events.find((e) => e.type === "resolve");
        const tied: EscalationAfter[] = tie && resolve ? [{ kind: "elapsed", ms: resolve.minute * MINUTE, text: `${resolve.minute} minutes` }] : [];
        const afters = [...drawn, ...tied];
        const p = scenarioPolicy(s, {
          targets: [],
          escalations: [
            {
              plans: null,
              calendarPlan: null,
              clock: { start: ["open"], pause: ["pause"], resume: ["resume"], stop: ["resolve"] },
              levels: afters.map((after, i) => ({ priority: s.priority, after, role: `level${i}`, origin: ORIGIN })),
              origin: ORIGIN,
            },
          ],
        });
        const events = refEvents(s);
        const asOf = s.cal.start + s.asOfMinute * MINUTE;
        const ref = new ReferenceCalendar(s.cal.ir);
        const expected = afters.flatMap((after, i) => {
          const at = referenceLevel(s.cal.start, events, asOf, after, ref);
          return at === null ? [] : [{ after: after.text, to: `level${i}`, at }];
        });
        const got = evaluate(p, s, events, asOf).escalations.map((e) => ({ ...e, at: ms(e.at) }));
        expect(got).toEqual(expected);
      }),
      { numRuns: propertyRuns(0.3) },
    );
  });
});

/** SPEC §2.12 order of simultaneous events. */
const ORDER: readonly RefEventType[] = ["approve", "reprioritize", "resume", "pause", "respond", "resolve"];

/**
 * When an escalation level is reached, by walking the minutes from the opening: a minute counts
 * when not paused and (for business time) open. Null when it is not reached by `asOf`, or only
 * at or after the first `resolve`.
 */
function referenceLevel(openedAt: number, events: readonly RefEvent[], asOf: number, after: EscalationAfter, cal: ReferenceCalendar): number | null {
  if (after.kind === "percent" || after.kind === "businessDays") throw new Error("not modelled");
  const sorted = events
    .filter((e) => e.at <= asOf)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || ORDER.indexOf(a.e.type) - ORDER.indexOf(b.e.type) || a.i - b.i)
    .map(({ e }) => e);
  const resolvedAt = sorted.find((e) => e.type === "resolve")?.at ?? Infinity;
  let at: number | null = after.ms === 0 ? openedAt : null;
  let counted = 0;
  let paused = false;
  let k = 0;
  for (let t = openedAt; at === null && t < asOf; t += MINUTE) {
    while (k < sorted.length && sorted[k]!.at === t) {
      const e = sorted[k++]!;
      if (e.type === "pause") paused = true;
      if (e.type === "resume") paused = false;
    }
    if (!paused && (after.kind === "elapsed" || cal.isOpen(t))) counted += MINUTE;
    if (counted >= after.ms) at = t + MINUTE;
  }
  return at !== null && at <= asOf && at < resolvedAt ? at : null;
}
