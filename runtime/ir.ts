/**
 * The compiled form of a policy: plain JSON, versioned, validated by zod.
 *
 * This is the only module shared between the compiler (which produces it) and the runtime (which
 * consumes it). The runtime never sees the grammar: everything it needs is here, including the
 * source location and text of each clause, so results and traces can cite the contract.
 */
import { z } from "zod";

import { FEE_OFFSET_LIMITS, IR_VERSION, isPercentText, PERCENT_TEXT } from "./ir-constants.js";

// The plain values live in a zod-free module so the compiler (and `sla check`) need not load zod.
export { FEE_OFFSET_LIMITS, IR_VERSION, isPercentText, isStrict } from "./ir-constants.js";

/** Where a clause came from: file, 1-based line and column, and the clause's own text. */
export const SourceRefSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  text: z.string(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * The clause that states a field whose value cannot carry an `origin` of its own (a percentage,
 * a flag, a list of names, or a step shared with other clauses): it sits beside the field as
 * `<field>Origin`, so `sla diff` cites the line that changed rather than its block's header.
 * Optional (an IR made by hand may omit it); nothing but citations reads it, and a key ending in
 * `Origin` is, like `origin`, never compared as meaning.
 */
const ClauseOrigin = SourceRefSchema.optional();

/** Minutes after local midnight, 0..1440 (1440 is `24:00`). */
const Minute = z.number().int().min(0).max(1440);
/** A local calendar date `YYYY-MM-DD`. */
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One open window `[from, to)` in local wall time, minutes after midnight. */
export const WindowSchema = z.object({ from: Minute, to: Minute });
export type Window = z.infer<typeof WindowSchema>;

const Month = z.number().int().min(1).max(12);
/** 0 = Monday … 6 = Sunday. */
const WeekdayIndex = z.number().int().min(0).max(6);

/**
 * A date of every year (issue 11.6): a fixed `date` (`Dec 24`; Feb 29 closes in leap years
 * only), or the `nth` weekday of a month (`third Mon of Jan`: nth 3; `last Mon of May`: nth -1;
 * a fifth weekday closes nothing in the years that lack one); `dayAfter`: the date after it
 * (`day after fourth Thu of Nov`, which may fall in the next month or year).
 */
export const YearDaySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("date"), month: Month, day: z.number().int().min(1).max(31), dayAfter: z.literal(true).optional() }),
  z.object({ kind: z.literal("nth"), month: Month, weekday: WeekdayIndex, nth: z.number().int().min(-1).max(5), dayAfter: z.literal(true).optional() }),
]);
export type YearDayIR = z.infer<typeof YearDaySchema>;

/**
 * Where a date that falls on one of the `on` weekdays (Sat/Sun) is observed: `nearest` weekday
 * (Sat → Fri, Sun → Mon), the `next` weekday (→ Mon), or `nextFree`: the next weekday on which
 * no other whole-day rule of the calendar falls (the UK substitute day: Christmas on a Saturday
 * → Monday 27, Boxing Day → Tuesday 28). The observed date may lie in the neighbouring year
 * (Jan 1 on a Saturday is observed on Dec 31).
 */
export const ObservedSchema = z.object({ mode: z.enum(["nearest", "next", "nextFree"]), on: z.array(WeekdayIndex) });

/** One yearly closure or rule holiday of a calendar (issue 11.6). */
export const YearlyClosureSchema = z.object({
  name: z.string().nullable(),
  holiday: z.boolean(),
  day: YearDaySchema,
  observed: ObservedSchema.nullable(),
  /** `null`: the whole date; else the parts closed (as for `closures`). */
  windows: z.array(WindowSchema).nullable(),
  origin: SourceRefSchema,
});
export type YearlyClosureIR = z.infer<typeof YearlyClosureSchema>;

/**
 * A calendar (SPEC §2.2). `week[0]` is Monday … `week[6]` Sunday.
 * `always` is 24x7; `days` is a days-only calendar (its windows are 00:00–24:00).
 */
