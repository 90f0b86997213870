/**
 * Kinds of work and the customer's obligations in `sla diff`: compared by meaning (`diff/declarations.ts`),
 * never left to the structural fallback as `other`.
 */
import { describe, expect, it } from "vitest";
import { diffObligations, diffWorks } from "../../diff/declarations.js";
import { horizonFrom } from "../../diff/horizon.js";
import { semanticChanges } from "../../diff/semantic.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const WORKS = irOf("test/diff/fixtures/works/old.sla");
const OBLIGATIONS = irOf("test/diff/fixtures/obligations/old.sla");
const edit = (base: PolicyIR, f: (p: PolicyIR) => void): PolicyIR => {
  const copy = structuredClone(base);
  f(copy);
  return copy;
};
const rows = (cs: ReturnType<typeof diffWorks>) => cs.map((c) => [c.kind, c.subject, c.summary, c.effect]);

describe("kinds of work", () => {
  it("added or removed: neutral (what work costs is compared in fees); every kind dropped: any kind accepted", () => {
    const none = edit(WORKS, (p) => (p.works = []));
    expect(rows(diffWorks(WORKS, none)).map((r) => r[2])).toEqual([
      "the period file may no longer report work of kind `configuration` (no kind declared: any kind is accepted)",
      "the period file may no longer report work of kind `support` (no kind declared: any kind is accepted)",
      "the period file may no longer report work of kind `migration` (no kind declared: any kind is accepted)",
    ]);
    expect(new Set(diffWorks(none, WORKS).map((c) => [c.kind, c.effect].join(" ")))).toEqual(new Set(["fees neutral"]));
  });

  it("described otherwise: unknown, citing both clauses", () => {
    const reworded = edit(WORKS, (p) => (p.works[0]!.title = "Configuration"));
    expect(rows(diffWorks(WORKS, reworded))).toEqual([["fees", "kind of work configuration", "described in other words (which work it covers: not judged)", "unknown"]]);
  });
});

describe("obligations of the customer", () => {
  it("one added: looser for the provider; one removed: stricter", () => {
    const added = edit(OBLIGATIONS, (p) => p.obligations.push({ ...p.obligations[0]!, name: "pay_on_time", description: "Customer shall pay on time." }));
    expect(rows(diffObligations(OBLIGATIONS, added))).toEqual([["obligation", "pay_on_time", "the customer now has to meet obligation `pay_on_time`", "looser"]]);
    expect(rows(diffObligations(added, OBLIGATIONS))).toEqual([["obligation", "pay_on_time", "the customer no longer has to meet obligation `pay_on_time`", "stricter"]]);
  });

  it("an identifier renamed with the same words: no change; reworded under its name: unknown", () => {
    const renamed = edit(OBLIGATIONS, (p) => (p.obligations[1]!.name = "report_errors"));
    expect(diffObligations(OBLIGATIONS, renamed)).toEqual([]);
    const reworded = edit(OBLIGATIONS, (p) => (p.obligations[0]!.description = "Customer shall keep the software supported."));
    expect(rows(diffObligations(OBLIGATIONS, reworded))).toEqual([["obligation", "keep_updated", "reworded (what the customer has to do: not judged)", "unknown"]]);
  });

  it("two removed with the same words and one of them renamed: the other is still removed", () => {
    const twins = edit(OBLIGATIONS, (p) => p.obligations.push({ ...p.obligations[2]!, name: "give_access_again" }));
    const oneRenamed = edit(OBLIGATIONS, (p) => (p.obligations[2]!.name = "remote_access"));
    expect(rows(diffObligations(twins, oneRenamed)).map((r) => [r[1], r[3]])).toEqual([["give_access_again", "stricter"]]);
  });
});

describe("the structural fallback leaves them to these comparisons", () => {
  it("no change of kind `other` for the fixtures' edits of works and obligations", () => {
    const h = horizonFrom(Date.parse(AT));
    for (const c of ["works", "obligations"]) {
      const changes = semanticChanges(irOf(`test/diff/fixtures/${c}/old.sla`), irOf(`test/diff/fixtures/${c}/new.sla`), h);
      expect(changes.filter((x) => x.kind === "other").map((x) => x.path)).toEqual([]);
      expect(changes.length).toBe(3);
    }
  });
});
