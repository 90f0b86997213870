/**
 * Protocol hygiene (issue 9.17): params of the wrong shape get JSON-RPC -32602 naming the
 * field (not -32603 "Cannot read properties of null"), a didOpen whose text is not a string is
 * logged on one line without a stack trace and ignored, and formatting tab sizes outside 1..16
 * are clamped instead of failing. Also (issue 9.14) the too-large diagnostic sits on line 1.
 */
import { describe, expect, it } from "vitest";
import { DidOpenTextDocumentNotification, ErrorCodes, LogMessageNotification, type LogMessageParams } from "vscode-languageserver-protocol/node";
import { serverForFile, uriOf } from "./client.js";
import { applyEdits } from "./markers.js";

const server = serverForFile();

/** The error a request is answered with. */
async function errorOf(method: string, params: unknown): Promise<{ code: number; message: string }> {
  try {
    await server().connection.sendRequest(method, params);
  } catch (error) {
    return error as { code: number; message: string };
  }
  throw new Error(`${method} answered without an error`);
}

describe("invalid params", () => {
  it("answers -32602 naming the missing or wrong field", async () => {
    const hoverNull = await errorOf("textDocument/hover", { textDocument: null, position: { line: 0, character: 0 } });
    expect(hoverNull.code).toBe(ErrorCodes.InvalidParams);
    expect(hoverNull.message).toBe("invalid params: `textDocument` must be an object");
    const noPosition = await errorOf("textDocument/completion", { textDocument: { uri: uriOf("x") } });
    expect(noPosition).toMatchObject({ code: ErrorCodes.InvalidParams, message: "invalid params: `position` must be an object" });
    const badLine = await errorOf("textDocument/definition", { textDocument: { uri: uriOf("x") }, position: { line: -1, character: 0 } });
    expect(badLine).toMatchObject({ code: ErrorCodes.InvalidParams, message: "invalid params: `position.line` must be a non-negative integer" });
    const badUri = await errorOf("textDocument/documentSymbol", { textDocument: { uri: 7 } });
    expect(badUri).toMatchObject({ code: ErrorCodes.InvalidParams, message: "invalid params: `textDocument.uri` must be a string" });
    const noName = await errorOf("textDocument/rename", { textDocument: { uri: uriOf("x") }, position: { line: 0, character: 0 } });
    expect(noName).toMatchObject({ code: ErrorCodes.InvalidParams, message: "invalid params: `newName` must be a string" });
    expect(server().alive).toBe(true);
  });

  it("logs a didOpen with a non-string text on one line, without a stack trace, and ignores it", async () => {
    const logged: LogMessageParams[] = [];
    server().connection.onNotification(LogMessageNotification.method, (p: LogMessageParams) => {
      logged.push(p);
    });
    const uri = uriOf("not-text");
    const notOpenable: unknown = { textDocument: { uri, languageId: "sla", version: 1, text: 42 } };
    await server().connection.sendNotification(DidOpenTextDocumentNotification.method, notOpenable);
    // The hover answers after the notification was handled (messages are handled in order).
    expect(await server().hover(uri, { line: 0, character: 0 })).toBeNull();
    expect(logged.map((l) => l.message)).toEqual(["sla: ignored textDocument/didOpen: invalid params: `textDocument.text` must be a string"]);
    expect(server().stderr).not.toMatch(/\n\s+at /);
  });
});

describe("formatting tab sizes", () => {
  const messy = 'policy x "X"\ncalendar c {\nzone "UTC"\n24x7\n}\n';
  const formatWith = async (name: string, tabSize: number) => {
    const uri = uriOf(name);
    await server().open(uri, messy);
    const edits = await server().format(uri, { tabSize, insertSpaces: true });
    return applyEdits(messy, edits ?? []);
  };

  it("clamps -1 to 1 and 1e9 to 16", async () => {
    expect(await formatWith("tab-minus", -1)).toBe(await formatWith("tab-one", 1));
    expect(await formatWith("tab-huge", 1e9)).toBe(await formatWith("tab-sixteen", 16));
    expect(await formatWith("tab-sixteen-again", 16)).toContain(`\n${" ".repeat(16)}zone "UTC"\n`);
  });
});

describe("file-level diagnostics", () => {
  it("puts `file is too large` on the first line, from column 1", async () => {
    const { diagnostics } = await server().open(uriOf("too-large"), `policy p\n${"// padding\n".repeat(120_000)}`);
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([["SLA004", { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } }]]);
    // The words of `sla check` (compiler/source-problems.ts), not a second wording of the limit.
    expect(diagnostics[0]!.message).toBe("file is too large (over 1 MB)\nhelp: policies are at most 1 MB");
  });
});
