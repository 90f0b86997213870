/**
 * The driver: the only place the stages are chained (text → CST → AST → checked IR).
 *
 *   parseSla (grammar/) → astFromCst → collectSymbols → lowerPolicy (checks + IR)
 *
 * Every stage reports into one DiagnosticBag; nothing throws on bad input.
 */
import { parseSla, type SyntaxError } from "../grammar/parse.js";
import { sourceFile, type SourceFile } from "../grammar/source.js";
import type { PolicyIR } from "../runtime/ir.js";
import type { PolicyFile } from "./ast.js";
import { astFromCst } from "./ast-from-cst.js";
import type { Code } from "./codes.js";
import { type Diagnostic, DiagnosticBag } from "./diagnostic.js";
import { lowerPolicy } from "./lower.js";
import { collectSymbols, type SymbolTable } from "./symbols.js";

export interface CompileResult {
  readonly file: SourceFile;
  readonly ast: PolicyFile;
  readonly symbols: SymbolTable;
  /** The IR, present when there are no errors (warnings allowed). */
  readonly ir: PolicyIR | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Hints for syntax errors, by the grammar rule the parser was in. */
const RULE_HELP: Record<string, string> = {
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
  clockRule: "clock rules are `start on open`, `pause on pause`, `resume on resume`, `stop on respond, resolve`",
  targetDecl: "a target holds clock rules, an optional `kpi`, and `goals { … }`",
  namedDecl: 'declarations are `plan gold "…"`, `priority P1 "…"`, `role ceo "CEO"`',
  exampleItem: "example lines: `ticket \"T-1\"`, `priority P1`, `opened <instant>`, `pause at <instant>`, `as of <instant>`, `expect …`",
  expectation: "expectations: `expect response met due <instant>`, `expect escalation <role> at <instant>`, `expect credit 20%`",
  feesItem: "fee lines: `currency EUR`, `rate 39 EUR per hour`, `free bug_fix`, `invoice monthly`, `payment net 30 days`, `late charge 1.5% per started month`",
  declaration: "a declaration starts with `calendar`, `region`, `plan`, `priority`, `target`, `escalation`, `credits`, `fees`, `role`, `channel`, `work`, `obligation`, `exclude` or `example`",
  file: "a declaration starts with `calendar`, `region`, `plan`, `priority`, `target`, `escalation`, `credits`, `fees`, `role`, `channel`, `work`, `obligation`, `exclude` or `example`",
};

function fromSyntaxError(e: SyntaxError): Diagnostic {
  const code: Code = e.kind === "lexical" ? "SLA002" : "SLA001";
  const help = e.kind === "lexical" ? "comments start with `//`; strings are written in double quotes" : (e.rule && RULE_HELP[e.rule]) ?? undefined;
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
  const semantic = syntax.length > 0 ? bag.items.filter((d) => !MISSING_CODES.has(d.code)) : bag.items;
  const diagnostics = [...syntax, ...semantic].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  const hasErrors = diagnostics.some((d) => d.severity === "error");
  return { file, ast, symbols, ir: hasErrors ? null : ir, diagnostics };
}
