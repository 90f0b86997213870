/** `POST /v1/policies/{id}/settle`: a period (SPEC §6) in, its service credit and invoice out, as `sla settle`. */
import type { FastifyInstance } from "fastify";
import { settleInput } from "../../runtime/settle.js";
import { errorBody } from "../errors.js";
import type { PolicyRegistry } from "../registry.js";
import { readJson, servedPolicy } from "../request.js";

export function settleRoutes(app: FastifyInstance, registry: PolicyRegistry): void {
  app.post<{ Params: { id: string } }>("/v1/policies/:id/settle", async (request, reply) => {
    const policy = servedPolicy(registry, request.params.id);
    const settled = settleInput(policy, readJson(request.body));
    if (!settled.ok) return reply.code(400).send(errorBody(settled.error.field === "" ? "body" : `body.${settled.error.field}`, settled.error.message));
    return settled.result;
  });
}
