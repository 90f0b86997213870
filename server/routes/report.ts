/**
 * `POST /v1/policies/{id}/report`: NDJSON tickets in, the attainment report out (as `sla report`:
 * JSON by default, or HTML, markdown or text with `?format=`). The body is read as it arrives,
 * a batch of lines at a time, into the report's streaming aggregator.
 */
import type { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { ReportAggregator } from "../../report/aggregate.js";
import type { Report } from "../../report/model.js";
import { PeriodArgumentError, selectRange } from "../../report/periods.js";
import { renderHtml } from "../../report/render-html.js";
import { renderMarkdown } from "../../report/render-markdown.js";
import { renderText } from "../../report/render-text.js";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { batches } from "../../runtime/ndjson-lines.js";
import { billingZone } from "../../runtime/period.js";
import { HttpError } from "../errors.js";
import type { PolicyRegistry } from "../registry.js";
import { readQuery, servedPolicy } from "../request.js";
import { ReportQuerySchema } from "../schemas.js";

const RENDERERS: Record<string, { type: string; render: (r: Report) => string }> = {
  json: { type: "application/json; charset=utf-8", render: (r) => JSON.stringify(r) },
  html: { type: "text/html; charset=utf-8", render: renderHtml },
  markdown: { type: "text/markdown; charset=utf-8", render: renderMarkdown },
  text: { type: "text/plain; charset=utf-8", render: renderText },
};

export function reportRoutes(app: FastifyInstance, registry: PolicyRegistry): void {
  app.post<{ Params: { id: string } }>("/v1/policies/:id/report", async (request, reply) => {
    const policy = servedPolicy(registry, request.params.id);
    const query = readQuery(ReportQuerySchema, request.query);
    if (typeof request.body === "string" || request.body === undefined) throw new HttpError(415, "content-type", "send the tickets as `application/x-ndjson`");
    let range;
    try {
      range = selectRange(query.period ?? null, query.from ?? null, query.to ?? null);
    } catch (e) {
      if (e instanceof PeriodArgumentError) throw new HttpError(400, "query", e.message.replace(/--(period|from|to)/g, "$1"));
      throw e;
    }
    const asOfMs = query.at === undefined ? Date.now() : parseInstant(query.at)!;
    const aggregator = new ReportAggregator(policy, { zone: billingZone(policy), range, asOfMs });
    for await (const batch of batches(request.body as Readable)) aggregator.addBatch(batch);
    const report = aggregator.report({ file: `${request.params.id}.sla`, asOf: formatInstant(asOfMs, "UTC"), asOfSource: query.at === undefined ? "now" : "--at" });
    const { type, render } = RENDERERS[query.format ?? "json"]!;
    return reply.type(type).send(render(report));
  });
}
