/**
 * Properties of `sla diff`: a policy against itself, or against its formatted text, has no
 * change in meaning; impact agrees with evaluating every ticket under both versions; the
 * `no-looser` assertion holds for a random tightening and fails, with a counterexample that
 * really is worse, for a random loosening.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertRule, worseReason } from "../../diff/assert.js";
import { horizonFrom } from "../../diff/horizon.js";
import { impactOf } from "../../diff/impact.js";
import { diffPolicies } from "../../diff/semantic.js";
import { formatSla } from "../../format/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseInstant } from "../../runtime/instant.js";
import { parseTicket, type TicketResult } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { propertyRuns } from "../property/budget.js";
import { AT, irOf, SEEDS } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const ACME = "test/diff/fixtures/goal-tightened/old.sla";
const sources = { oldFile: "a", newFile: "b" };

describe("no change in meaning", () => {
  for (const seed of SEEDS) {
    const path = `policies/${seed}.sla`;
    it(`${seed}: diff(a, a) and diff(a, fmt(a)) are empty`, async () => {
      const text = readFileSync(path, "utf8");
      expect(diffPolicies(irOf(path, text), irOf(path, text), H, sources).changes).toEqual([]);
      const formatted = await formatSla(text);
      if (!formatted.ok) throw new Error(`${seed} does not format`);
      // Squeezed onto other lines so the formatter really has work to do.
      const messy = formatted.text.replace(/\n\n/g, "\n\n\n").replace(/ \{\n/g, "  {\n");
      const reformatted = await formatSla(messy);
      if (!reformatted.ok) throw new Error(`${seed} does not format`);
      expect(diffPolicies(irOf(path, messy), irOf(path, reformatted.text), H, sources).changes).toEqual([]);
      expect(diffPolicies(irOf(path, text), irOf(path, formatted.text), H, sources).changes).toEqual([]);
    });
  }
});

/** A copy of the policy with one goal cell's duration scaled. */
function scaled(ir: PolicyIR, cellIndex: number, factor: number): PolicyIR {
  const copy = structuredClone(ir);
  const cells = copy.targets.flatMap((t) => t.goals).filter((c) => c.goal.kind === "business" || c.goal.kind === "elapsed");
  const cell = cells[cellIndex % cells.length]!;
  if (cell.goal.kind === "business" || cell.goal.kind === "elapsed") {
    cell.goal = { ...cell.goal, ms: Math.round(cell.goal.ms * factor / 60_000) * 60_000, text: `${cell.goal.text} × ${factor}` };
  }
  return copy;
}

describe("--assert no-looser", () => {
  const base = irOf(ACME);
  /**
   * Each run searches every attribute profile over the horizon (about half a second): 4 runs in
   * `npm test`, 80 in `npm run test:deep`.
   */
  const assertRuns = propertyRuns(0.04, 4);
  it("holds for a random tightening", () => {
    fc.assert(
      fc.property(fc.nat(), fc.double({ min: 0.1, max: 1, noNaN: true }), (i, f) => {
        const a = assertRule("no-looser", base, scaled(base, i, f), H);
        expect(a.counterexample).toBeNull();
        expect(a.holds).toBe(true);
      }),
      { numRuns: assertRuns },
    );
  });

  it("fails for a random loosening, with a ticket the new version really treats worse", () => {
    fc.assert(
      fc.property(fc.nat(), fc.double({ min: 1.5, max: 4, noNaN: true }), (i, f) => {
        const looser = scaled(base, i, f);
        const a = assertRule("no-looser", base, looser, H);
        expect(a.holds).toBe(false);
        const ticket = a.counterexample!.ticket;
        const old = parseTicket(ticket, base);
        const now = parseTicket(ticket, looser);
        if (!old.ok || !now.ok) throw new Error("the counterexample is not a valid ticket");
        expect(worseReason(evaluateTicket(base, old.ticket), evaluateTicket(looser, now.ticket), "old", "new")).toBe(a.counterexample!.reason);
        // And the other way round the same change is no stricter: it passes.
        expect(assertRule("no-stricter", base, looser, H).holds).toBe(true);
      }),
      { numRuns: assertRuns },
    );
  });
});

/** What impact compares in a result: dues, statuses, escalations, credit. */
function meaning(r: TicketResult): string {
  return JSON.stringify([r.targets.map((t) => [t.name, t.due && parseInstant(t.due), t.status]), r.escalations.map((e) => [e.to, parseInstant(e.at)]), r.credit]);
}

describe("impact", () => {
  it("agrees with evaluating each ticket under both versions", async () => {
    const a = irOf("policies/imagicle.sla");
    const b = scaled(a, 1, 0.5);
    const ticket = fc.record({
      id: fc.string({ minLength: 1, maxLength: 5 }),
      priority: fc.constantFrom("P1", "P2", "P3", "P4"),
      plan: fc.constantFrom("basic", "gold", "platinum"),
      region: fc.constantFrom("europe", "americas"),
      language: fc.constant("en"),
      openedAt: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms - (ms % 60_000)).toISOString()),
      asOf: fc.constant("2027-01-01T00:00:00Z"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(ticket, { minLength: 1, maxLength: 40 }), async (tickets) => {
        const lines = tickets.map((t) => JSON.stringify(t));
        const impact = await impactOf(a, b, [lines.slice(0, 7), lines.slice(7)], null);
        const changed = tickets.filter((t) => {
          const pa = parseTicket(t, a);
          const pb = parseTicket(t, b);
          return pa.ok && pb.ok && meaning(evaluateTicket(a, pa.ticket)) !== meaning(evaluateTicket(b, pb.ticket));
        });
        expect(impact.tickets).toBe(tickets.length);
        expect(impact.changed).toBe(changed.length);
        expect(impact.list.map((x) => x.id)).toEqual(changed.map((t) => t.id));
      }),
      { numRuns: propertyRuns(0.3) },
    );
  });
});

describe("--assert no-looser on a calendar change", () => {
  it("finds the Christmas Eve afternoon a new closure takes away; the change is also stricter for a `next business day` ticket", () => {
    const a = irOf("test/diff/fixtures/calendar-date/old.sla");
    const b = irOf("test/diff/fixtures/calendar-date/new.sla");
    const r = assertRule("no-looser", a, b, H);
    expect(r.holds).toBe(false);
    const ticket = r.counterexample!.ticket;
    expect(String(ticket["openedAt"]).slice(0, 10)).toMatch(/^2026-12-2[34]$/);
    const pa = parseTicket(ticket, a);
    const pb = parseTicket(ticket, b);
    if (!pa.ok || !pb.ok) throw new Error("the counterexample is not a valid ticket");
    expect(worseReason(evaluateTicket(a, pa.ticket), evaluateTicket(b, pb.ticket), "old", "new")).toBe(r.counterexample!.reason);
    // Opened on Dec 23, `next business day` is now due at Dec 24's earlier close.
    const stricter = assertRule("no-stricter", a, b, H);
    expect(stricter.holds).toBe(false);
    expect(stricter.counterexample!.ticket).toMatchObject({ priority: "P2", plan: "basic" });
    expect(stricter.counterexample!.reason).toBe("`response` is due 2026-12-24T13:00:00+01:00 under the new version but 2026-12-24T17:00:00+01:00 under the old");
  });
});
