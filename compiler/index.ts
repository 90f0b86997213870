/**
 * The driver: the only place the stages are chained (text → CST → AST → checked IR).
 *
 *   parseSla (grammar/) → astFromCst → collectSymbols → lowerPolicy (checks + IR)
 *
 * Every stage reports into one DiagnosticBag; nothing throws on bad input.
 */
import { parseSla, type SyntaxError } from "../grammar/parse.js";
import { sourceFile, type SourceFile } from "../grammar/source.js";
import { keywords } from "../grammar/tokens.js";
import type { PolicyIR } from "../runtime/ir.js";
import type { PolicyFile } from "./ast.js";
import { astFromCst } from "./ast-from-cst.js";
import type { Code } from "./codes.js";
import { type Diagnostic, DiagnosticBag } from "./diagnostic.js";
import { lowerPolicy } from "./lower.js";
import { collectSymbols, type SymbolTable } from "./symbols.js";

// The size limit lives with the other file-level problems (SLA004); re-exported for the callers.
export { MAX_POLICY_BYTES } from "./source-problems.js";

export interface CompileResult {
  readonly file: SourceFile;
  readonly ast: PolicyFile;
  readonly symbols: SymbolTable;
  /** The IR, present when there are no errors (warnings allowed). */
  readonly ir: PolicyIR | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Hints for syntax errors, by the grammar rule the parser was in (a test checks every rule has one). */
export const RULE_HELP: Record<string, string> = {
  policyHeader: 'the first line is `policy <id> "title"`, e.g. `policy acme "ACME Support Policy"`',
  priorityCapDecl: 'a cap on the priority is `priority at most P3 for environment non_production "reason"` (a level, then a condition)',
  excludeDecl: 'exclusions are `exclude channel email "reason"`, `exclude cause force_majeure "reason"`, `exclude product beta "reason"` or `exclude <flag> "reason"`',
  fieldDecl: 'a ticket field lists its values with the document\'s words: `field product "Product" { x "Product X"  y "Product Y" }`',
  fieldValue: 'a field\'s value is a name and its words: `x "Product X"`',
  condition: "a condition is `priority P1`, `cause x`, `product a, b` (a field's values), a flag, or plans `gold, platinum`",
  fromTicket: "write `from ticket`: the value comes with each ticket's `customer`",
  zoneClause: 'a zone is an IANA name in quotes: `zone "Europe/Rome"`',
  holidaysClause: 'holidays are country codes in quotes: `holidays "IT"` or `holidays "DE-BY", "AT"`',
  openOnHolidays: "write `open on holidays`",
  openDuring: "write `open during` and the calendars it is open during, e.g. `open during emea_hours, americas_hours`",
  closedClause:
    "closures are `closed 2026-12-25`, `closed 2026-12-24 from 13:00`, `closed 2026-08-14 12:00-14:00`, a range `closed 2026-12-29 to 2027-01-03` or every year `closed every Dec 24 from 14:00`",
  holidayRule: 'a holiday of the vendor\'s own list is `holiday "Thanksgiving" fourth Thu of Nov` or `holiday "Independence Day" Jul 4 observed nearest weekday`',
  yearDay: "a date of every year is a month and a day, `Dec 24`, a weekday of a month, `third Mon of Jan`, `last Mon of May`, or the day after one, `day after fourth Thu of Nov`",
  observedClause: "write `observed nearest weekday`, `observed next weekday` or `observed next weekday when on Sun`",
  openingClause: "an extra opening is `open 2026-12-27 10:00-14:00`",
  alwaysClause: "write `24x7` for a calendar that is always open",
  daysClause: "a days-only calendar lists its business days: `days Mon-Fri`",
  dayList: "weekdays are `Mon`, `Tue`, `Wed`, `Thu`, `Fri`, `Sat`, `Sun`; write ranges `Mon-Fri` and lists `Mon-Thu, Sat`",
  regionDecl: 'a region is `region europe "Europe" { calendar europe_hours  languages en, it }`',
  regionItem: "region lines: `calendar <name>`, `calendar <name> for <plan>, …`, `languages en, it`, `optional languages fr`",
  calendarRef: "write `calendar <name>`, `calendar <name> for gold, platinum` or, in an escalation, `calendar for gold`",
  languagesClause: "languages are two-letter codes: `languages en, it` or `optional languages fr, es`",
  nameList: "names are separated by commas: `gold, platinum`",
  wordList: "codes are separated by commas: `en, it`",
  eventKind: "ticket events are `open`, `approve`, `pause`, `resume`, `respond`, `resolve`, `reprioritize` and `reopen`",
  reopenClause: "a reopening window is `reopen within 7 days`: a `reopen` that long after the `resolve` runs the stopped clock again",
  kpiClause: 'a non-binding target says `kpi "why it is not binding"`',
  goalsClause: "goals are a table: `goals { | priority | goal |  | P1 | 4 business hours | }`",
  unit: "units are `minutes`, `hours`, `days`, `weeks` and `months`; business time is `4 business hours` or `3 business days`",
  escalationDecl: "an escalation is `escalation for gold { calendar for gold  start on open  stop on resolve  { | priority | after | to | … } }`",
  creditsDecl: "credits are `credits for gold { target response  { | priority | credit | … }  claim by end of next month }`",
  creditsItem: 'credit lines: `target response`, a `{ | priority | credit | … }` table, `claim by end of next month`, `claim subject "…"`, `ineligible channel email`, `ineligible optional languages`, `cap 50%`, `sum per breach`, `amount 500 EUR per breach`, `above 4 breaches 20%`, `claim within 30 days after period`, `credit per started hour late`, `cap 100% per target`, `no claim for enterprise`, `credit on next invoice`',
  availabilityDecl: 'an availability commitment is `availability platform "Monthly Uptime" { commit 99.9%  credits { | below | credit | … } }`',
  availabilityItem: "availability lines: `commit 99.9%`, `commit 99.9% per quarter starting Apr 1`, `credit 10 × downtime fee`, `credit 5% per started 30 minutes, up to 100%`, `component api, console`, `over elapsed time`, `over calendar office`, `excuse scheduled announced 48 hours ahead, up to 4 hours per period`, `excuse cause force_majeure`, `shown to 3 decimals`, `credits { | below | credit | … }`",
  excuseClause: "excused outages are `excuse cause force_majeure, customer`, `excuse scheduled`, `excuse scheduled within calendar window announced 48 hours ahead` or `excuse scheduled announced 48 hours ahead, up to 2 hours each, up to 4 hours per period`",
  excuseLimit: "an excuse limit is `up to 2 hours each` (per outage) or `up to 4 hours per period`",
  shownClause: "a precision is `shown to 3 decimals`",
  objectiveDecl: 'an objective is `objective critical_fix "…" { 95% of tickets meet resolution  for priority P1  credit 5% }`',
  objectiveItem: "objective lines: `95% of tickets meet resolution`, `for priority P1`, `credit 5%`, `shown to 2 decimals`",
  feesDecl: "fees are `fees { currency EUR  rate 39 EUR per hour  invoice monthly  payment net 30 days }`",
  rateClause: "a rate is `rate 39 EUR per hour` or `rate <plan or work> 39 EUR per hour`",
  money: "an amount is a number and its currency: `39 EUR`",
  allowanceClause: "an allowance is `allowance basic 1 hour per month, excess at standard`",
  packageDecl: "a package is `package <plan> 199 EUR { prepays 5 hours of premium  draws onboarding }`",
  packageItem: "package lines: `prepays 5 hours of premium or 9 hours of standard`, `draws <work>`, `buy within 2.5 months of trialStart`, `expires 3 months after trialStart`",
  prepaidOption: "a prepaid option is `5 hours of premium`",
  invoiceClause: "invoices are `invoice monthly`, `invoice monthly, issued 1 day after period` or `invoice monthly, issued on day 10 of next month`",
  paymentClause: "payment terms are `payment net 30 days` or `payment by end of month`",
  lateChargeClause: "a late charge is `late charge 1.5% per started month`",
  chargeClause: "a charge is `charge hosting 500 EUR`, `charge licence from period` or `charge extended_hours 20% of licence, at least 2000 EUR`",
  quotaClause: "a quota is `quota 10 hours per week`, `quota configuration 30 hours per quarter`, or with unused hours carried to the next, `quota basic 4 hours per quarter rollover`",
  periodDecl: "the settlement period is `period month`, `period quarter starting Feb 1` or `period year starting Apr 1`",
  periodShape: "a period is `month`, `quarter starting Feb 1` or `year starting Apr 1`",
  creditStep: "a credit's step is `per started 30 minutes`, `per hour` or `per started hour` (a step begun counts whole with `started`)",
  exampleDecl: 'an example is `example "name" { priority P1  opened <instant>  expect response met }`',
  ticketField: "ticket fields are `priority P1`, `plan gold`, `region europe`, `channel portal`, `language en`",
  eventLine: "events are `pause at <instant>`, `resume at <instant>`, `reprioritize to P1 at <instant>`",
  window: "a window is written `09:00-18:00`",
  windowList: "windows are written `09:00-12:00, 13:00-18:00`",
  hoursClause: "weekly hours are written `Mon-Fri 09:00-18:00`",
  dayRange: "weekdays are `Mon`, `Tue`, `Wed`, `Thu`, `Fri`, `Sat`, `Sun`; ranges `Mon-Fri`",
  calendarDecl: 'a calendar is `calendar name { zone "Europe/Rome"  Mon-Fri 09:00-18:00  holidays "IT" }`',
  calendarItem: 'calendar lines: `zone "…"`, `Mon-Fri 09:00-18:00`, `holidays "IT"`, `closed 2026-12-24 from 13:00`, `open 2026-12-27 10:00-14:00`, `open on holidays`, `days Mon-Fri`, `24x7`',
  row: "a table row is `| P1 | 4 business hours |`: cells between pipes",
  cell: "a cell is a name, a duration (`4 business hours`), `next business day`, `same business day`, `best effort` or a percentage",
  table: "a table is `{ | header | … | then one row per line }`",
  duration: "a duration is a number and a unit: `60 minutes`, `4 business hours`, `3 business days`",
  clockRule: "clock rules are `start on open`, `pause on pause`, `resume on resume`, `stop on respond, resolve`; a recurring target adds `restart on respond`",
  targetDecl: "a target holds clock rules, an optional `kpi`, and `goals { … }`",
  namedDecl: 'declarations are `plan gold "…"`, `priority P1 "…"`, `role ceo "CEO"`',
  exampleItem: "example lines: `ticket \"T-1\"`, `priority P1`, `opened <instant>`, `pause at <instant>`, `as of <instant>`, `expect …`",
  expectation: "expectations: `expect response met due <instant>`, `expect updates breached 2 breaches due <instant>`, `expect escalation <role> at <instant>`, `expect credit 20%`",
  feesItem: "fee lines: `currency EUR`, `rate 39 EUR per hour`, `free bug_fix`, `invoice monthly`, `payment net 30 days`, `late charge 1.5% per started month`",
  declaration: "a declaration starts with `calendar`, `region`, `plan`, `priority`, `target`, `escalation`, `credits`, `availability`, `objective`, `fees`, `period`, `role`, `channel`, `work`, `obligation`, `exclude` or `example`",
  file: "a declaration starts with `calendar`, `region`, `plan`, `priority`, `target`, `escalation`, `credits`, `availability`, `objective`, `fees`, `period`, `role`, `channel`, `work`, `obligation`, `exclude` or `example`",
};

const RESERVED = new Set(keywords);

function fromSyntaxError(e: SyntaxError): Diagnostic {
  const code: Code = e.kind === "lexical" ? "SLA002" : "SLA001";
  const reserved = e.kind === "syntax" && e.found !== null && RESERVED.has(e.found) && (e.expected ?? "").includes("a name");
  const help =
    e.kind === "lexical"
      ? e.found?.startsWith('"')
        ? 'a string closes with `"` on the same line; write a quote inside a string as `\\"`'
        : "comments start with `//`; strings are written in double quotes"
      : reserved
        ? `\`${e.found}\` is a reserved word of the language and cannot be a name: choose another name`
        : ((e.rule && RULE_HELP[e.rule]) ?? undefined);
  return { code, severity: "error", message: e.message, span: e.span, ...(help ? { help } : {}) };
}

/** Codes that only report something missing: noise when the parser skipped part of the file. */
const MISSING_CODES = new Set<Code>(["SLA003", "SLA205", "SLA207", "SLA301", "SLA303", "SLA403", "SLA503", "SLA601", "SLA901"]);

/** Compile a policy text. Never throws. */
export function compile(path: string, text: string): CompileResult {
  const file = sourceFile(path, text);
  const parsed = parseSla(text);
  const ast = astFromCst(parsed.cst, text.length);
  const bag = new DiagnosticBag();
  const symbols = collectSymbols(ast, bag);
  const ir = lowerPolicy({ file, diagnostics: bag, symbols }, ast);
  const syntax = parsed.errors.map(fromSyntaxError);
  // A construct the parser had to repair (a syntax error strictly inside the diagnostic's span,
  // e.g. a row whose cell was dropped) says nothing reliable: only the syntax error is shown.
  const repaired = (d: Diagnostic) => syntax.some((s) => s.span.start >= d.span.start && s.span.start < d.span.end);
  const semantic = syntax.length > 0 ? bag.items.filter((d) => !MISSING_CODES.has(d.code) && !repaired(d)) : bag.items;
  const diagnostics = [...syntax, ...semantic].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  const hasErrors = diagnostics.some((d) => d.severity === "error");
  return { file, ast, symbols, ir: hasErrors ? null : ir, diagnostics };
}
