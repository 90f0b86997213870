/**
 * Tokens of the `.sla` language (SPEC §1). Keywords are reserved words; every keyword and
 * `Identifier` also belong to the `Word` category, so places that take free words (language
 * codes like `as` or `to`, dotted result paths) accept them all.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

/** Any word: identifiers and keywords alike. Never produced by the lexer directly. */
export const Word = createToken({ name: "Word", pattern: Lexer.NA });

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Word],
  label: "a name",
});

const keywordTokens: TokenType[] = [];
/** A reserved word; `longer_alt` makes `planned` an identifier rather than `plan` + `ned`. */
function keyword(word: string, name = word.charAt(0).toUpperCase() + word.slice(1)): TokenType {
  const token = createToken({
    name,
    pattern: new RegExp(`${word}(?![A-Za-z0-9_])`),
    longer_alt: Identifier,
    categories: [Word],
    label: `\`${word}\``,
  });
  keywordTokens.push(token);
  return token;
}

// Blocks and declarations
export const Policy = keyword("policy");
export const Calendar = keyword("calendar");
export const Region = keyword("region");
export const Plan = keyword("plan");
export const Priority = keyword("priority");
export const Target = keyword("target");
export const Escalation = keyword("escalation");
export const Credits = keyword("credits");
export const Credit = keyword("credit");
export const Fees = keyword("fees");
export const Role = keyword("role");
export const Channel = keyword("channel");
export const Work = keyword("work");
export const Obligation = keyword("obligation");
export const Exclude = keyword("exclude");
export const Cause = keyword("cause");
export const Example = keyword("example");
export const Extends = keyword("extends");
export const For = keyword("for");
// Ticket attributes and declared events (issue 11): `field product "Product" { … }`,
// `flag phone_escalated "…"`, `event escalation_requested "…"`, `zone from ticket`.
export const Field = keyword("field");
export const Flag = keyword("flag");
export const Event = keyword("event");
/** `calendar always for extended and priority P1 and phone_escalated`: conditions that must all hold. */
export const And = keyword("and");

// Calendars (SPEC §2.2–2.4)
export const Zone = keyword("zone");
export const Holidays = keyword("holidays");
export const Closed = keyword("closed");
export const Open = keyword("open");
export const On = keyword("on");
export const From = keyword("from");
export const Days = keyword("days");
/** `open during emea_hours, americas_hours`: a calendar open whenever any of others is (follow-the-sun). */
export const During = keyword("during");
// Calendars as contracts write them (issue 11.6): `closed every Dec 24 from 14:00`,
// `closed 2026-12-29 to 2027-01-03`, `holiday "Thanksgiving" fourth Thu of Nov`,
// `holiday "Independence Day" Jul 4 observed nearest weekday`.
export const Every = keyword("every");
export const Holiday = keyword("holiday");
export const Observed = keyword("observed");
export const Nearest = keyword("nearest");
export const WeekdayWord = keyword("weekday", "WeekdayWord");
export const When = keyword("when");
export const AlwaysOpen = createToken({
  name: "AlwaysOpen",
  pattern: /24x7(?![A-Za-z0-9_])/,
  label: "`24x7`",
});

// Regions and languages
export const Languages = keyword("languages");
export const Optional = keyword("optional");
export const Language = keyword("language");

// Targets and clock rules (SPEC §2.5–2.14)
export const Start = keyword("start");
export const Pause = keyword("pause");
export const Resume = keyword("resume");
export const Stop = keyword("stop");
// Recurring obligations (issue 11.5): `restart on respond, customer_update`
export const Restart = keyword("restart");
// Reopening a solved request (Jama: "within seven (7) days"): `reopen within 7 days`, the
// `reopen` ticket event
export const Reopen = keyword("reopen");
export const Approve = keyword("approve");
export const Respond = keyword("respond");
export const Resolve = keyword("resolve");
export const Reprioritize = keyword("reprioritize");
export const Kpi = keyword("kpi");
export const Goals = keyword("goals");
export const Goal = keyword("goal");
export const Business = keyword("business");
export const Next = keyword("next");
export const Same = keyword("same");
export const Day = keyword("day");
export const Best = keyword("best");
export const Effort = keyword("effort");
export const After = keyword("after");
export const To = keyword("to");
export const Of = keyword("of");
// Longest unit first: `minutes` must not lex as `minute` + `s`.
export const Unit = createToken({
  name: "Unit",
  pattern: /(?:minutes|minute|hours|hour|weeks|week|months|month)(?![A-Za-z0-9_])/,
  longer_alt: Identifier,
  categories: [Word],
  // `day`/`days` are keywords of their own (`next business day`, `days Mon-Fri`).
  label: "a unit (`minutes`, `hours`, `weeks`, `months`)",
});