const calendarFields = {
  name: z.string(),
  kind: z.enum(["hours", "always", "days"]),
  zone: z.string(),
  week: z.array(z.array(WindowSchema)).length(7),
  /** Public holidays from date-holidays, closing whole local dates (SPEC §2.4). */
  holidays: z.array(z.object({ country: z.string(), region: z.string().nullable() })),
  /** Closed dates: the whole day, or the part given by `windows`. */
  closures: z.array(
    z.object({ date: LocalDate, windows: z.array(WindowSchema).nullable(), origin: SourceRefSchema }),
  ),
  /** Extra openings on a date, added after closures. */
  openings: z.array(z.object({ date: LocalDate, windows: z.array(WindowSchema), origin: SourceRefSchema })),
  /**
   * Dates closed every year (issue 11.6): `closed every Dec 24 from 14:00` (`holiday` false) and
   * a vendor's own holidays `holiday "Thanksgiving" fourth Thu of Nov` (`holiday` true: whole
   * days, dropped by `open on holidays`). Absent when the calendar has none.
   */
  yearly: z.array(YearlyClosureSchema).optional(),
  /** `zone from ticket`: the ticket's `customer.zone` replaces `zone` (issue 11). */
  zoneFromTicket: z.literal(true).optional(),
  /** `holidays from ticket`: the ticket's `customer.holidays` are added to `holidays`. */
  holidaysFromTicket: z.literal(true).optional(),
  origin: SourceRefSchema,
};

/** A calendar a `union` is open during: any calendar but a union (a union's members are flattened into it). */
export const MemberCalendarSchema = z.object(calendarFields);
export type MemberCalendarIR = z.infer<typeof MemberCalendarSchema>;

export const CalendarSchema = z.object({
  ...calendarFields,
  /**
   * `union` (`open during emea_hours, americas_hours`, IR 16): open whenever any of `members` is,
   * each in its own zone with its own holidays and closures; `zone` is where its local dates
   * (business days, results) are read. Its own `week` is empty and it has no holidays, closures,
   * openings or yearly rules.
   */
  kind: z.enum(["hours", "always", "days", "union"]),
  members: z.array(MemberCalendarSchema).optional(),
  /** A union's `open during` line, for `sla diff` to cite (IR 16); no answer reads it. */
  duringOrigin: SourceRefSchema.optional(),
});
export type CalendarIR = z.infer<typeof CalendarSchema>;

/**
 * One test on a ticket (issue 11): its priority, plan, cause, channel or an enumerated field is one of
 * `values`, or a flag is set. A condition is a list of tests that must all hold.
 */
export const TestSchema = z.discriminatedUnion("on", [
  z.object({ on: z.literal("priority"), values: z.array(z.string()) }),
  z.object({ on: z.literal("plan"), values: z.array(z.string()) }),
  z.object({ on: z.literal("cause"), values: z.array(z.string()) }),
  /** The channel the ticket came in by (`for channel phone`). */
  z.object({ on: z.literal("channel"), values: z.array(z.string()) }),
  z.object({ on: z.literal("field"), field: z.string(), values: z.array(z.string()) }),
  z.object({ on: z.literal("flag"), flag: z.string() }),
]);
export type TestIR = z.infer<typeof TestSchema>;
export const ConditionSchema = z.array(TestSchema);
export type ConditionIR = z.infer<typeof ConditionSchema>;

/** A calendar for the tickets meeting `when`; the first rule written that holds wins (docs/language.md). */
export const CalendarRuleSchema = z.object({ calendar: z.string(), when: ConditionSchema, origin: SourceRefSchema });
export type CalendarRuleIR = z.infer<typeof CalendarRuleSchema>;

/** Ticket event kinds (SPEC §3). `open` is the ticket's `openedAt`, usable in clock rules. */
export const EventKindSchema = z.enum(["open", "approve", "pause", "resume", "respond", "resolve", "reprioritize", "reopen"]);
export type EventKind = z.infer<typeof EventKindSchema>;

/** A built-in event kind, or the name of an event the policy declares (`event escalation_requested`). */
const ClockEventSchema = z.string();

/** What starts, pauses, resumes and stops a clock (SPEC §2.14). */
export const ClockSchema = z.object({
  start: z.array(ClockEventSchema),
  pause: z.array(ClockEventSchema),
  resume: z.array(ClockEventSchema),
  stop: z.array(ClockEventSchema),
  /**
   * A recurring obligation (issue 11.5): each of these events ends the running interval and
   * starts the next, until the stop; absent for a one-shot target.
   */
  restart: z.array(ClockEventSchema).optional(),
  /**
   * `reopen within 7 days` (IR 13): a `reopen` event at most this many ms after the ticket's last
   * `resolve` runs the stopped clock again from the reopen, counting on from where it stopped;
   * absent when the target does not reopen.
   */
  reopenWithinMs: z.number().int().positive().optional(),
});
export type ClockIR = z.infer<typeof ClockSchema>;

