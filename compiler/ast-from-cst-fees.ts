/**
 * The builder for fees and invoices and the settlement period (`grammar/rules/fees.ts`).
 */
import type * as C from "../grammar/cst.generated.js";
import { tokenSpan } from "../grammar/parse.js";
import type * as A from "./ast.js";
import { sub, subs, spanOf, tok, toks } from "./cst-access.js";
import { duration, items, lit, money, MONTHS, name, names, percentValue, str, unitNode, unitOf } from "./ast-from-cst-values.js";
import { zoneItem } from "./ast-from-cst-calendars.js";

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
export function periodDecl(node: C.PeriodDeclCstNode): A.Decl {
  return { kind: "period", ...periodShape(sub(node, "periodShape")), span: spanOf(node) };
}

/** `quarter starting Feb 1` of a `period` declaration or of an availability's `commit … per …` (nothing when recovery dropped it). */
export function periodShape(node: C.PeriodShapeCstNode | null | undefined): Omit<A.PeriodDecl, "kind" | "span"> {
  if (!node) return { unit: null, start: null };
  const unitTok = tok(node, "Unit") ?? tok(node, "Quarter") ?? tok(node, "Year");
  const unit = unitTok ? { value: tok(node, "Unit") ? unitOf(unitTok.image) : (unitTok.image as "quarter" | "year"), span: tokenSpan(unitTok) } : null;
  const month = lit(tok(node, "Month"), (m) => MONTHS.indexOf(m) + 1);
  const start = tok(node, "Starting") && month ? { month, day: lit(tok(node, "NumberLit"), Number), span: { start: month.span.start, end: tok(node, "NumberLit") ? tokenSpan(tok(node, "NumberLit")!).end : month.span.end } } : null;
  return { unit, start };
}

/** `fees { … }` (SPEC §6). */
export function feesDecl(fees: C.FeesDeclCstNode): A.Decl {
  return { kind: "fees", items: items(subs(fees, "feesItem"), feesItem), span: spanOf(fees) };
}
