/**
 * The zod schemas of what the service reads and writes besides the runtime's own (tickets,
 * results, periods) and the diff's and report's: query strings, the check, diff and playground
 * bodies, the policy list. The handlers validate with them and `openapi.ts` turns them into the
 * OpenAPI document, so the two cannot drift apart.
 */
import { z } from "zod";
import { parseInstant } from "../runtime/instant.js";
import { inSupportedYears, SUPPORTED_YEARS } from "../runtime/io.js";

/** An ISO-8601 instant with an offset, in the supported years. */
const Instant = z.string().refine((s) => {
  const ms = parseInstant(s);
  return ms !== null && inSupportedYears(ms);
}, `is not an ISO-8601 instant with an offset in the years ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to} (e.g. 2026-03-31T00:00:00Z)`);

const Flag = z.enum(["true", "false", "1", "0", ""], { error: "is `true` or `false`" });

/** `?at=…&explain=true&format=json|svg` of the evaluate route. */
export const EvaluateQuerySchema = z.object({
  at: Instant.optional().describe("evaluate at this instant instead of the ticket's `asOf` (or now)"),
  explain: Flag.optional().describe("add a trace to every target"),
  format: z.enum(["json", "svg"], { error: "is `json` or `svg`" }).optional().describe("`svg`: the ticket's timeline picture (one ticket only)"),
});

/** Whether a flag in a query string is set (`?explain`, `?explain=true`, `?explain=1`). */
export const flagSet = (v: string | undefined): boolean => v === "true" || v === "1" || v === "";

/** Policy text in a body: at most the compiler's own size limit is checked by the compiler. */
const PolicyText = z.string({ error: "is the policy's text, a string" }).min(1, "is empty");

export const CheckBodySchema = z.object({
  policy: PolicyText.describe("the policy's source text"),
  file: z.string().optional().describe("the file name shown in diagnostics (default `policy.sla`)"),
});

/** A diagnostic as `sla check --format json` writes it (positions 1-based, end exclusive). */
const Position = z.object({ line: z.number().int(), column: z.number().int() });
export const DiagnosticSchema = z
  .object({
    file: z.string(),
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    message: z.string(),
    start: Position,
    end: Position,
    offset: z.number().int(),
    length: z.number().int(),
    help: z.string().optional(),
  })
  .loose();

export const CheckResponseSchema = z.object({
  ok: z.boolean().describe("no errors (warnings allowed)"),
  diagnostics: z.array(DiagnosticSchema),
});

export const DiffBodySchema = z.object({
  old: PolicyText.optional().describe("the old policy text (for `/v1/diff`; the served policy for `/v1/policies/{id}/diff`)"),
  new: PolicyText.describe("the new policy text"),
});

export const DiffQuerySchema = z.object({
  at: Instant.optional().describe("the start of the horizon the calendars are compared over (default now)"),
});

export const ReportQuerySchema = z.object({
  at: Instant.optional().describe("evaluate every ticket at this instant (default now)"),
  period: z.string().optional().describe("a month (`2026-03`), quarter (`2026-Q1`) or year"),
  from: z.string().optional().describe("first local date (`2026-01-01`), with `to`"),
  to: z.string().optional().describe("last local date, with `from`"),
  format: z.enum(["json", "html", "markdown", "text"], { error: "is `json`, `html`, `markdown` or `text`" }).optional(),
});

export const PolicySummarySchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  hash: z.string().describe("SHA-256 of the text that serves, hex"),
  status: z.enum(["ok", "errors"]).describe("`errors`: the file on disk does not compile; the last good version (if any) serves"),
  serving: z.boolean().describe("whether a compiled version serves requests"),
  diagnostics: z.array(DiagnosticSchema),
});

export const PolicyListSchema = z.object({ policies: z.array(PolicySummarySchema) });

/** The playground's one call: a policy text and a ticket, evaluated without a file. */
export const TryBodySchema = z.object({
  policy: PolicyText.describe("the policy's source text"),
  ticket: z.unknown().describe("one ticket (SPEC §3)"),
  at: Instant.optional().describe("evaluate at this instant"),
});

export const TryResponseSchema = z.object({
  diagnostics: z.array(DiagnosticSchema),
  result: z.unknown().nullable().describe("the ticket's result with traces, or null when the policy has errors or the ticket is bad"),
  error: z.object({ field: z.string(), message: z.string() }).nullable(),
  svg: z.string().nullable().describe("the ticket's timeline"),
});

export const HealthSchema = z.object({ status: z.literal("ok"), policies: z.number().int() });
