/**
 * Reading a request: its query through a zod schema, its JSON body with errors at a line and
 * column (the body is kept as text by the server's JSON parser, see `app.ts`), and the served
 * policy its path names. Each failure is an {@link HttpError} naming the field.
 */
import type { z } from "zod";
import { jsonErrorMessage, parseJsonText } from "../runtime/json-text.js";
import type { PolicyIR } from "../runtime/ir.js";
import { HttpError, zodFieldError } from "./errors.js";
import type { PolicyRegistry } from "./registry.js";

/** The query string checked by `schema`. */
export function readQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) throw zodFieldError("query", parsed.error);
  return parsed.data;
}

/** The body's text, which must be there: a JSON route's body arrives as text. */
export function bodyText(body: unknown): string {
  if (typeof body !== "string") throw new HttpError(415, "content-type", "send the body as `application/json`");
  return body;
}

/** The JSON value of a text body. */
export function readJson(body: unknown): unknown {
  const json = parseJsonText(bodyText(body).replace(/^\ufeff/, ""));
  if (!json.ok) throw new HttpError(400, "body", jsonErrorMessage(json));
  return json.value;
}

/** A JSON body checked by `schema`; errors name `body.<field>`. */
export function readBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(readJson(body));
  if (!parsed.success) throw zodFieldError("body", parsed.error);
  return parsed.data;
}

/** The compiled policy serving under `id`: 404 when there is none, 409 when its file never compiled. */
export function servedPolicy(registry: PolicyRegistry, id: string): PolicyIR {
  const entry = registry.get(id);
  if (!entry) throw new HttpError(404, "id", `no policy \`${id}\`; \`GET /v1/policies\` lists them`);
  if (!entry.ir) throw new HttpError(409, "id", `policy \`${id}\` has errors and no earlier good version; \`GET /v1/policies\` shows its diagnostics`);
  return entry.ir;
}
