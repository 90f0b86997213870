/**
 * Recurring obligations (issue 11.5): "while the case waits on us, we update the customer at least
 * every 4 business hours (Severity 1: every hour)". Each case states the intervals it expects.
 * 2026-03-02 is a Monday; Berlin is UTC+1 in March.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket, type TargetResult } from "../../runtime/io.js";

const POLICY = `policy t "T"
calendar office "Office" {
  zone "Europe/Berlin"
  Mon-Fri 09:00-17:00
}
priority sev1 "Severity 1"
priority sev2 "Severity 2"
event customer_update "an update sent to the customer"
role duty "Duty manager"

target updates "Customer updates" {
  start on respond
  restart on respond, customer_update
  pause on pause
  resume on resume
  stop on resolve
  goals {
    | priority | goal             |
    | sev1     | 1 hour           |
    | sev2     | 4 business hours |
  }
}

credits {
  target updates
  {
    | priority | credit |
    | sev1     | 10%    |
    | sev2     | 5%     |
  }
}
`;

const compiled = compile("t.sla", POLICY);
if (!compiled.ir) throw new Error(compiled.diagnostics.map((d) => d.message).join("\n"));
const policy = compiled.ir;

const t = (h: string, day = "02") => `2026-03-${day}T${h}:00+01:00`;

function ticketOf(input: unknown) {
  const r = parseTicket(input, policy);
  if (!r.ok) throw new Error(r.error.message);
  return r.ticket;
}

function updates(priority: string, asOf: string, events: Array<[string, string]>, explain = false): TargetResult {
  const ticket = ticketOf({ id: "R", priority, openedAt: t("09:00"), asOf, events: events.map(([type, at]) => ({ type, at })) });
  const r = evaluateTicket(policy, ticket, { explain });
  return r.targets.find((x) => x.name === "updates")!;
}

describe("a recurring target", () => {
  it("restarts at each update: met intervals, the running one pending", () => {
    const r = updates("sev2", t("15:00"), [["respond", t("09:30")], ["customer_update", t("13:00")]]);
    expect(r.status).toBe("pending");
    expect(r.due).toBe(t("17:00"));
    expect(r.recurring).toEqual({ intervals: 2, dues: [t("13:30"), t("17:00")], misses: 0, firstMissed: null });
  });

  it("counts a silence of two goals as two misses, the next interval starting at each missed due", () => {
    const r = updates("sev2", t("14:00", "03"), [["respond", t("09:30")], ["customer_update", t("13:00")]]);
    expect(r.status).toBe("breached");
    expect(r.recurring).toEqual({
      intervals: 4,
      dues: [t("13:30"), t("17:00"), t("13:00", "03"), t("17:00", "03")],
      misses: 2,
      firstMissed: t("17:00"),
    });
  });

  it("an update after a missed due still restarts the cycle from the update", () => {
    const r = updates("sev1", t("13:00"), [["respond", t("09:30")], ["customer_update", t("11:00")]]);
    // 09:30 → due 10:30 missed; 10:30 → due 11:30, met by the update at 11:00; 11:00 → due 12:00 missed; 12:00 → 13:00 pending
    expect(r.recurring?.dues).toEqual([t("10:30"), t("11:30"), t("12:00"), t("13:00")]);
    expect(r.recurring?.misses).toBe(2);
  });

  it("does not run while paused (waiting on the customer): the due moves by the pause", () => {
    const r = updates("sev2", t("16:00"), [["respond", t("09:30")], ["pause", t("10:00")], ["resume", t("12:00")]]);
    expect(r.recurring?.dues).toEqual([t("15:30"), t("11:30", "03")]);
    expect(r.status).toBe("breached");
    const paused = updates("sev2", t("16:00"), [["respond", t("09:30")], ["pause", t("10:00")]]);
    expect(paused.status).toBe("paused");
    expect(paused.due).toBeNull();
    expect(paused.recurring).toEqual({ intervals: 1, dues: [null], misses: 0, firstMissed: null });
  });

  it("an update sent while paused meets the interval and starts the next one", () => {
    const r = updates("sev2", t("16:00"), [["respond", t("09:30")], ["pause", t("10:00")], ["customer_update", t("11:00")], ["resume", t("12:00")]]);
    // 09:30 → paused at 10:00 with 30 minutes counted, met by the update at 11:00; 11:00 → counts from the resume at 12:00
    expect(r.recurring).toEqual({ intervals: 2, dues: [t("15:30"), t("16:00")], misses: 0, firstMissed: null });
    expect(r.status).toBe("pending");
  });

  it("ends at the stop: the last interval is met by the resolve", () => {
    const r = updates("sev2", t("12:00", "03"), [["respond", t("09:30")], ["customer_update", t("13:00")], ["resolve", t("16:00")]]);
    expect(r.status).toBe("met");
    expect(r.stoppedAt).toBe(t("16:00"));
    expect(r.recurring).toEqual({ intervals: 2, dues: [t("13:30"), t("17:00")], misses: 0, firstMissed: null });
  });

  it("is not started before its start event", () => {
    const r = updates("sev2", t("12:00"), []);
    expect(r.status).toBe("pending");
    expect(r.recurring).toBeUndefined();
  });

  it("a missed interval earns the target's credit", () => {
    const ticket = ticketOf({ id: "R", priority: "sev1", openedAt: t("09:00"), asOf: t("12:00"), events: [{ type: "respond", at: t("09:30") }] });
    expect(evaluateTicket(policy, ticket).credit).toEqual({ percent: 10 });
  });

  it("--explain lists every interval with what ended it", () => {
    const r = updates("sev2", t("14:00", "03"), [["respond", t("09:30")], ["customer_update", t("13:00")]], true);
    expect(r.trace?.intervals).toEqual([
      { from: t("09:30"), due: t("13:30"), end: t("13:00"), status: "met" },
      { from: t("13:00"), due: t("17:00"), end: t("17:00"), status: "missed" },
      { from: t("17:00"), due: t("13:00", "03"), end: t("13:00", "03"), status: "missed" },
      { from: t("13:00", "03"), due: t("17:00", "03"), end: null, status: "pending" },
    ]);
  });
});

describe("checking `restart on`", () => {
  const codes = (text: string) => compile("t.sla", text).diagnostics.map((d) => `${d.code} ${d.message}`);
  const base = POLICY.replace(/credits \{[\s\S]*$/, "");

  it("refuses an event that both restarts and stops the clock", () => {
    expect(codes(base.replace("restart on respond, customer_update", "restart on respond, resolve"))).toContain("SLA401 `resolve` both restarts and stops the clock");
  });

  it("refuses `restart on` in an escalation", () => {
    const text = `${base}
escalation {
  start on respond
  restart on respond
  stop on resolve
  | priority | after   | to   |
  | sev1     | 2 hours | duty |
  | sev2     | 8 hours | duty |
}
`;
    expect(codes(text)).toContain("SLA103 only a target restarts: an escalation's levels are reached once");
  });
});
