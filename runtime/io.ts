/**
 * The runtime's JSON contract (SPEC §3): the ticket it reads and the result it writes, as zod
 * schemas, and `parseTicket`, which validates a ticket against the schema and the policy.
 *
 * Input is untrusted JSON. zod objects copy only their declared keys into fresh objects, so a
 * `__proto__` or `constructor` key in the input is dropped and never reaches a prototype; nothing
 * here iterates raw input keys onto an object.
 */
import { z } from "zod";
import { text } from "./decimal-text.js";
import { parseInstant } from "./instant.js";
import type { PolicyIR } from "./ir.js";
import type { Customer } from "./ticket-attributes.js";
import { attributeAxesOf, checkAttributes, checkCause, checkCustomer, checkEventType, type AttributeAxes } from "./ticket-attributes-input.js";

const INSTANT_MESSAGE = "must be an ISO-8601 instant with an offset or Z, e.g. 2026-03-27T16:30:00+01:00";

/**
 * An ISO-8601 instant with an offset or `Z` (SPEC §2.1), kept as written. The pattern documents
 * the shape (it appears in generated JSON Schemas); `parseInstant` also rejects impossible dates.
 */
export const InstantSchema = text()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, INSTANT_MESSAGE)
  .refine((s) => parseInstant(s) !== null, { message: INSTANT_MESSAGE, abort: true });

/** Event types of SPEC §3, and `reopen` (a solved request reopened: read by `reopen within`). */
export const EventTypeSchema = z.enum(["approve", "pause", "resume", "respond", "resolve", "reprioritize", "reopen"], {
  error: "must be one of approve, pause, resume, respond, resolve, reprioritize, reopen",
});
export type EventType = z.infer<typeof EventTypeSchema>;

/** An event of a ticket: a built-in type, or one the policy declares (checked by {@link parseTicket}). */
const eventSchema = (type: z.ZodType<string>) =>
  z
  .object({
    at: InstantSchema,
    type,
    /** The new priority of a `reprioritize` event. */
    priority: text().optional(),
  })
  .superRefine((ev, ctx) => {
    if (ev.type === "reprioritize" && ev.priority === undefined) {
      ctx.addIssue({ code: "custom", path: ["priority"], message: "is required for a reprioritize event" });
    }
  });

export const TicketEventSchema = eventSchema(EventTypeSchema);
export type TicketEventJson = Omit<z.infer<typeof TicketEventSchema>, "type"> & { type: EventType | (string & {}) };

/** An optional identifier; JSON `null` counts as absent. */
const optionalId = () => text().nullish();

/** A ticket as JSON (SPEC §3). Policy-dependent checks are in {@link parseTicket}. */
export const TicketSchema = z.object({
  id: text().min(1, "must not be empty"),
  priority: optionalId(),
  plan: optionalId(),
  region: optionalId(),
  channel: optionalId(),
  /** ISO 639-1 code. */
  language: text()
    .regex(/^[a-z]{2}$/, "must be an ISO 639-1 code of two lowercase letters, e.g. en")
    .nullish(),
  openedAt: InstantSchema,
  events: z.array(TicketEventSchema, { error: "must be an array of events" }).default([]),
  asOf: InstantSchema.nullish(),
  /** What caused the problem (issue 11), one of the policy's causes: `exclude cause x` applies it. */
  cause: optionalId(),
  /** Ticket attributes the policy declares (issue 11): an enumerated field's value, or a flag's `true`/`false`. */
  attributes: z.record(z.string(), z.union([z.string(), z.boolean()]), { error: "must be an object of field values and flags" }).nullish(),
  /** The customer, for calendars that take their zone or holidays `from ticket` (issue 11). */
  customer: z
    .object({
      /** IANA time zone of the customer's headquarters. */
      zone: text().nullish(),
      /** Holiday codes of date-holidays (`US`, `DE-BY`); `[]` for none. */
      holidays: z.array(text()).nullish(),
    })
    .nullish(),
});
export type TicketJson = z.infer<typeof TicketSchema>;

