/**
 * The syntax tree of a policy: discriminated unions on `kind`, every node with its `span`.
 * Parts a broken file lacks are `null` (the parser recovered past them); the checker reports
 * on what is there and never guesses what is not.
 */
import type { Span } from "../grammar/source.js";

export interface Name {
  readonly text: string;
  readonly span: Span;
}

export interface Str {
  readonly value: string;
  readonly span: Span;
}

export interface Lit<T> {
  readonly value: T;
  readonly span: Span;
}

export type UnitName = "minute" | "hour" | "day" | "week" | "month";

export interface Duration {
  readonly kind: "duration";
  readonly amount: number;
  /** The number as written (`2.5`), for exact decimal use in fees. */
  readonly amountText: string;
  readonly business: boolean;
  readonly unit: UnitName;
  readonly span: Span;
}

/** One table cell. Header words (`priority`, `goal`, `after`, `to`, …) are `word` cells. */
export type Cell =
  | Duration
  /** `< 1 hour`: a goal met only strictly before its due. */
  | { readonly kind: "under"; readonly duration: Duration; readonly span: Span }
  /** `3 days of term`: a credit of days added to the end of the Term, not money. */
  | { readonly kind: "termDays"; readonly duration: Duration; readonly span: Span }
  | { readonly kind: "nextBusinessDay"; readonly span: Span }
  /** `3 support days`: whole days of the calendar's support hours (issue 11 follow-up) */
  | { readonly kind: "supportDays"; readonly amount: number; readonly span: Span }
  | { readonly kind: "sameBusinessDay"; readonly span: Span }
  | { readonly kind: "bestEffort"; readonly span: Span }
  | { readonly kind: "percent"; readonly value: number; readonly of: Name | null; readonly span: Span }
  | { readonly kind: "name"; readonly name: Name; readonly span: Span }
  /** `product x` in a goal matrix's header: the column of the tickets whose field has that value */
  | { readonly kind: "attribute"; readonly field: Name; readonly value: Name; readonly span: Span }
  | { readonly kind: "word"; readonly word: string; readonly span: Span }
  | { readonly kind: "none"; readonly span: Span };

export interface Row {
  readonly cells: readonly Cell[];
  readonly span: Span;
}

export interface Table {
  readonly kind: "table";
  readonly rows: readonly Row[];
  readonly span: Span;
}

export interface Window {
  readonly from: Lit<number>;
  readonly to: Lit<number>;
  readonly span: Span;
}

export interface DayRange {
  /** 0 = Monday … 6 = Sunday */
  readonly from: Lit<number>;
  readonly to: Lit<number> | null;
  readonly span: Span;
}

/**
 * Which tickets a clause applies to (issue 11): `axis` is `priority`, `cause`, `channel` or an enumerated
 * field's name, and `values` its values; with no axis, `values` are plans (`for gold, platinum`)
 * or a single flag (`for phone_escalated`), told apart by the checker.
 */
export interface Condition {
  /** Further conditions joined by `and`, which must hold too. */
  readonly also?: readonly Condition[];
  readonly axis: { readonly kind: "priority" | "cause" | "channel"; readonly span: Span } | { readonly kind: "field"; readonly field: Name; readonly span: Span } | null;
  readonly values: readonly Name[];
  readonly span: Span;
}

/**
 * A date of every year (issue 11.6): `Dec 24` (month 1–12, day as written), or the `nth` weekday
 * of a month (`third Mon of Jan`: nth 3; `last Mon of May`: nth -1; weekday 0 = Monday).
 */
export type YearDay = (
  | { readonly kind: "date"; readonly month: Lit<number>; readonly day: Lit<number>; readonly span: Span }
  | { readonly kind: "nth"; readonly nth: Lit<number>; readonly weekday: Lit<number>; readonly month: Lit<number>; readonly span: Span }
) & {
  /** `day after …`: the date after the one described (the Friday after Thanksgiving) */
  readonly dayAfter: boolean;
};

/**
 * `observed nearest weekday`, `observed next weekday when on Sun`, `observed next free weekday`
 * (`nextFree`: past the calendar's other holidays): `on` empty means Sat and Sun.
 */