/** A goal (SPEC §2.5–2.9). Durations are in milliseconds; `text` is how the policy wrote it. */
/** `< 1 hour` (IR 16): met only when the clock stops strictly before the due; absent for `1 hour` (met at the due itself, SPEC §2.13). */
const Strict = z.literal(true).optional();
export const GoalSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("business"), ms: z.number().nonnegative(), text: z.string(), strict: Strict }),
  z.object({ kind: z.literal("elapsed"), ms: z.number().nonnegative(), text: z.string(), strict: Strict }),
  z.object({ kind: z.literal("businessDays"), days: z.number().int().positive(), text: z.string(), strict: Strict }),
  /** `3 support days` (issue 11 follow-up): due at the start's offset into its support day, `days` support days later. */
  z.object({ kind: z.literal("supportDays"), days: z.number().int().positive(), text: z.string() }),
  z.object({ kind: z.literal("sameBusinessDay"), text: z.string() }),
  z.object({ kind: z.literal("none"), text: z.string() }),
]);
export type Goal = z.infer<typeof GoalSchema>;

/** One cell of a goal matrix. `null` on an axis the policy does not use. */
export const GoalCellSchema = z.object({
  priority: z.string().nullable(),
  plan: z.string().nullable(),
  goal: GoalSchema,
  /** A `goals for …` section's condition; absent for every ticket. Cells that meet it come first. */
  when: ConditionSchema.optional(),
  origin: SourceRefSchema,
});
export type GoalCell = z.infer<typeof GoalCellSchema>;

export const TargetSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  /** `false` for a non-binding KPI: reported, but never breaches a contract or earns a credit. */
  binding: z.boolean(),
  clock: ClockSchema,
  /** A calendar named by the target itself; otherwise the ticket's region/plan chooses. */
  calendar: z.string().nullable(),
  /** `calendar X for priority P1` in the target: chosen over `calendar` when they hold. */
  calendarRules: z.array(CalendarRuleSchema).optional(),
  goals: z.array(GoalCellSchema),
  origin: SourceRefSchema,
});
export type TargetIR = z.infer<typeof TargetSchema>;

export const RegionSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  calendar: z.string(),
  /** Plan → calendar, where a plan changes the region's hours. */
  planCalendars: z.record(z.string(), z.string()),
  /** `calendar X for priority P1`, `… for phone_escalated` (issue 11): chosen over the plan's when they hold. */
  calendarRules: z.array(CalendarRuleSchema).optional(),
  /** Languages with an SLA; `null` when the region does not restrict languages. */
  languages: z.object({ primary: z.array(z.string()), optional: z.array(z.string()) }).nullable(),
  origin: SourceRefSchema,
});
export type RegionIR = z.infer<typeof RegionSchema>;

export const NamedSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  origin: SourceRefSchema,
});
export type Named = z.infer<typeof NamedSchema>;

/** An escalation threshold: a duration on the escalation clock, or a share of a target's goal. */
export const EscalationAfterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("business"), ms: z.number().nonnegative(), text: z.string() }),
  z.object({ kind: z.literal("elapsed"), ms: z.number().nonnegative(), text: z.string() }),
  z.object({ kind: z.literal("percent"), percent: z.number().min(0).max(100), target: z.string(), text: z.string() }),
  /** `2 business days` (IR 16): at the close of the Nth business day after the clock's start, pushed by paused open time, as a goal of `N business days` is. */
  z.object({ kind: z.literal("businessDays"), days: z.number().int().positive(), text: z.string() }),
]);
export type EscalationAfter = z.infer<typeof EscalationAfterSchema>;

export const EscalationSchema = z.object({
  /** Plans this matrix applies to; `null` for all. */
  plans: z.array(z.string()).nullable(),
  /** Count business time on the calendar the region gives this plan (`null`: the ticket's own). */
  calendarPlan: z.string().nullable(),
  clock: ClockSchema,
  levels: z.array(
    z.object({
      priority: z.string().nullable(),
      after: EscalationAfterSchema,
      role: z.string(),
      origin: SourceRefSchema,
    }),
  ),
  origin: SourceRefSchema,
});
export type EscalationIR = z.infer<typeof EscalationSchema>;

/** Money is a decimal string (`"130.00"`): the runtime does arithmetic with decimal.js only. */
const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

/**
 * A percentage, 0 to 100 with at most 6 decimals, as an exact decimal string (`"20"`, `"0.7"`,
 * `"12.5"`). Every percentage of the credits and fees has this one shape, and its field's name
 * ends in `Percent`. (6 decimals: a ticket result reports its credit as a JSON number, which then
 * names the same decimal exactly.)
 */
const Percent = z
  .string()
  .regex(PERCENT_TEXT)
  .refine(isPercentText, { message: "must be a percentage from 0 to 100 with at most 6 decimals" });

/**
 * The step a credit grows by (`per started 30 minutes`): `ms` of elapsed time; `started` counts a
 * step begun as whole ("or portion thereof"), else only whole steps count.
 */
