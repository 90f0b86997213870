/**
 * The open documents: per URI, the text at its latest version, the latest analysis (the compile
 * result the features read) and the diagnostics published for it. Nothing is shared between
 * documents (each entry owns its text, timer and results).
 *
 * Two kinds of work, kept apart so that typing never waits for a check (issue 10.5):
 * - **Publishing diagnostics** is debounced: an edit (re)starts a timer and, when edits pause,
 *   the text goes to the DiagnosticsChecker (a worker thread). At most one check per document is
 *   in flight; edits made meanwhile are checked when it returns. A result is only published for
 *   the version the editor has now: stale diagnostics are never sent.
 * - **Analysis** (the full compile result for hover, definition, rename…) is computed in this
 *   thread, on demand: when a feature asks for the current version (`current`). Completion reads
 *   the latest analysis, possibly older than the text (`latest`).
 * Opening a document does both at once in this thread: its first diagnostics come at once, and
 * completion has the document's names from the start.
 */
import { fileURLToPath } from "node:url";
import type { Diagnostic as LspDiagnostic, TextDocumentContentChangeEvent } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CompileResult } from "../compiler/index.js";
import { sourceFile, type SourceFile } from "../grammar/source.js";
import type { PolicyIR } from "../runtime/ir.js";
import { checkText } from "./check-text.js";
import { type DiagnosticsChecker, inThreadChecker } from "./diagnostics-worker.js";
import { toLspDiagnostics } from "./features/diagnostics.js";

/** Default pause after the last edit before a document is checked again. */
export const DEFAULT_DEBOUNCE_MS = 150;


/** A document's text at one version, with its line table for position conversion. */
export interface Snapshot {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly file: SourceFile;
}

/** The outcome of checking one version of a document. */
export interface Checked {
  readonly uri: string;
  readonly version: number;
  readonly result: CompileResult;
  /** The IR of the latest version that had no errors (this one's, when it has none). */
  readonly lastGoodIr: PolicyIR | null;
}

/** How a store checks and reports: its debounce, its checker and the callbacks that publish. */
export interface DocumentStoreOptions {
  /** Pause after the last edit before checking; 0 checks on the next turn of the event loop. */
  readonly debounceMs?: number;
  /** Where edited versions are checked for their diagnostics (default: in this thread). */
  readonly checker?: DiagnosticsChecker;
  /** Called with the diagnostics of a version that is still current when they are ready. */
  readonly onPublish: (uri: string, version: number, diagnostics: LspDiagnostic[]) => void;
  /** Called when a document is closed (clear its diagnostics here). */
  readonly onClosed?: (uri: string) => void;
  /** Called when checking throws, which `compile` promises never to do. */
  readonly onError?: (uri: string, error: unknown) => void;
}

interface Entry {
  doc: TextDocument;
  /** Line table of `doc`'s current text, built on first use. */
  file: SourceFile | null;
  /** The latest analysis, possibly of an older version. */
  checked: Checked | null;
  timer: NodeJS.Timeout | null;
  /** A diagnostics check of this document is running. */
  inFlight: boolean;
  /** An edit came while it ran: check again when it returns. */
  again: boolean;
}

/** The compiler's path for a URI: file URIs become paths, anything else stays as it is. */
export function pathOfUri(uri: string): string {
  if (!uri.startsWith("file:")) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** The open documents of one server. */
export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  private readonly debounceMs: number;
  private readonly checker: DiagnosticsChecker;

  constructor(private readonly options: DocumentStoreOptions) {
    this.debounceMs = Math.max(0, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    this.checker = options.checker ?? inThreadChecker();
  }

  /** A document was opened: it is analysed and its diagnostics published right away. */
  open(uri: string, languageId: string, version: number, text: string): void {
    const old = this.entries.get(uri);
    if (old?.timer) clearTimeout(old.timer);
    const entry: Entry = { doc: TextDocument.create(uri, languageId, version, text), file: null, checked: null, timer: null, inFlight: false, again: false };
    this.entries.set(uri, entry);
    // On the next turn, so that a burst of opens is answered in order and the open returns now.
    entry.timer = setTimeout(() => {
      entry.timer = null;
      const checked = this.analyse(uri);
      if (checked) this.options.onPublish(uri, checked.version, toLspDiagnostics(checked.result.diagnostics, checked.result.file, uri));
    }, 0);
  }

  /** Apply an editor's changes (full or incremental) and schedule a check of the new version. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.doc = TextDocument.update(entry.doc, [...changes], version);
    entry.file = null;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      this.publish(uri);
    }, this.debounceMs);
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(uri);
    this.options.onClosed?.(uri);
  }

  /** Stop every pending check (server shutdown). */
  dispose(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
  }

  /** URIs of the open documents. */
  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** The current text of a document, or null when it is not open. */
  snapshot(uri: string): Snapshot | null {
    const entry = this.entries.get(uri);
    if (!entry) return null;
    entry.file ??= sourceFile(pathOfUri(uri), entry.doc.getText());
    return { uri, version: entry.doc.version, text: entry.file.text, file: entry.file };
  }

  /**
   * The analysis of the current version, computed now in this thread when the text changed
   * since the last one, so that features that need exact spans (definition, rename, code
   * actions) never answer from an older text.
   */
  current(uri: string): Checked | null {
    const entry = this.entries.get(uri);
    if (!entry) return null;
    if (entry.checked?.version !== entry.doc.version) this.analyse(uri);
    return entry.checked;
  }

  /**
   * The latest analysis, possibly of an older version, without compiling. Completion uses it for
   * the names in scope, and hover where the text did not change since: both must stay fast
   * while the user types.
   */
  latest(uri: string): Checked | null {
    return this.entries.get(uri)?.checked ?? null;
  }

  /** Compile the current version in this thread and keep it as the document's analysis. */
  private analyse(uri: string): Checked | null {
    const entry = this.entries.get(uri);
    if (!entry) return null;
    const version = entry.doc.version;
    let result: CompileResult;
    try {
      result = checkText(pathOfUri(uri), entry.doc.getText());
    } catch (error) {
      this.options.onError?.(uri, error);
      return null;
    }
    const checked: Checked = { uri, version, result, lastGoodIr: result.ir ?? entry.checked?.lastGoodIr ?? null };
    entry.checked = checked;
    return checked;
  }

  /** Check the current version for its diagnostics (off-thread) and publish them if still current. */
  private publish(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    if (entry.inFlight) {
      entry.again = true;
      return;
    }
    entry.inFlight = true;
    const version = entry.doc.version;
    const settle = () => {
      entry.inFlight = false;
      if (this.entries.get(uri) !== entry) return;
      if (entry.again) {
        entry.again = false;
        if (entry.doc.version !== version) this.publish(uri);
      }
    };
    this.checker.check(uri, pathOfUri(uri), entry.doc.getText()).then(
      (diagnostics) => {
        // Publish only what is still current: the document may have changed or closed meanwhile.
        if (this.entries.get(uri) === entry && entry.doc.version === version) this.options.onPublish(uri, version, diagnostics);
        settle();
      },
      (error: unknown) => {
        this.options.onError?.(uri, error);
        settle();
      },
    );
  }
}
