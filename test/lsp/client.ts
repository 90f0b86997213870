/**
 * A language client for tests: spawns the real server (`sla lsp`, see bench/lsp.bench.ts
 * `lspServerCommand`) and speaks the protocol over its stdio, as an editor does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionTriggerKind,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type Position,
  PrepareRenameRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Range,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";
import { lspServerCommand } from "../../bench/lsp.bench.js";

/** A seed policy's text. */
export function seed(name: string): string {
  return readFileSync(join(import.meta.dirname, "../../policies", `${name}.sla`), "utf8");
}

/** A URI for a test document. */
/**
 * How long the client waits for diagnostics or for the server to exit: five minutes, far beyond
 * any loaded machine, and below the test runner's ten-minute limit so the failure says what was missing.
 */
const GENEROUS_WAIT_MS = 300_000;

export const uriOf = (name: string) => `file:///test/${name}.sla`;

/** One server process and a protocol connection to it, with helpers per request. */
/** One server for a whole test file: started before its tests, stopped after them. */
export function serverForFile(): () => LspClient {
  let client: LspClient | undefined;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client?.stop();
  });
  return () => {
    if (!client) throw new Error("the language server has not started");
    return client;
  };
}

export class LspClient {
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; version: number | null; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  /** What the server wrote to stderr (it must stay quiet on stdout except for the protocol). */
  stderr = "";

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
    readonly initialize: InitializeResult,
  ) {}

  /** Start a server and initialize it; `debounceMs` is passed in initializationOptions. */
  static async start(initializationOptions: Record<string, unknown> = {}): Promise<LspClient> {
    const { command, args, cwd } = lspServerCommand({ fresh: true });
    const child = spawn(command, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let client: LspClient | null = null;
    const early: PublishDiagnosticsParams[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (client) client.receive(p);
      else early.push(p);
    });
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
      initializationOptions,
    });
    client = new LspClient(connection, child, init);
    child.stderr!.on("data", (d: Buffer) => (client!.stderr += d.toString()));
    early.forEach((p) => client!.receive(p));
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private receive(p: PublishDiagnosticsParams): void {
    const list = this.published.get(p.uri) ?? [];
    list.push(p);
    this.published.set(p.uri, list);
    for (const w of [...this.waiters]) {
      if (w.uri === p.uri && (w.version === null || w.version === p.version)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  }

  /** Every publication for a URI so far, in order. */
  publications(uri: string): readonly PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /**
   * The diagnostics published for `version` (waiting for them), or the next ones when null. The
   * wait is long (a loaded machine is slow, not wrong) and only ends a server that never answers
   * with a message naming what it did publish, before the test runner's own limit.
   */
  diagnostics(uri: string, version: number | null, timeoutMs = GENEROUS_WAIT_MS): Promise<PublishDiagnosticsParams> {
    const done = version !== null ? this.publications(uri).find((p) => p.version === version) : undefined;
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const fail = () => {
        const seen = this.publications(uri).map((p) => p.version ?? "none");
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs / 1000} s (published versions: ${seen.join(", ") || "none"})`));
      };
      const timer = setTimeout(fail, timeoutMs);
      this.waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Open a document and wait for its first diagnostics. */
  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.diagnostics(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "sla", version, text } });
    return published;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  private doc(uri: string, position: Position) {
    return { textDocument: { uri }, position };
  }

  /** Completion, invoked by hand or (with `triggerCharacter`) by typing that character. */
  completion(uri: string, position: Position, triggerCharacter?: string) {
    const context = triggerCharacter
      ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter }
      : { triggerKind: CompletionTriggerKind.Invoked };
    return this.connection.sendRequest(CompletionRequest.type, { ...this.doc(uri, position), context });
  }
  hover(uri: string, position: Position) {
    return this.connection.sendRequest(HoverRequest.type, this.doc(uri, position));
  }
  definition(uri: string, position: Position) {
    return this.connection.sendRequest(DefinitionRequest.type, this.doc(uri, position));
  }
  references(uri: string, position: Position, includeDeclaration = true) {
    return this.connection.sendRequest(ReferencesRequest.type, { ...this.doc(uri, position), context: { includeDeclaration } });
  }
  prepareRename(uri: string, position: Position) {
    return this.connection.sendRequest(PrepareRenameRequest.type, this.doc(uri, position));
  }
  rename(uri: string, position: Position, newName: string) {
    return this.connection.sendRequest(RenameRequest.type, { ...this.doc(uri, position), newName });
  }
  documentSymbols(uri: string) {
    return this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  }
  foldingRanges(uri: string) {
    return this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  }
  semanticTokens(uri: string) {
    return this.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  }
  codeActions(uri: string, range: Range) {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } });
  }
  format(uri: string, options = { tabSize: 2, insertSpaces: true }) {
    return this.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options });
  }
  formatRange(uri: string, range: Range, options = { tabSize: 2, insertSpaces: true }) {
    return this.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri }, range, options });
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Shut the server down politely; returns its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (!this.alive) resolve(this.child.exitCode);
      else this.child.once("exit", (code) => resolve(code));
    });
    if (this.alive) {
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    }
    // Exiting takes a moment on a loaded machine: wait generously before killing (a null code).
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<null>((r) => (timer = setTimeout(() => r(null), GENEROUS_WAIT_MS)))]);
    clearTimeout(timer);
    this.connection.dispose();
    if (this.alive) this.child.kill();
    return code;
  }
}
