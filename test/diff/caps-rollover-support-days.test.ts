/**
 * `sla diff` over the constructs of the issue 11/12 follow-up (caps on the priority, rollover
 * quotas, support days): an edit of each is a change, never `no change in meaning`.
 */
import { describe, expect, it } from "vitest";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const sources = { oldFile: "a", newFile: "b" };
const edit = (p: PolicyIR, f: (copy: PolicyIR) => void): PolicyIR => {
  const copy = structuredClone(p);
  f(copy);
  return copy;
};

describe("sla diff sees", () => {
  it("a cap on the priority removed", () => {
    const amc = irOf("examples/agreements/amc-technology.sla");
    const r = diffPolicies(amc, edit(amc, (p) => p.priorityCaps!.pop()), H, sources);
    expect(r.same).toBe(false);
  });

  it("a quota that stops rolling over: looser", () => {
    const qdabra = irOf("examples/agreements/qdabra.sla");
    // As the compiler writes `quota standard 8 hours per quarter`: neither `rollover` nor its expiry.
    const r = diffPolicies(qdabra, edit(qdabra, (p) => { delete p.fees!.quotas![1]!.rollover; delete p.fees!.quotas![1]!.rolloverExpires; }), H, sources);
    expect(r.changes.map((c) => [c.summary, c.effect])).toEqual([[expect.stringContaining("unused hours roll over until the end of the term → renewed each period"), "looser"]]);
  });

  it("more support days: looser", () => {
    const hivemq = irOf("examples/agreements/hivemq.sla");
    const next = edit(hivemq, (p) => {
      const cell = p.targets[0]!.goals.find((g) => g.goal.kind === "supportDays")!;
      cell.goal = { kind: "supportDays", days: 9, text: "9 support days" };
    });
    const r = diffPolicies(hivemq, next, H, sources);
    expect(r.same).toBe(false);
    expect(r.changes.some((c) => c.effect === "looser")).toBe(true);
  });
});
