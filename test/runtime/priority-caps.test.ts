/**
 * Caps on the priority (issue 11/12 follow-up, item 1): `priority at most P3 for environment
 * non_production`. Compiled from the check fixture so grammar → IR → runtime is under test.
 * Office hours Mon–Fri 09:00–18:00 Berlin; P1 1 business hour, P2 2, P3 4.
 */
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket, type TicketResult } from "../../runtime/io.js";
import { compiledPolicy } from "./repo-policy.js";

const policy = compiledPolicy("test/fixtures/check/ok/priority-caps.sla");

/** Tuesday 2026-03-10 09:00 in Berlin (CET), judged at 09:30. */
function response(ticket: Record<string, unknown>): TicketResult["targets"][number] {
  const parsed = parseTicket({ id: "T", plan: "standard", openedAt: "2026-03-10T09:00:00+01:00", asOf: "2026-03-10T09:30:00+01:00", ...ticket }, policy);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return evaluateTicket(policy, parsed.ticket, { explain: true }).targets[0]!;
}

describe("a cap on the priority", () => {
  it("lowers to the level and the condition", () => {
    expect(policy.priorityCaps).toEqual([
      expect.objectContaining({ level: "P3", when: [{ on: "field", field: "environment", values: ["non_production"] }], reason: "not in production" }),
      expect.objectContaining({ level: "P2", when: [{ on: "plan", values: ["standard"] }, { on: "flag", flag: "custom_development" }], reason: null }),
    ]);
  });

  it("judges a non-production P1 at P3", () => {
    const r = response({ priority: "P1", attributes: { environment: "non_production" } });
    expect(r.goal).toBe("4 business hours");
    expect(r.due).toBe("2026-03-10T13:00:00+01:00");
  });

  it("leaves a production P1 alone", () => {
    const r = response({ priority: "P1", attributes: { environment: "production" } });
    expect(r.goal).toBe("1 business hour");
    expect(r.due).toBe("2026-03-10T10:00:00+01:00");
  });

  it("never raises a level below the cap", () => {
    const r = response({ priority: "P2", attributes: { environment: "production", custom_development: true } });
    expect(r.goal).toBe("2 business hours");
  });

  it("of two caps that hold, the least urgent level wins", () => {
    const r = response({ priority: "P1", attributes: { environment: "non_production", custom_development: true } });
    expect(r.goal).toBe("4 business hours");
    expect(response({ priority: "P1", attributes: { environment: "production", custom_development: true } }).goal).toBe("2 business hours");
  });

  it("holds after a change of priority: a non-production P3 raised to P1 keeps P3's goal", () => {
    const events = [{ type: "reprioritize", priority: "P1", at: "2026-03-10T09:10:00+01:00" }];
    const capped = response({ priority: "P3", attributes: { environment: "non_production" }, events });
    expect(capped.goal).toBe("4 business hours");
    expect(capped.status).toBe("pending");
    const free = response({ priority: "P3", attributes: { environment: "production" }, events });
    expect(free.goal).toBe("1 business hour");
    expect(free.due).toBe("2026-03-10T10:00:00+01:00");
  });
});
