/**
 * One NDJSON (or JSON) text read as a ticket, shared by `sla eval` and `sla report`: a syntax
 * error at a column (the input never quoted), else the runtime's field error, with the ticket's
 * `id` when the text has one.
 */
import { type InputError, parseTicket, type Ticket } from "./io.js";
import type { PolicyIR } from "./ir.js";
import { jsonErrorMessage, parseJsonText } from "./json-text.js";

/** A failure is a JSON `syntax` error (no ticket, so no id) or a ticket's field error. */
export type TicketLine = { ok: true; ticket: Ticket } | { ok: false; syntax: boolean; id: string | null; error: InputError };

/** Parse and validate one ticket's JSON text; `oneLine` words a syntax error for an NDJSON line. Never throws. */
export function readTicketText(policy: PolicyIR, text: string, oneLine: boolean): TicketLine {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, syntax: true, id: null, error: { field: "", message: jsonErrorMessage(json, oneLine) } };
  const input = json.value;
  const parsed = parseTicket(input, policy);
  if (parsed.ok) return parsed;
  const id = typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string" ? (input as { id: string }).id : null;
  return { ok: false, syntax: false, id, error: parsed.error };
}

/** What a blank NDJSON line gets: it is not a ticket. */
export const EMPTY_LINE_ERROR: InputError = { field: "", message: "empty line: expected a ticket" };
