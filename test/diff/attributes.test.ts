/**
 * Attribute-dependent clauses (issue 11) in `sla diff`: a calendar rule dropped is reported for
 * the profile it served, and `--assert no-looser` finds a counterexample that sets the flag.
 */
import { describe, expect, it } from "vitest";
import { assertRule } from "../../diff/assert.js";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const HIVEMQ = "examples/agreements/hivemq.sla";

describe("calendar rules per attribute profile", () => {
  const base = irOf(HIVEMQ);
  const withoutRule = structuredClone(base);
  for (const r of withoutRule.regions) r.calendarRules = [];

  it("dropping `calendar … for extended and priority P1 and phone_escalated` is a looser calendar for that profile only", () => {
    const r = diffPolicies(base, withoutRule, H, { oldFile: "a", newFile: "b" });
    const calendar = r.changes.filter((c) => c.kind === "calendar");
    expect(calendar).toHaveLength(1);
    expect(calendar[0]!.effect).toBe("looser");
    expect(calendar[0]!.subject).toMatch(/extended · P1 · phone_escalated/);
    expect(calendar[0]!.subject).not.toMatch(/P2/);
    expect(r.changes.filter((c) => c.kind === "other")).toEqual([]);
  });

  it("--assert no-looser fails with a ticket that is phone-escalated", () => {
    const a = assertRule("no-looser", base, withoutRule, H);
    expect(a.holds).toBe(false);
    expect(a.counterexample!.ticket).toMatchObject({ priority: "P1", plan: "extended", attributes: { phone_escalated: true } });
    expect(assertRule("no-stricter", base, withoutRule, H).holds).toBe(true);
  });
});
