/**
 * Issue 11 items 1–4 at evaluation: attributes choosing goals, calendars, exclusions and credit;
 * calendars per priority; the customer's calendar; declared events; and the ticket errors that
 * name the field, the valid values and a did-you-mean. Policies are compiled from source so the
 * whole path (grammar → IR → runtime) is under test.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { compiledPolicy } from "../../runtime/compiled.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket, type TicketResult } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";

const SOURCE = `policy acme "ACME"
priority P1 "Critical"
priority P2 "High"
field product "Product" {
  broker "HiveMQ Broker"
  edge "HiveMQ Edge"
  beta "Beta features"
}
flag phone_escalated "escalated via phone"
event escalation_requested "the customer asks for a duty manager"
cause hardware "hardware failure"
exclude cause customer_modification "problems caused by customer modifications"
exclude product beta "tickets about beta features have no SLA"
calendar office { zone "Europe/Berlin" Mon-Fri 09:00-18:00 }
calendar always { zone "UTC" 24x7 }
calendar customer_hours { zone from ticket Mon-Fri 08:00-18:00 holidays from ticket }
region eu {
  calendar office
  calendar always for priority P1
  calendar always for phone_escalated
}
target response "Response" {
  stop on respond
  goals {
    | priority | goal             |
    | P1       | 2 business hours |
    | P2       | 4 business hours |
  }
  goals for product edge {
    | priority | goal     |
    | P2       | 24 hours |
  }
}
target duty "Duty manager" {
  calendar customer_hours
  start on escalation_requested
  stop on respond
  goals {
    | priority | goal             |
    | P1       | 1 business hour  |
    | P2       | 1 business hour  |
  }
}
credits {
  target response
  { | priority | credit | | P1 | 20% | | P2 | 10% | }
  ineligible cause hardware
}
`;

function policyOf(source: string): PolicyIR {
  const r = compile("acme.sla", source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

const policy = policyOf(SOURCE);

/** Friday 2026-03-27 16:30 in Berlin (UTC+1): 1.5 office hours left that day. */
const FRIDAY = "2026-03-27T16:30:00+01:00";

function evaluate(ticket: Record<string, unknown>): TicketResult {
  const parsed = parseTicket({ id: "T", region: "eu", openedAt: FRIDAY, asOf: "2026-04-10T00:00:00Z", ...ticket }, policy);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return evaluateTicket(policy, parsed.ticket, { explain: true });
}

function errorOf(ticket: Record<string, unknown>): { field: string; message: string } {
  const parsed = parseTicket({ id: "T", region: "eu", openedAt: FRIDAY, ...ticket }, policy);
  if (parsed.ok) throw new Error("expected an input error");
  return parsed.error;
}

const customer = { zone: "America/Chicago", holidays: ["US"] };
const response = (r: TicketResult) => r.targets.find((t) => t.name === "response")!;
const duty = (r: TicketResult) => r.targets.find((t) => t.name === "duty")!;

describe("calendars per priority and per flag (issue 11 item 2)", () => {
  it("P2 counts office hours: 1.5 h on Friday, 2.5 h on Monday", () => {
    const r = response(evaluate({ priority: "P2", customer }));
    expect(r.due).toBe("2026-03-30T11:30:00+02:00");
    expect(r.trace!.calendar.name).toBe("office");
  });

  it("P1 counts on the region's 24x7 calendar for P1: due 2 hours later", () => {
    const r = response(evaluate({ priority: "P1", customer }));
    expect(r.trace!.calendar.name).toBe("always");
    expect(r.due).toBe("2026-03-27T17:30:00Z");
  });

  it("a ticket escalated via phone counts on 24x7 too", () => {
    const r = response(evaluate({ priority: "P2", attributes: { phone_escalated: true }, customer }));
    expect(r.due).toBe("2026-03-27T19:30:00Z");
  });

  it("a P2 reprioritized to P1 is judged on the P1 calendar", () => {
    const r = response(evaluate({ priority: "P2", customer, events: [{ at: "2026-03-27T17:00:00+01:00", type: "reprioritize", priority: "P1" }] }));
    expect(r.trace!.calendar.name).toBe("always");
    expect(r.due).toBe("2026-03-27T17:30:00Z");
  });
});

