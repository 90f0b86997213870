/**
 * evaluateTicket, SPEC §3: the result shape, the spec's T-1042 example, exclusions, escalations,
 * credits and `explain` traces.
 */
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { TicketResultSchema } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { euTicket, events, evaluate, HOUR, imagicle, kustomer, origin, promotron, t1042, ticket } from "./fixtures.js";

const mon = (hhmm: string): string => `2026-06-15T${hhmm}:00+02:00`;


describe("SPEC §3 example T-1042 (Imagicle, Europe, Gold, P2)", () => {
  const result = evaluateTicket(imagicle, ticket(imagicle, t1042));

  it("is met at 10:20 on Monday", () => {
    // Fri 16:30–18:00 (90 min) + Sat 09:00–09:10 (10 min, Gold opens Saturdays) = 100 min before the
    // pause; resumed Mon 10:00 (now +02:00), 20 min more: due 10:20, responded at 10:20.
    expect(result.targets).toEqual([
      {
        name: "response",
        goal: "2 business hours",
        binding: true,
        startedAt: "2026-03-27T16:30:00+01:00",
        due: "2026-03-30T10:20:00+02:00",
        status: "met",
        stoppedAt: "2026-03-30T10:20:00+02:00",
      },
    ]);
  });

  it("escalates at 4 and 8 business hours on the Gold calendar", () => {
    // Escalation clock: europe_gold (Mon–Sat 09–18, no holidays), same pause. 100 min counted
    // before the pause; from Mon 10:00, 4 h is reached at 12:20 and 8 h at 16:20. 16 h would be
    // Tue 15:20, after asOf (Tue 02:00 local). These match the spec's numbers because the spec's
    // example already counts the Saturday 10 minutes.
    expect(result.escalations).toEqual([
      { after: "4 business hours", to: "Support Team", at: "2026-03-30T12:20:00+02:00" },
      { after: "8 business hours", to: "Support Regional Manager", at: "2026-03-30T16:20:00+02:00" },
    ]);
  });

  it("earns no credit: the response was met (the spec example's 10 % contradicts its own rule)", () => {
    expect(result.credit).toBeNull();
  });

  it("validates against TicketResultSchema", () => {
    expect(TicketResultSchema.safeParse(result).success).toBe(true);
  });

  it("explains the due with counted segments, pauses and the clause", () => {
    const r = evaluateTicket(imagicle, ticket(imagicle, t1042), { explain: true });
    expect(r.targets[0]!.trace).toEqual({
      clause: { file: "test.sla", line: 101, text: "| P2 | 2 business days | 2 business hours | 2 business hours |" },
      calendar: { name: "europe_gold", zone: "Europe/Rome" },
      segments: [
        ["2026-03-27T16:30:00+01:00", "2026-03-27T18:00:00+01:00"],
        ["2026-03-28T09:00:00+01:00", "2026-03-28T09:10:00+01:00"],
        ["2026-03-30T10:00:00+02:00", "2026-03-30T10:20:00+02:00"],
      ],
      pauses: [["2026-03-28T09:10:00+01:00", "2026-03-30T10:00:00+02:00"]],
      countedMinutes: 120,
    });
    expect(TicketResultSchema.safeParse(r).success).toBe(true);
  });
});

describe("explain traces", () => {
  it("a pending target's segments run to the projected due; an open pause has no end", () => {
    const pending = evaluateTicket(imagicle, euTicket({ priority: "P3", plan: "gold", openedAt: "2026-06-19T16:00:00+02:00" }), {
      asOf: "2026-06-19T17:00:00+02:00",
      explain: true,
    });
    expect(pending.targets[0]!.trace).toMatchObject({
      segments: [
        ["2026-06-19T16:00:00+02:00", "2026-06-19T18:00:00+02:00"],
        ["2026-06-20T09:00:00+02:00", "2026-06-20T11:00:00+02:00"],
      ],
      countedMinutes: 240,
    });
    const paused = evaluateTicket(imagicle, euTicket({ priority: "P3", plan: "gold", openedAt: mon("09:00"), events: events(["pause", mon("10:00")]) }), {
      asOf: mon("12:00"),
      explain: true,
    });
    expect(paused.targets[0]!.trace).toMatchObject({ segments: [[mon("09:00"), mon("10:00")]], pauses: [[mon("10:00"), null]], countedMinutes: 60 });
  });
});

describe("exclusions: no SLA, no escalations, no credit", () => {
  const breached = { priority: "P1", plan: "gold", region: "europe", openedAt: mon("09:00") };
  it.each([
    [{ channel: "email", language: "en" }, "no SLA (email channel)"],
    [{ channel: "portal", language: "fr" }, "no SLA (optional language fr)"],
    [{ channel: "portal", language: "de" }, "no SLA (language de not supported in region europe)"],
  ])("%o", (extra, goal) => {
    const r = evaluate(imagicle, { ...breached, ...extra }, mon("18:00"));
    expect(r.targets).toEqual([{ name: "response", goal, binding: true, startedAt: null, due: null, status: "none" }]);
    expect(r.escalations).toEqual([]);
    expect(r.credit).toBeNull();
  });
});

