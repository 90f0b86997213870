/**
 * evaluateTicket, SPEC §2 rules 8–14: same business day, best effort, pauses, priority changes,
 * simultaneous events, statuses, clock rules. 2026-06-15 is a Monday.
 */
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { eu, euTicket, events, evaluate, imagicle, lucy, only, promotron } from "./fixtures.js";

const MON = "2026-06-15";
/** An instant on Monday 2026-06-15 in Rome (summer time). */
const mon = (hhmm: string): string => `${MON}T${hhmm}:00+02:00`;
const A = (openedAt: string, evs: Array<Record<string, string>> = []) =>
  only(lucy, { priority: "A", region: "europe", openedAt, events: evs });

describe("SPEC §2.8 same business day", () => {
  it("is due at the close of the start day when started before its close", () => {
    expect(A(mon("10:00")).due).toBe(mon("17:00"));
    expect(A(mon("07:00")).due).toBe(mon("17:00"));
    expect(A("2026-06-19T12:00:00+02:00").due).toBe("2026-06-19T13:00:00+02:00");
  });

  it("is due at the next business day's close when started at or after the close, or on a closed day", () => {
    expect(A(mon("17:00")).due).toBe("2026-06-16T17:00:00+02:00");
    expect(A("2026-06-19T14:00:00+02:00").due).toBe("2026-06-22T17:00:00+02:00");
    expect(A("2026-06-20T10:00:00+02:00").due).toBe("2026-06-22T17:00:00+02:00");
  });

  it("pauses push it forward by the paused open time", () => {
    const r = A(mon("10:00"), events(["pause", mon("11:00")], ["resume", mon("12:00")]));
    expect(r.due).toBe("2026-06-16T09:00:00+02:00");
  });
});

describe("SPEC §2.9 best effort", () => {
  it("has no due and status none, even when responded", () => {
    const open = { priority: "P3", plan: "basic", openedAt: mon("10:00") };
    expect(eu(open)).toEqual({ name: "response", goal: "best effort", binding: true, startedAt: mon("10:00"), due: null, status: "none" });
    const responded = eu({ ...open, events: events(["respond", mon("11:00")]) });
    expect(responded).toMatchObject({ status: "none", due: null, stoppedAt: mon("11:00") });
  });
});

describe("SPEC §2.10 pauses", () => {
  const gold = (priority: string, openedAt: string, evs: Array<Record<string, string>>, asOf?: string) =>
    eu({ priority, plan: "gold", openedAt, events: evs }, asOf);

  it("a pause while paused is ignored: the first pause holds", () => {
    const r = gold("P3", mon("09:00"), events(["pause", mon("10:00")], ["pause", mon("11:00")], ["resume", mon("12:00")]));
    expect(r.due).toBe(mon("15:00"));
  });

  it("a resume while running is ignored", () => {
    const r = gold("P3", mon("09:00"), events(["resume", mon("09:30")], ["pause", mon("10:00")], ["resume", mon("11:00")], ["resume", mon("11:30")]));
    expect(r.due).toBe(mon("14:00"));
  });

  it("a pause outside open time changes nothing until the next opening", () => {
    // Fri 17:00–18:00 counted; paused from Fri 19:00 to Sat 09:30; Sat 09:30–10:30.
    const r = gold("P2", "2026-06-19T17:00:00+02:00", events(["pause", "2026-06-19T19:00:00+02:00"], ["resume", "2026-06-20T09:30:00+02:00"]));
    expect(r.due).toBe("2026-06-20T10:30:00+02:00");
  });

  it("paused at asOf before the due: status paused, due null", () => {
    const r = gold("P2", mon("09:00"), events(["pause", mon("10:00")]), mon("12:00"));
    expect(r).toMatchObject({ startedAt: mon("09:00"), due: null, status: "paused" });
  });
});

