/**
 * Hover without waiting for a compile (issue 10.5): when the text changed since the latest
 * analysis but not on the hovered line, that analysis still describes the line, and its answer is
 * moved to the current text's coordinates (text-delta.ts).
 *
 * A module of its own because hover text needs the runtime (calendars, example evaluation) and
 * date-holidays: navigation.ts imports it on the first hover, not at the server's start.
 */
import type { Hover, Position } from "vscode-languageserver";
import type { DocumentStore } from "../documents.js";
import { offsetAt, positionAt } from "../features/diagnostics.js";
import { hover } from "../features/hover.js";
import { textDelta } from "../text-delta.js";

/** The hover at `position`, from the latest analysis when the hovered line did not change since. */
export function hoverWithoutWaiting(store: DocumentStore, uri: string, position: Position): Hover | null {
  const snapshot = store.snapshot(uri);
  if (!snapshot) return null;
  const latest = store.latest(uri);
  if (latest && latest.version !== snapshot.version) {
    const oldFile = latest.result.file;
    const delta = textDelta(oldFile.text, snapshot.text);
    const old = delta.toOld(offsetAt(snapshot.file, position));
    if (old !== null) {
      const found = hover(latest, positionAt(oldFile, old));
      if (!found?.range) return found;
      const start = delta.toNew(offsetAt(oldFile, found.range.start));
      const end = delta.toNew(offsetAt(oldFile, found.range.end));
      // A range that reaches into the edit has no place in the new text: show the hover without it.
      if (start === null || end === null) return { contents: found.contents };
      return { ...found, range: { start: positionAt(snapshot.file, start), end: positionAt(snapshot.file, end) } };
    }
  }
  const current = store.current(uri);
  return current ? hover(current, position) : null;
}
