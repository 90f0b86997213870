/**
 * CST → AST. Reads the CST through the types generated from the grammar
 * (`grammar/cst.generated.ts`) with the accessors of `cst-access.ts`, so a renamed rule or token
 * is a compile error here. Defensive: a CST built by error recovery may lack any token, so every
 * lookup may come back empty and the AST then holds `null` there.
 *
 * One builder module per section of the grammar (`grammar/rules/`): `ast-from-cst-declarations.ts`,
 * `-calendars.ts`, `-targets.ts`, `-credits.ts`, `-availability.ts`, `-fees.ts`, `-examples.ts`, and
 * the pieces they share in `ast-from-cst-values.ts`. This module picks a declaration's builder.
 */
import type * as C from "../grammar/cst.generated.js";
import type * as A from "./ast.js";
import { availabilityDecl, objectiveDecl } from "./ast-from-cst-availability.js";
import { calendarDecl, regionDecl } from "./ast-from-cst-calendars.js";
import { creditsDecl } from "./ast-from-cst-credits.js";
import { excludeDecl, fieldDecl, namedDecl, priorityCapDecl } from "./ast-from-cst-declarations.js";
import { exampleDecl } from "./ast-from-cst-examples.js";
import { feesDecl, periodDecl } from "./ast-from-cst-fees.js";
import { escalationDecl, targetDecl } from "./ast-from-cst-targets.js";
import { items, name, str } from "./ast-from-cst-values.js";
import { sub, subs, spanOf, tok, type ChildNode, type RuleChild } from "./cst-access.js";

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
