/**
 * Checking for diagnostics off the main thread (issue 10.5). A re-check of a 5,000-line policy
 * takes tens of milliseconds; on the main thread every completion or hover that arrives
 * meanwhile waits for it. In a worker thread it runs beside them, and only its diagnostics (small
 * plain JSON) come back.
 *
 * The worker's script is found next to this module (`dist/lsp/check-worker.js`, or `.ts` when the
 * server runs from source). When it is not there (a bundle that left it out) or the worker dies,
 * checks run in this thread, as before: slower while typing, never wrong.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver";
import { checkText } from "./check-text.js";
import { toLspDiagnostics } from "./features/diagnostics.js";

/** What the main thread asks the worker. */
export interface CheckRequest {
  readonly id: number;
  readonly uri: string;
  readonly path: string;
  readonly text: string;
}

/** What the worker answers: the diagnostics in LSP form, or why checking failed. */
export type CheckReply = { readonly id: number; readonly diagnostics: LspDiagnostic[] } | { readonly id: number; readonly error: string };

/** Checks texts for their LSP diagnostics. */
export interface DiagnosticsChecker {
  /** The diagnostics of `text`; rejects only when checking itself failed (a bug). */
  check(uri: string, path: string, text: string): Promise<LspDiagnostic[]>;
  /** True when checks run off the main thread. */
  readonly offThread: boolean;
  dispose(): void;
}

/** Check in this thread (no worker script, or asked for). */
export function inThreadChecker(): DiagnosticsChecker {
  return {
    offThread: false,
    check: async (uri, path, text) => {
      const result = checkText(path, text);
      return toLspDiagnostics(result.diagnostics, result.file, uri);
    },
    dispose: () => undefined,
  };
}

/** The worker script beside this module (built `.js`, or `.ts` when running from source), if present. */
export function workerScript(): string | null {
  const here = import.meta.url;
  const ext = here.endsWith(".ts") ? "ts" : "js";
  // Beside this module, or, from a bundle (`dist/cli/…/chunk.js`), in the `lsp/` folder of an
  // enclosing folder (`dist/lsp/`): the bundler does not know the worker is an entry point.
  let dir = new URL("./", here);
  for (let depth = 0; depth < 4; depth++) {
    for (const candidate of [`check-worker.${ext}`, `lsp/check-worker.${ext}`]) {
      const path = fileURLToPath(new URL(candidate, dir));
      if (existsSync(path)) return path;
    }
    dir = new URL("../", dir);
  }
  return null;
}

/**
 * Check in a worker thread, started now (its modules load while the editor opens the first
 * document). Falls back to this thread if the script is missing or the worker fails.
 */
export function createDiagnosticsChecker(): DiagnosticsChecker {
  const script = workerScript();
  if (script === null) return inThreadChecker();
  const fallback = inThreadChecker();
  const pending = new Map<number, { resolve: (d: LspDiagnostic[]) => void; reject: (e: Error) => void; request: CheckRequest }>();
  let nextId = 1;
  let worker: Worker | null = new Worker(script);
  // The server ends on the protocol's `exit`; an idle worker must not keep the process alive.
  worker.unref();
  worker.on("message", (reply: CheckReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ("error" in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.diagnostics);
  });
  const fail = () => {
    // The worker is gone: what it still owed is checked here, and so is everything after.
    worker = null;
    for (const { request, resolve, reject } of pending.values()) fallback.check(request.uri, request.path, request.text).then(resolve, reject);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", fail);
  return {
    get offThread() {
      return worker !== null;
    },
    check(uri, path, text) {
      if (worker === null) return fallback.check(uri, path, text);
      const request: CheckRequest = { id: nextId++, uri, path, text };
      return new Promise((resolve, reject) => {
        pending.set(request.id, { resolve, reject, request });
        worker!.postMessage(request);
      });
    },
    dispose() {
      const w = worker;
      worker = null;
      pending.clear();
      void w?.terminate();
    },
  };
}
