/**
 * CST → AST. Reads the CST through the types generated from the grammar
 * (`grammar/cst.generated.ts`) with the accessors of `cst-access.ts`, so a renamed rule or token
 * is a compile error here. Defensive: a CST built by error recovery may lack any token, so every
 * lookup may come back empty and the AST then holds `null` there.
 */
import type { IToken } from "chevrotain";
import type * as C from "../grammar/cst.generated.js";
import { tokenSpan } from "../grammar/parse.js";
import type * as A from "./ast.js";
import { allTokens, sub, subs, spanOf, tok, toks, type ChildNode, type RuleChild, type TokenName, type TypedNode } from "./cst-access.js";

/** The items of a block read by `item`, dropping those it cannot make sense of. */
function items<N, T>(nodes: readonly N[], item: (node: N) => T | null): T[] {
  return nodes.flatMap((n) => {
    const x = item(n);
    return x ? [x] : [];
  });
}

function name(t: IToken | null): A.Name | null {
  return t ? { text: t.image, span: tokenSpan(t) } : null;
}

/** The names of a `nameList` (`gold, platinum`). */
function names(node: C.NameListCstNode | null): A.Name[] {
  return node ? toks(node, "Identifier").map((t) => name(t)!) : [];
}

/** The words of a `wordList` (`en, it`). */
function words(node: C.WordListCstNode | null): A.Name[] {
  return node ? toks(node, "Word").map((t) => name(t)!) : [];
}

/** Unescape a string literal: `"a \"b\""` → `a "b"`. */
function str(t: IToken | null): A.Str | null {
  if (!t) return null;
  const inner = t.image.slice(1, -1).replace(/\\(.)/g, "$1");
  return { value: inner, span: tokenSpan(t) };
}

