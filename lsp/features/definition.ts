/**
 * Go to definition: from any occurrence of a name to the name in its declaration.
 */
import type { Location, Position } from "vscode-languageserver";
import type { Checked } from "../documents.js";
import { offsetAt, rangeOf } from "./diagnostics.js";
import { declarationOf, occurrenceAt } from "./occurrences.js";

/** The declaration of the name at `position`, or null when there is no declared name there. */
export function definition(checked: Checked, position: Position): Location | null {
  const { result, uri } = checked;
  const at = occurrenceAt(result, offsetAt(result.file, position));
  if (!at) return null;
  const entry = declarationOf(result, at);
  return entry ? { uri, range: rangeOf(result.file, entry.name.span) } : null;
}
