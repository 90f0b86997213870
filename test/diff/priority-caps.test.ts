/**
 * Caps on the priority in `sla diff`: read from the levels a cap lowers, in each version's own
 * order of priorities; of caps with one condition the least urgent stands for them.
 */
import { describe, expect, it } from "vitest";
import { diffPriorityCaps } from "../../diff/priority-caps.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { irOf } from "./helpers.js";

const OLD = irOf("test/diff/fixtures/priority-cap/old.sla");
const edit = (f: (p: PolicyIR) => void): PolicyIR => {
  const copy = structuredClone(OLD);
  f(copy);
  return copy;
};
const summary = (a: PolicyIR, b: PolicyIR) => diffPriorityCaps(a, b).map((c) => [c.subject, c.summary, c.effect]);

describe("caps on the priority", () => {
  it("lowered to a less urgent level: looser; raised: stricter", () => {
    const lowered = edit((p) => (p.priorityCaps![1]!.level = "P3"));
    expect(summary(OLD, lowered)).toEqual([["priority cap · cause hardware", "judged at P2 at most → P3 at most", "looser"]]);
    expect(summary(lowered, OLD)).toEqual([["priority cap · cause hardware", "judged at P3 at most → P2 at most", "stricter"]]);
  });

  it("the priorities reordered under an unchanged cap: read from the levels it lowers", () => {
    // P3 declared first becomes the most urgent: the cap at P3 lowers nothing any more.
    const reordered = edit((p) => p.priorities.unshift(p.priorities.pop()!));
    expect(summary(OLD, reordered)).toEqual([
      ["priority cap · environment non_production", "judged at P3 at most, which lowers P1, P2 → no level", "stricter"],
      ["priority cap · cause hardware", "judged at P2 at most, which lowers P1 → P3, P1", "looser"],
    ]);
  });

  it("a cap at the most urgent level added: neutral (it lowers nothing)", () => {
    const added = edit((p) => p.priorityCaps!.push({ level: "P1", when: [{ on: "flag", flag: "phone_escalated" }], reason: null, origin: p.priorityCaps![0]!.origin }));
    expect(summary(OLD, added)).toEqual([["priority cap · phone_escalated", "tickets with phone_escalated now judged at P1 at most (lowers no level)", "neutral"]]);
  });

  it("of two caps with one condition, the least urgent stands: a more urgent one added changes nothing", () => {
    const twin = edit((p) => p.priorityCaps!.push({ ...p.priorityCaps![0]!, level: "P2" }));
    expect(summary(OLD, twin)).toEqual([]);
  });

  it("matched by condition whatever the order of its tests and values", () => {
    const base = edit((p) => (p.priorityCaps![0]!.when = [{ on: "cause", values: ["hardware"] }, { on: "field", field: "environment", values: ["production", "non_production"] }]));
    const shuffled = edit((p) => (p.priorityCaps![0]!.when = [{ on: "field", field: "environment", values: ["non_production", "production"] }, { on: "cause", values: ["hardware"] }]));
    expect(summary(base, shuffled)).toEqual([]);
  });
});

describe("a cap whose condition is edited: one change of that cap", () => {
  const environment = (values: string[], level = "P3") => edit((p) => Object.assign(p.priorityCaps![0]!, { level, when: [{ on: "field", field: "environment", values }] }));
  const base = environment(["non_production"]);

  it("applying to more tickets: looser; to fewer: stricter", () => {
    const wider = environment(["non_production", "production"]);
    expect(summary(base, wider)).toEqual([
      ["priority cap · environment non_production", "applies to environment non_production → environment non_production, production (more tickets), judged at P3 at most (lowers P1, P2)", "looser"],
    ]);
    expect(summary(wider, base).map((c) => c[2])).toEqual(["stricter"]);
  });

  it("a test added narrows it (stricter); other tickets of the same property: mixed", () => {
    const narrowed = edit((p) => p.priorityCaps![0]!.when.push({ on: "flag", flag: "phone_escalated" }));
    expect(summary(OLD, narrowed)).toEqual([
      ["priority cap · environment non_production", "applies to environment non_production → environment non_production and phone_escalated (fewer tickets), judged at P3 at most (lowers P1, P2)", "stricter"],
    ]);
    expect(summary(base, environment(["production"])).map((c) => c[2])).toEqual(["mixed"]);
  });

  it("the level edited too: both read together (more tickets lowered from more levels: looser)", () => {
    const both = environment(["non_production", "production"], "P3");
    const from = environment(["non_production"], "P2");
    expect(summary(from, both)).toEqual([
      ["priority cap · environment non_production", "applies to environment non_production → environment non_production, production (more tickets), judged at P2 at most → P3 at most (lowers P1, P2)", "looser"],
    ]);
    // Fewer tickets but lowered from more levels: some tickets gain, others lose.
    expect(summary(both, environment(["non_production"], "P3")).map((c) => c[2])).toEqual(["stricter"]);
    expect(summary(environment(["non_production", "production"], "P2"), environment(["non_production"], "P3")).map((c) => c[2])).toEqual(["mixed"]);
  });

  it("a cap at the most urgent level lowers nothing, whatever its condition: neutral", () => {
    expect(summary(environment(["non_production"], "P1"), environment(["production"], "P1")).map((c) => c[2])).toEqual(["neutral"]);
  });

  it("caps testing nothing in common stay one removal and one addition", () => {
    const other = edit((p) => (p.priorityCaps![1]!.when = [{ on: "flag", flag: "phone_escalated" }]));
    expect(summary(OLD, other)).toEqual([
      ["priority cap · cause hardware", "tickets with cause hardware no longer judged at P2 at most (lowered P1)", "stricter"],
      ["priority cap · phone_escalated", "tickets with phone_escalated now judged at P2 at most (lowers P1)", "looser"],
    ]);
  });
});
