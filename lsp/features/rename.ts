/**
 * Rename a plan, priority, calendar, region, target, role, channel, kind of work, obligation or
 * excluded cause, with its declaration and every resolved use.
 *
 * A new name must be an identifier of the language and not a reserved word (it would no longer
 * parse), and must not collide with another name of the same kind (the policy would then mean
 * something else): both are refused with a ResponseError, which editors show as a message.
 */
import { ErrorCodes, type Position, type Range, ResponseError, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import { keywords } from "../../grammar/tokens.js";
import type { Checked } from "../documents.js";
import { offsetAt, rangeOf } from "./diagnostics.js";
import { KIND_STYLES } from "./kinds.js";
import { type Occurrence, occurrenceAt, occurrencesOf } from "./occurrences.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(keywords);

/** Why `name` cannot be a name, or null when it can. */
export function invalidNameReason(name: string): string | null {
  if (!IDENTIFIER.test(name)) return `\`${name}\` is not a valid name: use letters, digits and \`_\`, not starting with a digit`;
  if (RESERVED.has(name)) return `\`${name}\` is a reserved word of the language`;
  return null;
}

function renamable(checked: Checked, position: Position): Occurrence {
  const at = occurrenceAt(checked.result, offsetAt(checked.result.file, position));
  if (!at) throw new ResponseError(ErrorCodes.InvalidRequest, "there is no declared name here to rename");
  return at;
}

/** The range and text of the name that would be renamed (LSP prepareRename). */
export function prepareRename(checked: Checked, position: Position): { range: Range; placeholder: string } {
  const at = renamable(checked, position);
  return { range: rangeOf(checked.result.file, at.span), placeholder: at.name };
}

/** The edits that rename the name at `position` to `newName` everywhere in the document. */
export function rename(checked: Checked, position: Position, newName: string): WorkspaceEdit {
  const at = renamable(checked, position);
  const reason = invalidNameReason(newName);
  if (reason) throw new ResponseError(ErrorCodes.InvalidParams, reason);
  if (newName !== at.name && checked.result.symbols.has(at.kind, newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `a ${KIND_STYLES[at.kind].noun} named \`${newName}\` already exists`);
  }
  const edits: TextEdit[] = occurrencesOf(checked.result, at.kind, at.name).map((o) => ({
    range: rangeOf(checked.result.file, o.span),
    newText: newName,
  }));
  return { changes: { [checked.uri]: edits } };
}
