/**
 * A clock that waits for a circumstance (issue 11/12 follow-up, item 3): Cequence's "management
 * available within 2 hours of a priority dispute" on a ticket with no dispute is `none` with a
 * reason, not `pending` with no due; a clock waiting for a lifecycle step stays `pending`.
 */
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket, type TicketResult } from "../../runtime/io.js";
import { resultJson } from "../../runtime/result-json.js";
import { compiledPolicy } from "./repo-policy.js";

const cequence = compiledPolicy("examples/agreements/cequence.sla");
const promotron = compiledPolicy("policies/promotron.sla");

function evaluate(policy: typeof cequence, ticket: Record<string, unknown>): TicketResult {
  const parsed = parseTicket(ticket, policy);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return evaluateTicket(policy, parsed.ticket);
}

const noDispute = {
  id: "CEQ-6",
  priority: "high",
  plan: "premium",
  customer: { zone: "Europe/London", holidays: ["GB"] },
  openedAt: "2026-03-10T09:00:00Z",
  asOf: "2026-03-11T09:00:00Z",
};

describe("a target whose clock starts only on declared events", () => {
  it("is `none` with the reason naming the events while none has happened", () => {
    const t = evaluate(cequence, noDispute).targets.find((x) => x.name === "management_availability")!;
    expect(t).toEqual({ name: "management_availability", goal: "2 hours", binding: true, startedAt: null, due: null, status: "none", reason: "not started: no `priority_conflict_escalated` yet" });
  });

  it("writes the reason in the fast JSON path exactly as JSON.stringify does", () => {
    const r = evaluate(cequence, noDispute);
    expect(resultJson(r)).toBe(JSON.stringify(r));
  });

  it("is judged as usual once the event came, with no reason", () => {
    const r = evaluate(cequence, { ...noDispute, events: [{ type: "priority_conflict_escalated", at: "2026-03-10T16:00:00Z" }] });
    const t = r.targets.find((x) => x.name === "management_availability")!;
    expect(t.status).toBe("breached");
    expect(t.due).toBe("2026-03-10T18:00:00+00:00");
    expect(t.reason).toBeUndefined();
  });

  it("a clock waiting for `approve` (a lifecycle step) stays `pending` with no reason", () => {
    const r = evaluate(promotron, { id: "PT", plan: "standard", openedAt: "2026-03-10T00:30:00+01:00", asOf: "2026-03-10T01:00:00+01:00" });
    expect(r.targets[0]).toMatchObject({ status: "pending", startedAt: null, due: null });
    expect(r.targets[0]!.reason).toBeUndefined();
  });
});
