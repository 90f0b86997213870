/**
 * Properties of the report over varied tickets (`bench/workloads.ts`): the counts add up
 * (met + breached + pending + none = tickets, for every month and target; cells and months sum
 * to the totals), every ticket lands in the month a luxon reading of its opening gives in the
 * billing zone, and attainment is the exact share, in [0, 100], against a decimal reference.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { seedPolicy, variedTickets } from "../../bench/workloads.js";
import { ReportAggregator } from "../../report/aggregate.js";
import { percentText } from "../../report/percent.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import { billingZone } from "../../runtime/period.js";
import { propertyRuns } from "../property/budget.js";
import { SEEDS } from "./helpers.js";

const Exact = Decimal.clone({ precision: 60 });
const reference = (part: number, whole: number) => new Exact(part).times(100).div(whole).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);

describe("attainment shares", () => {
  it("agree exactly with a decimal reference, rounded down to two decimals, within [0, 100]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (whole, share) => {
        const part = Math.floor(whole * share);
        const p = percentText(part, whole)!;
        expect(p).toBe(reference(part, whole));
        expect(new Exact(p).gte(0) && new Exact(p).lte(100)).toBe(true);
        expect(p === "100.00").toBe(part === whole);
      }),
      { numRuns: propertyRuns(10) },
    );
    expect(percentText(0, 0)).toBeNull();
    expect([percentText(2, 3), percentText(1999, 2000), percentText(1, 1)]).toEqual(["66.66", "99.95", "100.00"]);
  });
});

describe("report counts", () => {
  it("add up, and match an independent count per month in the billing zone", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2034, 0, 1) }),
        (name, n, seed, asOfMs) => {
          const policy = seedPolicy(name);
          const zone = billingZone(policy);
          const agg = new ReportAggregator(policy, { zone, range: { from: null, to: null }, asOfMs });
          // The reference: month by luxon, statuses straight from the evaluator.
          const expected = new Map<string, Map<string, number>>();
          for (const [i, json] of variedTickets(name, n, seed).entries()) {
            const parsed = parseTicket(json, policy);
            if (!parsed.ok) throw new Error(`workload ticket rejected: ${parsed.error.message}`);
            agg.countLine();
            agg.addTicket(parsed.ticket, i + 1);
            const month = DateTime.fromMillis(parsed.ticket.openedAtMs, { zone }).toFormat("yyyy-MM");
            const counts = expected.get(month) ?? new Map<string, number>();
            counts.set("tickets", (counts.get("tickets") ?? 0) + 1);
            const result = evaluateTicket(policy, parsed.ticket, { asOf: asOfMs });
            for (const t of result.targets) {
              const key = `${t.name}:${t.status === "paused" ? "pending" : t.status}`;
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
            // The seeds credit "the highest percentage": a ticket counts when the evaluator gives it a credit.
            if (result.credit) counts.set("credit", (counts.get("credit") ?? 0) + 1);
            expected.set(month, counts);
          }
          const report = agg.report({ file: "x.sla", asOf: "x", asOfSource: "--at" });
          expect(report.totals).toEqual({ lines: n, tickets: n, outsideRange: 0, bad: 0 });
          expect(report.periods.map((p) => p.period)).toEqual([...expected.keys()].sort());
          for (const p of report.periods) {
            const want = expected.get(p.period)!;
            expect(p.tickets).toBe(want.get("tickets"));
            expect(p.byPriorityPlan.reduce((s, c) => s + c.tickets, 0)).toBe(p.tickets);
            if (p.credits) {
              expect(p.credits.tickets).toBe(want.get("credit") ?? 0);
              expect(p.credits.byRow.reduce((s, r) => s + r.tickets, 0)).toBe(p.credits.tickets);
              expect(p.credits.duePercent === null).toBe(p.credits.tickets === 0);
            }
            for (const t of p.targets) {
              expect(t.met + t.breached + t.pending + t.none).toBe(p.tickets);
              for (const status of ["met", "breached", "pending", "none"] as const) expect(t[status]).toBe(want.get(`${t.name}:${status}`) ?? 0);
              expect(t.attainmentPercent).toBe(t.met + t.breached === 0 ? null : reference(t.met, t.met + t.breached));
              expect(t.byPriorityPlan.reduce((s, c) => s + c.met + c.breached + c.pending + c.none, 0)).toBe(p.tickets);
              expect(t.breachClauses.reduce((s, c) => s + c.breached, 0)).toBe(t.breached);
            }
          }
          for (const o of report.overall) {
            const per = report.periods.map((p) => p.targets.find((t) => t.name === o.name)!);
            expect(o.met + o.breached + o.pending + o.none).toBe(n);
            expect(o.breached).toBe(per.reduce((s, t) => s + t.breached, 0));
          }
        },
      ),
      { numRuns: propertyRuns(0.3) },
    );
  });
});
