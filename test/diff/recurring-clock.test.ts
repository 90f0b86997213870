/** `sla diff` and recurring targets (issue 11.5): becoming recurring, and the events that restart it. */
import { describe, expect, it } from "vitest";
import { clockChanges } from "../../diff/goals.js";
import type { TargetIR } from "../../runtime/ir.js";

const origin = { file: "p.sla", line: 1, column: 1, text: "" };
const target = (restart?: string[]): Pick<TargetIR, "clock" | "origin"> => ({
  clock: { start: ["respond"], pause: [], resume: [], stop: ["resolve"], ...(restart ? { restart } : {}) },
  origin,
});
const said = (a: Pick<TargetIR, "clock" | "origin">, b: Pick<TargetIR, "clock" | "origin">) => clockChanges(a, b, "updates").map((c) => `${c.summary}: ${c.effect}`);

describe("clock changes of a recurring target", () => {
  it("a target that becomes recurring owes more; one that stops repeating owes less", () => {
    expect(said(target(), target(["respond"]))).toEqual(["becomes recurring (`restart on`): stricter"]);
    expect(said(target(["respond"]), target())).toEqual(["is no longer recurring (`restart on` removed): looser"]);
  });

  it("more restart events meet intervals more often (looser); fewer, less often (stricter)", () => {
    expect(said(target(["respond"]), target(["respond", "status_update"]))).toEqual(["`restart on` adds status_update: looser"]);
    expect(said(target(["respond", "status_update"]), target(["respond"]))).toEqual(["`restart on` drops status_update: stricter"]);
    expect(said(target(["respond"]), target(["respond"]))).toEqual([]);
  });
});
