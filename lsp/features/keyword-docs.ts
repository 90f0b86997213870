/**
 * One line of documentation per word of the language, for hovers and completion items. The
 * wording follows SPEC §1–2; a word missing here simply has no hover.
 */
import { EventKindSchema } from "../../runtime/ir.js";

/** Weekdays and months as written (`Mon`, `Dec`), each explained with its full English name. */
function dayAndMonthDocs(): Record<string, string> {
  const docs: Record<string, string> = {};
  const name = (date: Date, part: "weekday" | "month", length: "short" | "long") => new Intl.DateTimeFormat("en", { [part]: length, timeZone: "UTC" }).format(date);
  for (let d = 0; d < 7; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)); // 2024-01-01 was a Monday
    docs[name(date, "weekday", "short")] = `${name(date, "weekday", "long")}: in day lists (\`Mon-Fri 09:00-18:00\`, \`days Mon-Fri\`, \`when on Sat, Sun\`) and yearly dates (\`third Mon of Jan\`)`;
  }
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2024, m, 1));
    docs[name(date, "month", "short")] = `${name(date, "month", "long")}: in yearly dates (\`closed every Dec 24\`, \`last Mon of May\`) and a fiscal start (\`period quarter starting Apr 1\`)`;
  }
  return docs;
}

/** Units of durations, singular and plural. */
function unitDocs(): Record<string, string> {
  const docs: Record<string, string> = {};
  for (const unit of ["minute", "hour", "week", "month"]) {
    const doc = `a unit of durations (\`1 ${unit}\`, \`4 ${unit}s\`, \`4 business ${unit}s\` counts open time only)`;
    docs[unit] = doc;
    docs[`${unit}s`] = doc;
  }
  docs.month += "; `period month`: settle by calendar months";
  return docs;
}

