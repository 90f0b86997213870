/**
 * Credits that grow in steps (Arcustech): "5 % … for each 30 minutes of network downtime (or
 * portion thereof), up to 100 %" as `credit 5% per started 30 minutes, up to 100%` in an
 * availability block, and "5 % for each additional hour (or portion thereof) after the first hour"
 * as `credit per started hour late` in the credits block, each guarantee bounded on its own by
 * `cap 100% per target`. Every figure is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const policyText = (credits: string) => `policy steps "Stepped credits"
priority P1 "host down"
calendar always { zone "UTC"  24x7 }
availability network "Network" {
  commit 100%
  component network
  over elapsed time
  credit 5% per started 30 minutes, up to 100%
}
availability power "Power, whole quarter hours only" {
  commit 100%
  component power
  over elapsed time
  credit 2.5% per 15 minutes
}
target repair "Repair within an hour" {
  calendar always
  stop on resolve
  goals {
    | priority | goal   |
    | P1       | 1 hour |
  }
}
target answer "Answer within 10 minutes" {
  calendar always
  stop on respond
  goals {
    | priority | goal       |
    | P1       | 10 minutes |
  }
}
credits {
  zone "UTC"
  target repair, answer
  {
    | priority | credit |
    | P1       | 5%     |
  }
${credits}
}
`;

const SUM = "  sum per breach\n  credit per started hour late\n  cap 100% per target";

function policy(credits = SUM): PolicyIR {
  const r = compile("steps.sla", policyText(credits));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

function settled(ir: PolicyIR, outages: readonly Record<string, unknown>[], tickets: readonly Record<string, unknown>[] = []) {
  const r = settleInput(ir, { period: { from: "2026-04-01", to: "2026-04-30" }, fees: { amount: "200.00", currency: "USD" }, outages, tickets });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

const down = (start: string, end: string, component?: string) => ({ start, end, ...(component ? { component } : {}) });
const ticket = (id: string, openedAt: string, events: readonly [string, string][]) => ({ id, priority: "P1", openedAt, events: events.map(([type, at]) => ({ type, at })) });

describe("credit 5% per started 30 minutes, up to 100%", () => {
  it("lowers the rate, the step in ms, its rounding and the bound", () => {
    const [network, power] = policy().availability!;
    expect(network!.stepCredit).toMatchObject({ creditPercent: "5", step: { ms: 1_800_000, started: true }, upToPercent: "100" });
    expect(power!.stepCredit).toMatchObject({ creditPercent: "2.5", step: { ms: 900_000, started: false } });
    expect(power!.stepCredit!.upToPercent).toBeUndefined();
    expect(network!.bands).toEqual([]);
  });

  it("counts a started half hour whole, over the month's downtime added up", () => {
    // Network: 10 + 10 + 31 minutes = 51 minutes: one whole half hour and a started one, 2 × 5 % = 10 %, 20.00.
    const r = settled(policy(), [down("2026-04-02T10:00:00Z", "2026-04-02T10:10:00Z", "network"), down("2026-04-03T10:00:00Z", "2026-04-03T10:10:00Z", "network"), down("2026-04-04T10:00:00Z", "2026-04-04T10:31:00Z", "network")]);
    expect(r.availability!["network"]).toMatchObject({ steps: 2, creditPercent: "10" });
    expect(r.periodCredit!.parts).toEqual([{ source: "availability network", creditPercent: "10", amount: "20.00" }]);
  });

  it("counts exactly 30 minutes as one step, and 30 minutes and one second as two", () => {
    const one = settled(policy(), [down("2026-04-02T10:00:00Z", "2026-04-02T10:30:00Z", "network")]);
    expect(one.availability!["network"]).toMatchObject({ steps: 1, creditPercent: "5" });
    const two = settled(policy(), [down("2026-04-02T10:00:00Z", "2026-04-02T10:30:01Z", "network")]);
    expect(two.availability!["network"]).toMatchObject({ steps: 2, creditPercent: "10" });
  });

  it("counts only whole steps without `started`: 44 minutes are two quarter hours, 2 × 2.5 % = 5 %", () => {
    const r = settled(policy(), [down("2026-04-02T10:00:00Z", "2026-04-02T10:44:00Z", "power")]);
    expect(r.availability!["power"]).toMatchObject({ steps: 2, creditPercent: "5" });
    expect(r.availability!["power"]!.reason).toContain("2.5% per 15 minutes of downtime: 2 × 2.5% = 5%");
  });

  it("bounds the commitment's own credit: a day down is 48 steps, 240 %, credited up to 100 %", () => {
    const r = settled(policy(), [down("2026-04-10T00:00:00Z", "2026-04-11T00:00:00Z", "network")]);
    expect(r.availability!["network"]).toMatchObject({ steps: 48, creditPercent: "100" });
    expect(r.availability!["network"]!.reason).toContain("48 × 5% = 240%, up to 100%");
  });

  it("needs the period's fees to take a percentage of", () => {
    const r = settleInput(policy(), { period: { from: "2026-04-01", to: "2026-04-30" }, outages: [down("2026-04-02T10:00:00Z", "2026-04-02T10:30:00Z", "network")], tickets: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe("fees");
  });

  it("owes nothing while the commitment is met", () => {
    const r = settled(policy(), []);
    expect(r.availability!["network"]).toMatchObject({ met: true, steps: 0, creditPercent: "0" });
  });
});

describe("credit per started hour late, cap per target", () => {
  it("lowers the step and the per-target cap to the credits' IR", () => {
    expect(policy().credits).toMatchObject({ mode: "sum", lateStep: { ms: 3_600_000, started: true }, capPerTargetPercent: "100", capPercent: null });
  });

  it("earns the row once per started hour after the due time, for each breached target", () => {
    // T-1 opened 08:00, answered 08:40 (30 minutes after the 10-minute answer: one started hour,
    // 5 %), repaired 11:30 (2 h 30 min after the 09:00 due: three started hours, 15 %): 20 % of
    // 200.00 = 40.00.
    const r = settled(policy(), [], [ticket("T-1", "2026-04-07T08:00:00Z", [["respond", "2026-04-07T08:40:00Z"], ["resolve", "2026-04-07T11:30:00Z"]])]);
    expect(r.credit).toMatchObject({ creditPercent: "20", amount: "40.00", capped: false });
    expect(r.credit!.contributions).toEqual([
      expect.objectContaining({ ticket: "T-1", target: "repair", steps: 3, creditPercent: "15" }),
      expect.objectContaining({ ticket: "T-1", target: "answer", steps: 1, creditPercent: "5" }),
    ]);
  });

  it("bounds each target's sum on its own: 31 started hours late (155 %) give 100 %, the other target's 5 % still adds", () => {
    // Repair due 09:00, resolved the next day 15:10: 30 h 10 min late, 31 started hours, 155 % → 100 %.
    // Answered 08:15: 5 minutes late, one started hour, 5 %. 105 % of 200.00 = 210.00.
    const r = settled(policy(), [], [ticket("T-2", "2026-04-07T08:00:00Z", [["respond", "2026-04-07T08:15:00Z"], ["resolve", "2026-04-08T15:10:00Z"]])]);
    expect(r.credit).toMatchObject({ creditPercent: "105", amount: "210.00", capped: true });
    expect(r.credit!.reason).toContain("repair up to 100% each");
  });

  it("counts a target still open at the period's end as late until then", () => {
    // Repair due 2026-04-30T22:00, still open at the period's end (May 1 00:00 UTC): 2 hours, 10 %.
    const r = settled(policy(), [], [ticket("T-3", "2026-04-30T21:00:00Z", [["respond", "2026-04-30T21:05:00Z"]])]);
    expect(r.credit).toMatchObject({ creditPercent: "10", amount: "20.00" });
  });

  it("grows the highest row too: the latest breach decides, once", () => {
    // Highest mode: T-4 repaired 1 h 10 min late (two started hours, 10 %), T-5 4 h late (four, 20 %): 20 %, 40.00.
    const ir = policy("  credit per started hour late");
    const r = settled(ir, [], [
      ticket("T-4", "2026-04-07T08:00:00Z", [["respond", "2026-04-07T08:05:00Z"], ["resolve", "2026-04-07T10:10:00Z"]]),
      ticket("T-5", "2026-04-08T08:00:00Z", [["respond", "2026-04-08T08:05:00Z"], ["resolve", "2026-04-08T13:00:00Z"]]),
    ]);
    expect(r.credit).toMatchObject({ percent: 20, amount: "40.00", tickets: ["T-5"] });
    expect(r.credit!.reason).toContain("lower breaches not added: T-4 10%");
  });
});
