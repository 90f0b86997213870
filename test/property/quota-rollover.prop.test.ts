/**
 * Rollover quotas (issue 12 follow-up) against a decimal reference: over any work in a quarter,
 * month buckets chain (each carries in what the previous carried out), every bucket's balance
 * holds exactly (`left − over = available − used`), and the hours are conserved:
 * carried in + Σ hours = Σ used − Σ over + the last carried out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../runtime/settle-decimal.js";
import { settleInput } from "../../runtime/settle.js";
import { compiledPolicy } from "../runtime/repo-policy.js";
import { propertyRuns } from "./budget.js";

const policy = compiledPolicy(
  "rollover.sla",
  `policy acme "ACME"
work support "Support"
period quarter
fees {
  currency USD
  rate 100 USD per hour
  quota support 10 hours per month rollover
  invoice quarterly
  payment net 30 days
}
`,
);

const entry = fc.record({
  month: fc.constantFrom("01", "02", "03"),
  day: fc.integer({ min: 1, max: 28 }),
  quarterHours: fc.integer({ min: 1, max: 80 }),
});

describe("rollover quotas", () => {
  it("chain their buckets and conserve the hours exactly", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.integer({ min: 0, max: 40 }), (entries, carriedQuarters) => {
        const work = entries.map((e) => ({ date: `2026-${e.month}-${String(e.day).padStart(2, "0")}`, hours: new Dec(e.quarterHours).div(4).toString(), kind: "support" }));
        const carried = new Dec(carriedQuarters).div(4);
        const r = settleInput(policy, { period: "2026-Q1", work, carriedIn: [{ quota: "support", hours: carried.toString() }] });
        if (!r.ok) throw new Error(r.error.message);
        const rows = r.result.quotas!;
        expect(rows.map((q) => q.bucket)).toEqual(["2026-01", "2026-02", "2026-03"]);
        expect(new Dec(rows[0]!.carriedIn!).eq(carried)).toBe(true);
        let used = new Dec(0);
        let over = new Dec(0);
        for (const [i, q] of rows.entries()) {
          if (i > 0) expect(q.carriedIn).toBe(rows[i - 1]!.carriedOut);
          expect(new Dec(q.available!).eq(new Dec(q.hours).plus(q.carriedIn!))).toBe(true);
          expect(new Dec(q.left).minus(q.over).eq(new Dec(q.available!).minus(q.used))).toBe(true);
          expect(q.carriedOut).toBe(q.left);
          used = used.plus(q.used);
          over = over.plus(q.over);
        }
        expect(carried.plus(30).eq(used.minus(over).plus(rows[2]!.carriedOut!))).toBe(true);
      }),
      { numRuns: propertyRuns(1) },
    );
  });
});
