/**
 * Ticket attributes at evaluation (issue 11): the conditions of `for priority P1`, `for product
 * a, b`, `for phone_escalated`, `exclude cause x` as predicates over a ticket's facts, and the
 * customer's calendars (`zone from ticket`, `holidays from ticket`).
 *
 * Design: conditions are compiled once per policy into closures over `TicketFacts`; a policy
 * that uses none gets `null` everywhere and the evaluator skips this module entirely. Customer
 * calendars are built per (calendar, zone, holiday set) on first use and kept in a bounded map,
 * so the per-year tables of `calendar.ts` are shared by every ticket of one customer.
 */
import { calendarFromIR, type Calendar } from "./calendar.js";
import type { CalendarIR, ConditionIR, TestIR } from "./ir.js";

/** What conditions read of a ticket. */
export interface TicketFacts {
  /** The priority that judges the clause (the one in force, for goals and calendars). */
  readonly priority: string | null;
  readonly plan: string | null;
  readonly cause: string | null;
  /** The channel the ticket came in by (`for channel phone`). */
  readonly channel: string | null;
  /** Validated attributes: field → value, flag → true/false. */
  readonly attributes: ReadonlyMap<string, string | boolean> | null;
}

/** A compiled condition. */
export type Predicate = (facts: TicketFacts) => boolean;

function testOf(t: TestIR): Predicate {
  switch (t.on) {
    case "priority": {
      const values = new Set(t.values);
      return (f) => f.priority !== null && values.has(f.priority);
    }
    case "plan": {
      const values = new Set(t.values);
      return (f) => f.plan !== null && values.has(f.plan);
    }
    case "cause": {
      const values = new Set(t.values);
      return (f) => f.cause !== null && values.has(f.cause);
    }
    case "channel": {
      const values = new Set(t.values);
      return (f) => f.channel !== null && values.has(f.channel);
    }
    case "field": {
      const values = new Set(t.values);
      const field = t.field;
      return (f) => {
        const v = f.attributes?.get(field);
        return typeof v === "string" && values.has(v);
      };
    }
    case "flag": {
      const flag = t.flag;
      return (f) => f.attributes?.get(flag) === true;
    }
  }
}

/** A condition as a predicate: every test holds. */
export function predicateOf(when: ConditionIR): Predicate {
  const tests = when.map(testOf);
  if (tests.length === 1) return tests[0]!;
  return (f) => tests.every((t) => t(f));
}

/** The customer a ticket names: its zone and holiday codes (`customer` in the ticket JSON). */
export interface Customer {
  readonly zone: string | null;
  readonly holidays: readonly string[];
}

/** How many customer calendars are kept: each holds per-year tables (a few KB). */
const MAX_CUSTOMER_CALENDARS = 512;

/**
 * The calendars of a policy that take their zone or holidays from the ticket, and the
 * customer's version of each, cached per (calendar, zone, holidays).
 */
export class CustomerCalendars {
  private readonly templates = new Map<Calendar, CalendarIR>();
  private readonly built = new Map<string, Calendar>();

  /** Remember that `calendar` (built from `ir`) is completed by each ticket's customer. */
  add(calendar: Calendar, ir: CalendarIR): void {
    this.templates.set(calendar, ir);
  }

  get size(): number {
    return this.templates.size;
  }

  /** The customer's version of `calendar`, or `calendar` itself when it takes nothing from the ticket. */
  forTicket(calendar: Calendar, customer: Customer | null): Calendar {
    const ir = this.templates.get(calendar);
    if (!ir || !customer) return calendar;
    const zone = ir.zoneFromTicket && customer.zone !== null ? customer.zone : ir.zone;
    const codes = ir.holidaysFromTicket ? customer.holidays : [];
    const key = `${ir.name}\u0000${zone}\u0000${codes.join(",")}`;
    let cal = this.built.get(key);
    if (!cal) {
      const holidays = [...ir.holidays, ...codes.map(holidaySpec)];
      cal = calendarFromIR({ ...ir, zone, holidays });
      // A plain bound, not an LRU: a batch rarely has more customers than this, and when it has,
      // starting afresh costs one rebuild per customer.
      if (this.built.size >= MAX_CUSTOMER_CALENDARS) this.built.clear();
      this.built.set(key, cal);
    }
    return cal;
  }
}

/** `DE-BY` → `{ country: "DE", region: "BY" }`. */
export function holidaySpec(code: string): { country: string; region: string | null } {
  const dash = code.indexOf("-");
  return dash < 0 ? { country: code.toUpperCase(), region: null } : { country: code.slice(0, dash).toUpperCase(), region: code.slice(dash + 1).toUpperCase() };
}