export interface Observed {
  readonly mode: "nearest" | "next" | "nextFree";
  readonly on: readonly DayRange[];
  readonly span: Span;
}

export type CalendarItem =
  /** `zone "Europe/Rome"`, or `zone from ticket` (`fromTicket`, `zone` null). */
  | { readonly kind: "zone"; readonly zone: Str | null; readonly fromTicket: boolean; readonly span: Span }
  | { readonly kind: "holidays"; readonly codes: readonly Str[]; readonly fromTicket: boolean; readonly span: Span }
  | { readonly kind: "openOnHolidays"; readonly span: Span }
  /** `open during emea_hours, americas_hours`: open whenever any of these calendars is (follow-the-sun). */
  | { readonly kind: "openDuring"; readonly calendars: readonly Name[]; readonly span: Span }
  | {
      readonly kind: "closed";
      readonly date: Lit<string> | null;
      /** `closed 2026-12-29 to 2027-01-03`: the last date of a range (issue 11.6) */
      readonly until: Lit<string> | null;
      /** `from 13:00`: closed from then to the end of the day */
      readonly from: Lit<number> | null;
      readonly windows: readonly Window[];
      readonly span: Span;
    }
  /** `closed every Dec 24 from 14:00` (`holiday` false) or `holiday "Thanksgiving" fourth Thu of Nov` (issue 11.6) */
  | {
      readonly kind: "yearly";
      readonly holiday: boolean;
      readonly name: Str | null;
      readonly day: YearDay | null;
      readonly observed: Observed | null;
      readonly from: Lit<number> | null;
      readonly windows: readonly Window[];
      readonly span: Span;
    }
  | { readonly kind: "opening"; readonly date: Lit<string> | null; readonly windows: readonly Window[]; readonly span: Span }
  | { readonly kind: "always"; readonly span: Span }
  | { readonly kind: "days"; readonly days: readonly DayRange[]; readonly span: Span }
  | { readonly kind: "hours"; readonly days: readonly DayRange[]; readonly windows: readonly Window[]; readonly span: Span };

export interface CalendarDecl {
  readonly kind: "calendar";
  readonly name: Name | null;
  readonly title: Str | null;
  readonly parent: Name | null;
  readonly items: readonly CalendarItem[];
  readonly span: Span;
}

/** `calendar X`, `calendar X for gold, platinum`, `calendar for gold`, `calendar X for priority P1` */
export interface CalendarRef {
  readonly kind: "calendarRef";
  readonly calendar: Name | null;
  /** The names after `for` when the condition has no axis (plans, or a flag); else empty. */
  readonly plans: readonly Name[];
  /** The whole `for …` condition, or null without `for`. */
  readonly when: Condition | null;
  readonly span: Span;
}

export interface LanguagesClause {
  readonly kind: "languages";
  readonly optional: boolean;
  readonly codes: readonly Name[];
  readonly span: Span;
}

export interface RegionDecl {
  readonly kind: "region";
  readonly name: Name | null;
  readonly title: Str | null;
  readonly items: readonly (CalendarRef | LanguagesClause)[];
  readonly span: Span;
}

export type NamedKind = "plan" | "priority" | "role" | "channel" | "work" | "obligation" | "flag" | "event" | "cause";

/** `field product "Product" { x "Product X" … }`: an enumerated ticket attribute (issue 11). */
export interface FieldDecl {
  readonly kind: "field";
  readonly name: Name | null;
  readonly title: Str | null;
  readonly values: readonly { readonly name: Name; readonly text: Str | null; readonly span: Span }[];
  readonly span: Span;
}

export interface NamedDecl {
  readonly kind: "named";
  readonly what: NamedKind;
  readonly keywordSpan: Span;
  readonly name: Name | null;
  readonly parent: Name | null;
  readonly text: Str | null;
  readonly span: Span;
}

/**
 * `priority at most P3 for environment non_production "…"` (issue 11/12 follow-up): the tickets
 * meeting `when` are judged at `level` whenever a more urgent level is in force.
 */
