/**
 * `sla serve [POLICIES_DIR] [--port 8080] [--host 127.0.0.1]` (issue 14): the HTTP service over
 * a folder of policies, until SIGTERM or SIGINT drains it (exit 0).
 */
import { statSync } from "node:fs";
import { buildServer } from "../../server/app.js";
import { drainOnSignals, listen } from "../../server/lifecycle.js";
import { defaultPlaygroundDir } from "../../server/routes/playground.js";
import { type Io, UsageError } from "../io.js";
import { packageVersion } from "../version.js";

export interface ServeArgs {
  readonly dir: string;
  readonly port: string;
  readonly host: string;
  readonly io: Io;
}

function portOf(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65_535)) throw new UsageError(`\`--port\` is a port number 0–65535, not \`${text}\``);
  return port;
}

export async function runServe(args: ServeArgs): Promise<number> {
  const port = portOf(args.port);
  let isDir = false;
  try {
    isDir = statSync(args.dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    args.io.err(`sla: cannot serve \`${args.dir}\`: not a directory\n`);
    return 1;
  }
  const server = buildServer({ policiesDir: args.dir, playgroundDir: defaultPlaygroundDir(), version: packageVersion(), logLevel: process.env["SLA_LOG_LEVEL"] ?? "info" });
  const stopped = drainOnSignals(server);
  try {
    const address = await listen(server, args.host, port);
    args.io.err(`sla serve: ${server.registry.list().length} policies from \`${args.dir}\` on ${address} (playground at ${address}/)\n`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    args.io.err(`sla: cannot listen on ${args.host}:${port}: ${code === "EADDRINUSE" ? "the port is in use" : code === "EACCES" ? "permission denied" : (e as Error).message}\n`);
    await server.app.close();
    return 1;
  }
  return await stopped;
}
