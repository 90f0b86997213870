/**
 * parseTicket's zod-free fast path must agree with TicketSchema: it may only accept what the
 * schema accepts, and must produce the same values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTicket, TicketSchema } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { propertyRuns } from "../property/budget.js";
import { policy, t1042 } from "./fixtures.js";

const anyPolicy: PolicyIR = policy({ id: "open" });

/** The SPEC §3 ticket with a reprioritize event, so every field of an event is present. */
const valid = { ...t1042, events: [...t1042.events, { at: "2026-03-30T10:05:00+02:00", type: "reprioritize", priority: "P1" }] };

const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(""),
  fc.constant("EN"),
  fc.constant("2026-03-27T16:30:00"),
  fc.constant("2026-03-27"),
  fc.constant("reprioritize"),
  fc.constant("wait"),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.string(),
);

/** A valid ticket with one or more fields (top level or in an event) replaced by odd values. */
const mutated = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...Object.keys(valid), "__proto__", "constructor"), oddValue), { maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(1), fc.constantFrom("at", "type", "priority"), oddValue), { maxLength: 2 }),
  )
  .map(([top, inEvents]) => {
    const t = JSON.parse(JSON.stringify(valid)) as Record<string, unknown> & { events: Record<string, unknown>[] };
    for (const [index, key, v] of inEvents) {
      const ev = t.events[index];
      if (ev) ev[key] = v;
    }
    for (const [k, v] of top) {
      if (v === undefined) delete t[k];
      else t[k] = v;
    }
    return t;
  });

describe("parseTicket fast path", () => {
  it("accepts exactly what TicketSchema accepts, with the same values", () => {
    fc.assert(
      fc.property(mutated, (input) => {
        const schema = TicketSchema.safeParse(input);
        const ours = parseTicket(input, anyPolicy);
        expect(ours.ok).toBe(schema.success);
        if (ours.ok && schema.success) {
          const { openedAtMs: _o, asOfMs: _a, events, ...rest } = ours.ticket;
          expect(events.map(({ atMs: _m, ...e }) => e)).toEqual(schema.data.events);
          const { events: _e, ...schemaRest } = schema.data;
          expect(rest).toEqual(schemaRest);
        }
      }),
      // Sized by the property budget (300 in npm test, 6,000 in test:deep).
      { numRuns: propertyRuns(3) },
    );
  });

  it("still names the field when the fast path declines", () => {
    const bad = { ...valid, events: [{ at: "2026-03-28 09:10", type: "pause" }] };
    expect(parseTicket(bad, anyPolicy)).toEqual({ ok: false, error: { field: "events[0].at", message: expect.stringContaining("ISO-8601") } });
  });
});

describe("supported years", () => {
  it("refuses instants outside 1900–2199, naming the field (each new year builds calendar tables)", () => {
    expect(parseTicket({ ...t1042, openedAt: "3001-01-01T00:00:00Z" }, anyPolicy)).toEqual({ ok: false, error: { field: "openedAt", message: "must lie in the years 1900–2199" } });
    expect(parseTicket({ ...t1042, asOf: "1899-12-31T23:59:59Z" }, anyPolicy)).toMatchObject({ ok: false, error: { field: "asOf" } });
    const events = [...t1042.events, { at: "9999-01-01T00:00:00Z", type: "resolve" }];
    expect(parseTicket({ ...t1042, events }, anyPolicy)).toMatchObject({ ok: false, error: { field: "events[3].at" } });
    expect(parseTicket({ ...t1042, asOf: "2199-12-31T23:59:59Z" }, anyPolicy).ok).toBe(true);
  });
});