export interface PriorityCapDecl {
  readonly kind: "priorityCap";
  readonly level: Name | null;
  readonly when: Condition | null;
  readonly text: Str | null;
  readonly span: Span;
}

export interface ExcludeDecl {
  readonly kind: "exclude";
  /** `attribute`: `exclude product beta` (a field's value) or `exclude beta_feature` (a flag). */
  readonly what: "channel" | "cause" | "attribute";
  /** The field of an `attribute` exclusion of a value; null for a flag and the other kinds. */
  readonly field: Name | null;
  readonly name: Name | null;
  readonly text: Str | null;
  readonly span: Span;
}

export type EventKindName = "open" | "approve" | "pause" | "resume" | "respond" | "resolve" | "reprioritize" | "reopen";

/** A built-in event, or one the policy declares (`event escalation_requested`; `declared`). */
export interface EventRef extends Lit<string> {
  readonly declared: boolean;
}

export interface ClockRule {
  readonly kind: "clockRule";
  readonly rule: "start" | "pause" | "resume" | "stop" | "restart";
  readonly events: readonly EventRef[];
  readonly span: Span;
}

export interface TargetDecl {
  readonly kind: "target";
  readonly name: Name | null;
  readonly title: Str | null;
  readonly clock: readonly ClockRule[];
  readonly kpi: { readonly text: Str | null; readonly span: Span } | null;
  readonly calendars: readonly CalendarRef[];
  readonly goals: readonly GoalsTable[];
  /** `reopen within 7 days`: how long after a `resolve` a `reopen` runs the stopped clock again. */
  readonly reopens: readonly ReopenClause[];
  readonly span: Span;
}

/** `reopen within 7 days` in a target (Jama's seven-day reopening of a solved request). */
export interface ReopenClause {
  readonly window: Duration | null;
  readonly span: Span;
}

/** A goal matrix, for every ticket (`when` null) or a section `goals for product a, b { … }`. */
export interface GoalsTable extends Table {
  readonly when: Condition | null;
}

export interface EscalationDecl {
  readonly kind: "escalation";
  readonly plans: readonly Name[];
  readonly clock: readonly ClockRule[];
  readonly calendars: readonly CalendarRef[];
  readonly tables: readonly Table[];
  readonly span: Span;
}

export type CreditsItem =
  | { readonly kind: "zone"; readonly zone: Str | null; readonly fromTicket: boolean; readonly span: Span }
  | { readonly kind: "targets"; readonly targets: readonly Name[]; readonly span: Span }
  | Table
  | { readonly kind: "claimByEndOfNextMonth"; readonly span: Span }
  | { readonly kind: "claimSubject"; readonly subject: Str | null; readonly span: Span }
  /** `claim required`: the credit is owed only on a claim, which has no deadline. */
  | { readonly kind: "claimRequired"; readonly span: Span }
  | { readonly kind: "ineligibleChannels"; readonly channels: readonly Name[]; readonly span: Span }
  | { readonly kind: "ineligibleOptionalLanguages"; readonly span: Span }
  /** `ineligible cause x`, `ineligible product beta`, `ineligible phone_escalated`, `ineligible priority P4` */
  | { readonly kind: "ineligibleWhen"; readonly when: Condition; readonly span: Span }
  /** `cap 50%`; `cap 100% per target`: `perTarget` bounds each target's credits on their own. */
  | { readonly kind: "cap"; readonly percent: Lit<number> | null; readonly perTarget: boolean; readonly span: Span }
  /** `cap 15 days of term`: at most so many days added to the Term per period (`days` as written). */
  | { readonly kind: "capTermDays"; readonly days: Lit<string> | null; readonly span: Span }
  /** `credit on next invoice`: the period's credit is deducted from the following period's invoice. */
  | { readonly kind: "creditOnNextInvoice"; readonly span: Span }
  /** `no claim for enterprise`: the credits of those plans are owed without a claim. */
  | { readonly kind: "noClaimFor"; readonly plans: readonly Name[]; readonly span: Span }
  /** `credit per started hour late`: each breach's row earned once per step of its lateness. */
  | { readonly kind: "lateCredit"; readonly step: CreditStep | null; readonly span: Span }
  /** Issue 12: `claim within 30 days after period` / `… after breach`. */
  | { readonly kind: "claimWithinDays"; readonly days: Lit<string> | null; readonly after: "period" | "breach" | "outage"; readonly span: Span }
  /** `ineligible account overdue, suspended`: the period's account standing voids the credit. */
  | { readonly kind: "ineligibleAccount"; readonly standings: readonly Name[]; readonly span: Span }
  /** `ineligible obligation keep_updated`: no credit while the customer has not met these declared obligations. */
  | { readonly kind: "ineligibleObligations"; readonly obligations: readonly Name[]; readonly span: Span }
  /** Issue 12: `sum per breach`. */
  | { readonly kind: "sumPerBreach"; readonly span: Span }
  /** Issue 12: `amount 500 EUR per breach`. */
  | { readonly kind: "amountPerBreach"; readonly money: Money | null; readonly span: Span }
  /** Issue 12: `above 4 breaches 20%`; `above` is the count as written, `percent` the cell. */
  | { readonly kind: "breachThreshold"; readonly above: Lit<string> | null; readonly percent: Lit<string> | null; readonly span: Span };

