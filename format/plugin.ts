/**
 * The prettier parser and printer for `.sla`. Files with syntax errors are refused, and every
 * output is checked to lex to the same tokens and comments as its input before prettier writes
 * it.
 */
import type { CstNode, IToken } from "chevrotain";
import { doc, type AstPath, type Doc, type Parser, type ParserOptions, type Plugin, type Printer, type SupportLanguage } from "prettier";
import { parseSla } from "../grammar/parse.js";
import { CommentStore } from "./comments.js";
import { SlaSyntaxError } from "./errors.js";
import { printFile } from "./print.js";
import { assertSameMeaning, lexemesOf } from "./soundness.js";

/**
 * What the parser hands the printer: the CST and the lexed comments. Deliberately no `comments`
 * property, which would make prettier attach comments to nodes itself; `comments.ts` does it.
 */
export interface SlaAst {
  readonly type: "sla-file";
  readonly text: string;
  readonly cst: CstNode;
  readonly tokens: readonly IToken[];
  readonly slaComments: readonly IToken[];
}

/** The `.sla` language, so prettier picks the parser from the file extension. */
export const languages: SupportLanguage[] = [
  {
    name: "sla",
    parsers: ["sla"],
    extensions: [".sla"],
    vscodeLanguageIds: ["sla"],
  },
];

/** Parses with the project's grammar; throws `SlaSyntaxError` (with a code frame) on any error. */
function parse(text: string): SlaAst {
  const result = parseSla(text);
  if (result.errors.length > 0) throw new SlaSyntaxError(text, result.errors);
  return { type: "sla-file", text, cst: result.cst, tokens: result.tokens, slaComments: result.comments };
}

/** Parser `sla`. */
export const parsers: Record<"sla", Parser<SlaAst>> = {
  sla: {
    parse,
    astFormat: "sla-cst",
    locStart: () => 0,
    locEnd: (node) => node.text.length,
  },
};

/**
 * Prints the whole file in one call (the printer recurses over the CST itself), then runs the
 * soundness check on the exact text prettier is about to produce.
 */
function print(path: AstPath<SlaAst>, options: ParserOptions<SlaAst>): Doc {
  const ast = path.node;
  const comments = new CommentStore(ast.text, ast.tokens, ast.slaComments);
  const result = printFile(ast.cst, comments);
  // Same options as prettier's own final print, line ending included (prettier's types omit
  // it), so the text checked is byte for byte the text written.
  const printOptions = { printWidth: options.printWidth, tabWidth: options.tabWidth, useTabs: options.useTabs, endOfLine: options.endOfLine };
  const { formatted } = doc.printer.printDocToString(result, printOptions);
  assertSameMeaning(lexemesOf(ast.tokens, ast.slaComments), formatted);
  return result;
}

/** Printer `sla-cst`. */
export const printers: Record<"sla-cst", Printer<SlaAst>> = {
  "sla-cst": {
    print,
    // The AST holds chevrotain objects; nothing in it is for prettier to walk.
    getVisitorKeys: () => [],
  },
};

/** The plugin object, for `prettier.format(text, { parser: "sla", plugins: [plugin] })`. */
export const plugin = { languages, parsers, printers } satisfies Plugin<SlaAst>;
