/**
 * Recurring obligations (issue 11.5) against the minute-stepping reference
 * (`reference-recurring.ts`) over random calendars (the reference calendar, not the runtime's),
 * random updates, pauses and resolves: every interval's due and status, the misses, the target's
 * status and due. Minutes in whole units, so both sides agree on every edge.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { parseTicket } from "../../runtime/io.js";
import type { ClockIR } from "../../runtime/ir.js";
import { policy, target } from "../runtime/fixtures.js";
import { propertyRuns } from "./budget.js";
import { hourWindowsArb } from "./hour-windows.js";
import { calendarIR, ReferenceCalendar } from "./reference-calendar.js";
import { MINUTE, referenceRecurring, type RecEvent, type RecEventType } from "./reference-recurring.js";

const ORIGIN = { file: "prop.sla", line: 1, column: 1, text: "" };
const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const HORIZON_MINUTES = 30 * 1440;
const CLOCK: ClockIR = { start: ["respond"], pause: ["pause"], resume: ["resume"], stop: ["resolve"], restart: ["respond", "update"] };

const eventArb = fc.record({
  minute: fc.integer({ min: 0, max: 4 * 1440 }),
  type: fc.constantFrom<RecEventType>("update", "update", "update", "respond", "pause", "resume", "resolve"),
});

const scenarioArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  week: fc.array(hourWindowsArb, { minLength: 7, maxLength: 7 }),
  startMinute: fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }),
  firstRespond: fc.integer({ min: 0, max: 600 }),
  events: fc.array(eventArb, { maxLength: 12 }),
  asOfMinute: fc.integer({ min: 0, max: 5 * 1440 }),
  goalMinutes: fc.oneof(fc.integer({ min: 15, max: 8 * 60 }), fc.constantFrom(60, 240, 480)),
  elapsed: fc.boolean(),
});

describe("recurring targets against the minute-stepping reference", () => {
  it("each interval's due and status, the misses, the target's status and due", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        if (s.week.every((d) => d.length === 0)) s.week[0] = [{ from: 540, to: 1020 }];
        const ir = calendarIR({ zone: s.zone, week: s.week });
        const goal = s.elapsed
          ? { kind: "elapsed" as const, ms: s.goalMinutes * MINUTE, text: `${s.goalMinutes} minutes` }
          : { kind: "business" as const, ms: s.goalMinutes * MINUTE, text: `${s.goalMinutes} business minutes` };
        const p = policy({
          id: "prop",
          calendars: [ir],
          defaultCalendar: ir.name,
          events: [{ name: "update", title: null, description: null, origin: ORIGIN }],
          targets: [target("updates", [{ priority: null, plan: null, goal, origin: ORIGIN }], { clock: CLOCK })],
        });
        const openedAt = s.startMinute * MINUTE;
        const events: RecEvent[] = [{ at: openedAt + s.firstRespond * MINUTE, type: "respond" }, ...s.events.map((e) => ({ at: openedAt + e.minute * MINUTE, type: e.type }))];
        const asOf = openedAt + s.asOfMinute * MINUTE;
        const parsed = parseTicket(
          { id: "T", openedAt: formatInstant(openedAt, "UTC"), asOf: formatInstant(asOf, "UTC"), events: events.map((e) => ({ type: e.type, at: formatInstant(e.at, "UTC") })) },
          p,
        );
        if (!parsed.ok) throw new Error(parsed.error.message);
        const result = evaluateTicket(p, parsed.ticket, { explain: true }).targets[0]!;
        const expected = referenceRecurring({ calendar: new ReferenceCalendar(ir), openedAt, events, asOf, goal: goal.ms, elapsed: s.elapsed, horizonMinutes: HORIZON_MINUTES });
        const ms = (iso: string | null) => (iso === null ? null : parseInstant(iso));
        const actual = (result.trace?.intervals ?? []).map((i) => ({ from: ms(i.from), due: ms(i.due), status: i.status }));
        expect(actual).toEqual(expected);
        const misses = expected.filter((i) => i.status === "missed").length;
        expect(result.recurring?.misses ?? 0).toBe(misses);
        const last = expected[expected.length - 1];
        const stopped = result.stoppedAt !== undefined;
        const status = expected.length === 0 ? "pending" : misses > 0 ? "breached" : stopped ? "met" : last!.status;
        expect(result.status).toBe(status);
        expect(ms(result.due)).toBe(status === "paused" || !last ? null : last.due);
      }),
      { numRuns: propertyRuns(0.5) },
    );
  });
});
