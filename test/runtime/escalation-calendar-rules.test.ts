/**
 * Escalations count on the calendar the ticket's region chooses for it (issue 11 follow-up,
 * item 3): "Severity 1 is worked 24x7, the rest in business hours" holds for escalation times
 * too, so a P1 escalated "after 2 business hours" on a Saturday is escalated two hours later,
 * not on Monday. `calendar for <plan>` still names the plan's calendar explicitly.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";

const SOURCE = `policy p "P"
plan standard "Standard"
priority P1 "Critical"
priority P2 "High"
channel phone "Telephone"
role duty_manager "Duty manager"
calendar office { zone "Europe/London" Mon-Fri 09:00-17:00 }
calendar always { zone "Europe/London" 24x7 }
region uk {
  calendar office
  calendar always for priority P1 and channel phone
}
target response {
  stop on respond
  goals { | priority | goal | | P1 | 4 business hours | | P2 | 8 business hours | }
}
escalation {
  stop on resolve
  { | priority | after | to | | P1 | 2 business hours | duty_manager | | P2 | 2 business hours | duty_manager | }
}
escalation for standard {
  calendar for standard
  stop on resolve
  { | priority | after | to | | P1 | 3 business hours | duty_manager | }
}
`;

function policyOf(source: string): PolicyIR {
  const r = compile("p.sla", source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}
const policy = policyOf(SOURCE);

/** Saturday 2026-03-28 10:00 in London (GMT), seen on Tuesday. */
function escalations(ticket: Record<string, unknown>) {
  const r = parseTicket({ id: "T", region: "uk", plan: "standard", openedAt: "2026-03-28T10:00:00Z", asOf: "2026-03-31T12:00:00Z", ...ticket }, policy);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return evaluateTicket(policy, r.ticket).escalations;
}

describe("escalations on the calendar the region chooses", () => {
  it("a P1 call on a Saturday counts round the clock: escalated at 12:00", () => {
    expect(escalations({ priority: "P1", channel: "phone" })[0]).toEqual({ after: "2 business hours", to: "Duty manager", at: "2026-03-28T12:00:00+00:00" });
  });

  it("a P1 through another channel counts office hours: Monday 11:00 (summer time)", () => {
    expect(escalations({ priority: "P1" })[0]).toEqual({ after: "2 business hours", to: "Duty manager", at: "2026-03-30T11:00:00+01:00" });
  });

  it("`calendar for standard` keeps counting on the plan's calendar in the region", () => {
    expect(escalations({ priority: "P1", channel: "phone" })).toContainEqual({ after: "3 business hours", to: "Duty manager", at: "2026-03-30T12:00:00+01:00" });
  });
});
