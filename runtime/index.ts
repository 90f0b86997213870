/**
 * The public runtime (`sla-lang/runtime`): load a compiled policy, validate tickets, evaluate
 * them (SPEC §2, §3). Everything here works on the JSON IR; nothing needs the compiler.
 */
import { fieldPath } from "./io.js";
import { PolicySchema, type PolicyIR } from "./ir.js";
import { unresolvedReference } from "./policy-references.js";
export { PolicyReferenceError } from "./policy-references.js";

export { IR_VERSION, PolicySchema } from "./ir.js";
export type * from "./ir.js";
export { calendarFromIR, type Calendar } from "./calendar.js";
export { evaluateTicket, type EvaluateOptions } from "./evaluate.js";
export { formatInstant, parseInstant } from "./instant.js";
export { settle, settleInput } from "./settle.js";
export { parsePeriod, PeriodSchema } from "./period.js";
export { runExamples, type ExampleOutcome, type ExpectationOutcome } from "./examples.js";
export { jsonSchemas } from "./schemas.js";
export {
  parseTicket,
  TicketSchema,
  TicketResultSchema,
  TicketEventSchema,
  type InputError,
  type ParseTicketResult,
  type Ticket,
  type TicketEvent,
  type TicketJson,
  type TicketResult,
  type TargetResult,
  type TargetStatus,
  type EscalationResult,
  type Trace,
} from "./io.js";

/** The outcome of {@link loadPolicy}: the policy, or why it is not a valid compiled policy. */
export type LoadPolicyResult = { ok: true; policy: PolicyIR } | { ok: false; error: { field: string; message: string } };

/**
 * Validate a compiled policy (the JSON of `sla compile`) with `PolicySchema`, then resolve its
 * references (calendar, plan and target names, zones, holiday codes) so that a policy it accepts
 * cannot fail at its first evaluation. Never throws: a bad policy gives the first problem, naming
 * its path (`targets[0].goals[3].goal.ms`, `regions[1].calendar`).
 */
export function loadPolicy(json: unknown): LoadPolicyResult {
  const parsed = PolicySchema.safeParse(json);
  if (parsed.success) {
    const unresolved = unresolvedReference(parsed.data);
    return unresolved ? { ok: false, error: unresolved } : { ok: true, policy: parsed.data };
  }
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: { field: fieldPath(issue?.path ?? [], "policy"), message: issue?.message ?? "is not a valid compiled policy" },
  };
}
