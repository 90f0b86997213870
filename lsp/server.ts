/**
 * The `.sla` language server over stdio (`sla lsp`): capability negotiation and wiring only.
 * Documents live in documents.ts; each feature is a pure function in features/ that takes a
 * document's text or check and returns LSP data, so it can be tested in-process as well as
 * over the protocol.
 *
 *   editor ⇄ vscode-languageserver connection ⇄ DocumentStore (text, debounced checks)
 *                                             → features/*.ts → compiler/, format/
 */
import {
  CodeActionKind,
  createConnection,
  type InitializeParams,
  type InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
} from "vscode-languageserver/node";
import { type Checked, DEFAULT_DEBOUNCE_MS, DocumentStore } from "./documents.js";
import { codeActions } from "./features/code-actions.js";
import { completion } from "./features/completion.js";
import { definition } from "./features/definition.js";
import { toLspDiagnostics } from "./features/diagnostics.js";
import { type FormatSettings, formatDocument, formatRange } from "./features/formatting.js";
import { hover } from "./features/hover.js";
import { references } from "./features/references.js";
import { prepareRename, rename } from "./features/rename.js";
import { documentSymbols, foldingRanges, SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./features/symbols.js";

/**
 * Options an editor may pass in `initializationOptions`:
 * - `debounceMs`: pause after the last edit before re-checking (default 150);
 * - `printWidth`: the formatter's line width (default: the formatter's own).
 */
export interface ServerOptions {
  readonly debounceMs?: number;
  readonly printWidth?: number;
}

function readOptions(params: InitializeParams): ServerOptions {
  const raw = (params.initializationOptions ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined);
  const debounceMs = num(raw["debounceMs"]);
  const printWidth = num(raw["printWidth"]);
  return { ...(debounceMs !== undefined ? { debounceMs } : {}), ...(printWidth !== undefined ? { printWidth } : {}) };
}

/** Start the server on this process's stdin/stdout. It runs until the client asks it to exit. */
export function startServer(): void {
  // Streams are passed explicitly: `sla lsp` has no `--stdio` argument for the library to find.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const makeStore = (debounceMs: number) =>
    new DocumentStore({
      debounceMs,
      onChecked: ({ result, uri, version }: Checked) =>
        void connection.sendDiagnostics({ uri, version, diagnostics: toLspDiagnostics(result.diagnostics, result.file, uri) }),
      onClosed: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
      onError: (uri, error) => connection.console.error(`sla: checking ${uri} failed: ${(error as Error).stack ?? String(error)}`),
    });
  let store = makeStore(DEFAULT_DEBOUNCE_MS);
  let format: FormatSettings = {};
  const docs = () => store;

  connection.onInitialize((params): InitializeResult => {
    const options = readOptions(params);
    format = options.printWidth !== undefined ? { printWidth: options.printWidth } : {};
    store.dispose();
    store = makeStore(options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    return {
      capabilities: {
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
      },
      serverInfo: { name: "sla" },
    };
  });

  connection.onDidOpenTextDocument((p) => docs().open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text));
  connection.onDidChangeTextDocument((p) => docs().change(p.textDocument.uri, p.textDocument.version, p.contentChanges));
  connection.onDidCloseTextDocument((p) => docs().close(p.textDocument.uri));
  connection.onShutdown(() => store.dispose());

  const current = (uri: string) => docs().current(uri);
  connection.onCompletion((p) => {
    const snapshot = docs().snapshot(p.textDocument.uri);
    return snapshot ? completion(snapshot, docs().latest(p.textDocument.uri), p.position, p.context?.triggerCharacter) : null;
  });
  connection.onHover((p) => {
    const c = current(p.textDocument.uri);
    return c ? hover(c, p.position) : null;
  });
  connection.onDefinition((p) => {
    const c = current(p.textDocument.uri);
    return c ? definition(c, p.position) : null;
  });
  connection.onReferences((p) => {
    const c = current(p.textDocument.uri);
    return c ? references(c, p.position, p.context.includeDeclaration) : [];
  });
  connection.onPrepareRename((p) => {
    const c = current(p.textDocument.uri);
    return c ? prepareRename(c, p.position) : null;
  });
  connection.onRenameRequest((p) => {
    const c = current(p.textDocument.uri);
    return c ? rename(c, p.position, p.newName) : null;
  });
  connection.onDocumentSymbol((p) => {
    const c = current(p.textDocument.uri);
    return c ? documentSymbols(c.result) : [];
  });
  connection.onFoldingRanges((p) => {
    const c = current(p.textDocument.uri);
    return c ? foldingRanges(c.result) : [];
  });
  connection.languages.semanticTokens.on((p) => {
    const c = current(p.textDocument.uri);
    return c ? semanticTokens(c.result) : { data: [] };
  });
  connection.onCodeAction((p) => {
    const c = current(p.textDocument.uri);
    return c ? codeActions(c, p.range, p.context.only) : [];
  });
  connection.onDocumentFormatting((p) => {
    const s = docs().snapshot(p.textDocument.uri);
    return s ? formatDocument(s, p.options, format) : null;
  });
  connection.onDocumentRangeFormatting((p) => {
    const s = docs().snapshot(p.textDocument.uri);
    return s ? formatRange(s, p.range, p.options, format) : null;
  });

  connection.listen();
}