/** `per started 30 minutes`, `per hour`: the step a credit grows by; a step begun counts whole when `started`. */
export interface CreditStep {
  readonly started: boolean;
  /** The number of units as written (`30`); `null` for one (`per hour`). */
  readonly amount: Lit<string> | null;
  readonly unit: UnitName | null;
  readonly span: Span;
}

export interface CreditsDecl {
  readonly kind: "credits";
  readonly plans: readonly Name[];
  readonly items: readonly CreditsItem[];
  readonly span: Span;
}

/** Issue 12.3: the clauses of an `availability` block. Percentages are the text written (`99.9`). */
export type AvailabilityItem =
  /** `commit 99.9% per quarter starting Apr 1`: `window` is the `per …` part, measured as a settlement period is. */
  | { readonly kind: "commit"; readonly percent: Lit<string> | null; readonly window: Omit<PeriodDecl, "kind"> | null; readonly span: Span }
  /** `credit 10 × downtime fee`: the multiple (as written) of the fee paid for the downtime */
  | { readonly kind: "downtimeCredit"; readonly multiple: Lit<string> | null; readonly span: Span }
  /** `credit 5% per started 30 minutes, up to 100%`: a percentage per step of counted downtime, bounded by `upTo` */
  | { readonly kind: "stepCredit"; readonly percent: Lit<string> | null; readonly step: CreditStep | null; readonly upTo: Lit<string> | null; readonly span: Span }
  | { readonly kind: "components"; readonly components: readonly Name[]; readonly span: Span }
  | { readonly kind: "overElapsed"; readonly span: Span }
  | { readonly kind: "overCalendar"; readonly calendar: Name | null; readonly span: Span }
  /** `excuse scheduled within calendar window announced 48 hours ahead, up to 2 hours each, up to 4 hours per period` */
  | { readonly kind: "excuse"; readonly within: Name | null; readonly ahead: Duration | null; readonly limits: readonly ExcuseLimit[]; readonly span: Span }
  /** `excuse cause force_majeure, customer`: outages with one of these causes do not count */
  | { readonly kind: "excuseCause"; readonly causes: readonly Name[]; readonly span: Span }
  | { readonly kind: "shown"; readonly decimals: Lit<string> | null; readonly span: Span }
  | { readonly kind: "bands"; readonly table: Table; readonly span: Span };

/** `up to 2 hours each` (per outage) or `up to 4 hours per period`. */
export interface ExcuseLimit {
  readonly per: "outage" | "period";
  readonly duration: Duration | null;
  readonly span: Span;
}

export interface AvailabilityDecl {
  readonly kind: "availability";
  readonly name: Name | null;
  readonly title: Str | null;
  /** `for foundation`: the plans whose periods this commitment settles (all when empty). */
  readonly plans: readonly Name[];
  readonly items: readonly AvailabilityItem[];
  readonly span: Span;
}

