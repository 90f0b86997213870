/**
 * Goals met only strictly before their due (Advance2000: "Response < 1 hour"): `< 1 hour` has
 * the same due as `1 hour`, but a reply at the due instant itself misses it (SPEC §2.13 meets a
 * goal at its due). Values hand-computed.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";

const SOURCE = (goal: string, restart = "") => `policy strict "Strict goals"
priority P1 "Critical"
target response "Response" {
  start on open
  stop on respond
  ${restart}
  goals {
    | priority | goal |
    | P1       | ${goal} |
  }
}
`;

function policy(goal = "< 1 hour"): PolicyIR {
  const r = compile("s.sla", SOURCE(goal));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

function response(ir: PolicyIR, respondAt: string | null, asOf = "2026-04-06T12:00:00Z") {
  const events = respondAt === null ? [] : [{ type: "respond", at: respondAt }];
  const parsed = parseTicket({ id: "S", priority: "P1", openedAt: "2026-04-06T09:00:00Z", events, asOf }, ir);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return evaluateTicket(ir, parsed.ticket).targets[0]!;
}

describe("a goal met only before its due: `< 1 hour`", () => {
  it("lowers to the goal of `1 hour`, strict", () => {
    expect(policy().targets[0]!.goals[0]!.goal).toEqual({ kind: "elapsed", ms: 3_600_000, text: "< 1 hour", strict: true });
  });

  it("is met a minute before the due, missed at the due itself, where `1 hour` is met", () => {
    expect(response(policy(), "2026-04-06T09:59:00Z")).toMatchObject({ status: "met", due: "2026-04-06T10:00:00Z" });
    expect(response(policy(), "2026-04-06T10:00:00Z")).toMatchObject({ status: "breached", due: "2026-04-06T10:00:00Z" });
    expect(response(policy("1 hour"), "2026-04-06T10:00:00Z")).toMatchObject({ status: "met" });
  });

  it("is breached, not pending, when evaluated at the due instant with no reply", () => {
    expect(response(policy(), null, "2026-04-06T10:00:00Z").status).toBe("breached");
    expect(response(policy("1 hour"), null, "2026-04-06T10:00:00Z").status).toBe("pending");
  });

  it("is refused in a recurring target, not by the SQL target (it translates it: test/sql/strict-day-levels-differential.test.ts)", async () => {
    const r = compile("s.sla", SOURCE("< 1 hour", "restart on approve"));
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["SLA306"]);
    const { unsupportedConstructs } = await import("../../sql/unsupported.js");
    expect(unsupportedConstructs(policy()).map((u) => u.construct)).toEqual([]);
  });

  it("is a stricter goal in sla diff than `1 hour`, and `1 hour` a looser one", async () => {
    const { diffPolicies } = await import("../../diff/semantic.js");
    const { horizonFrom } = await import("../../diff/horizon.js");
    const diff = (a: string, b: string) => diffPolicies(policy(a), policy(b), horizonFrom(Date.UTC(2026, 3, 1)), { oldFile: "a", newFile: "b" }).changes.map((c) => [c.kind, c.effect]);
    expect(diff("1 hour", "< 1 hour")).toEqual([["goal", "stricter"]]);
    expect(diff("< 1 hour", "1 hour")).toEqual([["goal", "looser"]]);
    expect(diff("< 1 hour", "< 2 hours")).toEqual([["goal", "looser"]]);
  });
});
