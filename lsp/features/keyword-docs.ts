/**
 * One line of documentation per word of the language, for hovers and completion items. The
 * wording follows SPEC §1–2; a word missing here simply has no hover.
 */
import { EventKindSchema } from "../../runtime/ir.js";

/** A line about each reserved word (look words up with `Object.hasOwn`: keys are user input). */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  policy: '`policy <id> "title"`: the first line of a policy; applications name the policy by its id',
  calendar: "a calendar: weekly hours in an IANA zone, holidays, closures and extra openings (SPEC §2.2); in a region or target, the calendar it uses",
  region: "a region (theater): selects the calendar for a customer's tickets, per plan, and the languages with an SLA",
  plan: "a plan (tier, regime) of the agreement; `extends` inherits another plan's goals, calendars and credits",
  priority: "a priority level with its description",
  target: "a target: a clock (start, pause, resume, stop rules) and a goal matrix of priority × plan",
  escalation: "an escalation matrix: after a duration on the clock, notify a role",
  credits: "service credits: a percentage of the period's fees per breached priority; the highest applies unless `sum per breach`, `amount … per breach` or `above N breaches` says otherwise",
  credit: "the credit column of a credit table, or `expect credit` in an example",
  fees: "fees: hourly rates, free work, allowances, prepaid packages, invoicing and payment terms",
  role: "a role that escalations notify",
  channel: "a support channel (portal, phone, email); `exclude channel` removes its SLA",
  work: "a kind of support work, billed by the fees",
  obligation: "an obligation of the customer, kept as text",
  exclude: '`exclude channel <name>` (no SLA on that channel) or `exclude cause <name> "text"` (an excluded cause)',
  cause: "an excluded cause: failures the SLA does not cover",
  example: "an example case: a ticket (or a period) and what the policy must answer, run by `sla test`",
  extends: "inherit from another plan or calendar",
  for: "the plans a clause applies to",
  zone: 'the IANA time zone of the calendar\'s wall-clock hours (`zone "Europe/Rome"`)',
  holidays: 'public holidays of a country or region from date-holidays close whole days (`holidays "IT"`, `holidays "DE-BY"`)',
  closed: "a closed date, whole or in part: `closed 2026-12-24 from 13:00`",
  open: "`open on holidays` keeps the calendar open on its parent's holidays; `open 2026-12-27 10:00-14:00` adds an opening; `start on open`: the ticket's opening",
  days: "a days-only calendar: business days without hours (`days Mon-Fri`); also the unit of elapsed days",
  languages: "languages with an SLA in the region (ISO 639-1 codes); `optional languages` have none",
  optional: "`optional languages`: languages served without an SLA",
  start: "`start on <event>`: what starts the clock (default: the ticket's opening)",
  pause: "`pause on <event>`: what pauses the clock (SPEC §2.10); also a ticket event",
  resume: "`resume on <event>`: what resumes a paused clock; also a ticket event",
  stop: "`stop on <event>`: what stops the clock and meets the target",
  on: "the events of a clock rule",
  approve: "ticket event: the customer approved the work",
  respond: "ticket event: the first substantive response",
  resolve: "ticket event: the ticket was resolved",
  reprioritize: "ticket event: the priority changed; the new goal counts from the original start (SPEC §2.11)",
  kpi: "the target is a non-binding KPI: reported, never breached for credits",
  goals: "the goal matrix: `| priority | basic | gold |` then one row per priority",
  goal: "the goal column of a single-column matrix",
  business: "counts open time of the calendar only (SPEC §2.5, §2.7)",
  next: "`next business day`: due at the close of the next business day (SPEC §2.7)",
  same: "`same business day`: due at the close of the start day, or of the next business day (SPEC §2.8)",
  best: "`best effort`: no commitment, no due time (SPEC §2.9)",
  effort: "`best effort`: no commitment, no due time (SPEC §2.9)",
  after: "the escalation threshold column",
  to: "the escalation's role column; `reprioritize to P1` in examples",
  none: "no SLA, no value",
  claim: '`claim by end of next month`, `claim within 30 days after period`, `claim within 10 days after breach`, `claim subject "SLA Credit Request"`: how credits are claimed',
  ineligible: "`ineligible channel email`, `ineligible optional languages`: tickets that earn no credit",
  cap: "a cap on credits, as a percentage of the period's fees; it bounds every credit rule",
  sum: "`sum per breach`: each eligible breached ticket adds its row's percentage (capped by `cap`)",
  amount: "`amount 500 EUR per breach`: a fixed credit for each eligible breached ticket (capped by `cap`)",
  above: "`above 4 breaches 20%`: more than 4 eligible breached tickets in the period earn 20 % of its fees",
  breach: "`per breach`, `above N breaches`, `claim within N days after breach`: counts each eligible breached ticket",
  breaches: "`above 4 breaches 20%`: a threshold on the number of eligible breached tickets in the period",
  currency: "the ISO 4217 currency of the fees",
  rate: "an hourly rate: `rate standard 39 EUR per hour`",
  free: "kinds of work that are never billed",
  allowance: "free hours per month for a regime: `allowance basic 1 hour per month, excess at standard`",
  package: "a prepaid package bought as a plan of its own",
  prepays: "the hours a package prepays",
  draws: "the kind of work that uses a package's hours",
  expires: "when a package's hours expire",
  invoice: "the invoice schedule: `invoice monthly, issued on day 10 of next month`",
  payment: "payment terms: `payment net 30 days`, `payment by end of month`",
  late: "`late charge 1.5% per started month`",
  vat: "`plus vat`: VAT on top of the subtotal; `vat 21%` fixes the rate",
  ticket: "the example ticket's id",
  opened: "when the example ticket was opened (an ISO-8601 instant with offset)",
  as: "`as of <instant>`: the instant the example is evaluated at",
  expect: "an expectation: `expect response met due <instant>`, `expect escalation <role> at <instant>`, `expect credit 20%`",
  due: "the expected due instant, or `none`",
  "24x7": "always open",
  met: "status: stopped at or before the due time",
  breached: "status: stopped after the due time, or still running past it",
  pending: "status: running and not yet due",
  paused: "status: paused before the due time",
};

/** Weekday words in the order of the IR (`week[0]` is Monday). */
export const WEEKDAYS: readonly string[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Units of durations as written. */
export const DURATION_UNITS: readonly string[] = ["minutes", "hours", "days", "weeks"];

/** Ticket events usable in clock rules: the IR's own list. */
export const EVENT_KINDS: readonly string[] = EventKindSchema.options;
