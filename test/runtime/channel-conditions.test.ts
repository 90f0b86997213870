/**
 * Conditions on the channel a ticket came in by (issue 11 follow-up, item 1): `calendar hotline
 * for channel phone and priority S1`, `goals for channel phone and priority S1`, and the same in
 * objectives. Compiled from the check fixture so grammar → IR → runtime is under test.
 */
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket, type TicketResult } from "../../runtime/io.js";
import { compiledPolicy } from "./repo-policy.js";

const policy = compiledPolicy("test/fixtures/check/ok/channel-conditions.sla");

/** Saturday 2026-03-28 10:00 in London (still GMT): the office is closed until Monday 09:00. */
function response(ticket: Record<string, unknown>): TicketResult["targets"][number] {
  const parsed = parseTicket({ id: "T", region: "uk", plan: "standard", openedAt: "2026-03-28T10:00:00Z", asOf: "2026-04-10T00:00:00Z", ...ticket }, policy);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return evaluateTicket(policy, parsed.ticket, { explain: true }).targets.find((t) => t.name === "response")!;
}

describe("a condition on the channel", () => {
  it("lowers to a `channel` test beside the priority test", () => {
    expect(policy.regions[0]!.calendarRules).toEqual([expect.objectContaining({ calendar: "hotline", when: [{ on: "channel", values: ["phone"] }, { on: "priority", values: ["S1"] }] })]);
  });

  it("S1 by phone counts on the 24/7 hotline with the phone section's goal", () => {
    const r = response({ priority: "S1", channel: "phone" });
    expect(r.trace!.calendar.name).toBe("hotline");
    expect(r.goal).toBe("1 business hour");
    expect(r.due).toBe("2026-03-28T11:00:00+00:00");
  });

  it("S1 through the portal counts office hours with the main matrix's goal", () => {
    const r = response({ priority: "S1", channel: "web" });
    expect(r.trace!.calendar.name).toBe("office");
    expect(r.goal).toBe("2 business hours");
    expect(r.due).toBe("2026-03-30T11:00:00+01:00");
  });

  it("S2 by phone meets only half of `channel phone and priority S1`: office hours", () => {
    const r = response({ priority: "S2", channel: "phone" });
    expect(r.trace!.calendar.name).toBe("office");
    expect(r.due).toBe("2026-03-30T17:00:00+01:00");
  });

  it("a ticket without a channel meets no channel condition", () => {
    const r = response({ priority: "S1" });
    expect(r.trace!.calendar.name).toBe("office");
  });

  it("`ineligible channel web` keeps its own IR field", () => {
    expect(policy.credits?.ineligibleChannels).toEqual(["web"]);
    expect(policy.credits?.ineligibleWhen).toBeUndefined();
  });
});