export const CreditStepSchema = z.object({ ms: z.number().int().positive(), started: z.boolean() });
export type CreditStepIR = z.infer<typeof CreditStepSchema>;

/** Whole days added to the end of the Term (`3 days of term`), a credit that is never money. */
const TermDays = z.number().int().positive().max(3660);

/** Service credits (SPEC §6): the highest row among breached eligible tickets, never a sum. */
export const CreditsSchema = z.object({
  plans: z.array(z.string()).nullable(),
  /** The header's `credits for <plans>` (IR 15; {@link ClauseOrigin}); absent for `credits {`. */
  plansOrigin: ClauseOrigin,
  /** Targets whose breach earns a credit; empty means every binding target. */
  targets: z.array(z.string()),
  /** The `target …` clause (IR 15; {@link ClauseOrigin}). */
  targetsOrigin: ClauseOrigin,
  rows: z.array(z.object({ priority: z.string().nullable(), creditPercent: Percent, origin: SourceRefSchema })),
  /** Months after the period's last month whose end is the claim deadline (1 = end of next month). */
  claimMonthsAfter: z.number().int().nonnegative().nullable(),
  /** The `claim by end of next month` clause (IR 15; {@link ClauseOrigin}). */
  claimMonthsAfterOrigin: ClauseOrigin,
  claimSubject: z.string().nullable(),
  /** The `claim subject "…"` clause (IR 15; {@link ClauseOrigin}). */
  claimSubjectOrigin: ClauseOrigin,
  /** `claim required` (IR 16): the credit is owed only on a claim, which has no deadline; absent when not written. */
  claimRequired: z.literal(true).optional(),
  /** The `claim required` clause (IR 16; {@link ClauseOrigin}). */
  claimRequiredOrigin: ClauseOrigin,
  /** Percent cap of the period's fees, where the policy states one. */
  capPercent: Percent.nullable(),
  /** The `cap N%` clause (IR 15; {@link ClauseOrigin}). */
  capPercentOrigin: ClauseOrigin,
  ineligibleChannels: z.array(z.string()),
  /** The `ineligible channel …` clause (IR 15; {@link ClauseOrigin}). */
  ineligibleChannelsOrigin: ClauseOrigin,
  ineligibleOptionalLanguages: z.boolean(),
  /** The `ineligible optional languages` clause (IR 15; {@link ClauseOrigin}). */
  ineligibleOptionalLanguagesOrigin: ClauseOrigin,
  /** Tickets meeting any of these conditions earn no credit (`ineligible cause x`, `ineligible phone_escalated`). */
  ineligibleWhen: z.array(ConditionSchema).optional(),
  /** The `ineligible …` clause of each condition of `ineligibleWhen`, in its order (IR 15; {@link ClauseOrigin}). */
  ineligibleWhenOrigin: z.array(SourceRefSchema).optional(),
  /** IANA zone in which periods and claims are read, when the policy has no fees to say it. */
  zone: z.string().nullable(),
  /** The credits' `zone "…"` clause (IR 15; {@link ClauseOrigin}). */
  zoneOrigin: ClauseOrigin,
  /**
   * How breaches add up (issue 12): absent or `highest`, the highest row once (SPEC §6); `sum`,
   * each eligible breached ticket's row added; `amount`, `amountPerBreach` for each. `cap` bounds every mode.
   */
  mode: z.enum(["highest", "sum", "amount"]).optional(),
  /** The `sum per breach` or `amount … per breach` clause (IR 15; {@link ClauseOrigin}). */
  modeOrigin: ClauseOrigin,
  /** The fixed credit per eligible breached ticket of mode `amount`, in `currency`. */
  amountPerBreach: z.object({ amount: Decimal, currency: z.string(), origin: SourceRefSchema }).optional(),
  /** More than `aboveBreaches` eligible breached tickets in the period earn `creditPercent`; the highest that holds applies. */
  thresholds: z.array(z.object({ aboveBreaches: z.number().int().nonnegative(), creditPercent: Percent, origin: SourceRefSchema })).optional(),
  /** `claim within 30 days after period|breach`: the claim deadline in days of the billing zone. */
  claimDaysAfter: z.object({ days: z.number().int().nonnegative().max(3660), after: z.enum(["period", "breach", "outage"]) }).optional(),
  /** The `claim within … after …` clause (IR 14; {@link ClauseOrigin}). */
  claimDaysAfterOrigin: ClauseOrigin,
  /** `ineligible account overdue, suspended`: a period whose `account` has one of these standings earns no credit. */
  ineligibleAccount: z.array(z.enum(["overdue", "suspended"])).optional(),
  /** The first `ineligible account …` clause (IR 15; {@link ClauseOrigin}). */
  ineligibleAccountOrigin: ClauseOrigin,
  /** `ineligible obligation keep_updated` (IR 16): no credit for a period whose file lists one of these declared obligations as unmet (`obligationsUnmet`). */
  ineligibleObligations: z.array(z.string()).optional(),
  /** The first `ineligible obligation` clause (IR 16; {@link ClauseOrigin}). */
  ineligibleObligationsOrigin: ClauseOrigin,
  /**
   * `credit per started hour late`: each breached target named by the credits earns its row once
   * for every step of its lateness, the elapsed time from its due to its stop (or the period's end).
   */
  lateStep: CreditStepSchema.optional(),
  /** The `credit per … late` clause (IR 14; {@link ClauseOrigin}). */
  lateStepOrigin: ClauseOrigin,
  /**
   * A `| after | credit |` table: a breach earns the credit of the last row whose elapsed time
   * from the target's start it exceeds at its stop (or the period's end); rows rise in both.
   * `rows` is then empty.
   */
  afterBands: z.array(z.object({ afterMs: z.number().int().positive(), creditPercent: Percent, origin: SourceRefSchema })).optional(),
  /** `credit on next invoice`: the credit of a period is deducted from the invoice of the period after it. */
  onNextInvoice: z.literal(true).optional(),
  /** The `credit on next invoice` clause (IR 14; {@link ClauseOrigin}). */
  onNextInvoiceOrigin: ClauseOrigin,
  /** `no claim for enterprise`: a period of one of these plans owes its credit without a claim (no deadline, no subject). */
  noClaimPlans: z.array(z.string()).optional(),
  /** The first `no claim for …` clause (IR 14; {@link ClauseOrigin}). */
  noClaimPlansOrigin: ClauseOrigin,
  /** `cap 15 days of term` (IR 16): the most days a period's day credits add to the Term. */
  capTermDays: TermDays.optional(),
  /** The `cap … days of term` clause (IR 16; {@link ClauseOrigin}). */
  capTermDaysOrigin: ClauseOrigin,
  /** `cap 100% per target`: the credits of each target are bounded on their own by this share of the fees. */
  capPerTargetPercent: Percent.optional(),
  /** The `cap … per target` clause (IR 14; {@link ClauseOrigin}). */
  capPerTargetOrigin: ClauseOrigin,
  origin: SourceRefSchema,
});
export type CreditsIR = z.infer<typeof CreditsSchema>;

