/**
 * The IR features the SQL compiler does not translate (issue 15), named so that a policy using
 * one is refused with a clear message instead of compiled to SQL that answers differently.
 *
 * Design: one pass over the IR collecting every unsupported construct with where it is; the
 * compiler refuses when the list is not empty. The seed policies (`policies/*.sla`) use none;
 * docs/sql.md says why each is refused.
 */
import type { PolicyIR, TargetIR } from "../runtime/ir.js";

/** One construct the SQL compiler refuses: what, and the clause that uses it. */
export interface Unsupported {
  readonly construct: string;
  /** `file:line` of the clause, when known. */
  readonly where: string;
}

const at = (o: { file: string; line: number }): string => `${o.file}:${o.line}`;

/**
 * Goals of a recurring target the SQL does not recompute per interval: same business day and
 * support days (only business days are recomputed from each interval's start), and a zero goal
 * (the evaluator stops its intervals at the first miss).
 */
function recurringGoalProblems(t: TargetIR): Unsupported[] {
  const out: Unsupported[] = [];
  for (const cell of t.goals) {
    const g = cell.goal;
    const zero = (g.kind === "business" || g.kind === "elapsed") && g.ms === 0;
    if (g.kind === "sameBusinessDay" || g.kind === "supportDays" || zero) {
      out.push({ construct: `recurring target \`${t.name}\` with the goal \`${g.text}\``, where: at(cell.origin) });
    }
  }
  return out;
}

/** Every construct of `ir` the SQL compiler does not translate; empty when it translates all. */
export function unsupportedConstructs(ir: PolicyIR): Unsupported[] {
  const out: Unsupported[] = [];
  // The calendar tables are computed at compile time; a customer's zone or holidays are known per ticket only.
  for (const c of ir.calendars) {
    if (c.zoneFromTicket) out.push({ construct: `calendar \`${c.name}\` takes its zone from the ticket`, where: at(c.origin) });
    if (c.holidaysFromTicket) out.push({ construct: `calendar \`${c.name}\` takes holidays from the ticket`, where: at(c.origin) });
  }
  for (const t of ir.targets) {
    if (t.clock.restart !== undefined) out.push(...recurringGoalProblems(t));
    // The SQL clock walk ends at the first stop; a reopening would need the stop-to-reopen spans.
    if (t.clock.reopenWithinMs !== undefined) out.push({ construct: `target \`${t.name}\` reopening (\`reopen within\`)`, where: at(t.origin) });
  }
  return out;
}

/** Thrown by the SQL compiler for a policy it cannot translate; the message names each construct. */
export class UnsupportedPolicyError extends Error {
  constructor(readonly constructs: readonly Unsupported[]) {
    super(`the SQL target does not translate ${constructs.map((c) => `${c.construct} (${c.where})`).join("; ")}`);
  }
}
