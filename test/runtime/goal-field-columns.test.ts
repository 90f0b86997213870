/**
 * Goal columns by a field's value (issue 11 follow-up, item 2): `| priority | product x |
 * product y |`. Each column is a section for the tickets with that value; values without a
 * column keep the main matrix. Compiled from the check fixture (grammar → IR → runtime).
 */
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import { compiledPolicy } from "./repo-policy.js";

const policy = compiledPolicy("test/fixtures/check/ok/goal-matrix-field-columns.sla");

/** Monday 2026-03-02 10:00 UTC, office hours 09:00–17:00. */
function response(priority: string, product: string) {
  const r = parseTicket({ id: "T", priority, attributes: { product }, openedAt: "2026-03-02T10:00:00Z", asOf: "2026-03-10T00:00:00Z" }, policy);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return evaluateTicket(policy, r.ticket).targets[0]!;
}

describe("goal columns by a field's value", () => {
  it("lower to one conditional cell per row and column, before the main matrix", () => {
    const cells = policy.targets[0]!.goals;
    expect(cells.slice(0, 4).map((c) => [c.priority, c.when, c.goal.text])).toEqual([
      ["P1", [{ on: "field", field: "product", values: ["x"] }], "24 hours"],
      ["P1", [{ on: "field", field: "product", values: ["y"] }], "1 business hour"],
      ["P2", [{ on: "field", field: "product", values: ["x"] }], "24 hours"],
      ["P2", [{ on: "field", field: "product", values: ["y"] }], "4 business hours"],
    ]);
    expect(cells.slice(4).every((c) => c.when === undefined)).toBe(true);
  });

  it("a ticket takes its value's column", () => {
    expect(response("P2", "x")).toMatchObject({ goal: "24 hours", due: "2026-03-03T10:00:00Z" });
    expect(response("P1", "y")).toMatchObject({ goal: "1 business hour", due: "2026-03-02T11:00:00Z" });
  });

  it("a value without a column keeps the main matrix", () => {
    expect(response("P1", "z")).toMatchObject({ goal: "2 business hours", due: "2026-03-02T12:00:00Z" });
  });
});
