/**
 * Running a server: listen, and on SIGTERM or SIGINT stop taking connections, let the requests
 * in flight finish, and resolve with exit code 0 (1 when closing failed).
 */
import type { SlaServer } from "./app.js";

/** Listen on `host:port`; the address it got (port 0 picks a free one). */
export async function listen(server: SlaServer, host: string, port: number): Promise<string> {
  return await server.app.listen({ host, port });
}

/** Resolves with the exit code once a signal has drained the server. */
export function drainOnSignals(server: SlaServer, signals: readonly NodeJS.Signals[] = ["SIGTERM", "SIGINT"]): Promise<number> {
  return new Promise((resolve) => {
    let closing = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) return;
      closing = true;
      server.app.log.info(`${signal}: draining requests in flight`);
      server.app.close().then(
        () => {
          for (const s of signals) process.off(s, onSignal);
          server.app.log.info("stopped");
          resolve(0);
        },
        (e: unknown) => {
          server.app.log.error(`closing failed: ${e instanceof Error ? e.message : String(e)}`);
          resolve(1);
        },
      );
    };
    for (const s of signals) process.on(s, onSignal);
  });
}