describe("SPEC §2.11 priority change", () => {
  it("a stricter goal already exceeded is breached when the counted time passed it", () => {
    const t = euTicket({ priority: "P4", plan: "gold", openedAt: mon("09:00"), events: events(["reprioritize", mon("11:00"), "P1"]) });
    const r = evaluateTicket(imagicle, t, { asOf: mon("12:00") });
    expect(r.targets[0]).toMatchObject({ goal: "60 business minutes", due: mon("10:00"), status: "breached" });
    // Escalations and credit follow the priority in force (P1).
    expect(r.escalations).toEqual([{ after: "2 business hours", to: "Support Regional Manager", at: mon("11:00") }]);
    expect(r.credit).toEqual({ percent: 20 });
  });

  it("a looser goal moves the due later, from the original start", () => {
    const r = eu({ priority: "P2", plan: "gold", openedAt: mon("09:00"), events: events(["reprioritize", mon("10:00"), "P4"]) }, mon("12:00"));
    expect(r).toMatchObject({ goal: "8 business hours", due: mon("17:00"), status: "pending" });
  });

  it("is retroactive: pauses before the change still count as paused", () => {
    const json = {
      priority: "P4",
      plan: "gold",
      openedAt: mon("09:00"),
      events: events(["pause", mon("09:30")], ["resume", mon("10:30")], ["reprioritize", mon("11:00"), "P1"]),
    };
    expect(eu(json, mon("11:00"))).toMatchObject({ due: mon("11:00"), status: "pending" });
    expect(eu(json, mon("11:01"))).toMatchObject({ due: mon("11:00"), status: "breached" });
  });

  it("after the stop it is ignored by the target, but escalations use it", () => {
    const t = euTicket({
      priority: "P2",
      plan: "gold",
      openedAt: mon("09:00"),
      events: events(["respond", mon("10:00")], ["reprioritize", mon("10:30"), "P1"]),
    });
    const r = evaluateTicket(imagicle, t, { asOf: mon("12:00") });
    expect(r.targets[0]).toMatchObject({ goal: "2 business hours", due: mon("11:00"), status: "met" });
    expect(r.escalations).toEqual([{ after: "2 business hours", to: "Support Regional Manager", at: mon("11:00") }]);
    expect(r.credit).toBeNull();
  });
});

describe("SPEC §2.12 simultaneous events", () => {
  const gold = (evs: Array<Record<string, string>>, asOf = mon("12:00"), priority = "P3") =>
    eu({ priority, plan: "gold", openedAt: mon("09:00"), events: evs }, asOf);

  it("a stop at the same instant as a pause wins, whatever the input order", () => {
    const expected = { due: mon("13:00"), status: "met", stoppedAt: mon("10:00") };
    expect(gold(events(["pause", mon("10:00")], ["respond", mon("10:00")]))).toMatchObject(expected);
    expect(gold(events(["respond", mon("10:00")], ["pause", mon("10:00")]))).toMatchObject(expected);
  });

  it("resume applies before pause: a resume and a pause together leave the clock paused", () => {
    const whilePaused = gold(events(["pause", mon("10:00")], ["pause", mon("11:00")], ["resume", mon("11:00")]));
    expect(whilePaused.status).toBe("paused");
    const whileRunning = gold(events(["pause", mon("10:00")], ["resume", mon("10:00")]));
    expect(whileRunning.status).toBe("paused");
  });

  it("reprioritize applies before respond at the same instant", () => {
    const r = gold(events(["respond", mon("11:00")], ["reprioritize", mon("11:00"), "P1"]), mon("12:00"), "P4");
    expect(r).toMatchObject({ goal: "60 business minutes", due: mon("10:00"), status: "breached", stoppedAt: mon("11:00") });
  });

  it("approve applies before pause: approving and pausing together starts a paused clock", () => {
    const r = only(promotron, {
      plan: "premium",
      openedAt: mon("09:00"),
      events: events(["pause", mon("10:00")], ["approve", mon("10:00")]),
    }, mon("12:00"));
    expect(r).toMatchObject({ startedAt: mon("10:00"), status: "paused", due: null });
  });

  it("unsorted events are applied in time order", () => {
    const sorted = events(["pause", mon("10:00")], ["resume", mon("11:00")], ["respond", mon("12:30")]);
    expect(gold([sorted[2]!, sorted[0]!, sorted[1]!])).toEqual(gold(sorted));
  });

  it("events after asOf are ignored", () => {
    const r = gold(events(["respond", mon("15:00")]), mon("12:00"));
    expect(r).toEqual({ name: "response", goal: "4 business hours", binding: true, startedAt: mon("09:00"), due: mon("13:00"), status: "pending" });
  });
});

