/**
 * A target whose every goal is elapsed time needs no calendar (Jama: "response objectives in
 * hours", no support hours named): it is counted on elapsed time, read in UTC. A goal in business
 * time or days still needs one (SLA207, naming the goal).
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";

const policy = (p2: string) => `policy jama_like "Elapsed objectives"
priority Sev1 "critical"
priority Sev2 "high"
target response "Response" {
  stop on respond
  goals {
    | priority | goal |
    | Sev1     | 1 hour |
    | Sev2     | ${p2} |
  }
}
`;

describe("elapsed-only targets without a calendar", () => {
  it("compiles with no diagnostics and counts elapsed time across a weekend", () => {
    const r = compile("e.sla", policy("48 hours"));
    expect(r.diagnostics).toEqual([]);
    expect(r.ir!.calendars).toEqual([]);
    // Opened Friday 2026-04-03 18:00 UTC, 48 elapsed hours later: Sunday 18:00 UTC.
    const parsed = parseTicket({ id: "T", priority: "Sev2", openedAt: "2026-04-03T18:00:00Z", events: [] }, r.ir!);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = evaluateTicket(r.ir!, parsed.ticket, { asOf: "2026-04-06T00:00:00Z" });
    expect(result.targets[0]).toMatchObject({ due: "2026-04-05T18:00:00Z", status: "breached" });
  });

  it("still refuses a business goal with no calendar, naming it (SLA207)", () => {
    const r = compile("e.sla", policy("2 business days"));
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.message])).toEqual([["SLA207", "target `response` has no calendar for its goal `2 business days` (line 9)"]]);
  });
});
