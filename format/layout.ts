/**
 * How each grammar rule is laid out. The printer is otherwise driven by the CST alone (tokens in
 * source order, `{`…`}` pairs, `|` rows), so a new alternative inside an existing rule needs no
 * printer change; a new *rule* must be classified here. `satisfies Record<RuleName, Layout>`
 * makes a missing or misspelled rule a type error (prettier-java's mapped-type trick), and
 * `layoutOf` refuses at run time, so an unclassified rule can never be printed silently.
 */
import type { CstNode } from "chevrotain";
import type { SlaParser } from "../grammar/parser.js";
import { SlaFormatInternalError } from "./errors.js";

/**
 * The name of every grammar rule, read off the parser class (its rules are class fields named
 * after the rule).
 */
export type RuleName = {
  [K in keyof SlaParser]: SlaParser[K] extends (...args: never[]) => CstNode ? K : never;
}[keyof SlaParser];

/**
 * - `file`: the root; top-level declarations separated by blank lines.
 * - `inline`: a clause printed on one line (its tokens, and any nested block, in order).
 * - `block`: header tokens, `{`, one item per line indented, `}`.
 * - `table`: a block whose items are rows printed with aligned columns.
 * - `row`: one table row (`| a | b |`); only printed by its table.
 */
export type Layout = "file" | "inline" | "block" | "table" | "row";

/** The layout of every rule in `grammar/parser.ts`. */
export const layouts = {
  file: "file",
  policyHeader: "inline",
  declaration: "inline",
  namedDecl: "inline",
  priorityCapDecl: "inline",
  excludeDecl: "inline",
  fieldDecl: "block",
  fieldValue: "inline",
  condition: "inline",
  fromTicket: "inline",
  calendarDecl: "block",
  calendarItem: "inline",
  zoneClause: "inline",
  holidaysClause: "inline",
  openOnHolidays: "inline",
  openDuring: "inline",
  closedClause: "inline",
  holidayRule: "inline",
  yearDay: "inline",
  observedClause: "inline",
  openingClause: "inline",
  alwaysClause: "inline",
  daysClause: "inline",
  hoursClause: "inline",
  dayList: "inline",
  dayRange: "inline",
  windowList: "inline",
  window: "inline",
  regionDecl: "block",
  regionItem: "inline",
  calendarRef: "inline",
  languagesClause: "inline",
  nameList: "inline",
  wordList: "inline",
  targetDecl: "block",
  clockRule: "inline",
  eventKind: "inline",
  kpiClause: "inline",
  goalsClause: "inline",
  reopenClause: "inline",
  table: "table",
  row: "row",
  cell: "inline",
  duration: "inline",
  unit: "inline",
  escalationDecl: "block",
  creditsDecl: "block",
  creditsItem: "inline",
  creditStep: "inline",
  availabilityDecl: "block",
  availabilityItem: "inline",
  excuseClause: "inline",
  excuseLimit: "inline",
  shownClause: "inline",
  objectiveDecl: "block",
  objectiveItem: "inline",
  feesDecl: "block",
  feesItem: "inline",
  rateClause: "inline",
  money: "inline",
  allowanceClause: "inline",
  packageDecl: "block",
  packageItem: "inline",
  prepaidOption: "inline",
  invoiceClause: "inline",
  paymentClause: "inline",
  lateChargeClause: "inline",
  chargeClause: "inline",
  quotaClause: "inline",
  periodDecl: "inline",
  periodShape: "inline",
  exampleDecl: "block",
  exampleItem: "inline",
  ticketField: "inline",
  eventLine: "inline",
  expectation: "inline",
} as const satisfies Record<RuleName, Layout>;

const table: Readonly<Record<string, Layout>> = layouts;

/** The layout of a CST node's rule; throws on a rule this file does not know. */
export function layoutOf(node: CstNode): Layout {
  const layout = Object.hasOwn(table, node.name) ? table[node.name] : undefined;
  if (layout === undefined) {
    throw new SlaFormatInternalError(`the printer has no layout for grammar rule \`${node.name}\` (add it to format/layout.ts)`);
  }
  return layout;
}
