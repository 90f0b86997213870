/**
 * Every error the service answers with has one shape, the CLI's: `{ "error": { "field", "message" } }`,
 * `field` naming what was wrong (`query.at`, `body.policy`, `ticket.events[2].at`) or empty when
 * nothing in the request was. Never a stack trace: an unexpected failure is logged and answered
 * with a 500 that says only that.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { z } from "zod";

/** The error body (also in the OpenAPI document). */
export const ErrorBodySchema = z.object({
  error: z.object({ field: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An error the handlers throw on purpose: its status and body are the answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const errorBody = (field: string, message: string): ErrorBody => ({ error: { field, message } });

/** The first issue of a zod error as a field error under `root` (`query`, `body`). */
export function zodFieldError(root: string, error: z.ZodError): HttpError {
  const issue = error.issues[0];
  const path = (issue?.path ?? []).map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  return new HttpError(400, `${root}${path}`, (issue?.message ?? "is not valid").replace(/^[A-Z]/, (c) => c.toLowerCase()));
}

/** Fastify's own errors, in our words (its messages are capitalised and name its internals). */
function frameworkError(e: FastifyError): { status: number; field: string; message: string } | null {
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, field: "body", message: "request body is larger than the limit" };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, field: "content-type", message: "unsupported content type: send `application/json` (or `application/x-ndjson` for a batch)" };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_BODY":
      return { status: 400, field: "body", message: "the body is empty" };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 400, field: "content-length", message: "content length does not match the body" };
    default:
      if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
        // A JSON syntax error from the default parser, an aborted upload, …
        const message = e instanceof SyntaxError ? "invalid JSON" : e.message.replace(/^[A-Z]/, (c) => c.toLowerCase());
        return { status: e.statusCode, field: e instanceof SyntaxError ? "body" : "", message };
      }
      return null;
  }
}

/** Install the error and not-found handlers. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((e: FastifyError | HttpError, request, reply) => {
    if (e instanceof HttpError) return reply.code(e.status).send(errorBody(e.field, e.message));
    const known = frameworkError(e as FastifyError);
    if (known) return reply.code(known.status).send(errorBody(known.field, known.message));
    request.log.error({ err: e }, "request failed");
    return reply.code(500).send(errorBody("", "internal error; the server log has the details"));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody("path", `no route \`${request.method} ${request.url.split("?")[0]}\``));
  });
}
