/**
 * Writes `grammar/cst.generated.ts`: the CST's node types, generated from the grammar by
 * chevrotain's `generateCstDts`, so that the compiler reads the CST through types and renaming a
 * rule or a token is a compile error there. Run `npm run gen:cst` after changing
 * `grammar/parser.ts`; `test/grammar/cst-types.test.ts` fails while the committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateCstDts } from "chevrotain";
import { slaParser } from "../grammar/parser.js";

/** Where the generated types are committed. */
export const CST_TYPES_PATH = fileURLToPath(new URL("../grammar/cst.generated.ts", import.meta.url));

const HEADER = `/**
 * The CST's node types, one interface per grammar rule. GENERATED from \`grammar/parser.ts\` by
 * \`npm run gen:cst\` (scripts/gen-cst.ts, chevrotain's \`generateCstDts\`): do not edit by hand.
 */
`;

/** The text `grammar/cst.generated.ts` must hold for the current grammar. */
export function generatedCstTypes(): string {
  // No visitor interface: the compiler reads the CST with typed accessors, not a visitor.
  const body = generateCstDts(slaParser.getGAstProductions(), { includeVisitorInterface: false })
    // chevrotain imports ICstVisitor even when it writes no visitor.
    .replace('import type { CstNode, ICstVisitor, IToken } from "chevrotain";', 'import type { CstNode, IToken } from "chevrotain";');
  return `${HEADER}${body.trimEnd()}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(CST_TYPES_PATH, generatedCstTypes());
  console.log(`wrote ${CST_TYPES_PATH}`);
}
