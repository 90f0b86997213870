/**
 * Every request answers at every position of small, odd documents: empty ones, ones starting
 * with blank lines (issue 9.1: completion at 0:0 of `"\n"` looped forever), CRLF and lone-CR line
 * breaks, unclosed strings, braces and comments. In-process over random documents (breadth), and
 * over the real server for the documents that once hung it (a hang there also stopped `shutdown`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { sourceFile } from "../../grammar/source.js";
import type { Checked, Snapshot } from "../../lsp/documents.js";
import { codeActions } from "../../lsp/features/code-actions.js";
import { completion } from "../../lsp/features/completion.js";
import { definition } from "../../lsp/features/definition.js";
import { hover } from "../../lsp/features/hover.js";
import { references } from "../../lsp/features/references.js";
import { prepareRename } from "../../lsp/features/rename.js";
import { propertyRuns } from "../property/budget.js";
import { serverForFile } from "./client.js";

const uri = "file:///test/every-position.sla";

/** Every position of a text, line by line, plus one past the end of each line. */
function positions(text: string): { line: number; character: number }[] {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.flatMap((l, line) => Array.from({ length: l.length + 2 }, (_, character) => ({ line, character })));
}

function documentOf(text: string): { snapshot: Snapshot; checked: Checked } {
  const result = compile("every-position.sla", text);
  return {
    snapshot: { uri, version: 1, text, file: sourceFile("every-position.sla", text) },
    checked: { uri, version: 1, result, lastGoodIr: result.ir },
  };
}

/** Pieces that make the cursor helpers walk lines, blocks, strings and comments. */
const piece = fc.constantFrom(
  "\n",
  "\r\n",
  "\r",
  "  ",
  "{",
  "}",
  "|",
  '"',
  '"Europe/Rome"',
  "// note",
  ",",
  "policy p \"P\"",
  "calendar c",
  "target response",
  "goals",
  "priority",
  "P1",
  "zone",
  "holidays",
  "4 business hours",
  "on",
  "x",
  // availability and objective blocks (their completion reads the clauses written above and below)
  "availability a",
  "objective o",
  "commit 99.9%",
  "excuse scheduled, up to",
  "credit 5% per started",
  "×",
  "95% of tickets meet",
);
const smallDocument = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(""));

/** Documents that once hung or crashed the server, and their neighbours. */
const KNOWN = ["", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n{", "\n{\n", "\n  |", '\n"', "\n//", " \n"];

describe("every position, in-process", () => {
  it("completion at 0:0 of a document starting with a blank line answers (issue 9.1)", () => {
    for (const text of ["\n", "\r\n", "\n\npolicy p \"P\"\n"]) {
      const { snapshot, checked } = documentOf(text);
      const list = completion(snapshot, checked, { line: 0, character: 0 });
      // At the top of an empty line the declarations are offered.
      expect(list.items.map((i) => i.label)).toContain("calendar");
    }
  });

  it("completion, hover, definition, references, rename and code actions answer everywhere", () => {
    fc.assert(
      fc.property(smallDocument, (text) => {
        const { snapshot, checked } = documentOf(text);
        for (const position of positions(text)) {
          expect(Array.isArray(completion(snapshot, checked, position).items)).toBe(true);
          hover(checked, position);
          definition(checked, position);
          expect(Array.isArray(references(checked, position, true))).toBe(true);
          try {
            prepareRename(checked, position);
          } catch (error) {
            // Refusing to rename what is not a name is an answer (a ResponseError), not a crash.
            expect((error as { code?: unknown }).code).toBeTypeOf("number");
          }
          expect(Array.isArray(codeActions(checked, { start: position, end: position }))).toBe(true);
        }
      }),
      // Every feature at every position of a text is costly: half the budget (50 in npm test, 1,000 in test:deep).
      { numRuns: propertyRuns(0.5, 20), examples: KNOWN.map((k) => [k]) },
    );
  });
});

describe("every position, over the protocol", () => {
  const client = serverForFile();

  it("answers completion and hover at every position of the documents that once hung it, then shuts down", async () => {
    let n = 0;
    for (const text of KNOWN) {
      const docUri = `file:///test/known-${n++}.sla`;
      await client().open(docUri, text);
      for (const position of positions(text)) {
        const list = await client().completion(docUri, position);
        expect(list).not.toBeNull();
        await client().hover(docUri, position);
      }
    }
    expect(await client().connection.sendRequest("shutdown")).toBeNull();
  });
});
