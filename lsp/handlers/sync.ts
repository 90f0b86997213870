/**
 * Document synchronisation: didOpen, didChange, didClose. A notification has no answer, so
 * params of the wrong shape (a `text` that is not a string…) are logged on one line and ignored
 * (issue 9.17): the document stays as it was, and the server keeps answering.
 */
import { changedDocument, documentUri, openedDocument } from "../params.js";
import type { Session } from "./session.js";

export function registerDocumentSync(session: Session): void {
  const { connection } = session;
  connection.onDidOpenTextDocument((params) => {
    const doc = openedDocument(params);
    if ("error" in doc) return session.log(`sla: ignored textDocument/didOpen: ${doc.error}`);
    session.docs().open(doc.uri, doc.languageId, doc.version, doc.text);
  });
  connection.onDidChangeTextDocument((params) => {
    const change = changedDocument(params);
    if ("error" in change) return session.log(`sla: ignored textDocument/didChange: ${change.error}`);
    session.docs().change(change.uri, change.version, change.changes);
  });
  connection.onDidCloseTextDocument((params) => {
    let uri: string;
    try {
      uri = documentUri(params);
    } catch (error) {
      return session.log(`sla: ignored textDocument/didClose: ${(error as Error).message}`);
    }
    session.docs().close(uri);
  });
}