/** A validated event with its instant as epoch ms, computed once by {@link parseTicket}. */
export interface TicketEvent extends TicketEventJson {
  readonly atMs: number;
}

/** A validated ticket: the JSON fields as given plus their instants as epoch ms. */
export interface Ticket extends Omit<TicketJson, "events" | "type"> {
  readonly events: readonly TicketEvent[];
  readonly openedAtMs: number;
  /** `null` when the ticket carries no `asOf`. */
  readonly asOfMs: number | null;
  /** The attributes checked against the policy's fields and flags; absent when none. */
  readonly attributeValues?: ReadonlyMap<string, string | boolean>;
  /** The customer checked (zone, holiday codes), for `from ticket` calendars; absent when unused. */
  readonly customerCalendar?: Customer;
}

export const TargetStatusSchema = z.enum(["met", "breached", "pending", "paused", "none"]);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

/** `--explain` trace of one target (SPEC §3). Instants are ISO strings in the calendar's zone. */
export const TraceSchema = z.object({
  /** The goal cell that chose the goal; `null` when no cell applies (excluded ticket). */
  clause: z.object({ file: z.string(), line: z.number().int(), text: z.string() }).nullable(),
  calendar: z.object({ name: z.string(), zone: z.string() }),
  /** Counted open time `[from, to]`, adding up to `countedMinutes`. */
  segments: z.array(z.tuple([z.string(), z.string()])),
  /** Pauses `[from, to]`; `to` is `null` while still paused. */
  pauses: z.array(z.tuple([z.string(), z.string().nullable()])),
  countedMinutes: z.number(),
  /**
   * The reopenings (`reopen within`) that ran the stopped clock again, in order: the stop undone,
   * the `resolve` the window was counted from, the `reopen`. Present only when the clock reopened.
   */
  reopens: z.array(z.object({ stoppedAt: z.string(), resolvedAt: z.string(), reopenedAt: z.string() })).optional(),
  /** A recurring target's intervals (issue 11.5): start, due, what ended it (`null` while running). */
  intervals: z
    .array(z.object({ from: z.string(), due: z.string().nullable(), end: z.string().nullable(), status: z.enum(["met", "missed", "pending", "paused"]) }))
    .optional(),
});
export type Trace = z.infer<typeof TraceSchema>;

/** A recurring target's intervals in the result (issue 11.5; `docs/formats.md`). */
export const RecurringResultSchema = z.object({
  /** How many intervals ran, including the one running at `asOf`. */
  intervals: z.number().int(),
  /** Each interval's due, in order; `null` while paused. */
  dues: z.array(z.string().nullable()),
  /** Intervals whose due passed before the next qualifying event or the stop. */
  misses: z.number().int(),
  /** The due of the first missed interval. */
  firstMissed: z.string().nullable(),
  /** Present when the list stopped at its limit (10,000 intervals). */
  truncated: z.literal(true).optional(),
});
export type RecurringResult = z.infer<typeof RecurringResultSchema>;

export const TargetResultSchema = z.object({
  name: z.string(),
  goal: z.string(),
  binding: z.boolean(),
  startedAt: z.string().nullable(),
  due: z.string().nullable(),
  status: TargetStatusSchema,
  /**
   * Why a target with a goal owes nothing yet: present with status `none` when its clock starts
   * only on declared events and none has happened (`not started: no \`x\` yet`).
   */
  reason: z.string().optional(),
  /** Present when a stop event stopped the target at or before `asOf`. */
  stoppedAt: z.string().optional(),
  /** Present for a recurring target (`restart on …`, issue 11.5). */
  recurring: RecurringResultSchema.optional(),
  trace: TraceSchema.optional(),
});
export type TargetResult = z.infer<typeof TargetResultSchema>;

export const EscalationResultSchema = z.object({ after: z.string(), to: z.string(), at: z.string() });
export type EscalationResult = z.infer<typeof EscalationResultSchema>;