/** A line about each reserved word (look words up with `Object.hasOwn`: keys are user input). */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  ...dayAndMonthDocs(),
  ...unitDocs(),
  policy: '`policy <id> "title"`: the first line of a policy; applications name the policy by its id',
  calendar: "a calendar: weekly hours in an IANA zone, holidays, closures and extra openings (SPEC §2.2); in a region or target, the calendar it uses",
  region: "a region (theater): selects the calendar for a customer's tickets, per plan, and the languages with an SLA",
  plan: "a plan (tier, regime) of the agreement; `extends` inherits another plan's goals, calendars and credits",
  priority: "a priority level with its description",
  target: "a target: a clock (start, pause, resume, stop rules) and a goal matrix of priority × plan",
  escalation: "an escalation matrix: after a duration on the clock, notify a role",
  credits: "service credits: a percentage of the period's fees per breached priority; the highest applies unless `sum per breach`, `amount … per breach` or `above N breaches` says otherwise",
  credit: "the credit column of a credit table, `expect credit` in an example, `credit 10 × downtime fee` in an availability (a multiple of the fee paid for the downtime), `credit 5% per started 30 minutes, up to 100%` (a percentage per step of downtime) or `credit per started hour late` in credits (a breach's row per step of its lateness)",
  fees: "fees: hourly rates, free work, allowances, prepaid packages, invoicing and payment terms",
  role: "a role that escalations notify",
  channel: "a support channel (portal, phone, email); `exclude channel` removes its SLA; `for channel phone` chooses a calendar or goals for the tickets that came in by it",
  work: "a kind of support work, billed by the fees",
  obligation: "an obligation of the customer, kept as text; `ineligible obligation keep_updated` in a credits block: no credit for a period whose file lists it in `obligationsUnmet`",
  exclude: '`exclude channel <name>` (no SLA on that channel), `exclude cause <name> "text"` (tickets with that cause), `exclude product beta "text"` or `exclude <flag> "text"`: excluded tickets get status `none` naming the clause',
  cause: 'a cause a ticket may give (`"cause"` in the ticket); `exclude cause x` takes its tickets out of the SLA, `ineligible cause x` out of the credits',
  field: '`field product "Product" { x "Product X" … }`: an enumerated ticket attribute (`"attributes": {"product": "x"}`) that can choose goals, calendars, exclusions and credits',
  flag: '`flag phone_escalated "…"`: a yes/no ticket attribute (`"attributes": {"phone_escalated": true}`); `for phone_escalated` applies a clause to the tickets that set it',
  event: '`event escalation_requested "…"`: an event of the policy\'s own, for clock rules (`start on escalation_requested`); tickets carry it in `events`',
  ticket: "the example ticket's id; `zone from ticket`, `holidays from ticket`: the customer's, given with each ticket",
  example: "an example case: a ticket (or a period) and what the policy must answer, run by `sla test`",
  extends: "inherit from another plan or calendar",
  and: "`for extended and priority P1 and phone_escalated`: conditions that must all hold",
  for: "the tickets a clause applies to: plans (`for gold`), `for priority P1`, `for cause x`, `for channel phone`, `for product a, b`, `for <flag>`",
  zone: 'the IANA time zone of the calendar\'s wall-clock hours (`zone "Europe/Rome"`); `zone from ticket`: the customer\'s (`customer.zone`)',
  holidays: 'public holidays of a country or region from date-holidays close whole days (`holidays "IT"`, `holidays "DE-BY"`); `holidays from ticket`: the customer\'s (`customer.holidays`)',
  closed: "a closed date, whole or in part: `closed 2026-12-24 from 13:00`; a range `closed 2026-12-29 to 2027-01-03`; every year `closed every Dec 24 from 14:00`",
  every: "`closed every Dec 24`, `closed every last Fri of Aug 12:00-17:00`: closed on that date of every year",
  holiday: '`holiday "Thanksgiving" fourth Thu of Nov`: a holiday of the vendor\'s own list, closing the whole date every year (`open on holidays` drops it)',
  observed: "`observed nearest weekday` (Sat → Fri, Sun → Mon), `observed next weekday` (→ Mon), `… when on Sun`: where a date falling on a weekend is kept",
  nearest: "`observed nearest weekday`: a Saturday is kept on the Friday before, a Sunday on the Monday after",
  weekday: "`observed nearest weekday` / `observed next weekday`: a date on a weekend moves to a weekday",
  when: "`observed next weekday when on Sun`: only dates on these weekdays move",
  first: "`first Mon of Sep`: the first such weekday of the month",
  second: "`second Mon of Oct`: the second such weekday of the month",
  third: "`third Mon of Jan`: the third such weekday of the month",
  fourth: "`fourth Thu of Nov`: the fourth such weekday of the month",
  fifth: "`fifth Mon of Mar`: the fifth such weekday of the month; years without one close nothing",
  last: "`last Mon of May`: the last such weekday of the month",
  restart: "`restart on respond, customer_update`: a recurring obligation; each event meets the running interval and starts the next, until the stop (issue 11.5)",
  open: "`open on holidays` keeps the calendar open on its parent's holidays; `open 2026-12-27 10:00-14:00` adds an opening; `open during emea_hours, americas_hours`: open whenever any of those calendars is; `start on open`: the ticket's opening",
  during: "`open during emea_hours, americas_hours, apac_hours`: the calendar is open whenever any of these is, each in its own zone with its own holidays (follow-the-sun cover); its own `zone` reads its business days and writes its results",
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
  reopen: "`reopen within 7 days`: a `reopen` at most that long (elapsed) after the ticket's last `resolve` runs the stopped clock again from where it stopped, the time spent solved not counted; a later `reopen` is not a reopening. Also the ticket event: the customer reopened a solved request",
  kpi: "the target is a non-binding KPI: reported, never breached for credits",
  goals: "the goal matrix: `| priority | basic | gold |` then one row per priority",
  goal: "the goal column of a single-column matrix",
  business: "counts open time of the calendar only (SPEC §2.5, §2.7)",
  next: "`next business day`: due at the close of the next business day (SPEC §2.7)",
  same: "`same business day`: due at the close of the start day, or of the next business day (SPEC §2.8)",
  best: "`best effort`: no commitment, no due time (SPEC §2.9)",
  effort: "`best effort`: no commitment, no due time (SPEC §2.9)",
  after: "the escalation threshold column (`| priority | after | to |`); `| after | credit |` in credits: a breach's credit by the elapsed time from its target's start to its stop, the last row it exceeds; `claim within 30 days after period`, `day after fourth Thu of Nov`",
  to: "the escalation's role column; `reprioritize to P1` in examples",
  none: "no SLA, no value",
  claim: '`claim by end of next month`, `claim within 30 days after period`, `claim within 10 days after breach`, `claim within 30 days after outage`, `claim subject "SLA Credit Request"`, `claim required` (a claim with no deadline): how credits are claimed; `no claim for enterprise`: those plans are owed their credits with no claim',
  ineligible: "`ineligible channel email`, `ineligible optional languages`, `ineligible cause x`, `ineligible <flag>`, `ineligible product a`: tickets that earn no credit",
  cap: "a cap on credits, as a percentage of the period's fees; it bounds every credit rule; `cap 100% per target` bounds each target's credits on their own; `cap 15 days of term`: at most 15 days added to the Term per period",
  sum: "`sum per breach`: each eligible breached ticket adds its row's percentage (capped by `cap`)",
  amount: "`amount 500 EUR per breach`: a fixed credit for each eligible breached ticket (capped by `cap`)",
  above: "`above 4 breaches 20%`: more than 4 eligible breached tickets in the period earn 20 % of its fees",
  breach: "`per breach`, `above N breaches`, `claim within N days after breach`: counts each eligible breached ticket",
  breaches: "`above 4 breaches 20%`: a threshold on the number of eligible breached tickets in the period",
  availability: '`availability platform "Monthly Uptime" { commit 99.9% … }`: an uptime commitment measured over the period\'s outages (its band earns a share of the fees); `expect availability platform 99.95%` in an example',
  objective: '`objective critical_fix "…" { 95% of tickets meet resolution  for priority P1  credit 5% }`: a share of the period\'s tickets that must meet a target; `expect objective critical_fix missed` in an example',
  commit: "`commit 99.9%`: the availability promised for each period; `commit 99.9% per quarter starting Apr 1`: for each such quarter, judged in a period that is one",
  downtime: "`credit 10 × downtime fee`: the fee paid for the downtime, the period's fees × downtime ÷ the period's measured time",
  fee: "`credit 10 × downtime fee`: the fee paid for the downtime, the period's fees × downtime ÷ the period's measured time",
  outage: "`claim within 30 days after outage`: a claim covers the outages that ended at most that many days before it; the others do not count",
  component: "`component api, console`: the outages (by their `component`) that count against this availability; all when absent",
  over: "`over elapsed time` (every hour of the period) or `over calendar office` (only that calendar's open time)",
  elapsed: "`over elapsed time`: availability counts every hour of the period",
  time: "`over elapsed time`: availability counts every hour of the period",
  excuse: "`excuse scheduled announced 48 hours ahead, up to 4 hours per period`: maintenance that does not count, earliest first until the allowance runs out; `within calendar w`: only inside that calendar's open time; `excuse cause force_majeure`: outages with that `cause` do not count",
  scheduled: "`excuse scheduled …`: outages marked `\"scheduled\": true` in the period input",
  announced: "`announced 48 hours ahead`: a scheduled outage is excused only when its `announcedAt` is at least that long before it starts",
  ahead: "`announced 48 hours ahead`: the notice scheduled maintenance needs to be excused",
  up: "`up to 4 hours per period`: the most maintenance excused in one period; `up to 2 hours each`: the most excused of one outage; the rest counts; `credit 5% per started 30 minutes, up to 100%`: the most that credit earns",
  each: "`up to 2 hours each`: the most of one scheduled outage that is excused; the rest counts",
  account: "`ineligible account overdue, suspended`: a period whose `account` is overdue or suspended earns no credit",
  shown: "`shown to 3 decimals`: the measured share is reported truncated to that many decimals (3 when not said); bands and the commitment are decided on the exact figure",
  decimals: "`shown to 3 decimals`: the precision of a reported availability or attainment",
  below: "`| below | credit |`: an availability band; below its threshold its credit of the period's fees is owed (the lowest band that holds)",
  tickets: "`95% of tickets meet resolution`: the share of decided tickets (met or breached) that must meet the target",
  meet: "`95% of tickets meet resolution`: the target the objective's tickets must meet",
  missed: "`expect objective critical_fix missed`: the objective's share was not reached in the period",
  currency: "the ISO 4217 currency of the fees",
  rate: "an hourly rate: `rate standard 39 EUR per hour`",
  free: "kinds of work that are never billed; `observed next free weekday`: a holiday on the weekend moves to the next weekday no other holiday of the calendar holds (the UK substitute day)",
  allowance: "free hours per month for a regime (`allowance basic 1 hour per month, excess at standard`), or per week or month for a kind of work (`allowance configuration 2 hours per month`)",
  charge: "`charge hosting 500 EUR`, `charge licence from period` (the period file's `charges`), `charge extended_hours 20% of licence, at least 2000 EUR`: an invoice line of the period; `late charge`: interest on late payment",
  least: "`at least 2000 EUR`: the minimum of a percentage charge, which is max(minimum, percent × base)",
  most: "`priority at most P3 for environment non_production`: tickets meeting the condition are judged at P3 whenever a more urgent level is in force, as opened and after a `reprioritize`",
  rollover: "`quota basic 4 hours per quarter rollover`: the unused hours of a week, month or quarter are carried to the next; the settlement reports the hours carried in and out; `rollover until end of term`: they expire when the Term ends (the period file's `termEnds`)",
  until: "`rollover until end of term`: carried hours expire at the end of the customer's Term (the period file's `termEnds`)",
  term: "`rollover until end of term`: carried hours expire at the end of the customer's Term (the period file's `termEnds`); `| 99.5% | 3 days of term |` in an availability's bands: a credit of days added to the end of the Term, never money (the settlement's `termDays`); `cap 15 days of term`: at most so many days per period",
  quota: "`quota support 10 hours per week`: hours of work counted per week, month or quarter outside billing; the settlement reports used, left and exceeded",
  quarter: "`period quarter starting Feb 1`: settle by quarters of the fiscal year; `quota … per quarter`",
  year: "`period year starting Apr 1`: settle by fiscal years",
  starting: "`period quarter starting Feb 1`: the fiscal year's first day; periods are whole months",
  period: '`period month`, `period quarter starting Feb 1`, `period year starting Apr 1`: the settlement period in the billing zone (a period file then gives `"period": "2026-Q1"`); `period "file.json"` in an example',
  package: "a prepaid package bought as a plan of its own",
  prepays: "the hours a package prepays",
  draws: "the kind of work that uses a package's hours",
  expires: "when a package's hours expire",
  invoice: "the invoice schedule: `invoice monthly, issued on day 10 of next month`; `credit on next invoice`: a period's credit is deducted from the next period's invoice",
  payment: "payment terms: `payment net 30 days`, `payment by end of month`",
  late: "`late charge 1.5% per started month`; `credit per started hour late`: a breach's row earned once per started hour after its due time",
  vat: "`plus vat`: VAT on top of the subtotal; `vat 21%` fixes the rate",
  opened: "when the example ticket was opened (an ISO-8601 instant with offset)",
  as: "`as of <instant>`: the instant the example is evaluated at",
  expect: "an expectation: `expect response met due <instant>`, `expect updates breached 2 breaches due <instant>` (a recurring target's missed intervals), `expect escalation <role> at <instant>`, `expect credit 20%`",
  due: "the expected due instant, or `none`",
  "24x7": "always open",
  met: "status: stopped at or before the due time",
  breached: "status: stopped after the due time, or still running past it",
  pending: "status: running and not yet due",
  paused: "status: paused before the due time",
  from: "`from 13:00` (closed from that time), `zone from ticket` / `holidays from ticket` (the customer's), `charge licence from period` (the period file gives it)",
  language: "`language en` in an example: the ticket's language, against the region's `languages`",
  of: "`third Mon of Jan`, `95% of tickets`, `20% of licence`, `prepays 5 hours of premium`, `buy within 2 months of trialStart`: what a count or share is taken of",
  by: "`claim by end of next month`, `payment by end of month`: a deadline at the end of a calendar month",
  end: "`claim by end of next month`, `payment by end of month`, `rollover until end of term`: the end of that month or term",
  subject: '`claim subject "SLA Credit Request"`: the words a claim\'s subject line must include',
  required: "`claim required`: a credit is owed only when the customer claims it, with no deadline (\"credits are claimed by a support ticket\")",
  per: "`per hour`, `per month`, `per quarter`, `per breach`, `per period`, `per started month`, `per started 30 minutes`, `cap 100% per target`: what a rate, quota, allowance, credit, cap or limit counts by",
  excess: "`allowance basic 1 hour per month, excess at standard`: hours beyond the allowance are billed at that rate",
  at: "`pause at <instant>` in an example; `excess at standard`; `at least 2000 EUR`; `priority at most P3`",
  or: "`prepays 5 hours of premium or 9 hours of standard`: the package's hours, in one regime or the other",
  buy: "`buy within 2.5 months of trialStart`: how long after a date the package can be bought",
  within: "`claim within 30 days after period`, `buy within 2 months of trialStart`, `excuse scheduled within calendar w`: a time limit, or a window",
  monthly: "`invoice monthly`: one invoice per calendar month",
  quarterly: "`invoice quarterly`: one invoice per quarter",
  yearly: "`invoice yearly`: one invoice per year",
  issued: "`invoice monthly, issued 1 day after period` / `issued on day 10 of next month`: when the invoice is dated",
  net: "`payment net 30 days`: payment is due that many days after the invoice",
  started: "`late charge 1.5% per started month`, `credit 5% per started 30 minutes`: a step begun counts whole",
  plus: "`plus vat`: VAT is added on top of the subtotal",
  "×": "`credit 10 × downtime fee`: the credit is that multiple of the fee paid for the downtime",
};

/** Weekday words in the order of the IR (`week[0]` is Monday). */
export const WEEKDAYS: readonly string[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Month words of yearly dates and fiscal starts (`Dec 24`, `starting Apr 1`), January first. */
export const MONTHS: readonly string[] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Units of durations as written. */
export const DURATION_UNITS: readonly string[] = ["minutes", "hours", "days", "weeks"];

/** Ticket events (examples write them `<event> at …`): the IR's own list. */
export const EVENT_KINDS: readonly string[] = EventKindSchema.options;

/** Ticket events usable in clock rules: all but `reopen`, which only `reopen within` reads (SLA103). */
export const CLOCK_EVENT_KINDS: readonly string[] = EVENT_KINDS.filter((e) => e !== "reopen");
