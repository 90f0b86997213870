/**
 * What the SQL target does with each field of the IR, so that a field added to the IR (a new
 * version) is a type error here until someone decides whether the per-ticket answers read it.
 *
 * Design: two tables checked with `satisfies Record<keyof …, …>` against the IR's own types (as
 * `format/layout.ts` classifies grammar rules), one for the policy and one for its credits, the
 * block whose fields split between the ticket and the period. The SQL answers per ticket what
 * `sla eval` answers; `test/sql/ir-coverage.test.ts` checks that the fields marked `settlement`
 * do not change those answers, and docs/sql.md says why each is left to `sla settle`.
 */
import type { CalendarIR, CreditsIR, EscalationAfter, Goal, PolicyIR } from "../runtime/ir.js";

/**
 * - `ticket`: the per-ticket answers (`sla eval`: targets, escalations, credit) read it; the SQL
 *   translates it, or `unsupported.ts` refuses the construct by name.
 * - `settlement`: only a period's settlement (`sla settle`) reads it: fees, periods, claims,
 *   availability, objectives, how credits add up. The SQL leaves it to `sla settle`.
 * - `none`: names and text that no answer depends on (the policy's id, its examples).
 */
export type IrFieldUse = "ticket" | "settlement" | "none";

/** Every field of the policy IR and what the SQL target does with it. */
export const POLICY_FIELDS = {
  irVersion: "none",
  id: "none",
  title: "none",
  calendars: "ticket",
  defaultCalendar: "ticket",
  regions: "ticket",
  plans: "ticket",
  priorities: "ticket",
  roles: "ticket",
  channels: "ticket",
  targets: "ticket",
  exclusions: "ticket",
  priorityCaps: "ticket",
  fields: "ticket",
  flags: "ticket",
  causes: "ticket",
  events: "ticket",
  escalations: "ticket",
  // Split field by field in CREDIT_FIELDS.
  credits: "ticket",
  // IR 12's step credits (`stepCredit`) live here: a period's downtime, not a ticket's answer.
  availability: "settlement",
  objectives: "settlement",
  fees: "settlement",
  period: "settlement",
  works: "settlement",
  // The customer's duties as text (`obligation keep_updated "…"`).
  obligations: "none",
  examples: "none",
} as const satisfies Record<keyof PolicyIR, IrFieldUse>;

/**
 * Every field of the credits IR and what the SQL target does with it. A ticket's credit, when
 * the ticket is eligible, is the row of the first breached binding target the credits name (at
 * the priority that judged it, or graded by its time taken), grown per step of lateness and
 * bounded per target (`runtime/ticket-credit.ts`, `sql/query-credit.ts`); everything else
 * decides how a period's breaches add up, bound, are claimed and invoiced.
 */