/** The result of evaluating one ticket (SPEC §3). */
export const TicketResultSchema = z.object({
  id: z.string(),
  policy: z.string(),
  /** The instant evaluated at (`--at`, else the ticket's `asOf`, else now), in the ticket's calendar zone. */
  asOf: z.string(),
  targets: z.array(TargetResultSchema),
  escalations: z.array(EscalationResultSchema),
  credit: z.object({ percent: z.number() }).nullable(),
});
export type TicketResult = z.infer<typeof TicketResultSchema>;

/** A bad input: the field's path (`events[2].at`) and the reason. */
export interface InputError {
  readonly field: string;
  readonly message: string;
}

export type ParseTicketResult = { ok: true; ticket: Ticket } | { ok: false; error: InputError };

/** A zod issue path as a field name: `["events", 2, "at"]` → `events[2].at`; `[]` → `root`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>, root = "ticket"): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? root : out;
}

/** What parseTicket checks a ticket against, computed once per policy. */
interface Axes {
  readonly priorities: readonly string[];
  readonly plans: readonly string[];
  readonly regions: readonly string[];
  /** Declared channels plus excluded ones (an excluded channel is valid input: it has no SLA). */
  readonly channels: readonly string[];
  /** Region → its languages as text, for regions that list languages. */
  readonly regionLanguages: ReadonlyMap<string, string>;
  /** Causes, attributes, customer and declared events (issue 11); `null` when the policy has none. */
  readonly attributes: AttributeAxes | null;
  /** The schema of the slow path: {@link TicketSchema}, with any event type when the policy declares events. */
  readonly schema: z.ZodType<TicketJson>;
}

const axesCache = new WeakMap<PolicyIR, Axes>();

function axesOf(policy: PolicyIR): Axes {
  let axes = axesCache.get(policy);
  if (!axes) {
    const channels = [...policy.channels];
    for (const ex of policy.exclusions.channels) if (!channels.includes(ex.channel)) channels.push(ex.channel);
    const regionLanguages = new Map<string, string>();
    for (const r of policy.regions) {
      if (!r.languages) continue;
      const { primary, optional } = r.languages;
      regionLanguages.set(r.name, optional.length > 0 ? `${primary.join(", ")}; optional ${optional.join(", ")}` : primary.join(", "));
    }
    axes = {
      priorities: policy.priorities.map((p) => p.name),
      plans: policy.plans.map((p) => p.name),
      regions: policy.regions.map((r) => r.name),
      channels,
      regionLanguages,
      attributes: attributeAxesOf(policy),
      // Declared event types are checked by parseTicket against the policy, with a did-you-mean.
      schema: policy.events && policy.events.length > 0 ? TicketSchema.extend({ events: z.array(eventSchema(text().min(1)), { error: "must be an array of events" }).default([]) }) : TicketSchema,
    };
    axesCache.set(policy, axes);
  }
  return axes;
}

function fail(field: string, message: string): ParseTicketResult {
  return { ok: false, error: { field, message } };
}

/** Check an identifier against the policy's list; required when the list is not empty. */
function checkMember(field: string, value: string | null | undefined, valid: readonly string[]): InputError | null {
  if (valid.length === 0) return null; // the policy does not use this axis: the value is ignored
  if (value === null || value === undefined) return { field, message: `is required (one of ${valid.join(", ")})` };
  if (!valid.includes(value)) return { field, message: `unknown ${field} "${value}" (valid: ${valid.join(", ")})` };
  return null;
}

const EVENT_TYPES: ReadonlySet<string> = new Set(EventTypeSchema.options);
const optionalText = (v: unknown): v is string | null | undefined => v === undefined || v === null || typeof v === "string";
/** Epoch ms of an instant text, else NaN (not a string, or not an instant). */
const instantMs = (v: unknown): number => (typeof v === "string" ? (parseInstant(v) ?? NaN) : NaN);

