/**
 * The diagnostics worker: checks a document's text off the server's main thread and sends back
 * its diagnostics, already in LSP form (small plain JSON: cheap to pass between threads, where
 * the whole compile result would cost as much to copy as to compute). See diagnostics-worker.ts.
 */
import { parentPort } from "node:worker_threads";
import { checkText } from "./check-text.js";
import { toLspDiagnostics } from "./features/diagnostics.js";
import type { CheckReply, CheckRequest } from "./diagnostics-worker.js";

parentPort?.on("message", (request: CheckRequest) => {
  let reply: CheckReply;
  try {
    const result = checkText(request.path, request.text);
    reply = { id: request.id, diagnostics: toLspDiagnostics(result.diagnostics, result.file, request.uri) };
  } catch (error) {
    // `compile` promises never to throw; if it does, the main thread reports it on one line.
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
