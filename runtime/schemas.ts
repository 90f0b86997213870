/**
 * JSON Schemas of the runtime's inputs and outputs, generated from the zod schemas, so programs
 * in other languages can validate what they send. `schemas/*.json` are these, committed; a test
 * fails when they are stale (regenerate with `npx vitest run -u test/runtime/schemas.test.ts`).
 */
import { z } from "zod";
import { TicketResultSchema, TicketSchema } from "./io.js";
import { PolicySchema } from "./ir.js";
import { PeriodFileSchema } from "./period.js";

export function jsonSchemas(): Record<string, unknown> {
  const schema = (s: z.ZodType, io: "input" | "output", title: string) => ({
    ...z.toJSONSchema(s, { io, unrepresentable: "any" }),
    title,
  });
  return {
    "ticket.schema.json": schema(TicketSchema, "input", "sla ticket (SPEC §3)"),
    "ticket-result.schema.json": schema(TicketResultSchema, "output", "sla ticket result (SPEC §3)"),
    "period.schema.json": schema(PeriodFileSchema, "input", "sla settlement period (SPEC §6)"),
    "policy-ir.schema.json": schema(PolicySchema, "output", "sla compiled policy (IR)"),
  };
}
