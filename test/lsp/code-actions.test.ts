/** Quick fixes over the protocol: did-you-mean and missing goal-matrix rows. */
import { describe, expect, it } from "vitest";
import { CodeActionKind, type CodeAction } from "vscode-languageserver-protocol";
import { compile } from "../../compiler/index.js";
import { serverForFile, seed, uriOf } from "./client.js";
import { applyEdits, textAt } from "./markers.js";

const server = serverForFile();

const errors = (text: string) => compile("x.sla", text).diagnostics.filter((d) => d.severity === "error");

describe("code actions", () => {
  it("offers the did-you-mean suggestion as the preferred quick fix", async () => {
    const uri = uriOf("fix-typo");
    const text = seed("imagicle").replace("| P2       | 4 business hours  | support_team", "| P2       | 4 business hours  | suport_team");
    const { diagnostics } = await server().open(uri, text);
    const typo = diagnostics.find((d) => d.code === "SLA101")!;
    const actions = (await server().codeActions(uri, typo.range)) as CodeAction[];
    expect(actions).toHaveLength(1);
    const [fix] = actions;
    expect(fix!.title).toBe("change to `support_team`");
    expect(fix!.kind).toBe(CodeActionKind.QuickFix);
    expect(fix!.isPreferred).toBe(true);
    expect(fix!.diagnostics![0]!.code).toBe("SLA101");
    const edits = fix!.edit!.changes![uri]!;
    expect(textAt(text, edits[0]!.range)).toBe("suport_team");
    expect(errors(applyEdits(text, edits))).toEqual([]);
  });

  it("adds the missing rows of a goal matrix", async () => {
    const uri = uriOf("fix-rows");
    const text = seed("lucy").replace(/\n\s*\| C\s+\| 72 hours\s+\|/, "");
    const { diagnostics } = await server().open(uri, text);
    const missing = diagnostics.find((d) => d.code === "SLA301")!;
    expect(missing.message).toContain("no row for priority `C`");
    const actions = (await server().codeActions(uri, missing.range)) as CodeAction[];
    const fix = actions.find((a) => a.title === "add the missing rows")!;
    const fixed = applyEdits(text, fix.edit!.changes![uri]!);
    expect(fixed).toMatch(/\| C \| best effort \|/);
    expect(errors(fixed)).toEqual([]);
  });

  it("offers nothing where no diagnostic has a fix, or for other kinds of action", async () => {
    const uri = uriOf("fix-none");
    await server().open(uri, seed("kustomer"));
    expect(await server().codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } })).toEqual([]);
    const typo = seed("imagicle").replace("calendar europe_gold for gold", "calendar europe_gold for gld");
    const other = uriOf("fix-refactor");
    await server().open(other, typo);
    const all = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };
    expect(((await server().codeActions(other, all)) as CodeAction[]).map((a) => a.title)).toContain("change to `gold`");
    const refactors = await server().connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: other },
      range: all,
      context: { diagnostics: [], only: [CodeActionKind.Refactor] },
    });
    expect(refactors).toEqual([]);
  });
});