export const CREDIT_FIELDS = {
  plans: "ticket",
  targets: "ticket",
  rows: "ticket",
  ineligibleChannels: "ticket",
  ineligibleOptionalLanguages: "ticket",
  ineligibleWhen: "ticket",
  claimMonthsAfter: "settlement",
  claimSubject: "settlement",
  claimDaysAfter: "settlement",
  capPercent: "settlement",
  zone: "settlement",
  // `sum per breach` with steps of lateness grows each breached target, not only the first.
  mode: "ticket",
  amountPerBreach: "settlement",
  // Read by `creditMode`, but refused beside steps of lateness (SLA505): no ticket's credit changes.
  thresholds: "settlement",
  ineligibleAccount: "settlement",
  ineligibleObligations: "settlement",
  // IR 12: `credit per started hour late` multiplies the row by the steps of a breach's lateness,
  // to its stop or `asOf` (a period's end in `sla settle`).
  lateStep: "ticket",
  // IR 12: a `| after | credit |` table grades a breach by the time taken to its stop or `asOf`.
  afterBands: "ticket",
  onNextInvoice: "settlement",
  noClaimPlans: "settlement",
  claimRequired: "settlement",
  // IR 16: `cap 15 days of term` bounds the days a period's availability bands add to the Term.
  capTermDays: "settlement",
  // Each target's part of a ticket's credit is bounded on its own (the period bounds each target's sum again).
  capPerTargetPercent: "ticket",
  origin: "none",
  // IR 14: the line of each clause, for `sla diff` to cite; no answer reads them.
  claimDaysAfterOrigin: "none",
  lateStepOrigin: "none",
  onNextInvoiceOrigin: "none",
  noClaimPlansOrigin: "none",
  capPerTargetOrigin: "none",
  // IR 15: likewise for the remaining clauses.
  plansOrigin: "none",
  targetsOrigin: "none",
  claimMonthsAfterOrigin: "none",
  claimSubjectOrigin: "none",
  // IR 16.
  claimRequiredOrigin: "none",
  capTermDaysOrigin: "none",
  capPercentOrigin: "none",
  ineligibleChannelsOrigin: "none",
  ineligibleOptionalLanguagesOrigin: "none",
  zoneOrigin: "none",
  modeOrigin: "none",
  ineligibleAccountOrigin: "none",
  ineligibleObligationsOrigin: "none",
  ineligibleWhenOrigin: "none",
} as const satisfies Record<keyof CreditsIR, IrFieldUse>;

/**
 * Every field of a calendar and what the SQL target does with it: the tables hold each
 * calendar's windows and business days from `calendarRows` (`calendar-tables.ts`), which reads
 * them all; a calendar taking its zone or holidays from the ticket is refused (`unsupported.ts`).
 */
export const CALENDAR_FIELDS = {
  name: "ticket",
  kind: "ticket",
  zone: "ticket",
  week: "ticket",
  holidays: "ticket",
  closures: "ticket",
  openings: "ticket",
  yearly: "ticket",
  zoneFromTicket: "ticket",
  holidaysFromTicket: "ticket",
  // IR 16: a union's members, each with its own zone, holidays and closures, read by `calendarRows` like the rest.
  members: "ticket",
  origin: "none",
  // IR 16: the `open during` line, for `sla diff` to cite; no answer reads it.
  duringOrigin: "none",
} as const satisfies Record<keyof CalendarIR, IrFieldUse>;

/** Every field name of any member of a union (a goal's kinds have fields of their own). */
type FieldOfAny<T> = T extends unknown ? keyof T : never;

/**
 * Every field of a goal, over all its kinds, and what the SQL target does with it: `sla_goals`
 * holds the kind, the amount and, since IR 16, whether the goal is met only strictly before its
 * due (`strict`, read by `sla_target_status` as `statusOf` reads it).
 */
export const GOAL_FIELDS = {
  kind: "ticket",
  ms: "ticket",
  days: "ticket",
  // IR 16: `< 1 hour`, breached by a stop or an `asOf` at the due itself.
  strict: "ticket",
  // Kept in `sla_goals.goal` for a reader; no status or due depends on the words.
  text: "none",
} as const satisfies Record<FieldOfAny<Goal>, IrFieldUse>;

/**
 * Every field of an escalation level's threshold, over all its kinds, and what the SQL target
 * does with it (`sla_levels`): business and elapsed time, a share of a target's goal, and since
 * IR 16 a count of business days (`days`, its budget looked up as a business-day goal's).
 */
export const LEVEL_AFTER_FIELDS = {
  kind: "ticket",
  ms: "ticket",
  percent: "ticket",
  target: "ticket",
  // IR 16: `2 business days`, the close of the second business day after the clock's start.
  days: "ticket",
  // `sla_escalation_results.after_text`, as `sla eval` reports the level.
  text: "ticket",
} as const satisfies Record<FieldOfAny<EscalationAfter>, IrFieldUse>;

/** The names of the fields of `table` that only settlement reads. */
export function settlementFields<K extends string>(table: Readonly<Record<K, IrFieldUse>>): K[] {
  return (Object.keys(table) as K[]).filter((k) => table[k] === "settlement");
}
