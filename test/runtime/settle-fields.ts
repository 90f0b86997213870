/**
 * Every decimal field of the period format (SPEC §6), each as a function from a value to an
 * otherwise valid period of a seed policy: the malformed-decimal table and property use it.
 */
import { readFileSync } from "node:fs";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";

/** A seed policy, compiled. */
export function seedPolicy(name: string): PolicyIR {
  const file = `policies/${name}.sla`;
  const r = compile(file, readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"));
  if (!r.ir) throw new Error(`${file} does not compile`);
  return r.ir;
}

const lucy = seedPolicy("lucy");
const imagicle = seedPolicy("imagicle");
const promotron = seedPolicy("promotron");

const march = { period: { from: "2026-03-01", to: "2026-03-31" } };
const may = { period: { from: "2026-05-01", to: "2026-05-31" }, vatRate: "0.21", trialStart: "2026-04-01" };

/** A decimal field: its path in error messages, its policy, and a period holding `v` there. */
export interface DecimalField {
  readonly field: string;
  readonly policy: PolicyIR;
  readonly period: (v: unknown) => unknown;
}

export const DECIMAL_FIELDS: readonly DecimalField[] = [
  { field: "work[0].hours", policy: lucy, period: (v) => ({ ...march, work: [{ date: "2026-03-03", hours: v, kind: "support" }] }) },
  {
    field: "packages[0].usedHours",
    policy: promotron,
    period: (v) => ({ ...may, packages: [{ plan: "onboarding_package", regime: "premium", purchasedOn: "2026-05-02", usedHours: v }] }),
  },
  { field: "fees.amount", policy: imagicle, period: (v) => ({ ...march, plan: "gold", fees: { amount: v, currency: "EUR" } }) },
  { field: "vatRate", policy: lucy, period: (v) => ({ ...march, vatRate: v }) },
];