// Credits and fees (SPEC §6)
export const Claim = keyword("claim");
export const By = keyword("by");
export const End = keyword("end");
export const Subject = keyword("subject");
/** `claim required`: a credit is owed only on the customer's claim, with no deadline. */
export const Required = keyword("required");
export const Ineligible = keyword("ineligible");
export const Cap = keyword("cap");
// Issue 12 credit rules: `sum per breach`, `amount 500 EUR per breach`, `above 4 breaches 20%`.
export const Sum = keyword("sum");
export const Amount = keyword("amount");
export const Above = keyword("above");
/** `breach` and `breaches`: one keyword, so a count reads naturally (`above 4 breaches`). */
export const Breach = createToken({
  name: "Breach",
  pattern: /breach(?:es)?(?![A-Za-z0-9_])/,
  longer_alt: Identifier,
  categories: [Word],
  label: "`breach`",
});
// Issue 12.3–12.4 availability commitments and objectives over a share of tickets:
// `availability platform { commit 99.9%  over elapsed time  excuse scheduled announced 48 hours
// ahead, up to 4 hours per period  shown to 3 decimals  credits { | below | credit | … } }`,
// `objective critical_fix { 95% of tickets meet resolution  for priority P1  credit 5% }`.
export const Availability = keyword("availability");
export const Objective = keyword("objective");
export const Commit = keyword("commit");
export const Component = keyword("component");
export const Over = keyword("over");
export const Elapsed = keyword("elapsed");
export const Time = keyword("time");
export const Excuse = keyword("excuse");
export const Scheduled = keyword("scheduled");
export const Announced = keyword("announced");
export const Ahead = keyword("ahead");
// `up to 2 hours each`: a limit per outage; `ineligible account overdue, suspended` (the
// period's account standing)
export const Each = keyword("each");
export const Account = keyword("account");
export const Up = keyword("up");
export const Shown = keyword("shown");
export const Decimals = keyword("decimals");
export const Below = keyword("below");
export const Tickets = keyword("tickets");
export const Meet = keyword("meet");
export const Missed = keyword("missed");
export const Currency = keyword("currency");
export const Rate = keyword("rate");
export const Per = keyword("per");
export const Free = keyword("free");
export const Allowance = keyword("allowance");
export const Excess = keyword("excess");
export const At = keyword("at");
export const Package = keyword("package");
export const Prepays = keyword("prepays");
export const Or = keyword("or");
export const Draws = keyword("draws");
export const Buy = keyword("buy");
export const Within = keyword("within");
export const Expires = keyword("expires");
export const Invoice = keyword("invoice");
export const Monthly = keyword("monthly");
export const Yearly = keyword("yearly");
export const Quarterly = keyword("quarterly");
export const Issued = keyword("issued");
export const Payment = keyword("payment");
export const Net = keyword("net");
export const Late = keyword("late");
export const Charge = keyword("charge");
export const Started = keyword("started");
export const Vat = keyword("vat");
// Issue 12.2 and 12.5 settlement periods and fee rules: `period quarter starting Feb 1`,
// `charge extended_hours 20% of licence, at least 2000 EUR`, `quota support 10 hours per week`.
export const Quarter = keyword("quarter");
export const Year = keyword("year");
export const Starting = keyword("starting");
export const Least = keyword("least");
export const Quota = keyword("quota");
export const Plus = keyword("plus");
// Issue 11/12 follow-up: `priority at most P3 for environment non_production` (a cap on the
// level that judges a ticket), `quota basic 4 hours per quarter rollover` (unused hours carried).
export const Most = keyword("most");
export const Rollover = keyword("rollover");
// Availability credits as a multiple of the fee for the downtime ("credit = fee paid during the
// downtime × 10"), commitments per fiscal quarter, and claims counted from each outage:
// `credit 10 × downtime fee`, `commit 99.9% per quarter starting Apr 1`, `claim within 30 days
// after outage`.
export const Downtime = keyword("downtime");
export const Fee = keyword("fee");
export const Outage = keyword("outage");
// QDABRA "Rollover Hours, expiring at the end of the Term": `quota standard 8 hours per quarter
// rollover until end of term`.
export const Until = keyword("until");
export const Term = keyword("term");