/** A ticket the fast path accepted, with its instants already parsed (each is parsed once). */
type FastTicket = Omit<TicketJson, "events"> & { events: TicketEvent[]; openedAtMs: number; asOfMs: number | null };

/**
 * The hot path of {@link parseTicket}: accept a ticket that is plainly well formed without zod
 * (zod costs ~8 µs a ticket, several times the evaluation itself). Anything unusual returns
 * `null`, and zod then validates it and names the field. It must accept nothing that
 * `TicketSchema` rejects: `test/runtime/evaluate-io.test.ts` compares the two. Only known keys
 * are copied into a fresh object, so `__proto__` and friends never travel.
 */
function wellFormedTicket(input: unknown): FastTicket | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  const o = input as Record<string, unknown>;
  const { id, priority, plan, region, channel, language, openedAt, asOf, cause } = o;
  if (typeof id !== "string" || id.length === 0) return null;
  // Attributes and the customer are objects of their own: zod reads them (issue 11 tickets only).
  if (o["attributes"] !== undefined || o["customer"] !== undefined || !optionalText(cause)) return null;
  if (!optionalText(priority) || !optionalText(plan) || !optionalText(region) || !optionalText(channel)) return null;
  if (!(language === undefined || language === null || (typeof language === "string" && /^[a-z]{2}$/.test(language)))) return null;
  const openedAtMs = instantMs(openedAt);
  const asOfMs = asOf === undefined || asOf === null ? null : instantMs(asOf);
  if (openedAtMs !== openedAtMs || asOfMs !== asOfMs) return null;
  const rawEvents = o["events"] === undefined ? [] : o["events"];
  if (!Array.isArray(rawEvents)) return null;
  const events: TicketEvent[] = [];
  for (const e of rawEvents as unknown[]) {
    if (typeof e !== "object" || e === null || Array.isArray(e)) return null;
    const { at, type, priority: p } = e as Record<string, unknown>;
    const atMs = instantMs(at);
    if (atMs !== atMs || typeof type !== "string" || !EVENT_TYPES.has(type)) return null;
    if (p !== undefined && typeof p !== "string") return null;
    if (type === "reprioritize" && p === undefined) return null;
    // The shape parseTicket gives events of the slow path, so the evaluator sees one shape.
    events.push(p === undefined ? { at: at as string, type: type as EventType, atMs } : { at: at as string, type: type as EventType, priority: p, atMs });
  }
  const t: FastTicket = { id, priority, plan, region, channel, language, openedAt: openedAt as string, events, asOf: asOf as string | null | undefined, openedAtMs, asOfMs };
  if (cause !== undefined) t.cause = cause;
  return t;
}

/**
 * Instants a ticket may carry. Each new year builds calendar tables (holidays, windows) that are
 * cached for the process's life, so a batch of garbage years could cost minutes and memory;
 * support agreements live well inside these years.
 */
export const SUPPORTED_YEARS = { from: 1900, to: 2199 } as const;
const MIN_MS = Date.UTC(SUPPORTED_YEARS.from, 0, 1);
const MAX_MS = Date.UTC(SUPPORTED_YEARS.to + 1, 0, 1);
const YEARS_MESSAGE = `must lie in the years ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}`;

export function inSupportedYears(ms: number): boolean {
  return ms >= MIN_MS && ms < MAX_MS;
}

/**
 * Validate a ticket (SPEC §3) against the schema and the policy, and compute its instants as
 * epoch ms once. Never throws: a bad ticket gives the first error, naming its field.
 *
 * Policy checks: `priority`, `plan`, `region` are required and must be the policy's own when the
 * policy declares any (when it declares none the value is accepted and ignored); `channel` is
 * optional but must be known; `language` is required when the ticket's region lists languages
 * (an unlisted one is valid input: it just has no SLA); a `reprioritize` names a known priority;
 * no event may precede `openedAt` (SPEC §2.12).
 */
