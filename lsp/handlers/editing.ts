/**
 * Requests that propose text: completion, code actions, formatting. Completion reads the current
 * text and the latest analysis (never compiles: it runs on every keystroke).
 *
 * Completion and formatting are imported on their first request, not at the server's start
 * (time to `initialize`, issue 10): formatting loads prettier, completion date-holidays (the
 * holiday codes it offers). Later requests find the modules loaded.
 */
import { codeActions } from "../features/code-actions.js";
import { atPosition, documentUri, formattingOptions, inRange, onlyKinds, triggerCharacter } from "../params.js";
import type { Session } from "./session.js";

export function registerEditing(session: Session): void {
  const { connection } = session;
  connection.onCompletion(async (params) => {
    const { uri, position } = atPosition(params);
    const { completion } = await import("../features/completion.js");
    const snapshot = session.docs().snapshot(uri);
    return snapshot ? completion(snapshot, session.docs().latest(uri), position, triggerCharacter(params)) : null;
  });
  connection.onCodeAction((params) => {
    const { uri, range } = inRange(params);
    const only = onlyKinds(params);
    const c = session.docs().current(uri);
    return c ? codeActions(c, range, only) : [];
  });
  connection.onDocumentFormatting(async (params) => {
    const uri = documentUri(params);
    const options = formattingOptions(params);
    const { formatDocument } = await import("../features/formatting.js");
    const s = session.docs().snapshot(uri);
    return s ? formatDocument(s, options, session.format()) : null;
  });
  connection.onDocumentRangeFormatting(async (params) => {
    const { uri, range } = inRange(params);
    const options = formattingOptions(params);
    const { formatRange } = await import("../features/formatting.js");
    const s = session.docs().snapshot(uri);
    return s ? formatRange(s, range, options, session.format()) : null;
  });
}
