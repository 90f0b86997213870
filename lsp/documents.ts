/**
 * The open documents: per URI, the text at its latest version and the result of the latest
 * check. Nothing is shared between documents (each entry owns its text, timer and results).
 *
 * Checks are debounced: an edit (re)starts a timer and the check runs when edits pause, so a
 * burst of keystrokes costs one compile. A newer version supersedes an older pending check (the
 * timer is replaced), and a result is only published when it is for the version the editor has
 * now: stale diagnostics are never sent. Compiling is synchronous, so a check that started runs
 * to its end; the version test after it keeps that true should checks ever move off-thread.
 */
import { fileURLToPath } from "node:url";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { compile, type CompileResult, MAX_POLICY_BYTES } from "../compiler/index.js";
import { sourceFile, type SourceFile } from "../grammar/source.js";
import type { PolicyIR } from "../runtime/ir.js";

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

/** How a store checks and reports: its debounce and the callbacks that publish. */
export interface DocumentStoreOptions {
  /** Pause after the last edit before checking; 0 checks on the next turn of the event loop. */
  readonly debounceMs?: number;
  /** Called with each check that is current when it completes (publish its diagnostics here). */
  readonly onChecked: (checked: Checked) => void;
  /** Called when a document is closed (clear its diagnostics here). */
  readonly onClosed?: (uri: string) => void;
  /** Called when checking throws, which `compile` promises never to do. */
  readonly onError?: (uri: string, error: unknown) => void;
}

interface Entry {
  doc: TextDocument;
  /** Line table of `doc`'s current text, built on first use. */
  file: SourceFile | null;
  checked: Checked | null;
  timer: NodeJS.Timeout | null;
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

/** Compile a text, or refuse it as too large the way `sla check` does. Never throws. */
function checkText(path: string, text: string): CompileResult {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes <= MAX_POLICY_BYTES) return compile(path, text);
  // An empty compile gives empty tables; the diagnostics say why nothing else is reported.
  const empty = compile(path, "");
  return {
    ...empty,
    file: sourceFile(path, text),
    diagnostics: [
      {
        code: "SLA004",
        severity: "error",
        message: `file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
        help: `policies are at most ${MAX_POLICY_BYTES / 1024 / 1024} MB`,
        span: { start: 0, end: 0 },
      },
    ],
  };
}

/** The open documents of one server. */
export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  private readonly debounceMs: number;

  constructor(private readonly options: DocumentStoreOptions) {
    this.debounceMs = Math.max(0, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /** A document was opened: it is checked right away. */
  open(uri: string, languageId: string, version: number, text: string): void {
    const old = this.entries.get(uri);
    if (old?.timer) clearTimeout(old.timer);
    this.entries.set(uri, { doc: TextDocument.create(uri, languageId, version, text), file: null, checked: null, timer: null });
    this.schedule(uri, 0);
  }

  /** Apply an editor's changes (full or incremental) and schedule a check of the new version. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.doc = TextDocument.update(entry.doc, [...changes], version);
    entry.file = null;
    this.schedule(uri, this.debounceMs);
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
   * The check of the current version. When edits are still waiting for their debounced check,
   * the check runs now (and is published), so that features that need exact spans (hover,
   * rename, code actions) never answer from an older text.
   */
  current(uri: string): Checked | null {
    const entry = this.entries.get(uri);
    if (!entry) return null;
    if (entry.checked?.version !== entry.doc.version) this.run(uri);
    return entry.checked;
  }

  /**
   * The latest finished check, possibly of an older version, without compiling. Completion
   * uses it for the names in scope: it reads the cursor's context from the current text itself
   * and must stay fast while the user types.
   */
  latest(uri: string): Checked | null {
    return this.entries.get(uri)?.checked ?? null;
  }

  private schedule(uri: string, delayMs: number): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    // A newer version supersedes the pending check of an older one.
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      this.run(uri);
    }, delayMs);
  }

  /** Check the current version now and publish it. */
  private run(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = null;
    }
    const version = entry.doc.version;
    const text = entry.doc.getText();
    let result: CompileResult;
    try {
      result = checkText(pathOfUri(uri), text);
    } catch (error) {
      this.options.onError?.(uri, error);
      return;
    }
    // Publish only what is still current: the document may have changed or closed meanwhile.
    if (this.entries.get(uri) !== entry || entry.doc.version !== version) return;
    const checked: Checked = { uri, version, result, lastGoodIr: result.ir ?? entry.checked?.lastGoodIr ?? null };
    entry.checked = checked;
    this.options.onChecked(checked);
  }
}
