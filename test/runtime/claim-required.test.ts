/**
 * A claim with no deadline (Blue Arctic: "Credit claimed by a support ticket to the Billing
 * Department", no deadline given): `claim required` owes the credit only on a claim, whenever it
 * comes; without the line the credit is owed with no claim at all.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = (claim: string) => `policy claims "Claims with no deadline"
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
  ${claim}
}
`;

function policy(claim = "claim required"): PolicyIR {
  const r = compile("c.sla", SOURCE(claim));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

// Breached on April 2 (due 09:00, answered 11:00).
const period = (claimedOn: string | null) => ({
  period: { from: "2026-04-01", to: "2026-04-30" },
  fees: { amount: "1000.00", currency: "EUR" },
  tickets: [{ id: "T", priority: "P1", openedAt: "2026-04-02T08:00:00Z", events: [{ type: "respond", at: "2026-04-02T11:00:00Z" }] }],
  ...(claimedOn !== null ? { claim: { submittedAt: claimedOn, subject: "please credit" } } : {}),
});

function settled(ir: PolicyIR, input: ReturnType<typeof period>) {
  const r = settleInput(ir, input);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

describe("claim required", () => {
  it("lowers to the flag, citing its line", () => {
    const credits = policy().credits!;
    expect(credits.claimRequired).toBe(true);
    expect(credits.claimRequiredOrigin?.text.trim()).toBe("claim required");
    expect(policy("").credits!.claimRequired).toBeUndefined();
  });

  it("owes nothing without a claim, and says a claim is required", () => {
    const credit = settled(policy(), period(null)).credit!;
    expect(credit).toMatchObject({ amount: "0.00", eligible: false, claimDeadline: null });
    expect(credit.reason).toContain("no claim was submitted (a claim is required)");
  });

  it("owes the credit on a claim, however late: 10 % of 1,000.00", () => {
    expect(settled(policy(), period("2026-05-02")).credit).toMatchObject({ amount: "100.00", eligible: true, claimDeadline: null });
    expect(settled(policy(), period("2027-03-31")).credit).toMatchObject({ amount: "100.00", eligible: true });
  });

  it("without the line, owes the credit with no claim", () => {
    expect(settled(policy(""), period(null)).credit).toMatchObject({ amount: "100.00", eligible: true });
  });

  it("lets `no claim for` waive it for a plan", () => {
    const r = compile("c.sla", SOURCE("claim required").replace('priority P1 "urgent"', 'plan basic "Basic"\nplan enterprise "Enterprise"\npriority P1 "urgent"').replace("  claim required", "  claim required\n  no claim for enterprise"));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const input = (plan: string) => ({ ...period(null), plan, tickets: period(null).tickets.map((t) => ({ ...t, plan })) });
    expect(settled(r.ir!, input("enterprise")).credit).toMatchObject({ amount: "100.00", eligible: true });
    expect(settled(r.ir!, input("basic")).credit).toMatchObject({ amount: "0.00", eligible: false });
  });
});

describe("claim required in sla diff", () => {
  async function diff(before: string, after: string) {
    const { diffPolicies } = await import("../../diff/semantic.js");
    const { horizonFrom } = await import("../../diff/horizon.js");
    return diffPolicies(policy(before), policy(after), horizonFrom(Date.UTC(2026, 3, 1)), { oldFile: "a", newFile: "b" }).changes;
  }

  it("is looser when added where no claim was needed, stricter when dropped, and no other change", async () => {
    const added = await diff("", "claim required");
    expect(added.map((c) => [c.kind, c.effect, c.summary])).toEqual([["credits", "looser", "claim required (no deadline): false → true"]]);
    expect((await diff("claim required", "")).map((c) => c.effect)).toEqual(["stricter"]);
  });

  it("is neutral beside a subject that already needs a claim", async () => {
    const changes = await diff('claim subject "SLA"', 'claim subject "SLA"\n  claim required');
    expect(changes.map((c) => [c.effect, c.summary])).toEqual([["neutral", "claim required (no deadline): false → true"]]);
  });

  it("makes a plan needing no claim stricter under it", async () => {
    const withPlans = (claims: string) => SOURCE(claims).replace('priority P1 "urgent"', 'plan basic "Basic"\nplan enterprise "Enterprise"\npriority P1 "urgent"');
    const { diffPolicies } = await import("../../diff/semantic.js");
    const { horizonFrom } = await import("../../diff/horizon.js");
    const ir = (claims: string) => compile("c.sla", withPlans(claims)).ir!;
    const changes = diffPolicies(ir("claim required"), ir("claim required\n  no claim for enterprise"), horizonFrom(Date.UTC(2026, 3, 1)), { oldFile: "a", newFile: "b" }).changes;
    expect(changes.map((c) => [c.effect, c.summary])).toEqual([["stricter", "plans needing no claim: none → enterprise"]]);
  });
});
