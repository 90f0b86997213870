/**
 * The `.sla` language server over stdio (`sla lsp`): capability negotiation and wiring only.
 * Documents live in documents.ts; requests are registered by concern in handlers/; each feature
 * is a pure function in features/ that takes a document's text or analysis and returns LSP data,
 * so it can be tested in-process as well as over the protocol.
 *
 *   editor ⇄ vscode-languageserver connection ⇄ handlers/* ⇄ DocumentStore (text, analyses)
 *                                             → features/*.ts → compiler/, format/
 *                                               DiagnosticsChecker (worker thread) → publish
 */
import {
  CodeActionKind,
  type Connection,
  createConnection,
  type InitializeParams,
  type InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
} from "vscode-languageserver/node";
import { createDiagnosticsChecker, type DiagnosticsChecker } from "./diagnostics-worker.js";
import { DEFAULT_DEBOUNCE_MS, DocumentStore } from "./documents.js";
import type { FormatSettings } from "./features/formatting.js";
import { SEMANTIC_TOKENS_LEGEND } from "./features/symbols.js";
import { registerEditing } from "./handlers/editing.js";
import { registerNavigation } from "./handlers/navigation.js";
import type { Session } from "./handlers/session.js";
import { registerStructure } from "./handlers/structure.js";
import { registerDocumentSync } from "./handlers/sync.js";

/**
 * Options an editor may pass in `initializationOptions`:
 * - `debounceMs`: pause after the last edit before re-checking (default 150);
 * - `printWidth`: the formatter's line width (default: the formatter's own).
 */
export interface ServerOptions {
  readonly debounceMs?: number;
  readonly printWidth?: number;
}

function readOptions(params: InitializeParams | null | undefined): ServerOptions {
  const raw = params?.initializationOptions;
  const options = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined);
  const debounceMs = num(options["debounceMs"]);
  const printWidth = num(options["printWidth"]);
  return { ...(debounceMs !== undefined ? { debounceMs } : {}), ...(printWidth !== undefined ? { printWidth } : {}) };
}

const CAPABILITIES: InitializeResult["capabilities"] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  completionProvider: { triggerCharacters: [" ", "|", '"', "-", ","] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
};

/** A document store that publishes over `connection`, checking edits with `checker`. */
function storeFor(connection: Connection, checker: DiagnosticsChecker, debounceMs: number, log: (m: string) => void): DocumentStore {
  return new DocumentStore({
    debounceMs,
    checker,
    onPublish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    onClosed: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
    onError: (uri, error) => log(`sla: checking ${uri} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
}

/** Start the server on this process's stdin/stdout. It runs until the client asks it to exit. */
export function startServer(): void {
  // Streams are passed explicitly: `sla lsp` has no `--stdio` argument for the library to find.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const log = (message: string) => connection.console.error(message);
  // Started now: the worker loads the compiler while the editor sends its first document.
  const checker = createDiagnosticsChecker();
  let store = storeFor(connection, checker, DEFAULT_DEBOUNCE_MS, log);
  let format: FormatSettings = {};
  const session: Session = { connection, docs: () => store, format: () => format, log };

  connection.onInitialize((params): InitializeResult => {
    const options = readOptions(params);
    format = options.printWidth !== undefined ? { printWidth: options.printWidth } : {};
    store.dispose();
    store = storeFor(connection, checker, options.debounceMs ?? DEFAULT_DEBOUNCE_MS, log);
    return { capabilities: CAPABILITIES, serverInfo: { name: "sla" } };
  });
  connection.onShutdown(() => {
    store.dispose();
    checker.dispose();
  });
  registerDocumentSync(session);
  registerNavigation(session);
  registerStructure(session);
  registerEditing(session);
  connection.listen();
}
