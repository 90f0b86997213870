#!/usr/bin/env node
/** The `sla` binary: run the command line and set the exit code. */
import { main } from "./app.js";
import { processIo } from "./io.js";

main(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sla: internal error: ${(e as Error).message}\n`);
    process.exitCode = 70;
  },
);
