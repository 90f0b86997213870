/**
 * Find references: every place a name is declared or used, from the compiler's resolved uses.
 */
import type { Location, Position } from "vscode-languageserver";
import type { Checked } from "../documents.js";
import { offsetAt, rangeOf } from "./diagnostics.js";
import { occurrenceAt, occurrencesOf } from "./occurrences.js";

/** Locations of the name at `position`; the declaration is included when asked. */
export function references(checked: Checked, position: Position, includeDeclaration: boolean): Location[] {
  const { result, uri } = checked;
  const at = occurrenceAt(result, offsetAt(result.file, position));
  if (!at) return [];
  return occurrencesOf(result, at.kind, at.name)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri, range: rangeOf(result.file, o.span) }));
}