/** Issue 12.4: the clauses of an `objective` block. */
export type ObjectiveItem =
  /** `95% of tickets meet resolution` */
  | { readonly kind: "share"; readonly percent: Lit<string> | null; readonly target: Name | null; readonly span: Span }
  | { readonly kind: "for"; readonly when: Condition | null; readonly span: Span }
  | { readonly kind: "credit"; readonly percent: Lit<string> | null; readonly span: Span }
  | { readonly kind: "shown"; readonly decimals: Lit<string> | null; readonly span: Span };

export interface ObjectiveDecl {
  readonly kind: "objective";
  readonly name: Name | null;
  readonly title: Str | null;
  readonly items: readonly ObjectiveItem[];
  readonly span: Span;
}

export interface Money {
  readonly amount: Lit<string>;
  readonly currency: Name | null;
  readonly span: Span;
}

export type PackageItem =
  | { readonly kind: "prepays"; readonly options: readonly { duration: Duration; regime: Name | null; span: Span }[]; readonly span: Span }
  | { readonly kind: "draws"; readonly work: Name | null; readonly span: Span }
  | { readonly kind: "buyWithin"; readonly amount: Lit<string> | null; readonly unit: UnitName | null; readonly from: Name | null; readonly span: Span }
  | { readonly kind: "expires"; readonly amount: Lit<string> | null; readonly unit: UnitName | null; readonly from: Name | null; readonly span: Span };

export type FeesItem =
  | { readonly kind: "zone"; readonly zone: Str | null; readonly fromTicket: boolean; readonly span: Span }
  | { readonly kind: "currency"; readonly currency: Name | null; readonly span: Span }
  | { readonly kind: "plusVat"; readonly span: Span }
  | { readonly kind: "vatRate"; readonly percent: Lit<string> | null; readonly span: Span }
  | { readonly kind: "rate"; readonly subject: Name | null; readonly money: Money | null; readonly per: UnitName | null; readonly perSpan: Span | null; readonly span: Span }
  | { readonly kind: "free"; readonly works: readonly Name[]; readonly span: Span }
  | {
      readonly kind: "allowance";
      readonly regime: Name | null;
      readonly duration: Duration | null;
      readonly per: UnitName | "quarter" | null;
      readonly excessAt: Name | null;
      readonly span: Span;
    }
  | { readonly kind: "package"; readonly plan: Name | null; readonly price: Money | null; readonly items: readonly PackageItem[]; readonly span: Span }
  | {
      readonly kind: "invoice";
      readonly schedule: "monthly" | "quarterly" | "yearly";
      readonly issue: { kind: "daysAfterPeriod"; days: Lit<number> } | { kind: "dayOfNextMonth"; day: Lit<number> } | null;
      readonly span: Span;
    }
  | { readonly kind: "payment"; readonly due: { kind: "netDays"; days: Lit<number>; unit: UnitName | null } | { kind: "endOfMonth" }; readonly span: Span }
  | { readonly kind: "lateCharge"; readonly percent: Lit<string> | null; readonly span: Span }
  /** Issue 12.5: `charge extended_hours "Extended hours" 20% of licence, at least 2000 EUR` */
  | { readonly kind: "charge"; readonly name: Name | null; readonly title: Str | null; readonly amount: ChargeAmount; readonly span: Span }
  /** Issue 12.5: `quota configuration 10 hours per week`, counted outside billing */
  | {
      readonly kind: "quota";
      readonly work: Name | null;
      readonly duration: Duration | null;
      readonly per: UnitName | "quarter" | null;
      readonly perSpan: Span | null;
      /** `rollover`: the unused hours of a bucket are carried to the next (issue 12 follow-up). */
      readonly rollover: boolean;
      /** `rollover until end of term`: carried hours expire when the customer's Term ends. */
      readonly untilTermEnd: boolean;
      readonly span: Span;
    };

