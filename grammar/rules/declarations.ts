/**
 * The grammar's first section (SPEC §1): the file, its header, the `declaration` choice, and the
 * one-line declarations (names, priority caps, fields, exclusions) with the ticket conditions they
 * share with later sections.
 *
 * The parser is one chevrotain `CstParser` whose rules live in one module per section of the
 * grammar: each module is an abstract class extending the previous section, ending in `SlaParser`
 * (`grammar/parser.ts`), which runs `performSelfAnalysis` once every rule exists. Class fields are
 * initialised base first, so the rules are defined in the same order as in a single class (rule
 * order fixes `getGAstProductions()` and so `grammar/cst.generated.ts`). A rule used before the
 * section that defines it is declared `abstract` here: chevrotain records the rules' bodies only in
 * `performSelfAnalysis`, when every field is set.
 */
import type { CstNode, ParserMethod } from "chevrotain";
import type { FileCstNode } from "../cst.generated.js";
import { BoundedRecoveryParser } from "../chevrotain-internals.js";
import * as T from "../tokens.js";

/** A grammar rule as its class field holds it; the type a rule used before its section is declared with. */
export type GrammarRule = ParserMethod<[], CstNode>;

/** The grammar's declarations section; abstract: only `SlaParser` is instantiated. */
export abstract class DeclarationRules extends BoundedRecoveryParser {
  // Defined by the later sections (calendars.ts … examples.ts), named here by `declaration` and `condition`.
  abstract readonly calendarDecl: GrammarRule;
  abstract readonly regionDecl: GrammarRule;
  abstract readonly targetDecl: GrammarRule;
  abstract readonly escalationDecl: GrammarRule;
  abstract readonly creditsDecl: GrammarRule;
  abstract readonly availabilityDecl: GrammarRule;
  abstract readonly objectiveDecl: GrammarRule;
  abstract readonly feesDecl: GrammarRule;
  abstract readonly periodDecl: GrammarRule;
  abstract readonly exampleDecl: GrammarRule;
  abstract readonly nameList: GrammarRule;

  // A policy file: the header, then declarations in any order. Typed as the generated root node
  // (`npm run gen:cst`): the CST's readers take the tree from here through the generated types.
  file = this.RULE("file", () => {
    this.OPTION(() => this.SUBRULE(this.policyHeader));
    this.MANY(() => this.SUBRULE(this.declaration));
  }) as ParserMethod<[], FileCstNode>;

  policyHeader = this.RULE("policyHeader", () => {
    this.CONSUME(T.Policy);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.calendarDecl) },
      { ALT: () => this.SUBRULE(this.regionDecl) },
      { ALT: () => this.SUBRULE(this.namedDecl) },
      { ALT: () => this.SUBRULE(this.priorityCapDecl) },
      { ALT: () => this.SUBRULE(this.fieldDecl) },
      { ALT: () => this.SUBRULE(this.excludeDecl) },
      { ALT: () => this.SUBRULE(this.targetDecl) },
      { ALT: () => this.SUBRULE(this.escalationDecl) },
      { ALT: () => this.SUBRULE(this.creditsDecl) },
      { ALT: () => this.SUBRULE(this.availabilityDecl) },
      { ALT: () => this.SUBRULE(this.objectiveDecl) },
      { ALT: () => this.SUBRULE(this.feesDecl) },
      { ALT: () => this.SUBRULE(this.periodDecl) },
      { ALT: () => this.SUBRULE(this.exampleDecl) },
    ]);
  });

  // SPEC §1 plans, priorities, roles, channels, kinds of work, obligations; issue 11 boolean
  // ticket flags, declared events and causes: `plan platinum extends gold "ImagicleCare Platinum"`,
  // `flag phone_escalated "escalated via phone"`, `event escalation_requested "…"`.
  namedDecl = this.RULE("namedDecl", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Plan) },
      { ALT: () => this.CONSUME(T.Priority) },
      { ALT: () => this.CONSUME(T.Role) },
      { ALT: () => this.CONSUME(T.Channel) },
      { ALT: () => this.CONSUME(T.Work) },
      { ALT: () => this.CONSUME(T.Obligation) },
      { ALT: () => this.CONSUME(T.Flag) },
      { ALT: () => this.CONSUME(T.Event) },
      { ALT: () => this.CONSUME(T.Cause) },
    ]);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.Extends);
      this.CONSUME2(T.Identifier);
    });
    this.OPTION2(() => this.CONSUME(T.StringLit));
  });

  // Issue 11/12 follow-up: a cap on the level that judges the tickets meeting the condition,
  // "issues in non-production environments are at most P3": `priority at most P3 for
  // environment non_production "…"` (a more urgent level in force counts as P3).
  priorityCapDecl = this.RULE("priorityCapDecl", () => {
    this.CONSUME(T.Priority);
    this.CONSUME(T.At);
    this.CONSUME(T.Most);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.For);
    this.AT_LEAST_ONE_SEP({ SEP: T.And, DEF: () => this.SUBRULE(this.condition) });
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // Issue 11 enumerated ticket fields: `field product "Product" { x "Product X"  y "Product Y" }`.
  fieldDecl = this.RULE("fieldDecl", () => {
    this.CONSUME(T.Field);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.fieldValue));
    this.CONSUME(T.RCurly);
  });

  // `x "Product X"`: one value of an enumerated field and the document's words for it.
  fieldValue = this.RULE("fieldValue", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // SPEC §1 exclusions: `exclude channel email "no SLA applies to email"`; issue 11 exclusions by
  // ticket attribute: `exclude product beta "…"` (a field's value), `exclude beta_feature "…"` (a flag).
  excludeDecl = this.RULE("excludeDecl", () => {
    this.CONSUME(T.Exclude);
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Channel) }, { ALT: () => this.CONSUME(T.Cause) }]);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier);
          this.OPTION2(() => this.CONSUME3(T.Identifier));
        },
      },
    ]);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // Issue 11 conditions on a ticket: `gold, platinum` (plans), `priority P1`, `cause x`,
  // `channel phone` (the channel it came in by), `product a, b` (an enumerated field's values),
  // `phone_escalated` (a flag).
  condition = this.RULE("condition", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Priority) }, { ALT: () => this.CONSUME(T.Cause) }, { ALT: () => this.CONSUME(T.Channel) }]);
          this.SUBRULE(this.nameList);
        },
      },
      {
        GATE: () => this.LA(2).tokenType === T.Identifier,
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.SUBRULE2(this.nameList);
        },
      },
      { ALT: () => this.SUBRULE3(this.nameList) },
    ]);
  });
}