/** How many decimals a measured share is shown to (truncated): `shown to 3 decimals`. */
const ShownDecimals = z.number().int().min(0).max(6);

/**
 * An availability (uptime) commitment (issue 12.3): the share of the period's time (elapsed, or a
 * calendar's open time) not covered by counted outages, against `commitPercent`; below a band's
 * `belowPercent` the band's `creditPercent` of the period's fees is owed. Bands are ordered by
 * falling `belowPercent` with rising `creditPercent` (the checker refuses others), so less
 * availability never earns less credit.
 */
export const AvailabilitySchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  commitPercent: Percent,
  /** Outages of these components count; `null`: every outage. */
  components: z.array(z.string()).nullable(),
  /** Measured over elapsed time, or over the open time of a calendar of the policy. */
  over: z.discriminatedUnion("kind", [z.object({ kind: z.literal("elapsed") }), z.object({ kind: z.literal("calendar"), calendar: z.string() })]),
  /**
   * Scheduled maintenance that does not count: announced at least `announcedAheadMs` before it
   * starts (`null`: any scheduled outage), up to `capMs` per period (`null`: no cap), measured
   * as availability is.
   */
  excuse: z
    .object({
      announcedAheadMs: z.number().int().nonnegative().nullable(),
      capMs: z.number().int().nonnegative().nullable(),
      /** `within calendar w`: only the part of a scheduled outage inside this calendar's open time is excused. */
      within: z.string().optional(),
      /** `up to 2 hours each`: the most excused of any one outage (measured as availability is); the rest counts. */
      eachMs: z.number().int().nonnegative().optional(),
      origin: SourceRefSchema,
    })
    .nullable(),
  /** `excuse cause force_majeure, customer`: outages with one of these causes do not count (issue 12 follow-up). */
  excusedCauses: z.array(z.string()).optional(),
  /** `for foundation`: settled only for periods of these plans; absent: every period. */
  plans: z.array(z.string()).optional(),
  /**
   * `commit 99.9% per quarter starting Apr 1`: the commitment's own window, judged only in a
   * settled period that is exactly one such window; absent: judged in every period.
   */
  window: z.object({ unit: z.enum(["month", "quarter", "year"]), startMonth: z.number().int().min(1).max(12) }).optional(),
  /** The `commit …` clause, which states `commitPercent` and `window` (IR 14; {@link ClauseOrigin}). */
  commitOrigin: ClauseOrigin,
  /**
   * `credit 10 × downtime fee`: the credit when the commitment is missed is this multiple
   * (decimal text) of the fee paid for the downtime, the period's fees × downtime ÷ the period's
   * measured time; `bands` is then empty.
   */
  downtimeFeeMultiple: z.string().regex(/^\d{1,6}(\.\d{1,6})?$/).optional(),
  /** The `credit N × downtime fee` clause (IR 14; {@link ClauseOrigin}). */
  downtimeFeeMultipleOrigin: ClauseOrigin,
  /**
   * `credit 5% per started 30 minutes, up to 100%`: when the commitment is missed, `creditPercent`
   * of the period's fees for each step of the period's counted downtime (a step begun counts whole
   * when `started`), at most `upToPercent`; `bands` is then empty.
   */
  stepCredit: z.object({ creditPercent: Percent, step: CreditStepSchema, upToPercent: Percent.optional(), origin: SourceRefSchema }).optional(),
  decimals: ShownDecimals,
  /**
   * `| 99.5% | 3 days of term |` (IR 16): a band's `termDays` is the days it adds to the end of the
   * Term, not money; its `creditPercent` is then `"0"`. Every band of a table credits days, or none.
   */
  bands: z.array(z.object({ belowPercent: Percent, creditPercent: Percent, termDays: TermDays.optional(), origin: SourceRefSchema })),
  origin: SourceRefSchema,
});
export type AvailabilityIR = z.infer<typeof AvailabilitySchema>;

