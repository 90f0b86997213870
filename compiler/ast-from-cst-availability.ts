/**
 * The builder for availability commitments and objectives (`grammar/rules/availability.ts`).
 */
import type * as C from "../grammar/cst.generated.js";
import { tokenSpan } from "../grammar/parse.js";
import type * as A from "./ast.js";
import { sub, subs, spanOf, tok } from "./cst-access.js";
import { duration, items, lit, name, names, percentValue, str } from "./ast-from-cst-values.js";
import { condition } from "./ast-from-cst-declarations.js";
import { table } from "./ast-from-cst-targets.js";
import { creditStep } from "./ast-from-cst-credits.js";
import { periodShape } from "./ast-from-cst-fees.js";

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

/** `availability NAME ["title"] [for plans] { … }` (issue 12.3). */
export function availabilityDecl(decl: C.AvailabilityDeclCstNode): A.Decl {
  const items_ = items(subs(decl, "availabilityItem"), availabilityItem);
  return { kind: "availability", name: name(tok(decl, "Identifier")), title: str(tok(decl, "StringLit")), plans: names(sub(decl, "nameList")), items: items_, span: spanOf(decl) };
}

/** `objective NAME ["title"] { … }` (issue 12.4). */
export function objectiveDecl(decl: C.ObjectiveDeclCstNode): A.Decl {
  const items_ = items(subs(decl, "objectiveItem"), objectiveItem);
  return { kind: "objective", name: name(tok(decl, "Identifier")), title: str(tok(decl, "StringLit")), items: items_, span: spanOf(decl) };
}
