/**
 * A real `sla serve` application on a free loopback port, in this process, for the API tests:
 * built by `server/app.ts` as the CLI builds it, listening on port 0, closed after the test.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer, type ServerOptions, type SlaServer } from "../../server/app.js";

export interface Running {
  readonly server: SlaServer;
  readonly base: string;
  readonly dir: string;
  close(): Promise<void>;
}

/** A copy of the given policies in a fresh folder (tests edit it), served on a free port. */
export async function serve(policies: readonly string[], options: Partial<ServerOptions> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), "sla-serve-"));
  for (const p of policies) cpSync(p, join(dir, p.split("/").pop()!));
  const server = buildServer({ policiesDir: dir, playgroundDir: null, version: "test", logLevel: "silent", ...options });
  const base = await server.app.listen({ host: "127.0.0.1", port: 0 });
  return {
    server,
    base,
    dir,
    close: async () => {
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POST a body with a content type; the status, content type and text of the answer. */
export async function post(url: string, body: string, type = "application/json"): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": type }, body });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}
