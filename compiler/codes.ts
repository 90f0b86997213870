/**
 * The registry of diagnostic codes. Codes are stable: tools and CI match on them.
 * `0xx` files and syntax, `1xx` names, `2xx` calendars and time, `3xx` tables and units,
 * `4xx` clock rules, `5xx` money, `6xx` examples, `9xx` warnings (lints).
 * Every code has a fixture under `test/fixtures/check/` (a test enforces it).
 */
export const Codes = {
  SLA001: { title: "syntax error", explain: "The parser expected something else here. It recovers and goes on, so later errors are reported too." },
  SLA002: { title: "unexpected character", explain: "A character that no token of the language starts with." },
  SLA003: { title: "missing policy header", explain: "A policy file starts with `policy <id> \"title\"`: the id is how applications name the policy." },
  SLA004: { title: "unreadable file", explain: "The file could not be read, is empty, is not UTF-8, or is too large to be a policy." },
  SLA101: { title: "unknown name", explain: "A name that no declaration of the right kind introduces. A close match is suggested." },
  SLA102: { title: "duplicate name", explain: "Two declarations of one kind with the same name." },
  SLA103: { title: "misplaced clause", explain: "A clause that does not belong where it is written (e.g. `extends` on a priority, a clause repeated in one block)." },
  SLA104: { title: "inheritance cycle", explain: "A plan or calendar that extends itself, directly or through others." },
  SLA105: { title: "reserved name", explain: "Names such as `constructor` or `__proto__` belong to JavaScript objects; programs reading the IR would trip on them." },
  SLA106: { title: "misused ticket attribute", explain: "An enumerated field lists its values (`field product { x \"Product X\" }`); a flag is yes or no and takes no values (`for phone_escalated`)." },
  SLA201: { title: "invalid time zone", explain: "Calendars name an IANA time zone such as `Europe/Rome`." },
  SLA202: { title: "unknown holiday code", explain: "Holiday codes are a country (`IT`) or a country and region (`DE-BY`) known to date-holidays." },
  SLA203: { title: "empty window", explain: "A window's start must be before its end (`24:00` is allowed as an end). Overnight cover is written as two windows." },
  SLA204: { title: "overlapping windows", explain: "Windows of one day must not overlap." },
  SLA205: { title: "incomplete calendar", explain: "A calendar needs a zone and either weekly hours, `days`, or `24x7`." },
  SLA206: { title: "invalid date or time", explain: "Dates are `YYYY-MM-DD`, clock times `HH:MM` from 00:00 to 24:00, instants ISO-8601 with an offset." },
  SLA207: { title: "no calendar", explain: "A region needs a calendar; a policy without regions needs a calendar for its targets." },
  SLA208: { title: "impossible yearly date", explain: "A date of every year that no year has, such as `Feb 30` (`Feb 29` closes in leap years only; a fifth weekday closes nothing in the years that lack one)." },
  SLA209: { title: "invalid date range", explain: "A range `closed A to B` runs from its first closed date to its last: B is not before A, and a range spans at most a year." },
  SLA210: { title: "observance on a weekday", explain: "`observed nearest weekday` / `observed next weekday` move a date that falls on `Sat` or `Sun`; `when on` lists which of the two move." },
  SLA301: { title: "missing table cell", explain: "A goal or credit table must have a cell for every declared plan × priority." },
  SLA302: { title: "unexpected table cell", explain: "A cell for a plan or priority the table cannot use, a duplicate row, or a row of the wrong width." },
  SLA303: { title: "malformed table", explain: "The header row names the table's columns: `| priority | basic | gold |`, `| priority | goal |`, `| priority | after | to |`, `| priority | credit |`." },
  SLA304: { title: "unit mistake", explain: "A duration whose unit does not fit its place, e.g. business hours on a 24x7 calendar or business months." },
  SLA305: { title: "percentage out of range", explain: "Percentages lie between 0% and 100%." },
  SLA306: { title: "wrong kind of value", explain: "A table cell holds a value of the wrong kind for its column." },
  SLA401: { title: "contradictory clock rules", explain: "One event both starts and stops (or pauses and resumes) a clock." },
  SLA402: { title: "pause never resumed", explain: "A clock paused by an event that no rule resumes would stay paused forever." },
  SLA403: { title: "clock never stops", explain: "A target needs a `stop on …` rule, or it can never be met." },
  SLA501: { title: "money without a currency", explain: "Amounts are written with their currency: `39 EUR`." },
  SLA502: { title: "currency mismatch", explain: "An amount in a currency other than the one the fees are in, or an unknown ISO 4217 code." },
  SLA503: { title: "incomplete fees", explain: "Fees need a currency, an invoice schedule and payment terms; a package needs what it prepays and the work that draws from it." },
  SLA504: { title: "inconsistent fees", explain: "A fee clause that contradicts itself: a package that can be bought after it expires, an invoice day that some months lack." },
  SLA505: { title: "conflicting credit rules", explain: "Two ways of settling one credit: `sum per breach` and `amount … per breach`, breach thresholds beside a per-ticket rule, two claim deadlines, or thresholds that do not rise with the count." },
  SLA506: { title: "incomplete credit rule", explain: "A credit rule missing what it needs to settle exactly: `sum per breach` without a credit table, or a count of breaches or days that is not a whole number." },
  SLA601: { title: "invalid example", explain: "An example case needs a ticket opened at an instant (or a period file) and at least one expectation." },
  SLA901: { title: "unused declaration", explain: "A declaration nothing refers to." },
  SLA902: { title: "redundant clause", explain: "A clause that changes nothing." },
  SLA903: { title: "legacy time zone", explain: "Zones such as `EST` or `CET` are fixed offsets or legacy aliases: `EST` never observes summer time, so summer dues are an hour off. Name the place: `America/New_York`." },
} as const;

export type Code = keyof typeof Codes;
