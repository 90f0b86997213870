/**
 * A claim rule per plan (Journalify: "SLA credits are awarded automatically for Enterprise
 * customers — no claim required"): `no claim for enterprise` beside the other plans' claim rule.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = `policy waiver "Claims per plan"
plan professional "Professional"
plan enterprise "Enterprise"
plan enterprise_plus extends enterprise "Enterprise Plus"
priority P1 "urgent"
calendar always { zone "UTC"  24x7 }
target response "Response" {
  stop on respond
  goals {
    | priority | goal   |
    | P1       | 1 hour |
  }
}
credits {
  zone "UTC"
  {
    | priority | credit |
    | P1       | 10%    |
  }
  claim within 5 days after breach
  claim subject "SLA credit"
  no claim for enterprise
}
`;

function policy(): PolicyIR {
  const r = compile("w.sla", SOURCE);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

// Breached on April 2 (due 09:00, answered 11:00); claimed April 20, 18 days after: too late under 5 days.
const period = (plan: string, claim: boolean) => ({
  plan,
  period: { from: "2026-04-01", to: "2026-04-30" },
  fees: { amount: "1000.00", currency: "EUR" },
  tickets: [{ id: "T", plan, priority: "P1", openedAt: "2026-04-02T08:00:00Z", events: [{ type: "respond", at: "2026-04-02T11:00:00Z" }] }],
  ...(claim ? { claim: { submittedAt: "2026-04-20", subject: "a question" } } : {}),
});

function settled(input: ReturnType<typeof period>) {
  const r = settleInput(policy(), input);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

describe("no claim for enterprise", () => {
  it("lowers the plans, sub-plans included", () => {
    expect(policy().credits!.noClaimPlans).toEqual(["enterprise", "enterprise_plus"]);
  });

  it("owes an Enterprise period its credit with no claim: 10 % of 1,000.00", () => {
    const r = settled(period("enterprise", false));
    expect(r.credit).toMatchObject({ amount: "100.00", eligible: true, claimDeadline: null });
    expect(r.credit!.reason).toContain("plan enterprise needs no claim");
  });

  it("ignores a late, mistitled claim on a waived plan, and its sub-plan", () => {
    expect(settled(period("enterprise", true)).credit).toMatchObject({ amount: "100.00", eligible: true });
    expect(settled(period("enterprise_plus", false)).credit).toMatchObject({ amount: "100.00", eligible: true });
  });

  it("still holds the other plans to the claim: none, or one too late and mistitled, owes nothing", () => {
    expect(settled(period("professional", false)).credit).toMatchObject({ amount: "0.00", eligible: false });
    // The claim came 18 days after the breach, past the 5: the breach is not counted at all.
    expect(settled(period("professional", true)).credit).toBeNull();
  });
});
