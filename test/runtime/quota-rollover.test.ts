/**
 * Quotas whose unused hours roll over (issue 12 follow-up, item 4): `quota support 10 hours per
 * month rollover`. Within a quarter the carry runs month to month; the first month starts from
 * the period file's `carriedIn`, which must name a quota that rolls over.
 */
import { describe, expect, it } from "vitest";
import { settleInput } from "../../runtime/settle.js";
import { compiledPolicy } from "./repo-policy.js";

const policy = (rollover: boolean) =>
  compiledPolicy(
    "rollover.sla",
    `policy acme "ACME"
work support "Support"
work training "Training"
period quarter
fees {
  currency USD
  rate 100 USD per hour
  quota support 10 hours per month${rollover ? " rollover" : ""}
  quota training 2 hours per quarter
  invoice quarterly
  payment net 30 days
}
`,
  );

const work = [
  { date: "2026-01-12", hours: "4", kind: "support" },
  { date: "2026-02-09", hours: "15", kind: "support" },
  { date: "2026-03-16", hours: "2.5", kind: "support" },
];

function quotas(rollover: boolean, extra: Record<string, unknown> = {}) {
  const r = settleInput(policy(rollover), { period: "2026-Q1", work, ...extra });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result.quotas!;
}

describe("a quota that rolls over", () => {
  it("carries each month's unused hours to the next", () => {
    const support = quotas(true).filter((q) => q.kind === "support");
    expect(support.map((q) => [q.bucket, q.carriedIn, q.available, q.used, q.left, q.over, q.exceeded, q.carriedOut])).toEqual([
      ["2026-01", "0.00", "10.00", "4.00", "6.00", "0.00", false, "6.00"],
      ["2026-02", "6.00", "16.00", "15.00", "1.00", "0.00", false, "1.00"],
      ["2026-03", "1.00", "11.00", "2.50", "8.50", "0.00", false, "8.50"],
    ]);
    // `hours` stays the quota's own hours per month.
    expect(support.map((q) => q.hours)).toEqual(["10.00", "10.00", "10.00"]);
  });

  it("starts from the hours the period file carries in", () => {
    const [jan] = quotas(true, { carriedIn: [{ quota: "support", hours: "1.5" }] });
    expect([jan!.carriedIn, jan!.available, jan!.left]).toEqual(["1.50", "11.50", "7.50"]);
  });

  it("without `rollover` every month starts afresh, and February is exceeded", () => {
    const support = quotas(false).filter((q) => q.kind === "support");
    expect(support.map((q) => [q.left, q.over, q.exceeded])).toEqual([
      ["6.00", "0.00", false],
      ["0.00", "5.00", true],
      ["7.50", "0.00", false],
    ]);
    expect(support[0]).not.toHaveProperty("carriedIn");
  });

  it("refuses carried hours for a quota that does not roll over, naming the field and the valid ones", () => {
    const r = settleInput(policy(true), { period: "2026-Q1", work, carriedIn: [{ quota: "training", hours: "1" }] });
    expect(r).toEqual({ ok: false, error: { field: "carriedIn[0].quota", message: '"training" is not a quota that rolls over (valid: "support")' } });
  });
});
