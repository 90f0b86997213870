/**
 * `POST /v1/try`: the playground's call. A policy's text and one ticket, nothing on disk: the
 * diagnostics, and when the policy compiles and the ticket is good, the result with traces and
 * the ticket's timeline picture.
 */
import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { compile, renderJson } from "../../compiler/api.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import { parseInstant } from "../../runtime/instant.js";
import { readBody } from "../request.js";
import { TryBodySchema, type TryResponseSchema } from "../schemas.js";
import { timelineSvg } from "../timeline/svg.js";

type TryResponse = z.infer<typeof TryResponseSchema>;

export function tryRoutes(app: FastifyInstance): void {
  app.post("/v1/try", async (request): Promise<TryResponse> => {
    const body = readBody(TryBodySchema, request.body);
    const compiled = compile("policy.sla", body.policy.replace(/^\ufeff/, ""));
    const diagnostics = compiled.diagnostics.map((d) => renderJson(d, compiled.file)) as TryResponse["diagnostics"];
    if (!compiled.ir) return { diagnostics, result: null, error: null, svg: null };
    const ticket = parseTicket(body.ticket, compiled.ir);
    if (!ticket.ok) return { diagnostics, result: null, error: { field: ticket.error.field === "ticket" ? "ticket" : `ticket.${ticket.error.field}`, message: ticket.error.message }, svg: null };
    const options = body.at === undefined ? { explain: true } : { asOf: parseInstant(body.at)!, explain: true };
    try {
      const result = evaluateTicket(compiled.ir, ticket.ticket, options);
      return { diagnostics, result, error: null, svg: timelineSvg(compiled.ir, ticket.ticket, result) };
    } catch (e) {
      return { diagnostics, result: null, error: { field: "ticket", message: `cannot evaluate: ${e instanceof Error ? e.message : String(e)}` }, svg: null };
    }
  });
}
