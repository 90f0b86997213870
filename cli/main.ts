#!/usr/bin/env node
/** The `sla` binary: run the command line and set the exit code. */
import module from "node:module";
import { main } from "./app.js";
import { processIo } from "./io.js";

// Node 22.1+ keeps compiled code of the command modules on disk between runs (a faster second
// start); Node 20 has no such cache and skips this.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A reader that stops early (`sla eval … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sla: internal error: ${(e as Error).message}\n`);
    process.exitCode = 70;
  },
);