/**
 * An objective over a share of tickets (issue 12.4): at least `sharePercent` of the period's
 * tickets meeting `when` that were decided on `target` (met or breached) met it; when missed,
 * `creditPercent` of the period's fees is owed.
 */
export const ObjectiveSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  target: z.string(),
  sharePercent: Percent,
  /** The tickets the share is taken over; empty: every ticket the target applies to. */
  when: ConditionSchema,
  creditPercent: Percent.nullable(),
  decimals: ShownDecimals,
  origin: SourceRefSchema,
});
export type ObjectiveIR = z.infer<typeof ObjectiveSchema>;

/** A number of months as a decimal string, at most {@link FEE_OFFSET_LIMITS}`.months`. */
const Months = z
  .string()
  .regex(/^\d{1,4}(\.\d+)?$/)
  .refine((m) => Number(m.split(".")[0]) < FEE_OFFSET_LIMITS.months || /^0*1200(\.0*)?$/.test(m), { message: `must be at most ${FEE_OFFSET_LIMITS.months} months` });
/** A number of days, at most {@link FEE_OFFSET_LIMITS}`.days`. */
const Days = z.number().int().nonnegative().max(FEE_OFFSET_LIMITS.days);

/**
 * A charge of the period (issue 12.5): a stated `amount`, an amount the period file states
 * (`fromPeriod`), or `chargePercent` of another charge's amount, at least `minimum`
 * ("extended hours: 20 % of the licence fee, at least EUR 2,000"). The base is a charge that is
 * not itself a percentage (the checker says so). Amounts are in the fees' currency.
 */
export const ChargeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), name: z.string(), title: z.string().nullable(), amount: Decimal, origin: SourceRefSchema }),
  z.object({ kind: z.literal("fromPeriod"), name: z.string(), title: z.string().nullable(), origin: SourceRefSchema }),
  z.object({ kind: z.literal("percentOf"), name: z.string(), title: z.string().nullable(), chargePercent: Percent, base: z.string(), minimum: Decimal.nullable(), origin: SourceRefSchema }),
]);
export type ChargeIR = z.infer<typeof ChargeSchema>;

/**
 * The settlement period (issue 12.2), read in the billing zone: calendar months, or quarters or
 * years that start on the first day of `startMonth` ("quarters starting February 1": 2).
 * Absent: months, and a period file may give any dates (SPEC §6 as it was).
 */
export const SettlementPeriodSchema = z.object({
  unit: z.enum(["month", "quarter", "year"]),
  startMonth: z.number().int().min(1).max(12),
  origin: SourceRefSchema,
});
export type SettlementPeriodIR = z.infer<typeof SettlementPeriodSchema>;

