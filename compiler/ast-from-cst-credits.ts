/**
 * The builder for service credits (`grammar/rules/credits.ts`): the clauses of a `credits` block
 * and the step a credit grows by (shared with availability).
 */
import type * as C from "../grammar/cst.generated.js";
import type * as A from "./ast.js";
import { sub, subs, spanOf, tok } from "./cst-access.js";
import { items, lit, money, names, percentValue, str, unitNode } from "./ast-from-cst-values.js";
import { condition } from "./ast-from-cst-declarations.js";
import { zoneItem } from "./ast-from-cst-calendars.js";
import { table } from "./ast-from-cst-targets.js";

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
    if (tok(node, "Required")) return { kind: "claimRequired", span };
    if (tok(node, "Within")) return { kind: "claimWithinDays", days: lit(tok(node, "NumberLit"), String), after: tok(node, "Breach") ? "breach" : tok(node, "Outage") ? "outage" : "period", span };
    return { kind: "claimByEndOfNextMonth", span };
  }
  if (tok(node, "Sum")) return { kind: "sumPerBreach", span };
  if (tok(node, "Amount")) return { kind: "amountPerBreach", money: money(sub(node, "money")), span };
  if (tok(node, "Above")) return { kind: "breachThreshold", above: lit(tok(node, "NumberLit"), String), percent: lit(tok(node, "Percent"), percentValue), span };
  if (tok(node, "Ineligible")) {
    if (tok(node, "Optional")) return { kind: "ineligibleOptionalLanguages", span };
    if (tok(node, "Account")) return { kind: "ineligibleAccount", standings: names(sub(node, "nameList")), span };
    if (tok(node, "Obligation")) return { kind: "ineligibleObligations", obligations: names(sub(node, "nameList")), span };
    const when = condition(sub(node, "condition"));
    // `ineligible channel email` alone keeps its own IR field (credits.ineligibleChannels)
    if (when?.axis?.kind === "channel" && !when.also) return { kind: "ineligibleChannels", channels: when.values, span };
    if (when) return { kind: "ineligibleWhen", when, span };
    return null;
  }
  if (tok(node, "Cap") && tok(node, "Term")) return { kind: "capTermDays", days: lit(tok(node, "NumberLit"), String), span };
  if (tok(node, "Cap")) return { kind: "cap", percent: lit(tok(node, "Percent"), (s) => Number(percentValue(s))), perTarget: tok(node, "Target") !== null, span };
  if (tok(node, "Late")) return { kind: "lateCredit", step: creditStep(sub(node, "creditStep")), span };
  return null;
}

/** `per started 30 minutes`: the step of a credit that grows with downtime or lateness. */
export function creditStep(node: C.CreditStepCstNode | null): A.CreditStep | null {
  if (!node) return null;
  return { started: tok(node, "Started") !== null, amount: lit(tok(node, "NumberLit"), String), unit: unitNode(sub(node, "unit")), span: spanOf(node) };
}

/** `credits [for plans] { … }`. */
export function creditsDecl(credits: C.CreditsDeclCstNode): A.Decl {
  return { kind: "credits", plans: names(sub(credits, "nameList")), items: items(subs(credits, "creditsItem"), creditsItem), span: spanOf(credits) };
}
