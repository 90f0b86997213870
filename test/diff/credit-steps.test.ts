/**
 * Credits that grow in steps, compared by meaning: an availability credit per step of downtime
 * (`credit 5% per started 30 minutes, up to 100%`), a breach's row per step of its lateness
 * (`credit per started hour late`) and a cap per target (`cap 100% per target`). Step against
 * step is exact, so a coarser step at a higher rate can still be stricter everywhere.
 */
import { describe, expect, it } from "vitest";
import { lateStepEffect, steppedEffect } from "../../diff/credit-steps.js";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { AvailabilityIR, CreditsIR, PolicyIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const changesOf = (a: PolicyIR, b: PolicyIR) => diffPolicies(a, b, H, { oldFile: "a", newFile: "b" }).changes.map((c) => [c.kind, c.subject, c.summary, c.effect]);
const MINUTE = 60_000;
const started = (minutes: number) => ({ ms: minutes * MINUTE, started: true });
const whole = (minutes: number) => ({ ms: minutes * MINUTE, started: false });

describe("a stepped credit against another, at every length up to a year", () => {
  it("a higher rate is stricter, a step that must be complete looser", () => {
    expect(steppedEffect({ rate: 5, step: started(30), upTo: 100 }, { rate: 10, step: started(30), upTo: 100 })).toBe("stricter");
    expect(steppedEffect({ rate: 5, step: started(30) }, { rate: 5, step: whole(30) })).toBe("looser");
  });

  it("a coarser step at a proportionally higher rate owes at least as much everywhere", () => {
    // 10 % per started hour against 5 % per started 30 minutes: equal at 30 min + 1 ms, more at 1 ms and at 60 min + 1 ms.
    expect(steppedEffect({ rate: 5, step: started(30) }, { rate: 10, step: started(60) })).toBe("stricter");
    // 5 % per started 30 minutes against 10 % per whole hour: never less, more from the first millisecond.
    expect(steppedEffect({ rate: 10, step: whole(60) }, { rate: 5, step: started(30) })).toBe("stricter");
  });

  it("a lower limit takes credit away from long outages: with a higher rate, mixed", () => {
    expect(steppedEffect({ rate: 5, step: started(30) }, { rate: 5, step: started(30), upTo: 50 })).toBe("looser");
    expect(steppedEffect({ rate: 5, step: started(30), upTo: 100 }, { rate: 10, step: started(60), upTo: 50 })).toBe("mixed");
    expect(steppedEffect({ rate: 5, step: started(30), upTo: 50 }, { rate: 5, step: started(30), upTo: 50 })).toBe("neutral");
  });
});

describe("an availability credit per step of downtime", () => {
  const letsflo = irOf("examples/agreements/letsflo.sla");
  const credited = (f: (a: AvailabilityIR) => void) => {
    const p = structuredClone(letsflo);
    f(p.availability![0]!);
    return p;
  };
  const stepped = (creditPercent: string, step: { ms: number; started: boolean }, upToPercent?: string) =>
    credited((a) => {
      delete a.downtimeFeeMultiple;
      a.stepCredit = { creditPercent, step, ...(upToPercent !== undefined ? { upToPercent } : {}), origin: a.origin };
    });

  it("against another: step by step, in the policy's words", () => {
    expect(changesOf(stepped("5", started(30), "100"), stepped("10", started(60), "100"))).toEqual([
      ["availability", "uptime", "credit when missed: 5% per started 30 minutes, up to 100% → 10% per started hour, up to 100%", "stricter"],
    ]);
    expect(changesOf(stepped("5", started(30), "100"), stepped("5", whole(30), "100"))).toEqual([
      ["availability", "uptime", "credit when missed: 5% per started 30 minutes, up to 100% → 5% per 30 minutes, up to 100%", "looser"],
    ]);
  });

  it("against a multiple of the downtime's fee or bands: which owes more depends on the period's length, mixed", () => {
    expect(changesOf(letsflo, stepped("5", started(30)))).toEqual([["availability", "uptime", "credit when missed: 10 × downtime fee → 5% per started 30 minutes", "mixed"]]);
  });

  it("against no credit at all: more", () => {
    const none = credited((a) => delete a.downtimeFeeMultiple);
    expect(changesOf(none, stepped("5", started(30)))).toEqual([["availability", "uptime", "credit when missed: none → 5% per started 30 minutes", "stricter"]]);
    expect(changesOf(stepped("5", started(30)), none)).toEqual([["availability", "uptime", "credit when missed: 5% per started 30 minutes → none", "looser"]]);
  });
});

describe("a breach's row per step of its lateness, and a cap per target", () => {
  it("per started step is at least once per breach; per whole step, less for a breach late by less than one", () => {
    expect(lateStepEffect(undefined, started(60))).toBe("stricter");
    expect(lateStepEffect(started(60), undefined)).toBe("looser");
    expect(lateStepEffect(undefined, whole(60))).toBe("mixed");
    expect(lateStepEffect(started(60), started(30))).toBe("stricter");
    expect(lateStepEffect(started(30), whole(60))).toBe("looser");
  });

  const acme = irOf("test/diff/fixtures/goal-tightened/old.sla");
  const withCredits = (c: Partial<CreditsIR>) => ({ ...acme, credits: { ...acme.credits!, mode: "sum" as const, ...c } });

  it("in the report, citing the credits", () => {
    expect(changesOf(withCredits({}), withCredits({ lateStep: started(60) }))).toEqual([["credits", "credits", "each breach earns its row: once per breach → per started hour late, per target", "stricter"]]);
    expect(changesOf(withCredits({ lateStep: started(60) }), withCredits({ lateStep: whole(120) }))).toEqual([
      ["credits", "credits", "each breach earns its row: per started hour late, per target → per 2 hours late, per target", "looser"],
    ]);
  });

  it("a cap per target added or lowered is looser, raised or dropped stricter", () => {
    expect(changesOf(withCredits({}), withCredits({ capPerTargetPercent: "100" }))).toEqual([["credits", "credits", "cap per target: none → 100% of the fees", "looser"]]);
    expect(changesOf(withCredits({ capPerTargetPercent: "100" }), withCredits({ capPerTargetPercent: "50" }))).toEqual([["credits", "credits", "cap per target: 100% of the fees → 50% of the fees", "looser"]]);
    expect(changesOf(withCredits({ capPerTargetPercent: "50" }), withCredits({}))).toEqual([["credits", "credits", "cap per target: 50% of the fees → none", "stricter"]]);
  });
});

describe("no edit of a stepped credit in Arcustech falls back to `other`", () => {
  const arcustech = irOf("examples/agreements/arcustech.sla");
  const edit = (f: (p: PolicyIR) => void) => {
    const p = structuredClone(arcustech);
    f(p);
    return p;
  };
  /** Each field of each stepped credit moved: the rate, the step's length and rounding, the limit, the cap per target. */
  const edits: Array<[string, PolicyIR]> = [];
  arcustech.availability!.forEach((a, i) => {
    if (!a.stepCredit) return;
    const at = (p: PolicyIR) => p.availability![i]!.stepCredit!;
    edits.push([`${a.name} rate`, edit((p) => (at(p).creditPercent = String(Number(a.stepCredit!.creditPercent) + 1)))]);
    edits.push([`${a.name} step length`, edit((p) => (at(p).step.ms += 60_000))]);
    edits.push([`${a.name} step rounding`, edit((p) => (at(p).step.started = !at(p).step.started))]);
    edits.push([`${a.name} limit removed`, edit((p) => delete at(p).upToPercent)]);
  });
  const late = arcustech.credits!.lateStep!;
  edits.push(["lateness step length", edit((p) => (p.credits!.lateStep!.ms = late.ms * 2))]);
  edits.push(["lateness step rounding", edit((p) => (p.credits!.lateStep!.started = !late.started))]);
  edits.push(["lateness step removed", edit((p) => delete p.credits!.lateStep)]);
  edits.push(["cap per target", edit((p) => (p.credits!.capPerTargetPercent = "50"))]);

  it("each is a change of its construct with a direction or mixed", () => {
    expect(edits.length).toBeGreaterThanOrEqual(12);
    for (const [what, next] of edits) {
      const changes = changesOf(arcustech, next);
      expect(changes.length, what).toBeGreaterThan(0);
      expect(changes.filter(([kind, , , effect]) => kind === "other" || effect === "unknown"), what).toEqual([]);
    }
  });
});