export const FeesSchema = z.object({
  currency: z.string(),
  /** The `currency …` clause (IR 15; {@link ClauseOrigin}). */
  currencyOrigin: ClauseOrigin,
  /** VAT on top of the subtotal: `vatPercent` from the policy, or the period's `vatRate` when `null`. */
  vat: z.object({ applies: z.boolean(), vatPercent: Percent.nullable() }),
  /** The `plus VAT` or `VAT N%` clause that states `vat` (IR 15; {@link ClauseOrigin}). */
  vatOrigin: ClauseOrigin,
  /** Hourly rate for work matching `kind` and/or `regime` (`null` = any). */
  rates: z.array(
    z.object({ kind: z.string().nullable(), regime: z.string().nullable(), amount: Decimal, origin: SourceRefSchema }),
  ),
  /** Kinds of work that are never billed. */
  free: z.array(z.string()),
  /** The first `free …` clause (IR 15; {@link ClauseOrigin}). */
  freeOrigin: ClauseOrigin,
  /** Free hours per calendar month for a regime; the excess is billed at `excessRegime`'s rate. */
  allowances: z.array(
    z.object({ regime: z.string(), hours: Decimal, excessRegime: z.string().nullable(), origin: SourceRefSchema }),
  ),
  /** Prepaid packages bought as a plan (regime) of their own. */
  packages: z.array(
    z.object({
      plan: z.string(),
      price: Decimal,
      options: z.array(z.object({ regime: z.string(), hours: Decimal })),
      /** The kind of work that draws from the package. */
      draws: z.string(),
      buyWithinMonths: Months.nullable(),
      expiresAfterMonths: Months.nullable(),
      /** The date those months count from: a field of the period (`trialStart`). */
      from: z.string(),
      origin: SourceRefSchema,
    }),
  ),
  invoice: z.object({
    schedule: z.enum(["monthly", "quarterly", "yearly"]),
    /** Issued this many days after the period ends, or on this day of the next month. */
    issue: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("daysAfterPeriod"), days: Days }),
      z.object({ kind: z.literal("dayOfNextMonth"), day: z.number().int().min(1).max(31) }),
    ]),
    due: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("netDays"), days: Days }),
      z.object({ kind: z.literal("endOfMonth") }),
    ]),
  }),
  /** The `invoice …` clause, which states the schedule and issue date (IR 15; {@link ClauseOrigin}). */
  invoiceOrigin: ClauseOrigin,
  /** The `payment …` clause, which states `invoice.due` (IR 15; {@link ClauseOrigin}). */
  invoiceDueOrigin: ClauseOrigin,
  /** Simple interest on the total: `chargePercent` of it for each started month of lateness. */
  lateCharge: z.object({ chargePercent: Percent, per: z.literal("startedMonth") }).nullable(),
  /** The `late charge …` clause (IR 15; {@link ClauseOrigin}). */
  lateChargeOrigin: ClauseOrigin,
  /** Charges of the period (issue 12.5), each an invoice line; absent when the policy has none. */
  charges: z.array(ChargeSchema).optional(),
  /** Free hours of a kind of work per week, calendar month or quarter (issue 12.5); absent when none. */
  workAllowances: z.array(z.object({ kind: z.string(), hours: Decimal, per: z.enum(["week", "month", "quarter"]), origin: SourceRefSchema })).optional(),
  /** Hours of work counted outside billing (issue 12.5): of a kind (`null`: every kind), or of a `regime` (a plan's included hours). */
  quotas: z
    .array(
      z.object({
        kind: z.string().nullable(),
        regime: z.string().optional(),
        hours: Decimal,
        per: z.enum(["week", "month", "quarter"]),
        /** `rollover`: the unused hours of a bucket are carried to the next (issue 12 follow-up). */
        rollover: z.literal(true).optional(),
        /** `rollover until end of term`: carried hours expire at the end of the Term the period file gives (`termEnds`). */
        rolloverExpires: z.literal("term").optional(),
        origin: SourceRefSchema,
      }),
    )
    .optional(),
  /** IANA zone in which billing dates and claims are read. */
  zone: z.string(),
  /** The fees' `zone "…"` clause; absent when the zone is the default calendar's (IR 15; {@link ClauseOrigin}). */
  zoneOrigin: ClauseOrigin,
  origin: SourceRefSchema,
});
export type FeesIR = z.infer<typeof FeesSchema>;