function lit<T>(t: IToken | null, value: (image: string) => T): A.Lit<T> | null {
  return t ? { value: value(t.image), span: tokenSpan(t) } : null;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** `09:30` → 570 minutes after midnight. */
export function clockMinutes(image: string): number {
  const [h, m] = image.split(":");
  return Number(h) * 60 + Number(m);
}

function percentValue(image: string): string {
  return image.replace(/\s*%$/, "");
}

function unitOf(image: string): A.UnitName {
  const u = image.replace(/s$/, "");
  return (["minute", "hour", "day", "week", "month"].includes(u) ? u : "hour") as A.UnitName;
}

function unitNode(node: C.UnitCstNode | null): A.UnitName | null {
  if (!node) return null;
  const t = tok(node, "Unit") ?? tok(node, "Day") ?? tok(node, "Days");
  return t ? unitOf(t.image) : null;
}

function duration(node: C.DurationCstNode | null): A.Duration | null {
  if (!node) return null;
  const n = tok(node, "NumberLit");
  const unit = unitNode(sub(node, "unit"));
  if (!n || !unit) return null;
  return {
    kind: "duration",
    amount: Number(n.image),
    amountText: n.image,
    business: tok(node, "Business") !== null,
    unit,
    span: spanOf(node),
  };
}

function windows(node: C.WindowListCstNode | null): A.Window[] {
  if (!node) return [];
  const out: A.Window[] = [];
  for (const w of subs(node, "window")) {
    const from = lit(tok(w, "ClockTime", 0), clockMinutes);
    const to = lit(tok(w, "ClockTime", 1), clockMinutes);
    if (from && to) out.push({ from, to, span: spanOf(w) });
  }
  return out;
}

function dayRanges(node: C.DayListCstNode | null): A.DayRange[] {
  if (!node) return [];
  const out: A.DayRange[] = [];
  for (const r of subs(node, "dayRange")) {
    const from = lit(tok(r, "Weekday", 0), (s) => WEEKDAYS.indexOf(s));
    if (from) out.push({ from, to: lit(tok(r, "Weekday", 1), (s) => WEEKDAYS.indexOf(s)), span: spanOf(r) });
  }
  return out;
}

/** `zone "…"` or `zone from ticket`. */
function zoneItem(zone: C.ZoneClauseCstNode, span: A.Decl["span"]): Extract<A.CalendarItem, { kind: "zone" }> {
  return { kind: "zone", zone: str(tok(zone, "StringLit")), fromTicket: sub(zone, "fromTicket") !== null, span };
}

/** `holidays "IT", "AT"` or `holidays from ticket`. */
function holidaysItem(hol: C.HolidaysClauseCstNode, span: A.Decl["span"]): Extract<A.CalendarItem, { kind: "holidays" }> {
  return { kind: "holidays", codes: toks(hol, "StringLit").map((t) => str(t)!), fromTicket: sub(hol, "fromTicket") !== null, span };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1 };

/** `Dec 24` or `third Mon of Jan` (issue 11.6). */
function yearDay(node: C.YearDayCstNode | null): A.YearDay | null {
  if (!node) return null;
  const month = lit(tok(node, "Month"), (s) => MONTHS.indexOf(s) + 1);
  const nth = lit(tok(node, "Ordinal"), (s) => ORDINALS[s] ?? 1);
  if (!month) return null;
  const dayAfter = tok(node, "After") !== null;
  if (nth) {
    const weekday = lit(tok(node, "Weekday"), (s) => WEEKDAYS.indexOf(s));
    return weekday ? { kind: "nth", nth, weekday, month, dayAfter, span: spanOf(node) } : null;
  }
  const day = lit(tok(node, "NumberLit"), Number);
  return day ? { kind: "date", month, day, dayAfter, span: spanOf(node) } : null;
}

/** `observed nearest weekday`, `observed next weekday when on Sun`, `observed next free weekday`. */
function observed(node: C.ObservedClauseCstNode | null): A.Observed | null {
  if (!node) return null;
  return { mode: tok(node, "Nearest") ? "nearest" : tok(node, "Free") ? "nextFree" : "next", on: dayRanges(sub(node, "dayList")), span: spanOf(node) };
}

/** `closed 2026-12-25`, `closed 2026-12-29 to 2027-01-03`, `closed every Dec 24 from 14:00`. */
function closedItem(closed: C.ClosedClauseCstNode, span: A.Decl["span"]): A.CalendarItem {
  const from = lit(tok(closed, "ClockTime"), clockMinutes);
  const ws = windows(sub(closed, "windowList"));
  if (tok(closed, "Every")) {
    return { kind: "yearly", holiday: false, name: null, day: yearDay(sub(closed, "yearDay")), observed: observed(sub(closed, "observedClause")), from, windows: ws, span };
  }
  return { kind: "closed", date: lit(tok(closed, "DateLit"), String), until: lit(tok(closed, "DateLit", 1), String), from, windows: ws, span };
}

function calendarItem(node: C.CalendarItemCstNode): A.CalendarItem | null {
  const span = spanOf(node);
  const zone = sub(node, "zoneClause");
  if (zone) return zoneItem(zone, span);
  const hol = sub(node, "holidaysClause");
  if (hol) return holidaysItem(hol, span);
  if (sub(node, "openOnHolidays")) return { kind: "openOnHolidays", span };
  const closed = sub(node, "closedClause");
  if (closed) return closedItem(closed, span);
  const holiday = sub(node, "holidayRule");
  if (holiday) {
    const day = yearDay(sub(holiday, "yearDay"));
    return { kind: "yearly", holiday: true, name: str(tok(holiday, "StringLit")), day, observed: observed(sub(holiday, "observedClause")), from: null, windows: [], span };
  }
  const opening = sub(node, "openingClause");
  if (opening) return { kind: "opening", date: lit(tok(opening, "DateLit"), String), windows: windows(sub(opening, "windowList")), span };
  if (sub(node, "alwaysClause")) return { kind: "always", span };
  const days = sub(node, "daysClause");
  if (days) return { kind: "days", days: dayRanges(sub(days, "dayList")), span };
  const hours = sub(node, "hoursClause");
  if (hours) return { kind: "hours", days: dayRanges(sub(hours, "dayList")), windows: windows(sub(hours, "windowList")), span };
  return null;
}

/** `priority P1`, `cause x`, `channel phone`, `product a, b`, `gold, platinum`, `phone_escalated` (issue 11). */
function condition(node: C.ConditionCstNode | null): A.Condition | null {
  if (!node) return null;
  const values = names(sub(node, "nameList"));
  const priority = tok(node, "Priority");
  const cause = tok(node, "Cause");
  const channel = tok(node, "Channel");
  const field = tok(node, "Identifier");
  const axis: A.Condition["axis"] = priority
    ? { kind: "priority", span: tokenSpan(priority) }
    : cause
      ? { kind: "cause", span: tokenSpan(cause) }
      : channel
        ? { kind: "channel", span: tokenSpan(channel) }
        : field
          ? { kind: "field", field: name(field)!, span: tokenSpan(field) }
          : null;
  return { axis, values, span: spanOf(node) };
}

/** `a and b and c`: the first condition, the others in its `also`. */
function conditions(nodes: readonly C.ConditionCstNode[]): A.Condition | null {
  const [first, ...rest] = items(nodes, condition);
  return first ? (rest.length > 0 ? { ...first, also: rest } : first) : null;
}

function calendarRef(node: C.CalendarRefCstNode): A.CalendarRef {
  const when = conditions(subs(node, "condition"));
  return { kind: "calendarRef", calendar: name(tok(node, "Identifier")), plans: when && !when.axis && !when.also ? when.values : [], when, span: spanOf(node) };
}

/**
 * The first keyword of `table` present under `node`, with what the table maps it to. The tables
 * are keyed by the node's generated token names, so a renamed keyword is a compile error.
 */
function keywordIn<Cn, K extends TokenName<Cn>, V>(node: TypedNode<Cn>, table: { readonly [P in K]: V }): { value: V; token: IToken } | null {
  for (const key of Object.keys(table) as K[]) {
    const token = tok(node, key);
    if (token) return { value: table[key], token };
  }
  return null;
}

/** Every keyword that starts a `clockRule` and the rule it sets. */
const CLOCK_RULES = { Start: "start", Pause: "pause", Resume: "resume", Stop: "stop", Restart: "restart" } as const satisfies Record<
  Exclude<TokenName<C.ClockRuleCstChildren>, "On" | "Comma">,
  A.ClockRule["rule"]
>;

/** Every keyword of the `eventKind` rule: a new event keyword is a compile error until it is mapped here. */
const EVENT_KINDS = {
  Identifier: null,
  Open: "open",
  Approve: "approve",
  Pause: "pause",
  Resume: "resume",
  Respond: "respond",
  Resolve: "resolve",
  Reprioritize: "reprioritize",
} as const satisfies Record<TokenName<C.EventKindCstChildren>, A.EventKindName | null>;

function clockRule(node: C.ClockRuleCstNode): A.ClockRule {
  return {
    kind: "clockRule",
    rule: keywordIn(node, CLOCK_RULES)?.value ?? "start",
    events: items(subs(node, "eventKind"), eventKind),
    span: spanOf(node),
  };
}

/** A built-in event keyword, or a declared event's name (`value` null in the table). */
function eventKind(node: C.EventKindCstNode | null): A.EventRef | null {
  if (!node) return null;
  const kw = keywordIn(node, EVENT_KINDS);
  if (!kw) return null;
  return { value: kw.value ?? kw.token.image, declared: kw.value === null, span: tokenSpan(kw.token) };
}

function cell(node: C.CellCstNode): A.Cell | null {
  const span = spanOf(node);
  const d = sub(node, "duration");
  if (d) return duration(d);
  const days = tok(node, "NumberLit");
  if (days) return { kind: "supportDays", amount: Number(days.image), span };
  if (tok(node, "Next")) return { kind: "nextBusinessDay", span };
  if (tok(node, "Same")) return { kind: "sameBusinessDay", span };
  if (tok(node, "Best")) return { kind: "bestEffort", span };
  const pct = tok(node, "Percent");
  if (pct) return { kind: "percent", value: Number(percentValue(pct.image)), of: name(tok(node, "Identifier")), span };
  const id = tok(node, "Identifier");
  const value = tok(node, "Identifier", 1);
  if (id && value) return { kind: "attribute", field: name(id)!, value: name(value)!, span };
  if (id) return { kind: "name", name: name(id)!, span };
  if (tok(node, "None")) return { kind: "none", span };
  const word = allTokens(node)[0];
  return word ? { kind: "word", word: word.image, span } : null;
}

function table(node: C.TableCstNode): A.Table {
  const rows = subs(node, "row").map((r) => ({
    cells: items(subs(r, "cell"), cell),
    span: spanOf(r),
  }));
  return { kind: "table", rows, span: spanOf(node) };
}

function money(node: C.MoneyCstNode | null): A.Money | null {
  if (!node) return null;
  const amount = lit(tok(node, "NumberLit"), String);
  if (!amount) return null;
  return { amount, currency: name(tok(node, "Identifier")), span: spanOf(node) };
}

function creditsItem(node: C.CreditsItemCstNode): A.CreditsItem | null {
  const span = spanOf(node);
  const zone = sub(node, "zoneClause");
  if (zone) return zoneItem(zone, span);
  const t = sub(node, "table");
  if (t) return table(t);
  // `cap 100% per target` holds a `target` too: the cap is read below.
  if (tok(node, "Target") && !tok(node, "Cap")) return { kind: "targets", targets: names(sub(node, "nameList")), span };
  if (tok(node, "No")) return { kind: "noClaimFor", plans: names(sub(node, "nameList")), span };
  if (tok(node, "Invoice")) return { kind: "creditOnNextInvoice", span };
  if (tok(node, "Claim")) {
    if (tok(node, "Subject")) return { kind: "claimSubject", subject: str(tok(node, "StringLit")), span };
    if (tok(node, "Within")) return { kind: "claimWithinDays", days: lit(tok(node, "NumberLit"), String), after: tok(node, "Breach") ? "breach" : tok(node, "Outage") ? "outage" : "period", span };
    return { kind: "claimByEndOfNextMonth", span };
  }
  if (tok(node, "Sum")) return { kind: "sumPerBreach", span };
  if (tok(node, "Amount")) return { kind: "amountPerBreach", money: money(sub(node, "money")), span };
  if (tok(node, "Above")) return { kind: "breachThreshold", above: lit(tok(node, "NumberLit"), String), percent: lit(tok(node, "Percent"), percentValue), span };
  if (tok(node, "Ineligible")) {
    if (tok(node, "Optional")) return { kind: "ineligibleOptionalLanguages", span };
    if (tok(node, "Account")) return { kind: "ineligibleAccount", standings: names(sub(node, "nameList")), span };
    const when = condition(sub(node, "condition"));
    // `ineligible channel email` alone keeps its own IR field (credits.ineligibleChannels)
    if (when?.axis?.kind === "channel" && !when.also) return { kind: "ineligibleChannels", channels: when.values, span };
    if (when) return { kind: "ineligibleWhen", when, span };
    return null;
  }
  if (tok(node, "Cap")) return { kind: "cap", percent: lit(tok(node, "Percent"), (s) => Number(percentValue(s))), perTarget: tok(node, "Target") !== null, span };
  if (tok(node, "Late")) return { kind: "lateCredit", step: creditStep(sub(node, "creditStep")), span };
  return null;
}

/** `per started 30 minutes`: the step of a credit that grows with downtime or lateness. */
function creditStep(node: C.CreditStepCstNode | null): A.CreditStep | null {
  if (!node) return null;
  return { started: tok(node, "Started") !== null, amount: lit(tok(node, "NumberLit"), String), unit: unitNode(sub(node, "unit")), span: spanOf(node) };
}

function packageItem(node: C.PackageItemCstNode): A.PackageItem | null {
  const span = spanOf(node);
  if (tok(node, "Prepays")) {
    return {
      kind: "prepays",
      options: subs(node, "prepaidOption").flatMap((o) => {
        const d = duration(sub(o, "duration"));
        return d ? [{ duration: d, regime: name(tok(o, "Identifier")), span: spanOf(o) }] : [];
      }),
      span,
    };
  }
  if (tok(node, "Draws")) return { kind: "draws", work: name(tok(node, "Identifier")), span };
  const units = toks(node, "Unit");
  const unit = units[0] ? unitOf(units[0].image) : null;
  const amount = lit(tok(node, "NumberLit"), String);
  const from = name(tok(node, "Identifier"));
  if (tok(node, "Buy")) return { kind: "buyWithin", amount, unit, from, span };
  if (tok(node, "Expires")) return { kind: "expires", amount, unit, from, span };
  return null;
}

function rateClause(rate: C.RateClauseCstNode, span: A.FeesItem["span"]): A.FeesItem {
  const per = tok(rate, "Unit");
  return {
    kind: "rate",
    subject: name(tok(rate, "Identifier")),
    money: money(sub(rate, "money")),
    per: per ? unitOf(per.image) : null,
    perSpan: per ? tokenSpan(per) : null,
    span,
  };
}

function allowanceClause(allowance: C.AllowanceClauseCstNode, span: A.FeesItem["span"]): A.FeesItem {
  const per = tok(allowance, "Unit");
  return {
    kind: "allowance",
    regime: name(tok(allowance, "Identifier", 0)),
    duration: duration(sub(allowance, "duration")),
    per: per ? unitOf(per.image) : tok(allowance, "Quarter") ? "quarter" : null,
    excessAt: name(tok(allowance, "Identifier", 1)),
    span,
  };
}

function packageDecl(pkg: C.PackageDeclCstNode, span: A.FeesItem["span"]): A.FeesItem {
  return {
    kind: "package",
    plan: name(tok(pkg, "Identifier")),
    price: money(sub(pkg, "money")),
    items: items(subs(pkg, "packageItem"), packageItem),
    span,
  };
}

function invoiceClause(inv: C.InvoiceClauseCstNode, span: A.FeesItem["span"]): A.FeesItem {
  const days = lit(tok(inv, "NumberLit", 0), Number);
  let issue: Extract<A.FeesItem, { kind: "invoice" }>["issue"] = null;
  if (tok(inv, "Issued") && days) issue = tok(inv, "On") ? { kind: "dayOfNextMonth", day: days } : { kind: "daysAfterPeriod", days };
  return { kind: "invoice", schedule: tok(inv, "Yearly") ? "yearly" : tok(inv, "Quarterly") ? "quarterly" : "monthly", issue, span };
}

function paymentClause(pay: C.PaymentClauseCstNode, span: A.FeesItem["span"]): A.FeesItem {
  const days = lit(tok(pay, "NumberLit"), Number);
  if (tok(pay, "Net") && days) return { kind: "payment", due: { kind: "netDays", days, unit: unitNode(sub(pay, "unit")) }, span };
  return { kind: "payment", due: { kind: "endOfMonth" }, span };
}

function feesItem(node: C.FeesItemCstNode): A.FeesItem | null {
  const span = spanOf(node);
  const zone = sub(node, "zoneClause");
  if (zone) return zoneItem(zone, span);
  if (tok(node, "Currency")) return { kind: "currency", currency: name(tok(node, "Identifier")), span };
  if (tok(node, "Plus")) return { kind: "plusVat", span };
  if (tok(node, "Vat")) return { kind: "vatRate", percent: lit(tok(node, "Percent"), percentValue), span };
  if (tok(node, "Free")) return { kind: "free", works: names(sub(node, "nameList")), span };
  const rate = sub(node, "rateClause");
  if (rate) return rateClause(rate, span);
  const allowance = sub(node, "allowanceClause");
  if (allowance) return allowanceClause(allowance, span);
  const pkg = sub(node, "packageDecl");
  if (pkg) return packageDecl(pkg, span);
  const inv = sub(node, "invoiceClause");
  if (inv) return invoiceClause(inv, span);
  const pay = sub(node, "paymentClause");
  if (pay) return paymentClause(pay, span);
  const late = sub(node, "lateChargeClause");
  if (late) return { kind: "lateCharge", percent: lit(tok(late, "Percent"), percentValue), span };
  const charge = sub(node, "chargeClause");
  if (charge) return chargeClause(charge, span);
  const quota = sub(node, "quotaClause");
  if (quota) return quotaClause(quota, span);
  return null;
}

/** Issue 12.5: `charge NAME ["title"] (AMOUNT | from period | P% of BASE[, at least AMOUNT])`. */
function chargeClause(node: C.ChargeClauseCstNode, span: A.FeesItem["span"]): A.FeesItem {
  const moneys = subs(node, "money");
  let amount: A.ChargeAmount;
  if (tok(node, "Percent")) {
    amount = { kind: "percentOf", percent: lit(tok(node, "Percent"), percentValue), base: name(tok(node, "Identifier", 1)), minimum: money(moneys[0] ?? null) };
  } else if (tok(node, "From")) amount = { kind: "fromPeriod" };
  else amount = { kind: "fixed", money: money(moneys[0] ?? null) };
  return { kind: "charge", name: name(tok(node, "Identifier")), title: str(tok(node, "StringLit")), amount, span };
}

/** Issue 12.5: `quota [WORK] N hours per week|month|quarter`. */
function quotaClause(node: C.QuotaClauseCstNode, span: A.FeesItem["span"]): A.FeesItem {
  const per = tok(node, "Unit") ?? tok(node, "Quarter");
  return {
    kind: "quota",
    work: name(tok(node, "Identifier")),
    duration: duration(sub(node, "duration")),
    per: per ? (tok(node, "Quarter") ? "quarter" : unitOf(per.image)) : null,
    perSpan: per ? tokenSpan(per) : null,
    rollover: tok(node, "Rollover") !== null,
    untilTermEnd: tok(node, "Term") !== null,
    span,
  };
}

/** Issue 12.2: `period month`, `period quarter starting Feb 1`. */
function periodDecl(node: C.PeriodDeclCstNode): A.Decl {
  return { kind: "period", ...periodShape(sub(node, "periodShape")), span: spanOf(node) };
}

/** `quarter starting Feb 1` of a `period` declaration or of an availability's `commit … per …` (nothing when recovery dropped it). */
function periodShape(node: C.PeriodShapeCstNode | null | undefined): Omit<A.PeriodDecl, "kind" | "span"> {
  if (!node) return { unit: null, start: null };
  const unitTok = tok(node, "Unit") ?? tok(node, "Quarter") ?? tok(node, "Year");
  const unit = unitTok ? { value: tok(node, "Unit") ? unitOf(unitTok.image) : (unitTok.image as "quarter" | "year"), span: tokenSpan(unitTok) } : null;
  const month = lit(tok(node, "Month"), (m) => MONTHS.indexOf(m) + 1);
  const start = tok(node, "Starting") && month ? { month, day: lit(tok(node, "NumberLit"), Number), span: { start: month.span.start, end: tok(node, "NumberLit") ? tokenSpan(tok(node, "NumberLit")!).end : month.span.end } } : null;
  return { unit, start };
}

/** Every keyword of the `ticketField` rule and the ticket field it sets. */
const TICKET_FIELDS = {
  Priority: "priority",
  Plan: "plan",
  Region: "region",
  Channel: "channel",
  Language: "language",
  Cause: "cause",
} as const satisfies Record<Exclude<TokenName<C.TicketFieldCstChildren>, "Identifier" | "Word">, Extract<A.ExampleItem, { kind: "field" }>["field"]>;

function exampleItem(node: C.ExampleItemCstNode): A.ExampleItem | null {
  const span = spanOf(node);
  if (tok(node, "Ticket")) return { kind: "ticketId", id: str(tok(node, "StringLit")), span };
  const field = sub(node, "ticketField");
  if (field) {
    const kw = keywordIn(field, TICKET_FIELDS);
    const attribute = tok(field, "Identifier");
    // No keyword: an attribute line, `product x` or `phone_escalated true`.
    if (!kw && attribute) return { kind: "attribute", field: name(attribute)!, value: name(tok(field, "Identifier", 1)), span };
    const value = tok(field, "Identifier") ?? tok(field, "Word");
    return { kind: "field", field: kw?.value ?? "priority", value: name(value), span };
  }
  const zone = sub(node, "zoneClause");
  if (zone) return { kind: "customerZone", zone: str(tok(zone, "StringLit")), span };
  const hol = sub(node, "holidaysClause");
  if (hol) return { kind: "customerHolidays", codes: toks(hol, "StringLit").map((t) => str(t)!), span };
  if (tok(node, "Opened")) return { kind: "opened", at: lit(tok(node, "DateTime"), String), span };
  const ev = sub(node, "eventLine");
  if (ev) {
    return {
      kind: "event",
      event: eventKind(sub(ev, "eventKind")),
      priority: name(tok(ev, "Identifier")),
      at: lit(tok(ev, "DateTime"), String),
      span,
    };
  }
  if (tok(node, "As")) return { kind: "asOf", at: lit(tok(node, "DateTime"), String), span };
  if (tok(node, "Period")) return { kind: "period", file: str(tok(node, "StringLit")), span };
  const ex = sub(node, "expectation");
  if (ex) return expectation(ex);
  return null;
}

function expectation(node: C.ExpectationCstNode): A.ExampleItem {
  const span = spanOf(node);
  if (tok(node, "Dot")) {
    const words = [...toks(node, "Word"), ...toks(node, "Dot"), ...toks(node, "NumberLit")].sort((a, b) => a.startOffset - b.startOffset);
    const first = words[0];
    const last = words[words.length - 1];
    const pathSpan = first && last ? { start: tokenSpan(first).start, end: tokenSpan(last).end } : span;
    return { kind: "expectSettle", path: words.map((w) => w.image).join(""), pathSpan, value: str(tok(node, "StringLit")), span };
  }
  if (tok(node, "No")) return { kind: "expectNoEscalation", span };
  if (tok(node, "Escalation")) {
    return { kind: "expectEscalation", role: name(tok(node, "Identifier")), at: lit(tok(node, "DateTime"), String), span };
  }
  if (tok(node, "Availability")) return { kind: "expectAvailability", name: name(tok(node, "Identifier")), percent: lit(tok(node, "Percent"), percentValue), span };
  if (tok(node, "Objective")) return { kind: "expectObjective", name: name(tok(node, "Identifier")), status: lit(tok(node, "Status") ?? tok(node, "Missed"), String), span };
  if (tok(node, "Credit")) {
    return { kind: "expectCredit", percent: lit(tok(node, "Percent"), (s) => Number(percentValue(s))), span };
  }
  // `none` may be the status (`expect response none`) or the due (`… due none`): tell them apart by position.
  const due = tok(node, "Due");
  const nones = toks(node, "None");
  const statusNone = nones.find((n) => !due || n.startOffset < due.startOffset) ?? null;
  return {
    kind: "expectTarget",
    target: name(tok(node, "Identifier")),
    status: lit(tok(node, "Status") ?? statusNone, (s) => s as "met" | "breached" | "pending" | "paused" | "none"),
    breaches: lit(tok(node, "NumberLit"), Number),
    due: lit(tok(node, "DateTime"), String),
    dueNone: due !== null && nones.some((n) => n.startOffset > due.startOffset),
    span,
  };
}

/** Every keyword of the `namedDecl` rule and the kind of name it declares. */
const NAMED = {
  Plan: "plan",
  Priority: "priority",
  Role: "role",
  Channel: "channel",
  Work: "work",
  Obligation: "obligation",
  Flag: "flag",
  Event: "event",
  Cause: "cause",
} as const satisfies Record<Exclude<TokenName<C.NamedDeclCstChildren>, "Identifier" | "Extends" | "StringLit">, A.NamedKind>;

function calendarDecl(cal: C.CalendarDeclCstNode): A.Decl {
  return {
    kind: "calendar",
    name: name(tok(cal, "Identifier", 0)),
    title: str(tok(cal, "StringLit")),
    parent: tok(cal, "Extends") ? name(tok(cal, "Identifier", 1)) : null,
    items: items(subs(cal, "calendarItem"), calendarItem),
    span: spanOf(cal),
  };
}

function regionItem(item: C.RegionItemCstNode): A.CalendarRef | A.LanguagesClause | null {
  const ref = sub(item, "calendarRef");
  if (ref) return calendarRef(ref);
  const langs = sub(item, "languagesClause");
  if (langs) return { kind: "languages", optional: tok(langs, "Optional") !== null, codes: words(sub(langs, "wordList")), span: spanOf(langs) };
  return null;
}

function regionDecl(region: C.RegionDeclCstNode): A.Decl {
  return {
    kind: "region",
    name: name(tok(region, "Identifier")),
    title: str(tok(region, "StringLit")),
    items: items(subs(region, "regionItem"), regionItem),
    span: spanOf(region),
  };
}

function namedDecl(named: C.NamedDeclCstNode): A.Decl {
  const kw = keywordIn(named, NAMED);
  return {
    kind: "named",
    what: kw?.value ?? "plan",
    keywordSpan: kw ? tokenSpan(kw.token) : spanOf(named),
    name: name(tok(named, "Identifier", 0)),
    parent: tok(named, "Extends") ? name(tok(named, "Identifier", 1)) : null,
    text: str(tok(named, "StringLit")),
    span: spanOf(named),
  };
}

/** `priority at most P3 for environment non_production "…"` (issue 11/12 follow-up). */
function priorityCapDecl(cap: C.PriorityCapDeclCstNode): A.Decl {
  return { kind: "priorityCap", level: name(tok(cap, "Identifier")), when: conditions(subs(cap, "condition")), text: str(tok(cap, "StringLit")), span: spanOf(cap) };
}

function excludeDecl(ex: C.ExcludeDeclCstNode): A.Decl {
  const keyword = tok(ex, "Cause") ? "cause" : tok(ex, "Channel") ? "channel" : null;
  const ids = toks(ex, "Identifier");
  // `exclude product beta`: a field and its value; `exclude beta_feature`: a flag alone.
  const field = keyword === null && ids.length > 1 ? name(ids[0]!) : null;
  return {
    kind: "exclude",
    what: keyword ?? "attribute",
    field,
    name: name(ids[ids.length - 1] ?? null),
    text: str(tok(ex, "StringLit")),
    span: spanOf(ex),
  };
}

function fieldDecl(field: C.FieldDeclCstNode): A.Decl {
  return {
    kind: "field",
    name: name(tok(field, "Identifier")),
    title: str(tok(field, "StringLit")),
    values: items(subs(field, "fieldValue"), (v) => {
      const id = name(tok(v, "Identifier"));
      return id ? { name: id, text: str(tok(v, "StringLit")), span: spanOf(v) } : null;
    }),
    span: spanOf(field),
  };
}

function targetDecl(target: C.TargetDeclCstNode): A.Decl {
  const kpi = sub(target, "kpiClause");
  return {
    kind: "target",
    name: name(tok(target, "Identifier")),
    title: str(tok(target, "StringLit")),
    clock: subs(target, "clockRule").map(clockRule),
    kpi: kpi ? { text: str(tok(kpi, "StringLit")), span: spanOf(kpi) } : null,
    calendars: subs(target, "calendarRef").map(calendarRef),
    goals: items(subs(target, "goalsClause"), (g): A.GoalsTable | null => {
      const t = sub(g, "table");
      return t ? { ...table(t), when: conditions(subs(g, "condition")) } : null;
    }),
    span: spanOf(target),
  };
}

function escalationDecl(esc: C.EscalationDeclCstNode): A.Decl {
  return {
    kind: "escalation",
    plans: names(sub(esc, "nameList")),
    clock: subs(esc, "clockRule").map(clockRule),
    calendars: subs(esc, "calendarRef").map(calendarRef),
    tables: subs(esc, "table").map(table),
    span: spanOf(esc),
  };
}

function creditsDecl(credits: C.CreditsDeclCstNode): A.Decl {
  return { kind: "credits", plans: names(sub(credits, "nameList")), items: items(subs(credits, "creditsItem"), creditsItem), span: spanOf(credits) };
}

/** `shown to 3 decimals` (issue 12.3–12.4). */
function shown(node: C.ShownClauseCstNode, span: A.Decl["span"]): { kind: "shown"; decimals: A.Lit<string> | null; span: A.Decl["span"] } {
  return { kind: "shown", decimals: lit(tok(node, "NumberLit"), String), span };
}

/** `excuse cause a, b` or `excuse scheduled [within calendar w] [announced D ahead] [, up to D each | per period]…`. */
function excuseItem(node: C.ExcuseClauseCstNode, span: A.Decl["span"]): A.AvailabilityItem {
  if (tok(node, "Cause")) return { kind: "excuseCause", causes: names(sub(node, "nameList")), span };
  const limits = subs(node, "excuseLimit").map((l): A.ExcuseLimit => ({ per: tok(l, "Each") ? "outage" : "period", duration: duration(sub(l, "duration")), span: spanOf(l) }));
  return { kind: "excuse", within: name(tok(node, "Identifier")), ahead: duration(sub(node, "duration")), limits, span };
}

function availabilityItem(node: C.AvailabilityItemCstNode): A.AvailabilityItem | null {
  const span = spanOf(node);
  const excuse = sub(node, "excuseClause");
  if (excuse) return excuseItem(excuse, span);
  const shownNode = sub(node, "shownClause");
  if (shownNode) return shown(shownNode, span);
  const t = sub(node, "table");
  if (t) return { kind: "bands", table: table(t), span };
  if (tok(node, "Commit")) {
    const per = tok(node, "Per");
    // The window's span runs from `per` to the end of the clause.
    const window = per ? { ...periodShape(sub(node, "periodShape")), span: { start: tokenSpan(per).start, end: span.end } } : null;
    return { kind: "commit", percent: lit(tok(node, "Percent"), percentValue), window, span };
  }
  if (tok(node, "Downtime")) return { kind: "downtimeCredit", multiple: lit(tok(node, "NumberLit"), String), span };
  const step = sub(node, "creditStep");
  if (step) return { kind: "stepCredit", percent: lit(tok(node, "Percent"), percentValue), step: creditStep(step), upTo: lit(tok(node, "Percent", 1), percentValue), span };
  if (tok(node, "Component")) return { kind: "components", components: names(sub(node, "nameList")), span };
  if (tok(node, "Elapsed")) return { kind: "overElapsed", span };
  if (tok(node, "Calendar")) return { kind: "overCalendar", calendar: name(tok(node, "Identifier")), span };
  return null;
}

function objectiveItem(node: C.ObjectiveItemCstNode): A.ObjectiveItem | null {
  const span = spanOf(node);
  const shownNode = sub(node, "shownClause");
  if (shownNode) return shown(shownNode, span);
  if (tok(node, "Meet")) return { kind: "share", percent: lit(tok(node, "Percent"), percentValue), target: name(tok(node, "Identifier")), span };
  if (tok(node, "For")) return { kind: "for", when: condition(sub(node, "condition")), span };
  if (tok(node, "Credit")) return { kind: "credit", percent: lit(tok(node, "Percent"), percentValue), span };
  return null;
}

function availabilityDecl(decl: C.AvailabilityDeclCstNode): A.Decl {
  const items_ = items(subs(decl, "availabilityItem"), availabilityItem);
  return { kind: "availability", name: name(tok(decl, "Identifier")), title: str(tok(decl, "StringLit")), plans: names(sub(decl, "nameList")), items: items_, span: spanOf(decl) };
}

function objectiveDecl(decl: C.ObjectiveDeclCstNode): A.Decl {
  const items_ = items(subs(decl, "objectiveItem"), objectiveItem);
  return { kind: "objective", name: name(tok(decl, "Identifier")), title: str(tok(decl, "StringLit")), items: items_, span: spanOf(decl) };
}

function feesDecl(fees: C.FeesDeclCstNode): A.Decl {
  return { kind: "fees", items: items(subs(fees, "feesItem"), feesItem), span: spanOf(fees) };
}

function exampleDecl(example: C.ExampleDeclCstNode): A.Decl {
  return { kind: "example", name: str(tok(example, "StringLit")), items: items(subs(example, "exampleItem"), exampleItem), span: spanOf(example) };
}

type DeclRule = RuleChild<C.DeclarationCstChildren>;

/**
 * One builder per alternative of the `declaration` rule. The mapped type makes a declaration
 * rule added to the grammar without a builder here (after `npm run gen:cst`) a compile error.
 */
const DECLARATIONS: { readonly [K in DeclRule]: (node: ChildNode<C.DeclarationCstChildren, K>) => A.Decl } = {
  calendarDecl,
  regionDecl,
  namedDecl,
  priorityCapDecl,
  fieldDecl,
  excludeDecl,
  targetDecl,
  escalationDecl,
  creditsDecl,
  availabilityDecl,
  objectiveDecl,
  feesDecl,
  periodDecl,
  exampleDecl,
};

const DECLARATION_RULES = Object.keys(DECLARATIONS) as DeclRule[];

/** The declaration `key` under `node`, built, or null when `node` is another alternative. */
function declarationOf<K extends DeclRule>(node: C.DeclarationCstNode, key: K): A.Decl | null {
  const child = sub(node, key);
  return child ? DECLARATIONS[key](child) : null;
}

function declaration(node: C.DeclarationCstNode): A.Decl | null {
  for (const key of DECLARATION_RULES) {
    const decl = declarationOf(node, key);
    if (decl) return decl;
  }
  return null;
}

/** Build the AST of a whole file from its CST. */
export function astFromCst(cst: C.FileCstNode, textLength: number): A.PolicyFile {
  const headerNode = sub(cst, "policyHeader");
  const header = headerNode
    ? { id: name(tok(headerNode, "Identifier")), title: str(tok(headerNode, "StringLit")), span: spanOf(headerNode) }
    : null;
  const decls = items(subs(cst, "declaration"), declaration);
  return { header, decls, span: { start: 0, end: textLength } };
}
