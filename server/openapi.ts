/**
 * The OpenAPI 3.1 document at `/openapi.json`. Bodies and results are the zod schemas the
 * handlers and the runtime validate with, turned into JSON Schema (2020-12, OpenAPI 3.1's
 * dialect) by `z.toJSONSchema`; only the paths around them are written here.
 */
import { z } from "zod";
import { DiffReportSchema } from "../diff/model.js";
import { ReportSchema } from "../report/model.js";
import { TicketResultSchema, TicketSchema } from "../runtime/io.js";
import { PeriodSchema } from "../runtime/period.js";
import { ErrorBodySchema } from "./errors.js";
import { CheckBodySchema, CheckResponseSchema, DiffBodySchema, DiffQuerySchema, EvaluateQuerySchema, HealthSchema, PolicyListSchema, ReportQuerySchema, TryBodySchema, TryResponseSchema } from "./schemas.js";

type Json = Record<string, unknown>;

/** A zod schema as a component (without its `$schema` line, which OpenAPI does not want there). */
function component(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  return rest;
}

const COMPONENTS: Record<string, [z.ZodType, "input" | "output"]> = {
  Ticket: [TicketSchema, "input"],
  TicketResult: [TicketResultSchema, "output"],
  Period: [PeriodSchema, "input"],
  DiffReport: [DiffReportSchema, "output"],
  Report: [ReportSchema, "output"],
  Error: [ErrorBodySchema, "output"],
  CheckBody: [CheckBodySchema, "input"],
  CheckResponse: [CheckResponseSchema, "output"],
  DiffBody: [DiffBodySchema, "input"],
  PolicyList: [PolicyListSchema, "output"],
  Health: [HealthSchema, "output"],
  TryBody: [TryBodySchema, "input"],
  TryResponse: [TryResponseSchema, "output"],
};

const ref = (name: keyof typeof COMPONENTS): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json): Json => ({ "application/json": { schema } });
const ndjson = (schema: Json, description: string): Json => ({ "application/x-ndjson": { schema, description } });
const errors = (...codes: number[]): Json => Object.fromEntries(codes.map((c) => [String(c), { description: "an error naming the field", content: json(ref("Error")) }]));

/** Query parameters from a zod object schema. */
function queryParameters(schema: z.ZodObject): Json[] {
  const js = component(schema, "input") as { properties?: Record<string, Json> };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: false, schema: s, ...(typeof s["description"] === "string" ? { description: s["description"] } : {}) }));
}

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "the policy file's name without `.sla`" };

/** The whole document; `version` is the package's. */
export function openApiDocument(version: string): Json {
  return {
    openapi: "3.1.0",
    info: { title: "sla serve", version, description: "Evaluate tickets, settle periods, diff and check policies over HTTP (issue 14). Errors are `{ error: { field, message } }`." },
    paths: {
      "/v1/policies": { get: { summary: "the served policies: ids, titles, content hashes, diagnostics of broken edits", responses: { "200": { description: "the list", content: json(ref("PolicyList")) } } } },
      "/v1/policies/{id}/evaluate": {
        post: {
          summary: "evaluate one ticket (JSON; `?format=svg` for its timeline) or many (NDJSON in and out, streamed, one line per line)",
          parameters: [idParameter, ...queryParameters(EvaluateQuerySchema)],
          requestBody: { required: true, content: { ...json(ref("Ticket")), ...ndjson(ref("Ticket"), "one ticket per line") } },
          responses: {
            "200": { description: "the result", content: { ...json(ref("TicketResult")), ...ndjson(ref("TicketResult"), "one result or `{ line, id, error }` per input line, in order"), "image/svg+xml": { schema: { type: "string" } } } },
            ...errors(400, 404, 409, 413, 415),
          },
        },
      },
      "/v1/policies/{id}/settle": {
        post: { summary: "a period's service credit and invoice", parameters: [idParameter], requestBody: { required: true, content: json(ref("Period")) }, responses: { "200": { description: "the settlement (as `sla settle`)", content: json({ type: "object" }) }, ...errors(400, 404, 409) } },
      },
      "/v1/policies/{id}/report": {
        post: {
          summary: "attainment and credits per month of NDJSON tickets (as `sla report`)",
          parameters: [idParameter, ...queryParameters(ReportQuerySchema)],
          requestBody: { required: true, content: ndjson(ref("Ticket"), "one ticket per line") },
          responses: { "200": { description: "the report", content: { ...json(ref("Report")), "text/html": { schema: { type: "string" } }, "text/markdown": { schema: { type: "string" } }, "text/plain": { schema: { type: "string" } } } }, ...errors(400, 404, 409, 415) },
        },
      },
      "/v1/policies/{id}/diff": {
        post: { summary: "what replacing the served policy by `new` means (as `sla diff --format json`)", parameters: [idParameter, ...queryParameters(DiffQuerySchema)], requestBody: { required: true, content: json(ref("DiffBody")) }, responses: { "200": { description: "the diff", content: json(ref("DiffReport")) }, ...errors(400, 404, 409, 422) } },
      },
      "/v1/diff": {
        post: { summary: "what changing policy text `old` into `new` means", parameters: queryParameters(DiffQuerySchema), requestBody: { required: true, content: json(ref("DiffBody")) }, responses: { "200": { description: "the diff", content: json(ref("DiffReport")) }, ...errors(400, 422) } },
      },
      "/v1/check": {
        post: { summary: "a policy text's diagnostics (as `sla check --format json`)", requestBody: { required: true, content: json(ref("CheckBody")) }, responses: { "200": { description: "the diagnostics", content: json(ref("CheckResponse")) }, ...errors(400, 413) } },
      },
      "/v1/try": {
        post: { summary: "the playground's call: a policy text and a ticket → diagnostics, result with traces, timeline", requestBody: { required: true, content: json(ref("TryBody")) }, responses: { "200": { description: "what the playground shows", content: json(ref("TryResponse")) }, ...errors(400, 413) } },
      },
      "/healthz": { get: { summary: "liveness, and how many policies serve", responses: { "200": { description: "alive", content: json(ref("Health")) } } } },
      "/metrics": { get: { summary: "Prometheus metrics: requests, latencies, errors, tickets, policies", responses: { "200": { description: "Prometheus text format", content: { "text/plain": { schema: { type: "string" } } } } } } },
      "/openapi.json": { get: { summary: "this document", responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } } } },
    },
    components: { schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, [s, io]]) => [name, component(s, io)])) },
  };
}
