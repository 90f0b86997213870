/**
 * The CST types generated from the grammar (`grammar/cst.generated.ts`) and the typed accessors
 * the compiler reads them with (`compiler/cst-access.ts`).
 *
 * The `@ts-expect-error` lines are the compile-time half: `npm run typecheck` fails if a wrong
 * rule or token name stops being a type error (an unused `@ts-expect-error` is itself an error).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedCstTypes, CST_TYPES_PATH } from "../../scripts/gen-cst.js";
import { allTokens, spanOf, sub, subs, tok, toks } from "../../compiler/cst-access.js";
import { parseSla } from "../../grammar/parse.js";
import { slaParser } from "../../grammar/parser.js";
import type * as C from "../../grammar/cst.generated.js";

describe("grammar/cst.generated.ts", () => {
  it("is what `npm run gen:cst` generates from the current grammar (run it after changing grammar/parser.ts)", () => {
    expect(readFileSync(CST_TYPES_PATH, "utf8")).toBe(generatedCstTypes());
  });

  it("has one node type per grammar rule", () => {
    const text = generatedCstTypes();
    const declared = [...text.matchAll(/export interface (\w+)CstNode extends CstNode \{\n {2}name: "(\w+)";/g)].map((m) => m[2]);
    expect(declared).toEqual(Object.keys(slaParser.getGAstProductions()));
    expect(declared.length).toBeGreaterThan(40);
  });
});

const text = 'policy p "P"\ncalendar c extends base {\n  Mon-Fri 09:00-17:00\n}\n';

/** The first declaration's calendar node of `text`. */
function calendarOf(source: string): C.CalendarDeclCstNode {
  const decl = sub(parseSla(source).cst, "declaration");
  const cal = decl ? sub(decl, "calendarDecl") : null;
  if (!cal) throw new Error("no calendar declaration");
  return cal;
}

describe("typed CST accessors", () => {
  it("read tokens by name and index, and sub-rules as their own node types", () => {
    const cal = calendarOf(text);
    expect([tok(cal, "Identifier", 0)?.image, tok(cal, "Identifier", 1)?.image, tok(cal, "Identifier", 2)]).toEqual(["c", "base", null]);
    expect(toks(cal, "Identifier").map((t) => t.image)).toEqual(["c", "base"]);
    const item = subs(cal, "calendarItem")[0];
    const hours = item ? sub(item, "hoursClause") : null;
    expect(hours?.name).toBe("hoursClause");
    expect(hours ? allTokens(hours).map((t) => t.image) : null).toEqual(["Mon", "-", "Fri", "09:00", "-", "17:00"]);
    expect(hours ? text.slice(spanOf(hours).start, spanOf(hours).end) : null).toBe("Mon-Fri 09:00-17:00");
  });

  it("give null, never a recovery-inserted token, where the parser recovered", () => {
    // `{` missing after the name: chevrotain inserts one in recovery; it has no position.
    const cal = calendarOf("calendar c\n  zone \"UTC\"\n}\n");
    expect(cal.children.LCurly?.[0]?.isInsertedInRecovery).toBe(true);
    expect(tok(cal, "LCurly")).toBeNull();
    expect(tok(cal, "Identifier")?.image).toBe("c");
  });

  it("reject names the grammar does not have, at compile time", () => {
    const cal = calendarOf(text);
    // @ts-expect-error a misspelled token name
    expect(tok(cal, "Identifer")).toBeNull();
    // @ts-expect-error a rule name is not a token name
    expect(tok(cal, "calendarItem")).toBeNull();
    // @ts-expect-error a token name is not a rule name
    expect(sub(cal, "Identifier")).toBeNull();
    // @ts-expect-error a token of another rule (`Zone` belongs to `zoneClause`)
    expect(tok(cal, "Zone")).toBeNull();
  });
});
