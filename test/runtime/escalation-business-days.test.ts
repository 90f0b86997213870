/**
 * Escalations after business days (Advance2000: "escalated to management after 2 business days"):
 * `| P2 | 2 business days | manager |` reaches the level at the close of the second business day
 * after the clock's start, pushed by paused open time, as a goal of `2 business days` falls due.
 * Values hand-computed on Mon–Fri 09:00–17:00 UTC, the week of 23 November 2026.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";

const SOURCE = `policy ladder "Escalation ladder"
calendar office { zone "UTC"  Mon-Fri 09:00-17:00 }
priority P2 "High"
role team_lead "Team lead"
role manager "Management"
target resolution "Resolution" {
  start on open
  pause on pause
  resume on resume
  stop on resolve
  goals {
    | priority | goal            |
    | P2       | 2 business days |
  }
}
escalation {
  pause on pause
  resume on resume
  {
    | priority | after            | to        |
    | P2       | 4 business hours | team_lead |
    | P2       | 2 business days  | manager   |
  }
}
`;

function policy(source = SOURCE): PolicyIR {
  const r = compile("l.sla", source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

function evaluated(events: ReadonlyArray<{ type: string; at: string }>, asOf = "2026-12-04T00:00:00Z") {
  const ir = policy();
  const parsed = parseTicket({ id: "L", priority: "P2", openedAt: "2026-11-23T10:00:00Z", events, asOf }, ir);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return evaluateTicket(ir, parsed.ticket);
}

describe("an escalation after business days", () => {
  it("lowers to a count of business days", () => {
    expect(policy().escalations[0]!.levels.map((l) => l.after)).toEqual([
      { kind: "business", ms: 4 * 3_600_000, text: "4 business hours" },
      { kind: "businessDays", days: 2, text: "2 business days" },
    ]);
  });

  it("is reached at the close of the second business day after the start, with the goal's due", () => {
    // Opened Monday 10:00: Tuesday and Wednesday are the two business days after Monday.
    const r = evaluated([]);
    expect(r.escalations).toEqual([
      { after: "4 business hours", to: "Team lead", at: "2026-11-23T14:00:00Z" },
      { after: "2 business days", to: "Management", at: "2026-11-25T17:00:00Z" },
    ]);
    expect(r.targets[0]!.due).toBe("2026-11-25T17:00:00Z");
  });

  it("is pushed by paused open time, and not reached once the ticket is resolved", () => {
    // Paused Tuesday 10:00–12:00: two open hours, so Thursday 11:00.
    const paused = evaluated([{ type: "pause", at: "2026-11-24T10:00:00Z" }, { type: "resume", at: "2026-11-24T12:00:00Z" }]);
    expect(paused.escalations.map((e) => [e.to, e.at])).toEqual([["Team lead", "2026-11-23T14:00:00Z"], ["Management", "2026-11-26T11:00:00Z"]]);
    const resolved = evaluated([{ type: "resolve", at: "2026-11-25T16:00:00Z" }]);
    expect(resolved.escalations.map((e) => e.to)).toEqual(["Team lead"]);
  });

  it("is a checked count of whole business days on a calendar", () => {
    const errors = (source: string) => compile("l.sla", source).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
    expect(errors(SOURCE.replace("| P2       | 2 business days  | manager   |", "| P2       | 1.5 business days | manager  |"))).toEqual(["SLA304 business days are counted in whole days"]);
    expect(errors(SOURCE.replace("calendar office { zone \"UTC\"  Mon-Fri 09:00-17:00 }", "").replace("    | P2       | 2 business days |\n", "    | P2       | 2 days          |\n").replace("    | P2       | 4 business hours | team_lead |\n", ""))).toEqual([
      "SLA207 no calendar counts `2 business days`",
    ]);
  });
});

describe("escalations after business days elsewhere", () => {
  it("are translated by the SQL target, not refused (test/sql/strict-day-levels-differential.test.ts)", async () => {
    const { unsupportedConstructs } = await import("../../sql/unsupported.js");
    expect(unsupportedConstructs(policy()).map((u) => u.construct)).toEqual([]);
  });

  it("are compared by their count in sla diff: 2 → 3 business days is looser", async () => {
    const { diffPolicies } = await import("../../diff/semantic.js");
    const { horizonFrom } = await import("../../diff/horizon.js");
    const report = diffPolicies(policy(), policy(SOURCE.replace("| P2       | 2 business days  | manager   |", "| P2       | 3 business days  | manager   |")), horizonFrom(Date.UTC(2026, 10, 23)), { oldFile: "a", newFile: "b" });
    // One change, and no second `unknown` one from the structural fallback (found in review).
    expect(report.changes).toHaveLength(1);
    const escalation = report.changes.find((c) => c.kind === "escalation");
    expect(escalation).toMatchObject({ effect: "looser" });
    expect(escalation!.summary).toBe("to Management: after 2 business days → after 3 business days");
  });
});
