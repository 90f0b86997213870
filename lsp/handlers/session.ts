/**
 * What the request handlers share: the open documents, the formatter's settings and the log.
 * Both can be replaced by `initialize` (its options), so handlers read them through functions.
 */
import type { Connection } from "vscode-languageserver/node";
import type { DocumentStore } from "../documents.js";
import type { FormatSettings } from "../features/formatting.js";

export interface Session {
  readonly connection: Connection;
  /** The open documents. */
  docs(): DocumentStore;
  /** Formatter settings from `initializationOptions`. */
  format(): FormatSettings;
  /** Log one line to the editor's output (never a stack trace: the user cannot act on one). */
  log(message: string): void;
}
