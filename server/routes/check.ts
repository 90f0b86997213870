/** `POST /v1/check`: a policy's text in, the checker's diagnostics out (as `sla check --format json`). */
import type { FastifyInstance } from "fastify";
import { compile, renderJson } from "../../compiler/api.js";
import { readBody } from "../request.js";
import { CheckBodySchema } from "../schemas.js";

export function checkRoutes(app: FastifyInstance): void {
  app.post("/v1/check", async (request) => {
    const body = readBody(CheckBodySchema, request.body);
    const result = compile(body.file ?? "policy.sla", body.policy.replace(/^\ufeff/, ""));
    return { ok: result.ir !== null, diagnostics: result.diagnostics.map((d) => renderJson(d, result.file)) };
  });
}
