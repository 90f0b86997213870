/**
 * Request and notification params, checked before any feature reads them (issue 9.17).
 *
 * The protocol library hands handlers whatever JSON arrived. Reading `p.textDocument.uri` of a
 * `null` would answer -32603 "Cannot read properties of null"; the JSON-RPC answer for params of
 * the wrong shape is -32602 (InvalidParams), with a message that names the field. Only the fields
 * the server reads are checked, and each reader returns exactly those, typed.
 */
import { ErrorCodes, type Position, type Range, ResponseError } from "vscode-languageserver";

/** Smallest and largest tab size the formatter is given; editors' values outside are clamped. */
export const TAB_SIZE_RANGE = { min: 1, max: 16 } as const;

/** A -32602 answer naming the field that is wrong. */
export function invalidParams(field: string, expected: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `invalid params: \`${field}\` must be ${expected}`);
}

type Json = Record<string, unknown>;

function object(value: unknown, field: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalidParams(field, "an object");
  return value as Json;
}

function string(value: unknown, field: string): string {
  if (typeof value !== "string") throw invalidParams(field, "a string");
  return value;
}

function uinteger(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw invalidParams(field, "a non-negative integer");
  return value;
}

function position(value: unknown, field: string): Position {
  const p = object(value, field);
  return { line: uinteger(p["line"], `${field}.line`), character: uinteger(p["character"], `${field}.character`) };
}

function range(value: unknown, field: string): Range {
  const r = object(value, field);
  return { start: position(r["start"], `${field}.start`), end: position(r["end"], `${field}.end`) };
}

/** `{ textDocument: { uri } }`: the URI of the document a request is about. */
export function documentUri(params: unknown): string {
  const p = object(params, "params");
  return string(object(p["textDocument"], "textDocument")["uri"], "textDocument.uri");
}

/** `{ textDocument, position }` (hover, definition, completion, rename…). */
export function atPosition(params: unknown): { uri: string; position: Position } {
  return { uri: documentUri(params), position: position((params as Json)["position"], "position") };
}

/** `{ textDocument, range }` (range formatting, code actions). */
export function inRange(params: unknown): { uri: string; range: Range } {
  return { uri: documentUri(params), range: range((params as Json)["range"], "range") };
}

/** Completion's optional trigger character. */
export function triggerCharacter(params: unknown): string | undefined {
  const context = (params as Json)["context"];
  if (context === undefined || context === null) return undefined;
  const c = object(context, "context")["triggerCharacter"];
  return typeof c === "string" ? c : undefined;
}

/** References' `context.includeDeclaration` (default true when absent). */
export function includeDeclaration(params: unknown): boolean {
  const context = (params as Json)["context"];
  if (context === undefined || context === null) return true;
  const v = object(context, "context")["includeDeclaration"];
  return v === undefined ? true : v === true;
}

/** Code actions' `context.only` kinds, when given. */
export function onlyKinds(params: unknown): string[] | undefined {
  const context = (params as Json)["context"];
  if (context === undefined || context === null) return undefined;
  const only = object(context, "context")["only"];
  if (only === undefined || only === null) return undefined;
  if (!Array.isArray(only) || !only.every((k) => typeof k === "string")) throw invalidParams("context.only", "a list of strings");
  return only;
}

/** Rename's `newName`. */
export function newName(params: unknown): string {
  return string((params as Json)["newName"], "newName");
}

/**
 * Formatting options. A tab size is clamped into TAB_SIZE_RANGE (a size of -1 or 1e9 is an
 * editor's mistake, not a reason to fail the request, and 1e9 would make prettier build
 * gigabyte strings); a missing or non-numeric one is InvalidParams, as the protocol requires it.
 */
export function formattingOptions(params: unknown): { tabSize: number; insertSpaces: boolean } {
  const o = object((params as Json)["options"], "options");
  const raw = o["tabSize"];
  if (typeof raw !== "number" || Number.isNaN(raw)) throw invalidParams("options.tabSize", "a number");
  const tabSize = Math.min(TAB_SIZE_RANGE.max, Math.max(TAB_SIZE_RANGE.min, Math.round(raw)));
  return { tabSize, insertSpaces: o["insertSpaces"] !== false };
}

/**
 * `didOpen`'s document, or the reason it is unusable. A notification has no answer, so the
 * caller logs the reason on one line and ignores the notification.
 */
export function openedDocument(params: unknown): { uri: string; languageId: string; version: number; text: string } | { error: string } {
  try {
    const p = object(params, "params");
    const doc = object(p["textDocument"], "textDocument");
    const version = doc["version"];
    if (typeof version !== "number" || !Number.isInteger(version)) throw invalidParams("textDocument.version", "an integer");
    return {
      uri: string(doc["uri"], "textDocument.uri"),
      languageId: typeof doc["languageId"] === "string" ? doc["languageId"] : "sla",
      version,
      text: string(doc["text"], "textDocument.text"),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** `didChange`'s document and changes, or the reason they are unusable (logged, then ignored). */
export function changedDocument(
  params: unknown,
): { uri: string; version: number; changes: ({ text: string } | { range: Range; text: string })[] } | { error: string } {
  try {
    const p = object(params, "params");
    const doc = object(p["textDocument"], "textDocument");
    const version = doc["version"];
    if (typeof version !== "number" || !Number.isInteger(version)) throw invalidParams("textDocument.version", "an integer");
    const raw = p["contentChanges"];
    if (!Array.isArray(raw)) throw invalidParams("contentChanges", "a list");
    const changes = raw.map((c: unknown, i) => {
      const change = object(c, `contentChanges[${i}]`);
      const text = string(change["text"], `contentChanges[${i}].text`);
      return change["range"] === undefined ? { text } : { range: range(change["range"], `contentChanges[${i}].range`), text };
    });
    return { uri: string(doc["uri"], "textDocument.uri"), version, changes };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
