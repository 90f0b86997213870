/**
 * Requests that propose text: completion, code actions, formatting. Completion reads the current
 * text and the latest analysis (never compiles: it runs on every keystroke).
 */
import { codeActions } from "../features/code-actions.js";
import { completion } from "../features/completion.js";
import { formatDocument, formatRange } from "../features/formatting.js";
import { atPosition, documentUri, formattingOptions, inRange, onlyKinds, triggerCharacter } from "../params.js";
import type { Session } from "./session.js";

export function registerEditing(session: Session): void {
  const { connection } = session;
  connection.onCompletion((params) => {
    const { uri, position } = atPosition(params);
    const snapshot = session.docs().snapshot(uri);
    return snapshot ? completion(snapshot, session.docs().latest(uri), position, triggerCharacter(params)) : null;
  });
  connection.onCodeAction((params) => {
    const { uri, range } = inRange(params);
    const only = onlyKinds(params);
    const c = session.docs().current(uri);
    return c ? codeActions(c, range, only) : [];
  });
  connection.onDocumentFormatting((params) => {
    const uri = documentUri(params);
    const options = formattingOptions(params);
    const s = session.docs().snapshot(uri);
    return s ? formatDocument(s, options, session.format()) : null;
  });
  connection.onDocumentRangeFormatting((params) => {
    const { uri, range } = inRange(params);
    const options = formattingOptions(params);
    const s = session.docs().snapshot(uri);
    return s ? formatRange(s, range, options, session.format()) : null;
  });
}
