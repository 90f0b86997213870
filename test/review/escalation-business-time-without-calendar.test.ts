/**
 * Review of 06f54c0 (elapsed-only targets need no calendar): a policy may now have no calendar at
 * all, and SLA207 fires only for a target's business goal. An escalation row in business time on
 * such a policy was accepted and counted on the runtime's 24×7 UTC, so `2 business hours`
 * escalated after two elapsed hours of a Saturday night. It needs a calendar as a target's
 * business goal does.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";

const policy = (p2After: string, calendars = "") => `policy esc "Escalations"
priority P1 "critical"
priority P2 "high"
role lead "Lead"
${calendars}
target response "Response" {
  stop on respond
  goals {
    | priority | goal        |
    | P1       | 1 hour      |
    | P2       | best effort |
  }
}
escalation {
  stop on resolve
  {
    | priority | after      | to   |
    | P1       | 30 minutes | lead |
    | P2       | ${p2After} | lead |
  }
}
`;

/** Each diagnostic as its code and the text it underlines. */
function underlined(text: string): { code: string; text: string }[] {
  return compile("esc.sla", text).diagnostics.map((d) => ({ code: d.code, text: text.slice(d.span.start, d.span.end) }));
}

describe("an escalation in business time needs a calendar", () => {
  it("is SLA207 on the cell when the policy has no calendar", () => {
    expect(underlined(policy("2 business hours"))).toEqual([{ code: "SLA207", text: "2 business hours" }]);
  });

  it("is SLA207 when no region or default calendar gives one (two calendars, each a target's)", () => {
    const two = `calendar a { zone "UTC" Mon-Fri 09:00-17:00 }\ncalendar b { zone "UTC" Mon-Fri 10:00-18:00 }`;
    expect(underlined(policy("2 business hours", two))).toEqual([{ code: "SLA207", text: "2 business hours" }]);
  });

  it("stays clean in elapsed time, and in business time on the policy's only calendar", () => {
    expect(underlined(policy("2 hours"))).toEqual([]);
    expect(underlined(policy("2 business hours", `calendar office { zone "UTC" Mon-Fri 09:00-17:00 }`))).toEqual([]);
  });
});
