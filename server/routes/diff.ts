/**
 * `POST /v1/diff` (two policy texts) and `POST /v1/policies/{id}/diff` (the served policy against
 * a new text): what the change means, as `sla diff --format json`.
 */
import type { FastifyInstance } from "fastify";
import { horizonFrom } from "../../diff/horizon.js";
import { compileText } from "../../diff/load.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { HttpError } from "../errors.js";
import type { PolicyRegistry } from "../registry.js";
import { readBody, readQuery, servedPolicy } from "../request.js";
import { DiffBodySchema, DiffQuerySchema } from "../schemas.js";

function compiled(field: string, label: string, text: string): PolicyIR {
  const loaded = compileText(label, text);
  if (!loaded.ok) throw new HttpError(422, field, loaded.message);
  return loaded.ir;
}

/** Now, to the minute (as `sla diff`): reports read better without milliseconds. */
const nowToTheMinute = (): number => Date.now() - (Date.now() % 60_000);

export function diffRoutes(app: FastifyInstance, registry: PolicyRegistry): void {
  app.post("/v1/diff", async (request) => {
    const query = readQuery(DiffQuerySchema, request.query);
    const body = readBody(DiffBodySchema, request.body);
    if (body.old === undefined) throw new HttpError(400, "body.old", "is required (or call `/v1/policies/{id}/diff` to compare with a served policy)");
    const at = query.at === undefined ? nowToTheMinute() : parseInstant(query.at)!;
    return diffPolicies(compiled("body.old", "old.sla", body.old), compiled("body.new", "new.sla", body.new), horizonFrom(at), { oldFile: "old.sla", newFile: "new.sla" });
  });
  app.post<{ Params: { id: string } }>("/v1/policies/:id/diff", async (request) => {
    const old = servedPolicy(registry, request.params.id);
    const query = readQuery(DiffQuerySchema, request.query);
    const body = readBody(DiffBodySchema, request.body);
    if (body.old !== undefined) throw new HttpError(400, "body.old", "is the served policy here; send `new` only");
    const at = query.at === undefined ? nowToTheMinute() : parseInstant(query.at)!;
    const file = `${request.params.id}.sla`;
    return diffPolicies(old, compiled("body.new", file, body.new), horizonFrom(at), { oldFile: file, newFile: file });
  });
}