describe("SPEC §2.13 status at asOf", () => {
  const p2 = (evs: Array<Record<string, string>>, asOf: string) => eu({ priority: "P2", plan: "gold", openedAt: mon("09:00"), events: evs }, asOf);

  it("met when stopped at or before the due, breached after", () => {
    expect(p2(events(["respond", mon("11:00")]), mon("18:00"))).toMatchObject({ status: "met", due: mon("11:00") });
    expect(p2(events(["respond", mon("11:01")]), mon("18:00"))).toMatchObject({ status: "breached", due: mon("11:00") });
  });

  it("pending until the due, breached after it", () => {
    expect(p2([], mon("11:00")).status).toBe("pending");
    expect(p2([], mon("11:01")).status).toBe("breached");
  });

  it("breached when paused after the due passed (the due stays known)", () => {
    expect(p2(events(["pause", mon("11:30")]), mon("12:00"))).toMatchObject({ status: "breached", due: mon("11:00") });
  });

  it("not started yet: pending with startedAt and due null", () => {
    expect(only(promotron, { plan: "standard", openedAt: mon("09:00") }, mon("12:00"))).toEqual({
      name: "reaction",
      goal: "3 business days",
      binding: true,
      startedAt: null,
      due: null,
      status: "pending",
    });
    expect(p2([], "2026-06-14T12:00:00+02:00")).toMatchObject({ status: "pending", startedAt: null, due: null });
  });
});

describe("SPEC §2.14 clock rules", () => {
  it("a clock started by approve counts from the approval", () => {
    const r = only(promotron, { plan: "premium", openedAt: "2026-06-12T09:00:00+02:00", events: events(["approve", mon("10:00")], ["approve", mon("11:00")]) });
    expect(r).toMatchObject({ startedAt: mon("10:00"), due: "2026-06-16T10:00:00+02:00" });
  });

  it("a stop event before the start does not stop the clock", () => {
    const r = only(promotron, {
      plan: "premium",
      openedAt: mon("09:00"),
      events: events(["respond", mon("09:30")], ["approve", mon("10:00")], ["respond", mon("12:00")]),
    });
    expect(r).toMatchObject({ startedAt: mon("10:00"), status: "met", stoppedAt: mon("12:00") });
  });

  it("resolve stops the response target; the stop is final", () => {
    const r = eu({ priority: "P2", plan: "gold", openedAt: mon("09:00"), events: events(["resolve", mon("10:00")], ["pause", mon("10:30")]) }, mon("18:00"));
    expect(r).toMatchObject({ status: "met", stoppedAt: mon("10:00"), due: mon("11:00") });
  });

  it("respond does not stop escalations; resolve drops the levels after it", () => {
    const json = { priority: "P1", plan: "gold", openedAt: mon("09:00"), events: events(["respond", mon("09:30")], ["resolve", mon("12:00")]) };
    const r = evaluate(imagicle, { region: "europe", language: "en", ...json }, mon("18:00"));
    expect(r.targets[0]!.status).toBe("met");
    expect(r.escalations).toEqual([{ after: "2 business hours", to: "Support Regional Manager", at: mon("11:00") }]);
  });
});
