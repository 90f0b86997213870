/**
 * The credit `sla eval` reports for one ticket under the credits that grow (issue 12): a
 * `| after | credit |` table (Blue Arctic), `credit per started hour late` and `cap 100% per
 * target` (Arcustech). The ticket's `credit.percent` is what `runtime/ticket-credit.ts` computes,
 * the same parts `sla settle` counts: every figure is worked out by hand beside it, and each
 * settlement of a single ticket is checked against the ticket's own answer.
 */
import { describe, expect, it } from "vitest";
import type { PolicyIR } from "../../runtime/ir.js";
import { evaluateTicket, parseTicket, type TicketJson } from "../../runtime/index.js";
import { settleInput } from "../../runtime/settle.js";
import { compiledPolicy, readRepoFile } from "./repo-policy.js";

const BLUE_ARCTIC = compiledPolicy("examples/agreements/blue-arctic.sla");
const ARCUSTECH = compiledPolicy("examples/agreements/arcustech.sla");

/** The ticket's `credit` as `sla eval` reports it. */
function creditOf(ir: PolicyIR, json: TicketJson): { percent: number } | null {
  const parsed = parseTicket(json, ir);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return evaluateTicket(ir, parsed.ticket).credit;
}

/** The settlement of one month with these tickets (fees 200.00). */
function settled(ir: PolicyIR, tickets: readonly TicketJson[], from = "2026-04-01", to = "2026-04-30") {
  const r = settleInput(ir, { period: { from, to }, fees: { amount: "200.00", currency: "USD" }, tickets, claim: { submittedAt: from, subject: "SLA" } });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

const events = (list: readonly [string, string][]) => list.map(([type, at]) => ({ type, at }));

describe("Blue Arctic: a response credit graded by the time it took", () => {
  const ticket = (id: string, opened: string, respond: string | null, asOf: string): TicketJson => ({
    id,
    plan: "hosting",
    openedAt: opened,
    events: respond === null ? [] : events([["respond", respond]]),
    asOf,
  });

  it("a ticket answered after 90 minutes earns the 60-minute row, 10 % (it earned none before)", () => {
    // Opened 10:00, answered 11:30: 90 minutes taken, more than 60, not more than 120: the 10 % row.
    const credit = creditOf(BLUE_ARCTIC, ticket("BA-90", "2026-04-06T10:00:00-04:00", "2026-04-06T11:30:00-04:00", "2026-04-07T00:00:00-04:00"));
    expect(credit).toEqual({ percent: 10 });
  });

  it("exactly 60 minutes is still the 5 % row; 45 minutes is the guarantee met, no credit", () => {
    expect(creditOf(BLUE_ARCTIC, ticket("BA-60", "2026-04-06T10:00:00-04:00", "2026-04-06T11:00:00-04:00", "2026-04-07T00:00:00-04:00"))).toEqual({ percent: 5 });
    expect(creditOf(BLUE_ARCTIC, ticket("BA-45", "2026-04-06T10:00:00-04:00", "2026-04-06T10:45:00-04:00", "2026-04-07T00:00:00-04:00"))).toBeNull();
  });

  it("an unanswered ticket is graded by the time until asOf: 4 h 10 min is the 240-minute row, 50 %", () => {
    expect(creditOf(BLUE_ARCTIC, ticket("BA-open", "2026-04-06T10:00:00-04:00", null, "2026-04-06T14:10:00-04:00"))).toEqual({ percent: 50 });
  });

  it("the settlement's percentage is the ticket's: 10 % of 200.00 is 20.00", () => {
    const t = ticket("BA-90", "2026-04-06T10:00:00-04:00", "2026-04-06T11:30:00-04:00", "2026-04-07T00:00:00-04:00");
    const { asOf: _, ...inPeriod } = t;
    const r = settled(BLUE_ARCTIC, [inPeriod]);
    expect(r.credit).toMatchObject({ percent: 10, amount: "20.00", tickets: ["BA-90"] });
  });
});

describe("Arcustech: 5 % per started hour late, each guarantee up to 100 %", () => {
  const asOf = "2026-04-30T00:00:00Z";

  it("a host repaired 2 h 10 min late earns three started hours, 15 % (the plain row, 5 %, before)", () => {
    // Identified 00:00, due 01:00 (one hour), repaired 03:10: 2 h 10 min late, three started hours, 3 × 5 % = 15 %.
    const t: TicketJson = { id: "ARC-210", priority: "host_failure", openedAt: "2026-04-07T00:00:00Z", events: events([["resolve", "2026-04-07T03:10:00Z"]]), asOf };
    expect(creditOf(ARCUSTECH, t)).toEqual({ percent: 15 });
  });

  it("exactly two hours late are two steps, one millisecond more three", () => {
    const at = (resolve: string): TicketJson => ({ id: "ARC-2h", priority: "host_failure", openedAt: "2026-04-07T00:00:00Z", events: events([["resolve", resolve]]), asOf });
    expect(creditOf(ARCUSTECH, at("2026-04-07T03:00:00Z"))).toEqual({ percent: 10 });
    expect(creditOf(ARCUSTECH, at("2026-04-07T03:00:00.001Z"))).toEqual({ percent: 15 });
  });

  it("a repair still open is late until asOf: due 01:00, asOf 05:30, five started hours, 25 %", () => {
    const t: TicketJson = { id: "ARC-open", priority: "host_failure", openedAt: "2026-04-07T00:00:00Z", events: [], asOf: "2026-04-07T05:30:00Z" };
    expect(creditOf(ARCUSTECH, t)).toEqual({ percent: 25 });
  });

  // Host: identified 2026-04-08 00:00, due 01:00, resolved 2026-04-09 07:10: 30 h 10 min late, 31 started hours, 155 % → 100 %.
  // Restoration: started 2026-04-08 02:00, due 05:00, restored 05:20: 20 minutes, one started hour, 5 %.
  const both: TicketJson = {
    id: "ARC-cap",
    priority: "host_failure",
    openedAt: "2026-04-08T00:00:00Z",
    events: events([
      ["restoration_started", "2026-04-08T02:00:00Z"],
      ["restored", "2026-04-08T05:20:00Z"],
      ["resolve", "2026-04-09T07:10:00Z"],
    ]),
    asOf,
  };

  it("caps each guarantee on its own: 30 h 10 min late (31 hours, 155 %) is 100 %, a restoration 20 minutes late adds 5 %: 105 %", () => {
    expect(creditOf(ARCUSTECH, both)).toEqual({ percent: 105 });
    const hostOnly: TicketJson = { ...both, id: "ARC-cap-host", events: events([["resolve", "2026-04-09T07:10:00Z"]]) };
    expect(creditOf(ARCUSTECH, hostOnly)).toEqual({ percent: 100 });
  });

  it("the settlement of the one ticket owes what the ticket reports: 105 % of 200.00 = 210.00", () => {
    const { asOf: _, ...t } = both;
    const r = settled(ARCUSTECH, [t]);
    expect(r.credit).toMatchObject({ creditPercent: "105", amount: "210.00", capped: true });
    expect(r.credit!.contributions).toEqual([
      expect.objectContaining({ ticket: "ARC-cap", target: "host_repair", steps: 31, creditPercent: "155" }),
      expect.objectContaining({ ticket: "ARC-cap", target: "restoration", steps: 1, creditPercent: "5" }),
    ]);
  });

  it("a storage failure's contribution names its own row, not the host failure's of the same 5 %", () => {
    const t: TicketJson = { id: "ARC-st", priority: "storage_failure", openedAt: "2026-04-15T01:00:00Z", events: events([["restoration_started", "2026-04-15T01:30:00Z"], ["restored", "2026-04-15T05:10:00Z"]]) };
    const r = settled(ARCUSTECH, [t]);
    expect(r.credit!.contributions).toEqual([expect.objectContaining({ ticket: "ARC-st", creditPercent: "5", clause: { line: expect.any(Number), text: "| storage_failure | 5% |" } })]);
  });
});

describe("the highest row with steps of lateness: the first breached target grows, capped per target", () => {
  // Arcustech's credits under the highest rule (no `sum per breach`): only the first breached
  // target's lateness grows the row, as the settlement grows the highest.
  const highest = compiledPolicy("highest-steps.sla", readRepoFile("examples/agreements/arcustech.sla").replace("  sum per breach\n", ""));

  it("a ticket late on both guarantees earns the first one's steps only, bounded at 100 %", () => {
    const t: TicketJson = {
      id: "H-1",
      priority: "host_failure",
      openedAt: "2026-04-08T00:00:00Z",
      events: events([
        ["restoration_started", "2026-04-08T02:00:00Z"],
        ["restored", "2026-04-08T08:20:00Z"],
        ["resolve", "2026-04-09T07:10:00Z"],
      ]),
      asOf: "2026-04-30T00:00:00Z",
    };
    // host_repair (declared first): 31 started hours, 155 % → 100 %; the restoration's 4 hours are not added.
    expect(creditOf(highest, t)).toEqual({ percent: 100 });
    const { asOf: _, ...inPeriod } = t;
    // The period keeps the uncapped highest (155) as its `percent` and owes the cap, 100 % of 200.00.
    expect(settled(highest, [inPeriod]).credit).toMatchObject({ percent: 155, amount: "200.00", tickets: ["H-1"] });
  });
});

describe("the result keeps its shape", () => {
  it("a credit is exactly { percent } in JSON", () => {
    const t: TicketJson = { id: "ARC-json", priority: "host_failure", openedAt: "2026-04-07T00:00:00Z", events: events([["resolve", "2026-04-07T03:10:00Z"]]), asOf: "2026-04-30T00:00:00Z" };
    const parsed = parseTicket(t, ARCUSTECH);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(JSON.parse(JSON.stringify(evaluateTicket(ARCUSTECH, parsed.ticket)))["credit"]).toEqual({ percent: 15 });
  });
});