// Example cases (SPEC §4 `sla test`)
export const Ticket = keyword("ticket");
export const Opened = keyword("opened");
export const As = keyword("as");
export const Expect = keyword("expect");
export const No = keyword("no");
export const None = keyword("none");
export const Period = keyword("period");
export const Due = keyword("due");
export const Status = createToken({
  name: "Status",
  pattern: /(?:met|breached|pending|paused)(?![A-Za-z0-9_])/,
  longer_alt: Identifier,
  categories: [Word],
  label: "a status (`met`, `breached`, `pending`, `paused`)",
});

export const Weekday = createToken({
  name: "Weekday",
  pattern: /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?![A-Za-z0-9_])/,
  longer_alt: Identifier,
  categories: [Word],
  label: "a weekday (`Mon` … `Sun`)",
});

/** A month in a yearly date: `Dec 24`, `fourth Thu of Nov` (issue 11.6). */
export const Month = createToken({
  name: "Month",
  pattern: /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?![A-Za-z0-9_])/,
  longer_alt: Identifier,
  categories: [Word],
  label: "a month (`Jan` … `Dec`)",
});

/** Which weekday of a month: `third Mon of Jan`, `last Mon of May` (issue 11.6). */
export const Ordinal = createToken({
  name: "Ordinal",
  pattern: /(?:first|second|third|fourth|fifth|last)(?![A-Za-z0-9_])/,
  longer_alt: Identifier,
  categories: [Word],
  label: "an ordinal (`first` … `fifth`, `last`)",
});

// Literals. Order matters: the longest literal shapes first.
export const DateTime = createToken({
  name: "DateTime",
  pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})/,
  label: "an instant (`2026-03-27T16:30:00+01:00`)",
});
export const DateLit = createToken({
  name: "DateLit",
  pattern: /\d{4}-\d{2}-\d{2}/,
  label: "a date (`2026-12-24`)",
});
export const ClockTime = createToken({
  name: "ClockTime",
  pattern: /\d{1,2}:\d{2}/,
  label: "a clock time (`09:00`)",
});
export const Percent = createToken({
  name: "Percent",
  pattern: /\d+(?:\.\d+)?[ \t]?%/,
  label: "a percentage (`20%`)",
});
export const NumberLit = createToken({
  name: "NumberLit",
  pattern: /\d+(?:\.\d+)?/,
  label: "a number",
});
export const StringLit = createToken({
  name: "StringLit",
  pattern: /"(?:[^"\\\n\r]|\\.)*"/,
  label: "a string (`\"…\"`)",
});

// Punctuation
/** `credit 10 × downtime fee`: the multiplication sign as contracts print it. */
export const Times = createToken({ name: "Times", pattern: /×/, label: "`×`" });
export const LCurly = createToken({ name: "LCurly", pattern: /{/, label: "`{`" });
export const RCurly = createToken({ name: "RCurly", pattern: /}/, label: "`}`" });
export const Pipe = createToken({ name: "Pipe", pattern: /\|/, label: "`|`" });
/** `< 1 hour`: a goal met only strictly before its due ("response < 1 hour"). */
export const Less = createToken({ name: "Less", pattern: /</, label: "`<`" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "`,`" });
export const Dash = createToken({ name: "Dash", pattern: /[-–]/, label: "`-`" });
export const Dot = createToken({ name: "Dot", pattern: /\./, label: "`.`" });

/** Comments are kept (a lexer group), so the formatter can print them back. */
export const Comment = createToken({
  name: "Comment",
  pattern: /\/\/[^\n\r]*/,
  group: "comments",
});
export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  DateTime,
  DateLit,
  ClockTime,
  Percent,
  AlwaysOpen,
  NumberLit,
  StringLit,
  LCurly,
  RCurly,
  Pipe,
  Less,
  Comma,
  Dash,
  Dot,
  Times,
  Unit,
  Status,
  Weekday,
  Month,
  Ordinal,
  Breach,
  ...keywordTokens,
  Identifier,
  Word,
];

/** Every reserved word, for completion and "not a valid name" checks. */
export const keywords: readonly string[] = [
  ...keywordTokens.map((t) => String(t.PATTERN).replace(/^\/|\(\?!.*$/g, "")),
  "minutes", "minute", "hours", "hour", "weeks", "week", "months", "month",
  "met", "breached", "pending", "paused",
  "breach", "breaches",
  "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  "first", "second", "third", "fourth", "fifth", "last",
];

// Token definition checks run in the tests; the bundled CLI (NODE_ENV "production") skips them (~40 ms at start).
export const slaLexer = new Lexer(allTokens, { ensureOptimizations: false, positionTracking: "full", skipValidations: process.env.NODE_ENV === "production" });
