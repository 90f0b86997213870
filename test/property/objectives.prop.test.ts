/**
 * Properties of objectives over a share of tickets (issue 12.4) and of the exact shares both
 * commitments use, against decimal.js and BigInt references: the shown figure is the ratio
 * truncated (never rounded up past a threshold), and an objective is missed exactly when
 * met × 100 < share × decided.
 */
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { shareBelow, shareText } from "../../runtime/availability.js";
import type { Ticket, TicketResult } from "../../runtime/io.js";
import type { ObjectiveIR, PolicyIR } from "../../runtime/ir.js";
import { evaluateObjectives } from "../../runtime/objectives.js";
import { propertyRuns } from "./budget.js";

const RUNS = { numRuns: propertyRuns(1) };
const origin = { file: "p.sla", line: 1, column: 1, text: "" };
const Ref = Decimal.clone({ precision: 80 });

/** A percentage 0–100 with up to 6 decimals, built from an integer count of millionths. */
const percentArb = fc.integer({ min: 0, max: 100_000_000 }).map((micros) => {
  const text = `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, "0")}`.replace(/\.?0+$/, "");
  return text === "" ? "0" : text;
});
const micros = (p: string): bigint => BigInt(new Ref(p).times(1_000_000).toFixed(0));

describe("exact shares", () => {
  it("shareText is the ratio truncated to the decimals, and shareBelow compares it exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 6 }), percentArb, (whole, f, decimals, percent) => {
        const part = Math.floor(whole * f);
        const exact = new Ref(part).times(100).dividedBy(whole);
        expect(shareText(part, whole, decimals)).toBe(exact.toFixed(decimals, Decimal.ROUND_DOWN));
        expect(shareBelow(part, whole, percent)).toBe(BigInt(part) * 100_000_000n < micros(percent) * BigInt(whole));
        expect(shareBelow(part, whole, percent)).toBe(exact.lt(percent));
      }),
      RUNS,
    );
  });
});

describe("objectives", () => {
  const objective = (sharePercent: string): PolicyIR =>
    ({ objectives: [{ name: "o", title: null, target: "resolution", sharePercent, when: [{ on: "priority", values: ["P1"] }], creditPercent: "5", decimals: 2, origin } satisfies ObjectiveIR] }) as unknown as PolicyIR;
  const statusArb = fc.constantFrom("met", "breached", "pending", "paused", "none") as fc.Arbitrary<"met" | "breached" | "pending" | "paused" | "none">;

  it("count each ticket of the condition once, and miss exactly when met × 100 < share × decided", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(statusArb, fc.constantFrom("P1", "P2")), { maxLength: 60 }), percentArb, (rows, share) => {
        const entries = rows.map(([status, priority], i) => ({
          ticket: { id: `T-${i}`, priority, events: [] } as unknown as Ticket,
          result: { id: `T-${i}`, policy: "p", asOf: "", targets: [{ name: "resolution", goal: "", binding: true, startedAt: null, due: null, status }], escalations: [], credit: null } satisfies TicketResult,
        }));
        const [r] = evaluateObjectives(objective(share), entries);
        const p1 = rows.filter(([, p]) => p === "P1").map(([s]) => s);
        const met = p1.filter((s) => s === "met").length;
        const missed = p1.filter((s) => s === "breached").length;
        expect(r).toMatchObject({ met, missed, pending: p1.filter((s) => s === "pending" || s === "paused").length });
        const decided = met + missed;
        const below = decided > 0 && BigInt(met) * 100_000_000n < micros(share) * BigInt(decided);
        expect(r?.status).toBe(below ? "missed" : "met");
        expect(r?.creditPercent).toBe(below ? "5" : "0");
        if (decided > 0) expect(r?.attainmentPercent).toBe(new Ref(met).times(100).dividedBy(decided).toFixed(2, Decimal.ROUND_DOWN));
      }),
      RUNS,
    );
  });
});