/** How a charge's amount is stated (issue 12.5): an amount, the period file's, or a percentage of another charge. */
export type ChargeAmount =
  | { readonly kind: "fixed"; readonly money: Money | null }
  | { readonly kind: "fromPeriod" }
  | { readonly kind: "percentOf"; readonly percent: Lit<string> | null; readonly base: Name | null; readonly minimum: Money | null };

export interface FeesDecl {
  readonly kind: "fees";
  readonly items: readonly FeesItem[];
  readonly span: Span;
}

/** Issue 12.2: `period quarter starting Feb 1`, the settlement period in the billing zone. */
export interface PeriodDecl {
  readonly kind: "period";
  readonly unit: Lit<"month" | "quarter" | "year" | "week" | "minute" | "hour" | "day"> | null;
  /** `starting Feb 1`: month 1–12 and the day as written. */
  readonly start: { readonly month: Lit<number>; readonly day: Lit<number> | null; readonly span: Span } | null;
  readonly span: Span;
}

export type ExampleItem =
  | { readonly kind: "ticketId"; readonly id: Str | null; readonly span: Span }
  | { readonly kind: "field"; readonly field: "priority" | "plan" | "region" | "channel" | "language" | "cause"; readonly value: Name | null; readonly span: Span }
  /** A ticket attribute: `product x`, `phone_escalated true` */
  | { readonly kind: "attribute"; readonly field: Name; readonly value: Name | null; readonly span: Span }
  /** The customer's zone or holidays: `zone "America/Chicago"`, `holidays "US-TX"` */
  | { readonly kind: "customerZone"; readonly zone: Str | null; readonly span: Span }
  | { readonly kind: "customerHolidays"; readonly codes: readonly Str[]; readonly span: Span }
  | { readonly kind: "opened"; readonly at: Lit<string> | null; readonly span: Span }
  | { readonly kind: "event"; readonly event: EventRef | null; readonly priority: Name | null; readonly at: Lit<string> | null; readonly span: Span }
  | { readonly kind: "asOf"; readonly at: Lit<string> | null; readonly span: Span }
  | { readonly kind: "period"; readonly file: Str | null; readonly span: Span }
  | { readonly kind: "expectSettle"; readonly path: string; readonly pathSpan: Span; readonly value: Str | null; readonly span: Span }
  | { readonly kind: "expectNoEscalation"; readonly span: Span }
  | { readonly kind: "expectEscalation"; readonly role: Name | null; readonly at: Lit<string> | null; readonly span: Span }
  | { readonly kind: "expectCredit"; readonly percent: Lit<number> | null; readonly span: Span }
  /** Issue 12.3–12.4: `expect availability platform 99.876%`, `expect objective fix missed` */
  | { readonly kind: "expectAvailability"; readonly name: Name | null; readonly percent: Lit<string> | null; readonly span: Span }
  | { readonly kind: "expectObjective"; readonly name: Name | null; readonly status: Lit<string> | null; readonly span: Span }
  | {
      readonly kind: "expectTarget";
      readonly target: Name | null;
      readonly status: Lit<"met" | "breached" | "pending" | "paused" | "none"> | null;
      /** `2 breaches`: a recurring target's missed intervals (issue 11.5) */
      readonly breaches: Lit<number> | null;
      readonly due: Lit<string> | null;
      readonly dueNone: boolean;
      readonly span: Span;
    };

export interface ExampleDecl {
  readonly kind: "example";
  readonly name: Str | null;
  readonly items: readonly ExampleItem[];
  readonly span: Span;
}

export type Decl =
  | CalendarDecl
  | RegionDecl
  | NamedDecl
  | PriorityCapDecl
  | FieldDecl
  | ExcludeDecl
  | TargetDecl
  | EscalationDecl
  | CreditsDecl
  | AvailabilityDecl
  | ObjectiveDecl
  | FeesDecl
  | PeriodDecl
  | ExampleDecl;

export interface PolicyFile {
  readonly header: { readonly id: Name | null; readonly title: Str | null; readonly span: Span } | null;
  readonly decls: readonly Decl[];
  readonly span: Span;
}
