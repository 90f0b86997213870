/**
 * Terms of availability blocks and credits that were once modeled without being compared (a
 * change gave "no change in meaning") or reported only as `other`: each now a specific change
 * with its effect.
 */
import { describe, expect, it } from "vitest";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const changesOf = (a: PolicyIR, b: PolicyIR) => diffPolicies(a, b, H, { oldFile: "a", newFile: "b" }).changes.map((c) => [c.kind, c.subject, c.summary, c.effect]);

describe("availability and credit terms", () => {
  const base = irOf("test/diff/fixtures/availability-excuses/old.sla");

  it("an availability settled for fewer plans is looser, for every plan again stricter", () => {
    const gold: PolicyIR = { ...base, availability: base.availability!.map((a) => ({ ...a, plans: ["gold"] })) };
    expect(changesOf(base, gold)).toEqual([["availability", "platform", "plans it is settled for: every plan → gold", "looser"]]);
    expect(changesOf(gold, base)).toEqual([["availability", "platform", "plans it is settled for: gold → every plan", "stricter"]]);
  });

  it("a cause no longer excused is stricter", () => {
    const excused: PolicyIR = { ...base, availability: base.availability!.map((a) => ({ ...a, excusedCauses: ["force_majeure"] })) };
    expect(changesOf(excused, base)).toEqual([["availability", "platform", "excused causes: force_majeure → none", "stricter"]]);
  });

  it("an account standing made ineligible for credit is looser", () => {
    const acme = irOf("test/diff/fixtures/goal-tightened/old.sla");
    const overdue: PolicyIR = { ...acme, credits: { ...acme.credits!, ineligibleAccount: ["overdue"] } };
    expect(changesOf(acme, overdue)).toEqual([["credits", "credits", "ineligible account standings: none → overdue", "looser"]]);
  });
});
