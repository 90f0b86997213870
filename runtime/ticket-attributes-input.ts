/**
 * The policy's checks of what a ticket brings for issue 11: its `cause`, its `attributes`
 * (declared fields and flags), its `customer` (zone and holidays for `from ticket` calendars) and
 * its declared event types. Each error names the field and the valid values, with a did-you-mean.
 *
 * Called by `parseTicket` only for policies that declare any of these, so other policies pay one
 * property read per ticket.
 */
import { suggestHolidayCode } from "./holiday-code-suggestion.js";
import { validateHolidaySpec } from "./holidays.js";
import { EventKindSchema, type PolicyIR } from "./ir.js";
import { suggestName } from "./suggest-name.js";
import { holidaySpec, type Customer } from "./ticket-attributes.js";
import { isKnownZone } from "./zone-offsets.js";

/** A bad input: the field's path and the reason (the shape of `io.ts`'s `InputError`). */
export interface AttributeInputError {
  readonly field: string;
  readonly message: string;
}

/** What a policy accepts of the issue 11 ticket fields, computed once per policy. */
export interface AttributeAxes {
  /** Enumerated field → its values. */
  readonly fields: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
  readonly causes: readonly string[];
  /** The built-in event types and the declared ones. */
  readonly eventTypes: ReadonlySet<string>;
  readonly declaredEvents: readonly string[];
  /** Whether a calendar takes its zone (holidays) from the ticket: then `customer.zone` (`.holidays`) is required. */
  readonly needsZone: boolean;
  readonly needsHolidays: boolean;
}

/** The ticket events every policy reads: the IR's event kinds but `open` (the ticket's `openedAt`). */
const BUILT_IN_TYPES = EventKindSchema.options.filter((k) => k !== "open");

/** The axes of a policy, or `null` when it declares none of the issue 11 inputs. */
export function attributeAxesOf(policy: PolicyIR): AttributeAxes | null {
  const fields = new Map((policy.fields ?? []).map((f) => [f.name, f.values.map((v) => v.name)] as const));
  const flags = new Set((policy.flags ?? []).map((f) => f.name));
  const causes = (policy.causes ?? []).map((c) => c.name);
  const declaredEvents = (policy.events ?? []).map((e) => e.name);
  const needsZone = policy.calendars.some((c) => c.zoneFromTicket === true);
  const needsHolidays = policy.calendars.some((c) => c.holidaysFromTicket === true);
  if (fields.size === 0 && flags.size === 0 && causes.length === 0 && declaredEvents.length === 0 && !needsZone && !needsHolidays) return null;
  return { fields, flags, causes, eventTypes: new Set([...BUILT_IN_TYPES, ...declaredEvents]), declaredEvents, needsZone, needsHolidays };
}

function listed(values: readonly string[]): string {
  return values.join(", ");
}

/** `unknown <what> "x" (valid: …)`, with a did-you-mean when one is close. */
function unknown(field: string, what: string, value: string, valid: readonly string[]): AttributeInputError {
  const near = suggestName(value, valid);
  return { field, message: `unknown ${what} "${value}"${near ? ` (did you mean "${near}"?)` : ""} (valid: ${listed(valid)})` };
}

/** The ticket's cause, checked; a policy without causes ignores it. */
export function checkCause(cause: string | null | undefined, axes: AttributeAxes): AttributeInputError | null {
  if (cause == null || axes.causes.length === 0 || axes.causes.includes(cause)) return null;
  return unknown("cause", "cause", cause, axes.causes);
}

/** An event's type: built-in or declared by the policy. */
export function checkEventType(type: string, index: number, axes: AttributeAxes): AttributeInputError | null {
  if (axes.eventTypes.has(type)) return null;
  return unknown(`events[${index}].type`, "event type", type, [...axes.eventTypes]);
}

/**
 * The attributes, checked against the declared fields and flags and read into a Map (never onto
 * an object: input keys such as `__proto__` stay inert data).
 */
export function checkAttributes(
  raw: Readonly<Record<string, string | boolean>> | null | undefined,
  axes: AttributeAxes,
): { ok: true; values: ReadonlyMap<string, string | boolean> | undefined } | { ok: false; error: AttributeInputError } {
  if (raw == null) return { ok: true, values: undefined };
  const values = new Map<string, string | boolean>();
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    const field = `attributes.${key}`;
    const enumerated = axes.fields.get(key);
    if (enumerated) {
      if (typeof value !== "string" || !enumerated.includes(value)) {
        return { ok: false, error: typeof value === "string" ? unknown(field, key, value, enumerated) : { field, message: `must be one of ${listed(enumerated)}` } };
      }
    } else if (axes.flags.has(key)) {
      if (typeof value !== "boolean") return { ok: false, error: { field, message: "must be true or false (a flag)" } };
    } else {
      const known = [...axes.fields.keys(), ...axes.flags];
      return { ok: false, error: known.length === 0 ? { field, message: "the policy declares no ticket attributes" } : unknown(field, "attribute", key, known) };
    }
    values.set(key, value);
  }
  return { ok: true, values: values.size > 0 ? values : undefined };
}


function validHolidayCode(code: string): boolean {
  try {
    validateHolidaySpec(holidaySpec(code));
    return true;
  } catch {
    return false;
  }
}

/** The error for a holiday code date-holidays does not know, with the code it most likely meant. */
function unknownHolidayCode(code: string): string {
  const near = suggestHolidayCode(code);
  return `unknown holiday code "${code}"${near ? ` (did you mean "${near}"?)` : ""} (a country or country-region code of date-holidays, such as US or DE-BY)`;
}

/** The customer's zone and holidays, checked, when a calendar takes them from the ticket. */
export function checkCustomer(
  raw: { zone?: string | null | undefined; holidays?: readonly string[] | null | undefined } | null | undefined,
  axes: AttributeAxes,
): { ok: true; customer: Customer | undefined } | { ok: false; error: AttributeInputError } {
  if (!axes.needsZone && !axes.needsHolidays) return { ok: true, customer: undefined };
  const zone = raw?.zone ?? null;
  if (axes.needsZone) {
    if (zone === null) return { ok: false, error: { field: "customer.zone", message: "is required: a calendar of the policy takes its zone from the ticket (an IANA zone such as America/Chicago)" } };
    if (!isKnownZone(zone)) return { ok: false, error: { field: "customer.zone", message: `invalid time zone "${zone}" (an IANA zone such as America/Chicago)` } };
  }
  const holidays = raw?.holidays ?? null;
  if (axes.needsHolidays) {
    if (holidays === null) return { ok: false, error: { field: "customer.holidays", message: 'is required: a calendar of the policy takes its holidays from the ticket (codes such as ["US"] or ["DE-BY"], [] for none)' } };
    for (let i = 0; i < holidays.length; i++) {
      if (!validHolidayCode(holidays[i]!)) return { ok: false, error: { field: `customer.holidays[${i}]`, message: unknownHolidayCode(holidays[i]!) } };
    }
  }
  return { ok: true, customer: { zone, holidays: holidays ?? [] } };
}
