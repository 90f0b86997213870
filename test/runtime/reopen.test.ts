/**
 * Reopening a solved request (Jama: "Customers can reopen a solved request within seven (7)
 * days"): `reopen within 7 days` runs a target's stopped clock again from a `reopen` at most seven
 * days after the ticket's last `resolve`, counting on from where it stopped. Values hand-computed.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket, type TargetResult } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";

const SOURCE = (reopen: string) => `policy reopening "Reopening"
priority P1 "Critical"
priority P2 "High"
target resolution "Resolution" {
  start on open
  pause on pause
  resume on resume
  stop on resolve
  ${reopen}
  goals {
    | priority | goal     |
    | P1       | 4 hours  |
    | P2       | 10 hours |
  }
}
`;

function policy(reopen = "reopen within 7 days"): PolicyIR {
  const r = compile("r.sla", SOURCE(reopen));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

/** The resolution target of a P1 opened 2026-04-06 09:00 UTC, resolved at 11:00 (2 of 4 hours counted). */
function resolution(ir: PolicyIR, events: ReadonlyArray<{ type: string; at: string; priority?: string }>, asOf: string): TargetResult {
  const parsed = parseTicket({ id: "R", priority: "P1", openedAt: "2026-04-06T09:00:00Z", events: [{ type: "resolve", at: "2026-04-06T11:00:00Z" }, ...events], asOf }, ir);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return evaluateTicket(ir, parsed.ticket).targets[0]!;
}

describe("reopen within 7 days", () => {
  it("lowers to the clock's window in ms, absent without the clause", () => {
    expect(policy().targets[0]!.clock.reopenWithinMs).toBe(7 * 24 * 3_600_000);
    expect(policy("").targets[0]!.clock.reopenWithinMs).toBeUndefined();
  });

  it("a reopen on day 6 resumes the clock with the 2 hours left: due 2 hours after the reopen", () => {
    const r = resolution(policy(), [{ type: "reopen", at: "2026-04-12T11:00:00Z" }], "2026-04-12T12:00:00Z");
    expect(r).toMatchObject({ status: "pending", due: "2026-04-12T13:00:00Z" });
    expect(r.stoppedAt ?? null).toBeNull();
    const answered = resolution(policy(), [{ type: "reopen", at: "2026-04-12T11:00:00Z" }, { type: "resolve", at: "2026-04-12T12:30:00Z" }], "2026-04-13T00:00:00Z");
    expect(answered).toMatchObject({ status: "met", due: "2026-04-12T13:00:00Z", stoppedAt: "2026-04-12T12:30:00Z" });
  });

  it("a reopen exactly 7 days after the resolve is a reopening; a millisecond later it is not", () => {
    const at7 = resolution(policy(), [{ type: "reopen", at: "2026-04-13T11:00:00Z" }], "2026-04-13T14:00:00Z");
    expect(at7).toMatchObject({ status: "breached", due: "2026-04-13T13:00:00Z" });
    const after7 = resolution(policy(), [{ type: "reopen", at: "2026-04-13T11:00:00.001Z" }], "2026-04-13T14:00:00Z");
    expect(after7).toMatchObject({ status: "met", due: "2026-04-06T13:00:00Z", stoppedAt: "2026-04-06T11:00:00Z" });
  });

  it("a reopen on day 8 is not a reopening: the ticket stays met as resolved", () => {
    const r = resolution(policy(), [{ type: "reopen", at: "2026-04-14T11:00:00Z" }], "2026-04-14T14:00:00Z");
    expect(r).toMatchObject({ status: "met", due: "2026-04-06T13:00:00Z", stoppedAt: "2026-04-06T11:00:00Z" });
  });

  it("without the clause a reopen changes nothing", () => {
    const r = resolution(policy(""), [{ type: "reopen", at: "2026-04-07T11:00:00Z" }], "2026-04-07T14:00:00Z");
    expect(r).toMatchObject({ status: "met", stoppedAt: "2026-04-06T11:00:00Z" });
  });

  it("the window counts from the last resolve: reopened, resolved again, reopened 6 days after the second resolve", () => {
    const events = [
      { type: "reopen", at: "2026-04-08T09:00:00Z" }, // 1 h counted, then 3 h on 2026-04-08 09:00
      { type: "resolve", at: "2026-04-08T10:00:00Z" }, // 3 h counted
      { type: "reopen", at: "2026-04-14T10:00:00Z" }, // 6 days later: 1 h left
    ];
    expect(resolution(policy(), events, "2026-04-14T10:30:00Z")).toMatchObject({ status: "pending", due: "2026-04-14T11:00:00Z" });
  });

  it("a second reopen without a resolve between is not a reopening, and pauses while solved are ignored", () => {
    const events = [
      { type: "pause", at: "2026-04-07T09:00:00Z" },
      { type: "reopen", at: "2026-04-08T09:00:00Z" }, // runs again, unpaused: 2 h left, due 11:00
      { type: "reopen", at: "2026-04-08T09:30:00Z" },
    ];
    expect(resolution(policy(), events, "2026-04-08T10:00:00Z")).toMatchObject({ status: "pending", due: "2026-04-08T11:00:00Z" });
  });

  it("a reprioritize while solved sets the priority the reopened clock runs on; one never reopened keeps the stop's", () => {
    const raised = [
      { type: "reprioritize", at: "2026-04-07T09:00:00Z", priority: "P2" },
      { type: "reopen", at: "2026-04-08T09:00:00Z" }, // P2: 10 h, 2 counted: due 17:00
    ];
    expect(resolution(policy(), raised, "2026-04-08T10:00:00Z")).toMatchObject({ status: "pending", due: "2026-04-08T17:00:00Z" });
    const neverReopened = [{ type: "reprioritize", at: "2026-04-07T09:00:00Z", priority: "P2" }];
    expect(resolution(policy(), neverReopened, "2026-04-08T10:00:00Z")).toMatchObject({ status: "met", due: "2026-04-06T13:00:00Z" });
  });
});
