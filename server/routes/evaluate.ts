/**
 * `POST /v1/policies/{id}/evaluate`: one ticket as JSON (the result as JSON, or its timeline as
 * SVG with `?format=svg`), or many as NDJSON, evaluated as they arrive and streamed back one
 * line per input line, in order, through the same batch code as `sla eval`
 * (`runtime/evaluate-batch.ts`), so both answer a line byte for byte alike.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { evaluateBatch, evaluateJsonText } from "../../runtime/evaluate-batch.js";
import type { EvaluateOptions } from "../../runtime/evaluate.js";
import { parseInstant } from "../../runtime/instant.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { batchLineCount, batches } from "../../runtime/ndjson-lines.js";
import { errorBody, HttpError } from "../errors.js";
import type { ServerMetrics } from "../metrics.js";
import type { PolicyRegistry } from "../registry.js";
import { bodyText, readQuery, servedPolicy } from "../request.js";
import { EvaluateQuerySchema, flagSet } from "../schemas.js";
import { timelineOfText } from "../timeline/svg.js";

/** What the evaluate routes need from the server. */
export interface EvaluateDeps {
  readonly registry: PolicyRegistry;
  readonly metrics: ServerMetrics;
  /** Largest NDJSON body, in bytes (single tickets have the server's body limit). */
  readonly batchLimit: number;
}

/**
 * The result lines of an NDJSON stream, a batch at a time; past `limit` bytes, one error line,
 * then the rest of the body is read and dropped (destroying the request would cut the response
 * off with it; the request timeout still bounds a client that never stops sending).
 */
export async function* resultLines(policy: PolicyIR, input: Readable, options: EvaluateOptions, limit: number, counted: (n: number) => void): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const batch of batches(input)) {
    if (read > limit) continue;
    read += batch.bytes.length;
    if (read > limit) {
      yield Buffer.from(`${JSON.stringify({ line: batch.firstLine, id: null, ...errorBody("body", `the NDJSON body is larger than the limit (${limit} bytes); the lines before this one were evaluated`) })}\n`);
      continue;
    }
    const { out } = evaluateBatch(policy, batch, options);
    counted(batchLineCount(batch)); // one result line per ticket line
    yield out;
  }
}

/** The query of a request without one: most single-ticket calls, spared zod's parse (every field is optional). */
const NO_QUERY: z.infer<typeof EvaluateQuerySchema> = {};

/** Whether fastify's parsed query string has any parameter. */
function hasKeys(query: unknown): boolean {
  for (const _ in query as object) return true;
  return false;
}

export function evaluateRoutes(app: FastifyInstance, deps: EvaluateDeps): void {
  app.post<{ Params: { id: string } }>("/v1/policies/:id/evaluate", async (request, reply) => {
    const policy = servedPolicy(deps.registry, request.params.id);
    const query = hasKeys(request.query) ? readQuery(EvaluateQuerySchema, request.query) : NO_QUERY;
    const options: EvaluateOptions = query.at === undefined ? { explain: flagSet(query.explain) } : { asOf: parseInstant(query.at)!, explain: flagSet(query.explain) };
    if (request.body instanceof Readable) {
      if (query.format === "svg") throw new HttpError(400, "query.format", "`svg` draws one ticket: send it as `application/json`");
      const length = Number(request.headers["content-length"] ?? 0);
      if (length > deps.batchLimit) throw new HttpError(413, "body", `the NDJSON body is larger than the limit (${deps.batchLimit} bytes)`);
      reply.type("application/x-ndjson; charset=utf-8");
      return reply.send(Readable.from(resultLines(policy, request.body, options, deps.batchLimit, (n) => deps.metrics.countTickets(policy.id, n)), { objectMode: false }));
    }
    const text = bodyText(request.body).replace(/^\ufeff/, "");
    deps.metrics.countTickets(policy.id, 1);
    if (query.format === "svg") {
      const drawn = timelineOfText(policy, text, options);
      if (!drawn.ok) return reply.code(400).send({ id: drawn.id, error: drawn.error });
      return reply.type("image/svg+xml; charset=utf-8").send(drawn.svg);
    }
    const outcome = evaluateJsonText(policy, text, options, null);
    return reply.code(outcome.ok ? 200 : 400).type("application/json; charset=utf-8").send(outcome.json);
  });
}
