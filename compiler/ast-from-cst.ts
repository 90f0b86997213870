/**
 * CST → AST. Defensive: a CST built by error recovery may lack any token, so every lookup may
 * come back empty and the AST then holds `null` there.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { tokenSpan } from "../grammar/parse.js";
import type { Span } from "../grammar/source.js";
import type * as A from "./ast.js";

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement | undefined): e is IToken {
  return e !== undefined && "image" in e;
}

function isNode(e: CstElement | undefined): e is CstNode {
  return e !== undefined && "children" in e;
}

/** A token usable for a span: recovery-inserted tokens have NaN offsets. */
function realToken(e: CstElement | undefined): IToken | null {
  return isToken(e) && Number.isFinite(e.startOffset) && !e.isInsertedInRecovery ? e : null;
}

function tok(node: CstNode, name: string, i = 0): IToken | null {
  return realToken((node.children as Children)[name]?.[i]);
}

function toks(node: CstNode, name: string): IToken[] {
  return ((node.children as Children)[name] ?? []).map(realToken).filter((t): t is IToken => t !== null);
}

function sub(node: CstNode, name: string, i = 0): CstNode | null {
  const e = (node.children as Children)[name]?.[i];
  return isNode(e) ? e : null;
}

function subs(node: CstNode, name: string): CstNode[] {
  return ((node.children as Children)[name] ?? []).filter(isNode);
}

