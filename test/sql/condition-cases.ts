/**
 * The policies of the conditions differential (DuckDB: `conditions-differential.test.ts`,
 * PostgreSQL: `postgres-differential.ts`): the fixture exercising every kind of condition and the
 * example agreements using the constructs, with the least number of generated tickets (of
 * {@link CONDITION_TICKETS}) each construct must change the answers of.
 */
import { readFileSync } from "node:fs";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";

/** Tickets per policy. */
export const CONDITION_TICKETS = 4000;

/** The IR of a policy file, recurring targets kept. */
export function conditionPolicy(path: string): PolicyIR {
  const r = compile(path, readFileSync(path, "utf8"));
  if (!r.ir) throw new Error(`${path} does not compile`);
  return r.ir;
}

/** Policy file → the constructs its tickets must hit, at least this many tickets each. */
export const CONDITION_CASES: ReadonlyArray<readonly [string, Readonly<Record<string, number>>]> = [
  [
    "test/sql/fixtures/conditions.sla",
    {
      "priority caps": 200,
      "goal sections": 200,
      "target calendar rules": 200,
      "region calendar rules": 200,
      "support days": 200,
      "declared events in clocks": 50,
      "exclusions by attribute": 200,
      "credit ineligibility by condition": 20,
    },
  ],
  ["test/sql/fixtures/shares.sla", { "escalations at a share of a goal": 400 }],
  ["test/sql/fixtures/two-roles.sla", { "events in two clock roles": 200 }],
  ["examples/agreements/amc-technology.sla", { "priority caps": 200, "declared events in clocks": 50, "recurring targets": 200 }],
  ["examples/agreements/hivemq.sla", { "region calendar rules": 50, "support days": 200 }],
  ["examples/agreements/cention.sla", { "target calendar rules": 200, "exclusions by attribute": 200 }],
  ["examples/agreements/secret-double-octopus.sla", { "region calendar rules": 50, "declared events in clocks": 50, "recurring targets": 200 }],
  ["examples/agreements/hedgtrade.sla", { "recurring targets": 200 }],
  ["examples/agreements/apworth.sla", { "recurring targets": 100 }],
  [
    "examples/agreements/arcustech.sla",
    {
      "declared events in clocks": 50,
      "clocks waiting for declared events": 200,
      "credit per step of lateness": 1000,
      "each breached target grows (sum per breach)": 150,
      "cap per target": 800,
    },
  ],
  ["examples/agreements/blue-arctic.sla", { "credits graded by time taken": 1500 }],
  ["examples/agreements/journalify.sla", {}],
  ["test/sql/fixtures/escalations-only.sla", {}],
];
