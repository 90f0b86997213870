/**
 * Service credits in days added to the end of the Term (AllSpice: "3 days of service added to the
 * Term … at most 15 days in a month … not convertible to money"): bands `| 99.5% | 3 days of term |`
 * and `cap 15 days of term`. Every figure is computed by hand from April 2026, 30 days of 1,440
 * minutes: 43,200 minutes.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = (credits: string) => `policy term_days "Days of the Term"
availability web "Web app" {
  commit 99.5%
  component web
  credits {
    | below | credit          |
    | 99.5% | 3 days of term  |
    | 98%   | 7 days of term  |
    | 95%   | 15 days of term |
  }
}
availability api "API" {
  commit 99%
  component api
  credits {
    | below | credit          |
    | 99%   | 20 days of term |
  }
}
credits {
  zone "UTC"
  claim within 30 days after period
${credits}
}
`;

function policy(credits = "  cap 15 days of term"): PolicyIR {
  const r = compile("d.sla", SOURCE(credits));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

/** April 2026 with outages of `minutes` per component, starting April 10 at midnight, claimed on `claimedOn`. */
function april(down: { web?: number; api?: number }, claimedOn = "2026-05-10") {
  const outage = (component: string, minutes: number) => ({
    component,
    start: "2026-04-10T00:00:00Z",
    end: new Date(Date.parse("2026-04-10T00:00:00Z") + minutes * 60_000).toISOString().replace(".000Z", "Z"),
  });
  return {
    period: { from: "2026-04-01", to: "2026-04-30" },
    fees: { amount: "1500.00", currency: "USD" },
    outages: [...(down.web ? [outage("web", down.web)] : []), ...(down.api ? [outage("api", down.api)] : [])],
    claim: { submittedAt: claimedOn, subject: "Service Credit" },
    tickets: [],
  };
}

function settled(ir: PolicyIR, input: ReturnType<typeof april>) {
  const r = settleInput(ir, input);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

describe("credits in days of the Term: lowering", () => {
  it("gives each band its days and a credit of 0 % of the fees, and the cap its days and line", () => {
    const ir = policy();
    expect(ir.availability![0]!.bands.map((b) => [b.belowPercent, b.creditPercent, b.termDays])).toEqual([
      ["99.5", "0", 3],
      ["98", "0", 7],
      ["95", "0", 15],
    ]);
    expect(ir.credits!.capTermDays).toBe(15);
    expect(ir.credits!.capTermDaysOrigin?.text.trim()).toBe("cap 15 days of term");
    expect(ir.credits!.capPercent).toBeNull();
  });

  it("leaves bands in percentages without days", () => {
    const r = compile("p.sla", SOURCE("").replace(/(\d+) days of term/g, (_, d: string) => `${d}%`));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.ir!.availability![0]!.bands.map((b) => [b.creditPercent, b.termDays])).toEqual([
      ["3", undefined],
      ["7", undefined],
      ["15", undefined],
    ]);
    expect(r.ir!.credits!.capTermDays).toBeUndefined();
  });
});

describe("credits in days of the Term: settlement", () => {
  it("web down 20 hours (1,200 of 43,200 minutes, 97.222 %, below 98 %): 7 days, no money", () => {
    const r = settled(policy(), april({ web: 1200 }));
    expect(r.availability!.web).toMatchObject({ availabilityPercent: "97.222", met: false, creditPercent: "0", termDays: 7, band: { belowPercent: "98", termDays: 7 } });
    expect(r.availability!.web!.reason).toContain("below 98%: 7 days added to the end of the Term");
    expect(r.availability!.api).toMatchObject({ availabilityPercent: "100.000", met: true, termDays: 0, band: null });
    expect(r.periodCredit).toMatchObject({ amount: "0.00", eligible: true, termDays: 7, termDaysCapped: false, parts: [{ source: "availability web", creditPercent: null, amount: "0.00", termDays: 7 }] });
    expect(r.periodCredit!.reason).toBe("the highest part applies (credits are not cumulative); availability web 7 days of the Term; 7 days added to the end of the Term, not money");
  });

  it("the highest part applies, bounded by the cap: web 4 hours (99.444 %, 3 days), api 10 hours (98.611 %, below 99 %: 20 days), capped at 15", () => {
    const r = settled(policy(), april({ web: 240, api: 600 }));
    expect(r.availability!.web).toMatchObject({ availabilityPercent: "99.444", termDays: 3 });
    expect(r.availability!.api).toMatchObject({ availabilityPercent: "98.611", termDays: 20 });
    expect(r.periodCredit).toMatchObject({ amount: "0.00", termDays: 15, termDaysCapped: true, capped: false });
    expect(r.periodCredit!.reason).toContain("availability web 3 days of the Term, availability api 20 days of the Term; capped at 15 days of the Term");
    expect(r.periodCredit!.reason).toContain("15 days added to the end of the Term, not money");
  });

  it("without the cap, 20 days", () => {
    expect(settled(policy(""), april({ web: 240, api: 600 })).periodCredit).toMatchObject({ termDays: 20, termDaysCapped: false });
  });

  it("exactly 99.5 % (216 of 43,200 minutes) meets the commitment and adds no day; 217 minutes adds 3", () => {
    const met = settled(policy(), april({ web: 216 }));
    expect(met.availability!.web).toMatchObject({ availabilityPercent: "99.500", met: true, termDays: 0 });
    expect(met.periodCredit).toBeNull();
    expect(settled(policy(), april({ web: 217 })).periodCredit).toMatchObject({ termDays: 3, amount: "0.00" });
  });

  it("a claim after the deadline (May 30) forfeits the days", () => {
    const r = settled(policy(), april({ web: 1200 }, "2026-05-31"));
    expect(r.periodCredit).toMatchObject({ eligible: false, termDays: 0, amount: "0.00" });
    expect(r.periodCredit!.reason).toContain("after the deadline 2026-05-30");
    expect(r.periodCredit!.reason).not.toContain("added to the end of the Term");
  });
});
