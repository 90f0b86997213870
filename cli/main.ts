#!/usr/bin/env node
/** The `sla` binary: run the command line and set the exit code. */
import { main } from "./app.js";
import { processIo } from "./io.js";

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
