/**
 * The IR fields the SQL target leaves to `sla settle` (`sql/ir-coverage.ts`) must not change what
 * `sla eval` answers per ticket, the answers the SQL repeats: the evaluator gives the same
 * targets, escalations and credit with every such field taken out of the policy. The policies
 * are those using IR 12's credits (steps of lateness, caps per target, tables graded by time
 * taken, plans needing no claim, credits on the next invoice, availability step credits). The day
 * the evaluator reads one of the settlement fields, this fails and the SQL must translate or
 * refuse it; the credits that grow are read per ticket, and the SQL translates them.
 */
import { describe, expect, it } from "vitest";
import type { PolicyIR } from "../../runtime/ir.js";
import { CREDIT_FIELDS, POLICY_FIELDS, settlementFields } from "../../sql/ir-coverage.js";
import { conditionPolicy } from "./condition-cases.js";
import { evaluatorAnswers, mismatches, policyTickets } from "./differential.js";

const TICKETS = 2000;
const POLICIES = ["examples/agreements/arcustech.sla", "examples/agreements/blue-arctic.sla", "examples/agreements/journalify.sla", "policies/lucy.sla", "policies/imagicle.sla"];

/** `ir` without the named fields. */
function without<T extends object>(ir: T, fields: readonly string[]): T {
  const out: Record<string, unknown> = { ...(ir as Record<string, unknown>) };
  for (const f of fields) delete out[f];
  return out as T;
}

/** The policy with every settlement-only field removed, the credits' too. */
function ticketPart(ir: PolicyIR): PolicyIR {
  const stripped = without(ir, settlementFields(POLICY_FIELDS));
  return { ...stripped, credits: ir.credits && without(ir.credits, settlementFields(CREDIT_FIELDS)) };
}

describe("IR fields left to sla settle do not change the per-ticket answers", () => {
  it("the policies checked use every IR 12 credit construct", () => {
    const used = new Set<string>();
    for (const path of POLICIES) {
      const ir = conditionPolicy(path);
      for (const f of ["lateStep", "afterBands", "capPerTargetPercent", "onNextInvoice", "noClaimPlans"] as const) if (ir.credits?.[f] !== undefined) used.add(f);
      if ((ir.availability ?? []).some((a) => a.stepCredit !== undefined)) used.add("stepCredit");
    }
    expect([...used].sort()).toEqual(["afterBands", "capPerTargetPercent", "lateStep", "noClaimPlans", "onNextInvoice", "stepCredit"]);
  });

  for (const path of POLICIES) {
    it(`${path}: ${TICKETS} random tickets, identical answers without the settlement fields`, () => {
      const ir = conditionPolicy(path);
      const tickets = policyTickets(ir, TICKETS, 6);
      expect(mismatches(tickets, evaluatorAnswers(ir, tickets), evaluatorAnswers(ticketPart(ir), tickets)).slice(0, 3).join("\n\n")).toBe("");
    });
  }

  it("the comparison sees a field the ticket's credit reads: Arcustech without its credit rows answers differently", () => {
    const ir = conditionPolicy("examples/agreements/arcustech.sla");
    const tickets = policyTickets(ir, TICKETS, 6);
    const rowless = { ...ir, credits: ir.credits && { ...ir.credits, rows: [] } };
    expect(mismatches(tickets, evaluatorAnswers(ir, tickets), evaluatorAnswers(rowless, tickets)).length).toBeGreaterThan(100);
  });

  it("the credits that grow are read per ticket: Arcustech and Blue Arctic answer differently without them", () => {
    // The fields moved from settlement to per ticket (IR 12) change sla eval's credit; the SQL
    // translates them (test/sql/conditions-differential.test.ts counts the tickets they reach).
    expect(CREDIT_FIELDS.lateStep).toBe("ticket");
    expect(CREDIT_FIELDS.afterBands).toBe("ticket");
    expect(CREDIT_FIELDS.capPerTargetPercent).toBe("ticket");
    expect(CREDIT_FIELDS.mode).toBe("ticket");
    const arc = conditionPolicy("examples/agreements/arcustech.sla");
    const arcTickets = policyTickets(arc, TICKETS, 6);
    const flat = { ...arc, credits: arc.credits && { ...arc.credits, lateStep: undefined } };
    const arcChanged = mismatches(arcTickets, evaluatorAnswers(arc, arcTickets), evaluatorAnswers(flat, arcTickets)).length;
    const ba = conditionPolicy("examples/agreements/blue-arctic.sla");
    const baTickets = policyTickets(ba, TICKETS, 6);
    const ungraded = { ...ba, credits: ba.credits && { ...ba.credits, afterBands: undefined } };
    const baChanged = mismatches(baTickets, evaluatorAnswers(ba, baTickets), evaluatorAnswers(ungraded, baTickets)).length;
    console.info(`of ${TICKETS}: arcustech ${arcChanged} tickets credited per started hour late, blue-arctic ${baChanged} graded by time taken`);
    expect(arcChanged).toBeGreaterThan(200);
    expect(baChanged).toBeGreaterThan(200);
  });
});
