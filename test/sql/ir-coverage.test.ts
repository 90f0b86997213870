/**
 * The IR fields the SQL target leaves to `sla settle` (`sql/ir-coverage.ts`) must not change what
 * `sla eval` answers per ticket, the answers the SQL repeats: the evaluator gives the same
 * targets, escalations and credit with every such field taken out of the policy. The policies
 * are those using IR 12's credits (steps of lateness, caps per target, tables graded by time
 * taken, plans needing no claim, credits on the next invoice, availability step credits), and the
 * generated tickets must include breaches where those fields would change a ticket's credit if
 * it were computed per ticket. The day the evaluator reads one of them, this fails and the SQL
 * must translate or refuse it.
 */
import { describe, expect, it } from "vitest";
import type { PolicyIR } from "../../runtime/ir.js";
import { parseInstant } from "../../runtime/index.js";
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

  it("the tickets reach what the settlement fields would change: Arcustech breaches two or more started hours late, Blue Arctic responses slower than the first band", () => {
    const arc = conditionPolicy("examples/agreements/arcustech.sla");
    const arcTickets = policyTickets(arc, TICKETS, 6);
    const arcAnswers = evaluatorAnswers(arc, arcTickets);
    const hourMs = 3_600_000;
    const lateCredited = arcTickets.filter((t) => {
      const a = arcAnswers.get(t.id)!;
      const asOf = parseInstant(t.asOf!)!;
      return a.credit !== null && Object.values(a.targets).some((x) => x.status === "breached" && x.due !== null && (x.stopped ?? asOf) - x.due > hourMs);
    });
    console.info(`arcustech: ${lateCredited.length} of ${TICKETS} tickets credited for a breach more than an hour late`);
    // Each of these earns 5 % once in `sla eval` and 5 % per started hour late in `sla settle`.
    expect(lateCredited.length).toBeGreaterThan(200);

    const ba = conditionPolicy("examples/agreements/blue-arctic.sla");
    const baTickets = policyTickets(ba, TICKETS, 6);
    const baAnswers = evaluatorAnswers(ba, baTickets);
    const firstBand = ba.credits!.afterBands![0]!.afterMs;
    const graded = baTickets.filter((t) => {
      const r = baAnswers.get(t.id)!.targets["response"]!;
      return t.plan === "hosting" && r.status === "breached" && r.started !== null && (r.stopped ?? parseInstant(t.asOf!)!) - r.started > firstBand;
    });
    console.info(`blue-arctic: ${graded.length} of ${TICKETS} hosting tickets breached after more than the first band`);
    // A graded row in `sla settle`, no credit per ticket (the table has no priority rows).
    expect(graded.length).toBeGreaterThan(200);
    expect(graded.every((t) => baAnswers.get(t.id)!.credit === null)).toBe(true);
  });
});