describe("attributes choose the goals (issue 11 item 1)", () => {
  it("a `goals for product edge` section replaces the main goal for its tickets", () => {
    expect(response(evaluate({ priority: "P2", attributes: { product: "edge" }, customer })).goal).toBe("24 hours");
    expect(response(evaluate({ priority: "P2", attributes: { product: "broker" }, customer })).goal).toBe("4 business hours");
  });

  it("a section without a row for the priority leaves the main goal", () => {
    expect(response(evaluate({ priority: "P1", attributes: { product: "edge" }, customer })).goal).toBe("2 business hours");
  });
});

describe("exclusions apply (issue 11 item 1)", () => {
  it("`exclude cause` gives every target `none` and names the clause", () => {
    const r = evaluate({ priority: "P1", cause: "customer_modification", customer });
    expect(r.targets.map((t) => t.status)).toEqual(["none", "none"]);
    expect(response(r).goal).toBe('no SLA (exclude cause customer_modification "problems caused by customer modifications", line 12)');
    expect(r.credit).toBeNull();
  });

  it("`exclude product beta` excludes beta tickets only", () => {
    expect(response(evaluate({ priority: "P1", attributes: { product: "beta" }, customer })).goal).toMatch(/^no SLA \(exclude product beta .*line 13\)$/);
    expect(response(evaluate({ priority: "P1", attributes: { product: "broker" }, customer })).status).toBe("breached");
  });

  it("a cause that is not excluded changes nothing but credit eligibility", () => {
    const breached = { priority: "P1", customer, events: [{ at: "2026-03-30T10:00:00+02:00", type: "respond" }] };
    expect(evaluate(breached).credit).toEqual({ percent: 20 });
    const r = evaluate({ ...breached, cause: "hardware" });
    expect(response(r).status).toBe("breached");
    expect(r.credit).toBeNull();
  });
});

describe("declared events (issue 11 item 4)", () => {
  it("start a clock on the customer's calendar, in the customer's zone", () => {
    // Friday 10:30 Chicago (CDT, UTC−5): 1 business hour from the request.
    const r = duty(evaluate({ priority: "P2", customer, events: [{ at: "2026-03-27T15:30:00Z", type: "escalation_requested" }] }));
    expect(r.startedAt).toBe("2026-03-27T10:30:00-05:00");
    expect(r.due).toBe("2026-03-27T11:30:00-05:00");
    expect(r.trace!.calendar.zone).toBe("America/Chicago");
  });

  it("an unknown event type names the field, with a did-you-mean and the valid types", () => {
    const e = errorOf({ priority: "P2", customer, events: [{ at: FRIDAY, type: "escalation_request" }] });
    expect(e.field).toBe("events[0].type");
    expect(e.message).toContain('unknown event type "escalation_request" (did you mean "escalation_requested"?)');
    expect(e.message).toContain("approve, pause");
  });
});

describe("the customer's calendar (issue 11 item 3)", () => {
  it("closes on the customer's holidays: Memorial Day for a US customer, not for a Japanese one", () => {
    // Friday 2026-05-22 17:30 Chicago: 30 minutes that day, Monday 25 May is Memorial Day.
    const at = "2026-05-22T22:30:00Z";
    const asOf = "2026-06-01T00:00:00Z";
    const r = duty(evaluate({ priority: "P2", openedAt: at, asOf, customer, events: [{ at, type: "escalation_requested" }] }));
    expect(r.due).toBe("2026-05-26T08:30:00-05:00");
    const japanese = duty(evaluate({ priority: "P2", openedAt: at, asOf, customer: { zone: "America/Chicago", holidays: ["JP"] }, events: [{ at, type: "escalation_requested" }] }));
    expect(japanese.due).toBe("2026-05-25T08:30:00-05:00");
  });

  it("is built once per zone and holiday set", () => {
    const c = compiledPolicy(policy).customerCalendars!;
    const template = compiledPolicy(policy).targets[1]!.calendar!;
    const a = c.forTicket(template, { zone: "Asia/Tokyo", holidays: ["JP"] });
    expect(c.forTicket(template, { zone: "Asia/Tokyo", holidays: ["JP"] })).toBe(a);
    expect(c.forTicket(template, { zone: "Asia/Tokyo", holidays: [] })).not.toBe(a);
    expect(a.zone).toBe("Asia/Tokyo");
  });

  it("requires a valid zone and holiday codes, naming the field", () => {
    expect(errorOf({ priority: "P2" })).toEqual({ field: "customer.zone", message: expect.stringContaining("is required") });
    expect(errorOf({ priority: "P2", customer: { zone: "Mars/Olympus", holidays: [] } })).toEqual({ field: "customer.zone", message: expect.stringContaining('invalid time zone "Mars/Olympus"') });
    expect(errorOf({ priority: "P2", customer: { zone: "UTC", holidays: ["US", "XX"] } })).toEqual({ field: "customer.holidays[1]", message: expect.stringContaining('unknown holiday code "XX"') });
  });
});

