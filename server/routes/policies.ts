/** `GET /v1/policies` (ids, titles, hashes, diagnostics of broken edits) and `GET /healthz`. */
import type { FastifyInstance } from "fastify";
import type { PolicyRegistry } from "../registry.js";
import type { PolicyListSchema } from "../schemas.js";
import type { z } from "zod";

export function policyRoutes(app: FastifyInstance, registry: PolicyRegistry): void {
  app.get("/v1/policies", async (): Promise<z.infer<typeof PolicyListSchema>> => ({
    policies: registry.list().map((e) => ({
      id: e.id,
      title: e.title,
      hash: e.hash,
      status: e.status,
      serving: e.ir !== null,
      diagnostics: e.diagnostics as z.infer<typeof PolicyListSchema>["policies"][number]["diagnostics"],
    })),
  }));
  app.get("/healthz", async () => ({ status: "ok" as const, policies: registry.list().filter((e) => e.ir !== null).length }));
}
