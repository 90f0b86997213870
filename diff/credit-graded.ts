/**
 * A breach's credit as a function of the time it took (IR 12's `| after | credit |` table, Blue
 * Arctic's "45 to 60 minutes 5 % · 60 to 120 minutes 10 % · …"): which of two owes more. A table
 * gives the last row whose time the breach strictly exceeds (`runtime/settle-credit.ts`), so it is
 * constant between two rows' times and changes just past one; a `| priority | credit |` row owes
 * its percent whatever the time, and no row owes nothing. Compared at every time taken, exactly.
 */
import type { CreditsIR, SourceRef } from "../runtime/ir.js";
import { combine, effectOf } from "./cite.js";
import { lengthWords } from "./commitments.js";
import type { Effect } from "./model.js";
import { amount } from "./money.js";

/** Rows rising in time: a breach that took more than `afterMs` earns `percent` (a constant row has `afterMs` −1). */
export type Grade = ReadonlyArray<{ readonly afterMs: number; readonly percent: number }>;

/** The credit a breach that took `ms` earns: the last row it exceeds, else nothing. */
export function gradeAt(g: Grade, ms: number): number {
  let percent = 0;
  for (const row of g) if (ms > row.afterMs) percent = row.percent;
  return percent;
}

/**
 * More credit at some time taken is stricter, less looser, both mixed. Exact: each grade is
 * constant on [0, first time] and on (t, next time], so comparing at 0, at every row's time and
 * at the millisecond after it visits every interval where either differs.
 */
export function gradedEffect(x: Grade, y: Grade): Effect {
  const probes = new Set([0]);
  for (const row of [...x, ...y]) if (row.afterMs >= 0) probes.add(row.afterMs).add(row.afterMs + 1);
  return combine([...probes].map((ms) => effectOf(gradeAt(x, ms), gradeAt(y, ms), true)));
}

/** A `| after | credit |` table as a grade, or `null` without one. */
export function afterGrade(c: CreditsIR): Grade | null {
  return c.afterBands ? c.afterBands.map((b) => ({ afterMs: b.afterMs, percent: amount(b.creditPercent) ?? 0 })) : null;
}

/** A table in the policy's words: `after 45 minutes 5%, after 60 minutes 10%`. */
export function afterWords(c: CreditsIR): string {
  return (c.afterBands ?? []).map((b) => `after ${lengthWords(b.afterMs)} ${b.creditPercent}%`).join(", ");
}

/** The first row of `c`'s table that `other`'s table does not have at the same place, to cite. */
export function firstAfterRow(c: CreditsIR, other: CreditsIR | null): SourceRef | undefined {
  const key = (b: { afterMs: number; creditPercent: string } | undefined) => (b ? `${b.afterMs}|${b.creditPercent}` : "");
  return c.afterBands?.find((b, i) => key(b) !== key(other?.afterBands?.[i]))?.origin ?? c.afterBands?.[0]?.origin;
}