/** All real tokens under a node, in source order. */
function allTokens(node: CstNode): IToken[] {
  const out: IToken[] = [];
  for (const list of Object.values(node.children as Children)) {
    for (const e of list ?? []) {
      if (isNode(e)) out.push(...allTokens(e));
      else {
        const t = realToken(e);
        if (t) out.push(t);
      }
    }
  }
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

function spanOf(node: CstNode): Span {
  const loc = node.location;
  if (loc && Number.isFinite(loc.startOffset) && loc.endOffset !== undefined && Number.isFinite(loc.endOffset)) {
    return { start: loc.startOffset, end: loc.endOffset + 1 };
  }
  const ts = allTokens(node);
  if (ts.length === 0) return { start: 0, end: 0 };
  return { start: tokenSpan(ts[0]!).start, end: tokenSpan(ts[ts.length - 1]!).end };
}

function name(t: IToken | null): A.Name | null {
  return t ? { text: t.image, span: tokenSpan(t) } : null;
}

function names(node: CstNode | null): A.Name[] {
  if (!node) return [];
  return [...toks(node, "Identifier"), ...toks(node, "Word")].sort((a, b) => a.startOffset - b.startOffset).map((t) => name(t)!);
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

function unitNode(node: CstNode | null): A.UnitName | null {
  if (!node) return null;
  const t = tok(node, "Unit") ?? tok(node, "Day") ?? tok(node, "Days");
  return t ? unitOf(t.image) : null;
}

function duration(node: CstNode | null): A.Duration | null {
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

function windows(node: CstNode | null): A.Window[] {
  if (!node) return [];
  const out: A.Window[] = [];
  for (const w of subs(node, "window")) {
    const from = lit(tok(w, "ClockTime", 0), clockMinutes);
    const to = lit(tok(w, "ClockTime", 1), clockMinutes);
    if (from && to) out.push({ from, to, span: spanOf(w) });
  }
  return out;
}

function dayRanges(node: CstNode | null): A.DayRange[] {
  if (!node) return [];
  const out: A.DayRange[] = [];
  for (const r of subs(node, "dayRange")) {
    const from = lit(tok(r, "Weekday", 0), (s) => WEEKDAYS.indexOf(s));
    if (from) out.push({ from, to: lit(tok(r, "Weekday", 1), (s) => WEEKDAYS.indexOf(s)), span: spanOf(r) });
  }
  return out;
}

function calendarItem(node: CstNode): A.CalendarItem | null {
  const span = spanOf(node);
  const zone = sub(node, "zoneClause");
  if (zone) return { kind: "zone", zone: str(tok(zone, "StringLit")), span };
  const hol = sub(node, "holidaysClause");
  if (hol) return { kind: "holidays", codes: toks(hol, "StringLit").map((t) => str(t)!), span };
  if (sub(node, "openOnHolidays")) return { kind: "openOnHolidays", span };
  const closed = sub(node, "closedClause");
  if (closed) {
    return {
      kind: "closed",
      date: lit(tok(closed, "DateLit"), String),
      from: lit(tok(closed, "ClockTime"), clockMinutes),
      windows: windows(sub(closed, "windowList")),
      span,
    };
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

function calendarRef(node: CstNode): A.CalendarRef {
  return { kind: "calendarRef", calendar: name(tok(node, "Identifier")), plans: names(sub(node, "nameList")), span: spanOf(node) };
}

function clockRule(node: CstNode): A.ClockRule {
  const rule = (["Start", "Pause", "Resume", "Stop"] as const).find((k) => tok(node, k) !== null) ?? "Start";
  return {
    kind: "clockRule",
    rule: rule.toLowerCase() as A.ClockRule["rule"],
    events: subs(node, "eventKind").flatMap((e) => {
      const l = eventKind(e);
      return l ? [l] : [];
    }),
    span: spanOf(node),
  };
}

function eventKind(node: CstNode | null): A.Lit<A.EventKindName> | null {
  if (!node) return null;
  const t = allTokens(node)[0];
  return t ? { value: t.image as A.EventKindName, span: tokenSpan(t) } : null;
}

function cell(node: CstNode): A.Cell | null {
  const span = spanOf(node);
  const d = sub(node, "duration");
  if (d) return duration(d);
  if (tok(node, "Next")) return { kind: "nextBusinessDay", span };
  if (tok(node, "Same")) return { kind: "sameBusinessDay", span };
  if (tok(node, "Best")) return { kind: "bestEffort", span };
  const pct = tok(node, "Percent");
  if (pct) return { kind: "percent", value: Number(percentValue(pct.image)), of: name(tok(node, "Identifier")), span };
  const id = tok(node, "Identifier");
  if (id) return { kind: "name", name: name(id)!, span };
  if (tok(node, "None")) return { kind: "none", span };
  const word = allTokens(node)[0];
  return word ? { kind: "word", word: word.image, span } : null;
}

function table(node: CstNode): A.Table {
  const rows = subs(node, "row").map((r) => ({
    cells: subs(r, "cell").flatMap((c) => {
      const x = cell(c);
      return x ? [x] : [];
    }),
    span: spanOf(r),
  }));
  return { kind: "table", rows, span: spanOf(node) };
}

function money(node: CstNode | null): A.Money | null {
  if (!node) return null;
  const amount = lit(tok(node, "NumberLit"), String);
  if (!amount) return null;
  return { amount, currency: name(tok(node, "Identifier")), span: spanOf(node) };
}

function creditsItem(node: CstNode): A.CreditsItem | null {
  const span = spanOf(node);
  const zone = sub(node, "zoneClause");
  if (zone) return { kind: "zone", zone: str(tok(zone, "StringLit")), span };
  const t = sub(node, "table");
  if (t) return table(t);
  if (tok(node, "Target")) return { kind: "targets", targets: names(sub(node, "nameList")), span };
  if (tok(node, "Claim")) {
    if (tok(node, "Subject")) return { kind: "claimSubject", subject: str(tok(node, "StringLit")), span };
    return { kind: "claimByEndOfNextMonth", span };
  }
  if (tok(node, "Ineligible")) {
    if (tok(node, "Optional")) return { kind: "ineligibleOptionalLanguages", span };
    return { kind: "ineligibleChannels", channels: names(sub(node, "nameList")), span };
  }
  if (tok(node, "Cap")) return { kind: "cap", percent: lit(tok(node, "Percent"), (s) => Number(percentValue(s))), span };
  return null;
}

function packageItem(node: CstNode): A.PackageItem | null {
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

function feesItem(node: CstNode): A.FeesItem | null {
  const span = spanOf(node);
  const zone = sub(node, "zoneClause");
  if (zone) return { kind: "zone", zone: str(tok(zone, "StringLit")), span };
  if (tok(node, "Currency")) return { kind: "currency", currency: name(tok(node, "Identifier")), span };
  if (tok(node, "Plus")) return { kind: "plusVat", span };
  if (tok(node, "Vat")) return { kind: "vatRate", percent: lit(tok(node, "Percent"), percentValue), span };
  if (tok(node, "Free")) return { kind: "free", works: names(sub(node, "nameList")), span };
  const rate = sub(node, "rateClause");
  if (rate) {
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
  const allowance = sub(node, "allowanceClause");
  if (allowance) {
    const per = tok(allowance, "Unit");
    return {
      kind: "allowance",
      regime: name(tok(allowance, "Identifier", 0)),
      duration: duration(sub(allowance, "duration")),
      per: per ? unitOf(per.image) : null,
      excessAt: name(tok(allowance, "Identifier", 1)),
      span,
    };
  }
  const pkg = sub(node, "packageDecl");
  if (pkg) {
    return {
      kind: "package",
      plan: name(tok(pkg, "Identifier")),
      price: money(sub(pkg, "money")),
      items: subs(pkg, "packageItem").flatMap((i) => {
        const x = packageItem(i);
        return x ? [x] : [];
      }),
      span,
    };
  }
  const inv = sub(node, "invoiceClause");
  if (inv) {
    const days = lit(tok(inv, "NumberLit", 0), Number);
    let issue: Extract<A.FeesItem, { kind: "invoice" }>["issue"] = null;
    if (tok(inv, "Issued") && days) issue = tok(inv, "On") ? { kind: "dayOfNextMonth", day: days } : { kind: "daysAfterPeriod", days };
    return { kind: "invoice", schedule: tok(inv, "Yearly") ? "yearly" : "monthly", issue, span };
  }
  const pay = sub(node, "paymentClause");
  if (pay) {
    const days = lit(tok(pay, "NumberLit"), Number);
    if (tok(pay, "Net") && days) return { kind: "payment", due: { kind: "netDays", days, unit: unitNode(sub(pay, "unit")) }, span };
    return { kind: "payment", due: { kind: "endOfMonth" }, span };
  }
  const late = sub(node, "lateChargeClause");
  if (late) return { kind: "lateCharge", percent: lit(tok(late, "Percent"), percentValue), span };
  return null;
}

function exampleItem(node: CstNode): A.ExampleItem | null {
  const span = spanOf(node);
  if (tok(node, "Ticket")) return { kind: "ticketId", id: str(tok(node, "StringLit")), span };
  const field = sub(node, "ticketField");
  if (field) {
    const kw = allTokens(field)[0];
    const f = (kw?.image ?? "priority") as Extract<A.ExampleItem, { kind: "field" }>["field"];
    const value = tok(field, "Identifier") ?? tok(field, "Word");
    return { kind: "field", field: f, value: name(value), span };
  }
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

function expectation(node: CstNode): A.ExampleItem {
  const span = spanOf(node);
  if (tok(node, "Dot")) {
    const words = [...toks(node, "Word"), ...toks(node, "Dot")].sort((a, b) => a.startOffset - b.startOffset);
    const first = words[0];
    const last = words[words.length - 1];
    const pathSpan = first && last ? { start: tokenSpan(first).start, end: tokenSpan(last).end } : span;
    return { kind: "expectSettle", path: words.map((w) => w.image).join(""), pathSpan, value: str(tok(node, "StringLit")), span };
  }
  if (tok(node, "No")) return { kind: "expectNoEscalation", span };
  if (tok(node, "Escalation")) {
    return { kind: "expectEscalation", role: name(tok(node, "Identifier")), at: lit(tok(node, "DateTime"), String), span };
  }
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
    due: lit(tok(node, "DateTime"), String),
    dueNone: due !== null && nones.some((n) => n.startOffset > due.startOffset),
    span,
  };
}

const NAMED: Record<string, A.NamedKind> = {
  Plan: "plan",
  Priority: "priority",
  Role: "role",
  Channel: "channel",
  Work: "work",
  Obligation: "obligation",
};

function declaration(node: CstNode): A.Decl | null {
  const cal = sub(node, "calendarDecl");
  if (cal) {
    return {
      kind: "calendar",
      name: name(tok(cal, "Identifier", 0)),
      title: str(tok(cal, "StringLit")),
      parent: tok(cal, "Extends") ? name(tok(cal, "Identifier", 1)) : null,
      items: subs(cal, "calendarItem").flatMap((i) => {
        const x = calendarItem(i);
        return x ? [x] : [];
      }),
      span: spanOf(cal),
    };
  }
  const region = sub(node, "regionDecl");
  if (region) {
    return {
      kind: "region",
      name: name(tok(region, "Identifier")),
      title: str(tok(region, "StringLit")),
      items: subs(region, "regionItem").flatMap((i): (A.CalendarRef | A.LanguagesClause)[] => {
        const ref = sub(i, "calendarRef");
        if (ref) return [calendarRef(ref)];
        const langs = sub(i, "languagesClause");
        if (langs) {
          return [{ kind: "languages", optional: tok(langs, "Optional") !== null, codes: names(sub(langs, "wordList")), span: spanOf(langs) }];
        }
        return [];
      }),
      span: spanOf(region),
    };
  }
  const named = sub(node, "namedDecl");
  if (named) {
    const kwName = Object.keys(NAMED).find((k) => tok(named, k) !== null) ?? "Plan";
    const kw = tok(named, kwName);
    return {
      kind: "named",
      what: NAMED[kwName]!,
      keywordSpan: kw ? tokenSpan(kw) : spanOf(named),
      name: name(tok(named, "Identifier", 0)),
      parent: tok(named, "Extends") ? name(tok(named, "Identifier", 1)) : null,
      text: str(tok(named, "StringLit")),
      span: spanOf(named),
    };
  }
  const ex = sub(node, "excludeDecl");
  if (ex) {
    return {
      kind: "exclude",
      what: tok(ex, "Cause") ? "cause" : "channel",
      name: name(tok(ex, "Identifier")),
      text: str(tok(ex, "StringLit")),
      span: spanOf(ex),
    };
  }
  const target = sub(node, "targetDecl");
  if (target) {
    const kpi = sub(target, "kpiClause");
    return {
      kind: "target",
      name: name(tok(target, "Identifier")),
      title: str(tok(target, "StringLit")),
      clock: subs(target, "clockRule").map(clockRule),
      kpi: kpi ? { text: str(tok(kpi, "StringLit")), span: spanOf(kpi) } : null,
      calendars: subs(target, "calendarRef").map(calendarRef),
      goals: subs(target, "goalsClause").flatMap((g) => {
        const t = sub(g, "table");
        return t ? [table(t)] : [];
      }),
      span: spanOf(target),
    };
  }
  const esc = sub(node, "escalationDecl");
  if (esc) {
    return {
      kind: "escalation",
      plans: names(sub(esc, "nameList")),
      clock: subs(esc, "clockRule").map(clockRule),
      calendars: subs(esc, "calendarRef").map(calendarRef),
      tables: subs(esc, "table").map(table),
      span: spanOf(esc),
    };
  }
  const credits = sub(node, "creditsDecl");
  if (credits) {
    return {
      kind: "credits",
      plans: names(sub(credits, "nameList")),
      items: subs(credits, "creditsItem").flatMap((i) => {
        const x = creditsItem(i);
        return x ? [x] : [];
      }),
      span: spanOf(credits),
    };
  }
  const fees = sub(node, "feesDecl");
  if (fees) {
    return {
      kind: "fees",
      items: subs(fees, "feesItem").flatMap((i) => {
        const x = feesItem(i);
        return x ? [x] : [];
      }),
      span: spanOf(fees),
    };
  }
  const example = sub(node, "exampleDecl");
  if (example) {
    return {
      kind: "example",
      name: str(tok(example, "StringLit")),
      items: subs(example, "exampleItem").flatMap((i) => {
        const x = exampleItem(i);
        return x ? [x] : [];
      }),
      span: spanOf(example),
    };
  }
  return null;
}

/** Build the AST of a whole file from its CST. */
export function astFromCst(cst: CstNode, textLength: number): A.PolicyFile {
  const headerNode = sub(cst, "policyHeader");
  const header = headerNode
    ? { id: name(tok(headerNode, "Identifier")), title: str(tok(headerNode, "StringLit")), span: spanOf(headerNode) }
    : null;
  const decls = subs(cst, "declaration").flatMap((d) => {
    const x = declaration(d);
    return x ? [x] : [];
  });
  return { header, decls, span: { start: 0, end: textLength } };
}