describe("credits", () => {
  const at = (json: Record<string, unknown>) => evaluate(imagicle, { region: "europe", language: "en", openedAt: mon("09:00"), ...json }, mon("18:00"));

  it("the row of the breached ticket's priority", () => {
    expect(at({ priority: "P1", plan: "gold" }).credit).toEqual({ percent: 20 });
    expect(at({ priority: "P2", plan: "platinum", channel: "phone" }).credit).toEqual({ percent: 10 });
  });

  it("a 0 % row gives percent 0, not null", () => {
    expect(at({ priority: "P4", plan: "gold", openedAt: "2026-06-12T09:00:00+02:00" }).credit).toEqual({ percent: 0 });
  });

  it("null when met, or when the plan has no credits", () => {
    expect(at({ priority: "P1", plan: "gold", events: events(["respond", mon("09:30")]) }).credit).toBeNull();
    expect(at({ priority: "P1", plan: "basic", openedAt: "2026-06-10T09:00:00+02:00" }).targets[0]!.status).toBe("breached");
    expect(at({ priority: "P1", plan: "basic", openedAt: "2026-06-10T09:00:00+02:00" }).credit).toBeNull();
  });

  it("null when the breached target is not binding", () => {
    const kpi: PolicyIR = { ...imagicle, targets: imagicle.targets.map((t) => ({ ...t, binding: false })) };
    const r = evaluateTicket(kpi, ticket(kpi, { region: "europe", language: "en", priority: "P1", plan: "gold", openedAt: mon("09:00") }), { asOf: mon("18:00") });
    expect(r.targets[0]).toMatchObject({ status: "breached", binding: false });
    expect(r.credit).toBeNull();
  });
});

describe("escalations", () => {
  it("pause excludes time, and the level list grows with asOf", () => {
    // P1 levels at 2, 4, 8 business hours: 1 h before the pause, then from 11:00.
    const t = euTicket({ priority: "P1", plan: "gold", openedAt: mon("09:00"), events: events(["pause", mon("10:00")], ["resume", mon("11:00")]) });
    expect(evaluateTicket(imagicle, t, { asOf: mon("11:59") }).escalations).toEqual([]);
    expect(evaluateTicket(imagicle, t, { asOf: mon("12:00") }).escalations.map((e) => e.at)).toEqual([mon("12:00")]);
    expect(evaluateTicket(imagicle, t, { asOf: "2026-06-16T10:00:00+02:00" }).escalations.map((e) => e.at)).toEqual([
      mon("12:00"),
      mon("14:00"),
      mon("18:00"),
    ]);
  });

  it("count on the region's Gold calendar for Platinum, even for an elapsed P1 goal", () => {
    const r = evaluate(imagicle, { region: "europe", language: "en", priority: "P1", plan: "platinum", openedAt: "2026-06-13T17:00:00+02:00" }, "2026-06-15T23:00:00+02:00");
    // Target: 60 elapsed minutes. Escalation: Sat 17:00–18:00, then Mon from 09:00.
    expect(r.targets[0]!.due).toBe("2026-06-13T18:00:00+02:00");
    expect(r.escalations.map((e) => e.at)).toEqual([mon("10:00"), mon("12:00"), mon("16:00")]);
  });

  it("none for a plan the escalation matrix does not cover", () => {
    expect(evaluate(imagicle, { region: "europe", language: "en", priority: "P1", plan: "basic", openedAt: mon("09:00") }, mon("18:00")).escalations).toEqual([]);
  });

  it("percent and elapsed thresholds: on the target's clock and calendar", () => {
    const withLevels: PolicyIR = {
      ...kustomer,
      roles: [{ name: "lead", title: "Team Lead", description: null, origin: origin(1) }],
      escalations: [
        {
          plans: null,
          calendarPlan: null,
          clock: { start: ["open"], pause: ["pause"], resume: ["resume"], stop: ["resolve"] },
          levels: [
            { priority: "P1", after: { kind: "percent", percent: 50, target: "response", text: "50% of response" }, role: "lead", origin: origin(2) },
            { priority: "P1", after: { kind: "elapsed", ms: 3 * HOUR, text: "3 hours" }, role: "vp", origin: origin(3) },
          ],
          origin: origin(1),
        },
      ],
    };
    const r = evaluate(
      withLevels,
      { priority: "P1", openedAt: "2026-06-15T10:00:00Z", events: events(["pause", "2026-06-15T10:30:00Z"], ["resume", "2026-06-15T10:45:00Z"], ["respond", "2026-06-15T10:50:00Z"]) },
      "2026-06-15T18:00:00Z",
    );
    // 50 % of 2 hours = 1 hour of the response clock, not stopped by respond: 11:15 with the pause.
    expect(r.escalations).toEqual([
      { after: "50% of response", to: "Team Lead", at: "2026-06-15T11:15:00Z" },
      { after: "3 hours", to: "vp", at: "2026-06-15T13:15:00Z" },
    ]);
  });

  it("a percent of a business-days goal is that share of its open time", () => {
    const half: PolicyIR = {
      ...promotron,
      escalations: [
        {
          plans: null,
          calendarPlan: null,
          clock: { start: ["approve"], pause: ["pause"], resume: ["resume"], stop: ["resolve"] },
          levels: [{ priority: null, after: { kind: "percent", percent: 50, target: "reaction", text: "50%" }, role: "lead", origin: origin(2) }],
          origin: origin(1),
        },
      ],
    };
    // 3 business days from Wed 07-01 10:00: 14 + 24 + 24 + 24 = 86 open hours; half is 43 h:
    // Wed 14 h, Thu 24 h, then 5 h into Fri 07-03.
    const r = evaluate(half, { plan: "standard", openedAt: "2026-07-01T09:00:00+02:00", events: events(["approve", "2026-07-01T10:00:00+02:00"]) }, "2026-07-10T00:00:00+02:00");
    expect(r.escalations).toEqual([{ after: "50%", to: "lead", at: "2026-07-03T05:00:00+02:00" }]);
  });
});