/** An expectation of an `example` case (SPEC §4 `sla test`). */
export const ExpectationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("target"),
    target: z.string(),
    status: z.enum(["met", "breached", "pending", "paused", "none"]).nullable(),
    due: z.string().nullable(),
    /** true when the example says `due none` */
    dueNone: z.boolean(),
    /** `2 breaches`: the missed intervals of a recurring target (issue 11.5) */
    breaches: z.number().int().nonnegative().optional(),
    origin: SourceRefSchema,
  }),
  z.object({ kind: z.literal("escalation"), role: z.string(), at: z.string().nullable(), origin: SourceRefSchema }),
  z.object({ kind: z.literal("noEscalation"), origin: SourceRefSchema }),
  z.object({ kind: z.literal("credit"), percent: z.number().nullable(), origin: SourceRefSchema }),
  /** Issue 12.3: an availability as shown (`"99.876"`), compared as text. */
  z.object({ kind: z.literal("availability"), name: z.string(), percent: z.string(), origin: SourceRefSchema }),
  /** Issue 12.4: whether an objective was met in the period. */
  z.object({ kind: z.literal("objective"), name: z.string(), status: z.enum(["met", "missed"]), origin: SourceRefSchema }),
  /** A settlement field compared as text, e.g. `total` = `"70.79"`, `credit.amount` = `"2400.00"`. */
  z.object({ kind: z.literal("settle"), field: z.string(), value: z.string(), origin: SourceRefSchema }),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const ExampleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ticket"),
    name: z.string(),
    /** The ticket in the JSON shape of SPEC §3 (not yet validated: `sla test` validates it). */
    ticket: z.record(z.string(), z.unknown()),
    expectations: z.array(ExpectationSchema),
    origin: SourceRefSchema,
  }),
  z.object({
    kind: z.literal("settle"),
    name: z.string(),
    /** The period file (SPEC §6 JSON), relative to the policy file. */
    periodFile: z.string(),
    expectations: z.array(ExpectationSchema),
    origin: SourceRefSchema,
  }),
]);
export type ExampleIR = z.infer<typeof ExampleSchema>;

export const PolicySchema = z.object({
  irVersion: z.literal(IR_VERSION),
  id: z.string(),
  title: z.string().nullable(),
  calendars: z.array(CalendarSchema),
  /** The calendar used when no region and no target chooses one. */
  defaultCalendar: z.string().nullable(),
  regions: z.array(RegionSchema),
  plans: z.array(NamedSchema),
  priorities: z.array(NamedSchema),
  roles: z.array(NamedSchema),
  channels: z.array(z.string()),
  targets: z.array(TargetSchema),
  exclusions: z.object({
    channels: z.array(z.object({ channel: z.string(), reason: z.string().nullable(), origin: SourceRefSchema })),
    /** Causes whose tickets have no SLA (`exclude cause x`); a ticket's `cause` applies them. */
    causes: z.array(NamedSchema),
    /** `exclude product beta`, `exclude beta_feature`: tickets meeting `when` have no SLA. */
    attributes: z.array(z.object({ when: ConditionSchema, reason: z.string().nullable(), origin: SourceRefSchema })).optional(),
  }),
  /**
   * Caps on the level that judges a ticket (`priority at most P3 for environment non_production`,
   * issue 11/12 follow-up): a ticket meeting `when` is judged at `level` whenever a more urgent
   * level (earlier in `priorities`) is in force. Absent when the policy has none.
   */
  priorityCaps: z.array(z.object({ level: z.string(), when: ConditionSchema, reason: z.string().nullable(), origin: SourceRefSchema })).optional(),
  /** Ticket attributes (issue 11): enumerated fields with their values, and boolean flags. */
  fields: z.array(z.object({ name: z.string(), title: z.string().nullable(), values: z.array(NamedSchema), origin: SourceRefSchema })).optional(),
  flags: z.array(NamedSchema).optional(),
  /** Every cause a ticket may give (declared with `cause` or `exclude cause`). */
  causes: z.array(NamedSchema).optional(),
  /** Events the policy declares for its clock rules (`event escalation_requested`). */
  events: z.array(NamedSchema).optional(),
  escalations: z.array(EscalationSchema),
  credits: CreditsSchema.nullable(),
  /** Availability commitments (issue 12.3); absent when the policy has none. */
  availability: z.array(AvailabilitySchema).optional(),
  /** Objectives over a share of tickets (issue 12.4); absent when the policy has none. */
  objectives: z.array(ObjectiveSchema).optional(),
  fees: FeesSchema.nullable(),
  /** The settlement period `period quarter starting Feb 1` (issue 12.2); absent: months, any dates. */
  period: SettlementPeriodSchema.optional(),
  /** Kinds of work the fees distinguish (`bug_fix`, `onboarding`, …). */
  works: z.array(NamedSchema),
  obligations: z.array(NamedSchema),
  examples: z.array(ExampleSchema),
});
export type PolicyIR = z.infer<typeof PolicySchema>;
