/**
 * A credit graded by how long a breached ticket took (Blue Arctic: "45 to 60 minutes 5 % · 60 to
 * 120 minutes 10 % · … · over 360 minutes 100 %") as a credits table `| after | credit |`: the
 * last row whose elapsed time from the target's start the answer exceeded. Figures by hand.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = (rule: string) => `policy graded "Graded response credit"
priority P1 "urgent"
calendar always { zone "UTC"  24x7 }
target response "Response within 45 minutes" {
  stop on respond
  goals {
    | priority | goal       |
    | P1       | 45 minutes |
  }
}
credits {
  zone "UTC"
  target response
  {
    | after       | credit |
    | 45 minutes  | 5%     |
    | 60 minutes  | 10%    |
    | 2 hours     | 25%    |
    | 360 minutes | 100%   |
  }
${rule}
}
`;

function policy(rule = ""): PolicyIR {
  const r = compile("graded.sla", SOURCE(rule));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

const answered = (id: string, openedAt: string, at: string | null) => ({ id, priority: "P1", openedAt, events: at ? [{ type: "respond", at }] : [] });

function settled(ir: PolicyIR, tickets: readonly Record<string, unknown>[]) {
  const r = settleInput(ir, { period: { from: "2026-04-01", to: "2026-04-30" }, fees: { amount: "80.00", currency: "USD" }, tickets });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

describe("a credits table | after | credit |", () => {
  it("lowers the rows to elapsed ms with no priority rows", () => {
    const credits = policy().credits!;
    expect(credits.rows).toEqual([]);
    expect(credits.afterBands!.map((b) => [b.afterMs, b.creditPercent])).toEqual([
      [2_700_000, "5"],
      [3_600_000, "10"],
      [7_200_000, "25"],
      [21_600_000, "100"],
    ]);
  });

  it("grades each breach by the time it took; exactly 60 minutes is still the 5 % row", () => {
    const at60 = settled(policy(), [answered("A", "2026-04-06T09:00:00Z", "2026-04-06T10:00:00Z")]);
    expect(at60.credit).toMatchObject({ percent: 5, amount: "4.00", tickets: ["A"] });
    const at61 = settled(policy(), [answered("B", "2026-04-06T09:00:00Z", "2026-04-06T10:01:00Z")]);
    expect(at61.credit).toMatchObject({ percent: 10, amount: "8.00" });
  });

  it("keeps the slowest row once under the highest rule: 50 min (5 %), 130 min (25 %) → 25 % of 80.00 = 20.00", () => {
    const r = settled(policy(), [answered("A", "2026-04-06T09:00:00Z", "2026-04-06T09:50:00Z"), answered("B", "2026-04-07T09:00:00Z", "2026-04-07T11:10:00Z")]);
    expect(r.credit).toMatchObject({ percent: 25, amount: "20.00", tickets: ["B"] });
  });

  it("adds the rows under sum per breach: 5 % + 25 % = 30 % of 80.00 = 24.00", () => {
    const r = settled(policy("  sum per breach"), [answered("A", "2026-04-06T09:00:00Z", "2026-04-06T09:50:00Z"), answered("B", "2026-04-07T09:00:00Z", "2026-04-07T11:10:00Z")]);
    expect(r.credit).toMatchObject({ creditPercent: "30", amount: "24.00" });
  });

  it("grades an unanswered ticket by the time until the period's end: opened 23:00 on the 30th, 60 minutes → 5 %", () => {
    const r = settled(policy(), [answered("C", "2026-04-30T23:00:00Z", null)]);
    expect(r.credit).toMatchObject({ percent: 5, tickets: ["C"] });
  });

  it("owes nothing for a response within the guarantee", () => {
    expect(settled(policy(), [answered("D", "2026-04-06T09:00:00Z", "2026-04-06T09:44:00Z")]).credit).toBeNull();
  });
});
