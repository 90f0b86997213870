/**
 * The playground's static files at `/` (built by `npm run build` into `dist/playground/`): read
 * once at start-up into memory and served by name, so no request path ever reaches the disk.
 * When the folder is missing (a source checkout that was never built) `/` says how to build it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ndjson": "application/x-ndjson; charset=utf-8",
};

/**
 * Where the built playground is: beside the bundled CLI (`dist/cli/commands/…` → `dist/playground`)
 * or, run from source, in `dist/playground` of the checkout.
 */
export function defaultPlaygroundDir(): string | null {
  const candidates = ["../../playground/", "../../dist/playground/", "../dist/playground/"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  // `app.js` marks a built folder: from source, `../../playground/` is the playground's source.
  return candidates.find((dir) => existsSync(join(dir, "app.js"))) ?? null;
}

export function playgroundRoutes(app: FastifyInstance, dir: string | null): void {
  const files = new Map<string, { type: string; bytes: Buffer }>();
  if (dir !== null) {
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (type) files.set(name, { type, bytes: readFileSync(join(dir, name)) });
    }
  }
  const send = (name: string) => files.get(name);
  app.get("/", async (_request, reply) => {
    const index = send("index.html");
    if (!index) return reply.code(404).type("text/plain; charset=utf-8").send("the playground is not built: run `npm run build`\n");
    return reply.type(index.type).send(index.bytes);
  });
  app.get<{ Params: { name: string } }>("/playground/:name", async (request, reply) => {
    const file = send(request.params.name);
    if (!file) return reply.code(404).send({ error: { field: "path", message: `no playground file \`${request.params.name}\`` } });
    return reply.type(file.type).header("cache-control", "no-cache").send(file.bytes);
  });
}