describe("ticket attribute errors name the field and the valid values", () => {
  it("an unknown attribute", () => {
    expect(errorOf({ priority: "P2", customer, attributes: { prodct: "edge" } })).toEqual({
      field: "attributes.prodct",
      message: 'unknown attribute "prodct" (did you mean "product"?) (valid: product, phone_escalated)',
    });
  });

  it("an unknown value of a field, and a flag that is not a boolean", () => {
    expect(errorOf({ priority: "P2", customer, attributes: { product: "egde" } })).toEqual({
      field: "attributes.product",
      message: 'unknown product "egde" (did you mean "edge"?) (valid: broker, edge, beta)',
    });
    expect(errorOf({ priority: "P2", customer, attributes: { phone_escalated: "yes" } })).toEqual({ field: "attributes.phone_escalated", message: "must be true or false (a flag)" });
  });

  it("an unknown cause", () => {
    expect(errorOf({ priority: "P2", customer, cause: "hardwar" })).toEqual({
      field: "cause",
      message: 'unknown cause "hardwar" (did you mean "hardware"?) (valid: hardware, customer_modification)',
    });
  });

  it("a `__proto__` attribute stays inert data: dropped by the schema, never a prototype", () => {
    const input = JSON.parse(`{"id":"T","region":"eu","priority":"P2","openedAt":"${FRIDAY}","customer":{"zone":"UTC","holidays":[]},"attributes":{"__proto__":{"product":"edge"}}}`) as unknown;
    const parsed = parseTicket(input, policy);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.ticket.attributeValues).toBeUndefined();
      expect(response(evaluateTicket(policy, parsed.ticket)).goal).toBe("4 business hours");
    }
  });
});

describe("policies without attributes", () => {
  it("compile to no attribute machinery at all (an excluded cause is one map lookup, for tickets that give a cause)", () => {
    const plain = policyOf(`policy plain "Plain"
priority P1 "Critical"
exclude cause force_majeure "beyond control"
calendar office { zone "Europe/Berlin" Mon-Fri 09:00-18:00 }
target response { stop on respond goals { | priority | goal | | P1 | 2 business hours | } }
`);
    const c = compiledPolicy(plain);
    expect([c.usesFacts, c.exclusions, c.customerCalendars, c.targets[0]!.sections, c.targets[0]!.calendarRules]).toEqual([false, null, null, null, null]);
    expect(Object.keys(plain)).not.toContain("fields");
    expect([...c.excludedCauses!.keys()]).toEqual(["force_majeure"]);
  });
});

describe("a goal matrix keyed by a field (`| product | goal |`)", () => {
  const keyed = policyOf(`policy keyed "Keyed"
priority P1 "Critical"
priority P2 "High"
field product "Product" { x "Product X"  y "Product Y"  z "Product Z" }
calendar office { zone "Europe/Berlin" Mon-Fri 09:00-18:00 }
target resolution {
  stop on resolve
  goals { | priority | goal | | P1 | 8 business hours | | P2 | 3 business days | }
  goals {
    | product | goal     |
    | x       | 24 hours |
    | y       | 24 hours |
  }
}
`);
  const goalOf = (ticket: Record<string, unknown>) => {
    const parsed = parseTicket({ id: "T", openedAt: FRIDAY, asOf: FRIDAY, ...ticket }, keyed);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return evaluateTicket(keyed, parsed.ticket).targets[0]!.goal;
  };

  it("gives products X and Y 24 hours for every priority, and Z the main matrix", () => {
    expect([goalOf({ priority: "P1", attributes: { product: "x" } }), goalOf({ priority: "P2", attributes: { product: "y" } })]).toEqual(["24 hours", "24 hours"]);
    expect([goalOf({ priority: "P1", attributes: { product: "z" } }), goalOf({ priority: "P2" })]).toEqual(["8 business hours", "3 business days"]);
  });
});