export function parseTicket(input: unknown, policy: PolicyIR): ParseTicketResult {
  const axes = axesOf(policy);
  const fast = wellFormedTicket(input);
  let t: TicketJson | FastTicket;
  if (fast !== null) t = fast;
  else {
    const parsed = axes.schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return issue ? fail(fieldPath(issue.path), issue.message) : fail("ticket", "is not a valid ticket");
    }
    t = parsed.data;
  }
  const priorities = axes.priorities;
  const err =
    checkMember("priority", t.priority, priorities) ??
    checkMember("plan", t.plan, axes.plans) ??
    checkMember("region", t.region, axes.regions) ??
    (t.channel == null ? null : checkMember("channel", t.channel, axes.channels));
  if (err) return { ok: false, error: err };

  const languages = t.region == null ? undefined : axes.regionLanguages.get(t.region);
  if (languages && t.language == null) return fail("language", `is required in region ${t.region} (languages ${languages})`);

  const openedAtMs = fast !== null ? fast.openedAtMs : parseInstant(t.openedAt)!;
  if (!inSupportedYears(openedAtMs)) return fail("openedAt", YEARS_MESSAGE);
  const asOfMs = fast !== null ? fast.asOfMs : t.asOf == null ? null : parseInstant(t.asOf)!;
  if (asOfMs !== null && !inSupportedYears(asOfMs)) return fail("asOf", YEARS_MESSAGE);
  // The fast path's events already have their instants: checked here and kept as they are.
  const events: TicketEvent[] = fast !== null ? fast.events : [];
  for (let i = 0; i < t.events.length; i++) {
    const ev = t.events[i]!;
    const atMs = fast !== null ? fast.events[i]!.atMs : parseInstant(ev.at)!;
    if (!inSupportedYears(atMs)) return fail(`events[${i}].at`, YEARS_MESSAGE);
    if (atMs < openedAtMs) return fail(`events[${i}].at`, `${ev.at} is before openedAt ${t.openedAt}`);
    if (axes.attributes !== null) {
      const bad = checkEventType(ev.type, i, axes.attributes);
      if (bad) return { ok: false, error: bad };
    }
    if (ev.type === "reprioritize" && priorities.length > 0 && !priorities.includes(ev.priority!)) {
      return fail(`events[${i}].priority`, `unknown priority "${ev.priority}" (valid: ${priorities.join(", ")})`);
    }
    if (fast === null) events.push(ev.priority === undefined ? { at: ev.at, type: ev.type, atMs } : { at: ev.at, type: ev.type, priority: ev.priority, atMs });
  }
  let attributeValues: ReadonlyMap<string, string | boolean> | undefined;
  let customerCalendar: Customer | undefined;
  if (axes.attributes !== null) {
    const a = axes.attributes;
    const cause = checkCause(t.cause, a);
    if (cause) return { ok: false, error: cause };
    const attrs = checkAttributes(t.attributes, a);
    if (!attrs.ok) return { ok: false, error: attrs.error };
    attributeValues = attrs.values;
    const customer = checkCustomer(t.customer, a);
    if (!customer.ok) return { ok: false, error: customer.error };
    customerCalendar = customer.customer;
  }
  const ticket: { -readonly [K in keyof Ticket]: Ticket[K] } = {
    id: t.id,
    priority: t.priority,
    plan: t.plan,
    region: t.region,
    channel: t.channel,
    language: t.language,
    openedAt: t.openedAt,
    events,
    asOf: t.asOf,
    openedAtMs,
    asOfMs,
  };
  // Only tickets that carry them get these keys: the common ticket keeps its shape. Assigned
  // rather than spread: spreads of conditional objects allocate and make the shape dynamic.
  if (t.cause != null) ticket.cause = t.cause;
  if (t.attributes != null) ticket.attributes = t.attributes;
  if (t.customer != null) ticket.customer = t.customer;
  if (attributeValues) ticket.attributeValues = attributeValues;
  if (customerCalendar) ticket.customerCalendar = customerCalendar;
  return { ok: true, ticket };
}
