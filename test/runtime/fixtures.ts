/**
 * Hand-built compiled policies (PolicyIR) for the evaluator's tests, so they do not depend on the
 * compiler: an Imagicle-like policy (policies/imagicle.sla), a PromoTron-like one (days-only
 * Prague calendar, clock started by `approve`), a LUCY-like one (same business day, Zurich) and
 * a Kustomer-like one (24x7 UTC, elapsed goals).
 */
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket, type TargetResult, type Ticket, type TicketResult } from "../../runtime/io.js";
import type {
  CalendarIR,
  ClockIR,
  EscalationAfter,
  Goal,
  GoalCell,
  PolicyIR,
  RegionIR,
  SourceRef,
  TargetIR,
  Window,
} from "../../runtime/ir.js";
import { IR_VERSION } from "../../runtime/ir.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function origin(line: number, text = ""): SourceRef {
  return { file: "test.sla", line, column: 1, text };
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
type Day = (typeof DAYS)[number];

/** `"09:00-18:00"` → a window in minutes. */
function win(text: string): Window {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`bad window ${text}`);
  return { from: Number(m[1]) * 60 + Number(m[2]), to: Number(m[3]) * 60 + Number(m[4]) };
}

/** A calendar IR from weekday → windows, e.g. `{ Mon: ["09:00-18:00"] }`. */
export function calendar(
  name: string,
  zone: string,
  week: Partial<Record<Day, string[]>>,
  opts: { kind?: CalendarIR["kind"]; holidays?: string[] } = {},
): CalendarIR {
  return {
    name,
    kind: opts.kind ?? "hours",
    zone,
    week: DAYS.map((d) => (week[d] ?? []).map(win)),
    holidays: (opts.holidays ?? []).map((country) => ({ country, region: null })),
    closures: [],
    openings: [],
    origin: origin(1, `calendar ${name}`),
  };
}

const weekdays = (w: string[]) => ({ Mon: w, Tue: w, Wed: w, Thu: w, Fri: w });

export const g = {
  businessMinutes: (n: number): Goal => ({ kind: "business", ms: n * MINUTE, text: `${n} business minutes` }),
  businessHours: (n: number): Goal => ({ kind: "business", ms: n * HOUR, text: `${n} business hour${n === 1 ? "" : "s"}` }),
  minutes: (n: number): Goal => ({ kind: "elapsed", ms: n * MINUTE, text: `${n} minutes` }),
  hours: (n: number): Goal => ({ kind: "elapsed", ms: n * HOUR, text: `${n} hours` }),
  days: (n: number): Goal => ({ kind: "elapsed", ms: n * 24 * HOUR, text: `${n} day${n === 1 ? "" : "s"}` }),
  week: (): Goal => ({ kind: "elapsed", ms: 168 * HOUR, text: "1 week" }),
  businessDays: (n: number, text = `${n} business days`): Goal => ({ kind: "businessDays", days: n, text }),
  sameBusinessDay: (): Goal => ({ kind: "sameBusinessDay", text: "same business day" }),
  bestEffort: (): Goal => ({ kind: "none", text: "best effort" }),
};

export const responseClock: ClockIR = { start: ["open"], pause: ["pause"], resume: ["resume"], stop: ["respond", "resolve"] };

export function target(name: string, goals: GoalCell[], extra: Partial<TargetIR> = {}): TargetIR {
  return { name, title: null, binding: true, clock: responseClock, calendar: null, goals, origin: origin(2, `target ${name}`), ...extra };
}

const named = (name: string, title: string | null = null) => ({ name, title, description: null, origin: origin(3, name) });

/** A policy with empty defaults, overridden by `p`. */
export function policy(p: Partial<PolicyIR> & Pick<PolicyIR, "id">): PolicyIR {
  return {
    irVersion: IR_VERSION,
    title: null,
    calendars: [],
    defaultCalendar: null,
    regions: [],
    plans: [],
    priorities: [],
    roles: [],
    channels: [],
    targets: [],
    exclusions: { channels: [], causes: [] },
    escalations: [],
    credits: null,
    fees: null,
    works: [],
    obligations: [],
    examples: [],
    ...p,
  };
}

function region(name: string, cal: string, gold: string, languages: RegionIR["languages"]): RegionIR {
  return { name, title: null, calendar: cal, planCalendars: { gold, platinum: gold }, languages, origin: origin(4, `region ${name}`) };
}

// --- Imagicle (policies/imagicle.sla) ----------------------------------------------------------

const imagicleGoals: Array<[string, Goal, Goal, Goal]> = [
  ["P1", g.businessDays(1, "next business day"), g.businessMinutes(60), g.minutes(60)],
  ["P2", g.businessDays(2), g.businessHours(2), g.businessHours(2)],
  ["P3", g.bestEffort(), g.businessHours(4), g.businessHours(4)],
  ["P4", g.bestEffort(), g.businessHours(8), g.businessHours(8)],
];
/** The goal matrix with Platinum's inheritance already expanded, as the compiler emits it. */
const imagicleCells: GoalCell[] = imagicleGoals.flatMap(([priority, basic, gold, platinum], row) =>
  (["basic", "gold", "platinum"] as const).map((plan, col) => ({
    priority,
    plan,
    goal: [basic, gold, platinum][col]!,
    origin: origin(100 + row, `| ${priority} | ${basic.text} | ${gold.text} | ${platinum.text} |`),
  })),
);

const bh = (n: number): EscalationAfter => ({ kind: "business", ms: n * HOUR, text: `${n} business hours` });
const levels: Array<[string, number, string]> = [
  ["P1", 2, "support_regional_manager"],
  ["P1", 4, "support_manager"],
  ["P1", 8, "co_ceo_cto"],
  ["P2", 4, "support_team"],
  ["P2", 8, "support_regional_manager"],
  ["P2", 16, "support_manager"],
  ["P2", 40, "ceo"],
  ["P3", 8, "support_team"],
  ["P3", 16, "support_regional_manager"],
  ["P3", 40, "support_manager"],
  ["P4", 16, "support_team"],
  ["P4", 40, "support_regional_manager"],
];

export const imagicle: PolicyIR = policy({
  id: "imagicle",
  calendars: [
    calendar("americas_hours", "America/New_York", weekdays(["07:00-17:00"]), { holidays: ["US"] }),
    calendar("americas_gold", "America/New_York", { ...weekdays(["07:00-17:00"]), Sat: ["08:00-12:00"] }),
    calendar("europe_hours", "Europe/Rome", weekdays(["09:00-18:00"]), { holidays: ["IT"] }),
    calendar("europe_gold", "Europe/Rome", { ...weekdays(["09:00-18:00"]), Sat: ["09:00-18:00"] }),
    calendar("middle_east_sun_thu_hours", "Asia/Dubai", { ...weekdays(["09:00-18:00"]), Fri: [], Sun: ["09:00-18:00"] }, { holidays: ["AE"] }),
    calendar("middle_east_sun_thu_gold", "Asia/Dubai", { ...weekdays(["09:00-18:00"]), Fri: [], Sun: ["09:00-18:00"], Sat: ["12:00-18:00"] }),
  ],
  regions: [
    region("americas", "americas_hours", "americas_gold", { primary: ["en"], optional: ["es"] }),
    region("europe", "europe_hours", "europe_gold", { primary: ["en", "it"], optional: ["fr", "es"] }),
    region("middle_east_sun_thu", "middle_east_sun_thu_hours", "middle_east_sun_thu_gold", { primary: ["ar", "en"], optional: [] }),
  ],
  plans: [named("basic"), named("gold"), named("platinum")],
  priorities: ["P1", "P2", "P3", "P4"].map((p) => named(p)),
  roles: [
    named("support_team", "Support Team"),
    named("support_regional_manager", "Support Regional Manager"),
    named("support_manager", "Support Manager"),
    named("co_ceo_cto", "Co-CEO and CTO"),
    named("ceo", "CEO"),
  ],
  channels: ["portal", "phone", "email"],
  targets: [target("response", imagicleCells, { title: "Maximum Response Time" })],
  exclusions: { channels: [{ channel: "email", reason: "no SLA applies to email-submitted tickets", origin: origin(5) }], causes: [] },
  escalations: [
    {
      plans: ["gold", "platinum"],
      calendarPlan: "gold",
      clock: { start: ["open"], pause: ["pause"], resume: ["resume"], stop: ["resolve"] },
      levels: levels.map(([priority, hours, role], i) => ({ priority, after: bh(hours), role, origin: origin(200 + i) })),
      origin: origin(199, "escalation for gold, platinum"),
    },
  ],
  credits: {
    plans: ["gold", "platinum"],
    targets: ["response"],
    rows: [
      { priority: "P1", creditPercent: "20", origin: origin(300) },
      { priority: "P2", creditPercent: "10", origin: origin(301) },
      { priority: "P3", creditPercent: "5", origin: origin(302) },
      { priority: "P4", creditPercent: "0", origin: origin(303) },
    ],
    claimMonthsAfter: 1,
    claimSubject: "SLA Credit Request",
    capPercent: null,
    ineligibleChannels: ["email"],
    ineligibleOptionalLanguages: true,
    zone: null,
    origin: origin(299),
  },
});

// --- PromoTron: days-only Prague calendar, clock started by approve ----------------------------

const promotronPlans: Array<[string, Goal]> = [
  ["basic", g.week()],
  ["standard", g.businessDays(3)],
  ["premium", g.hours(24)],
];

export const promotron: PolicyIR = policy({
  id: "promotron",
  calendars: [calendar("prague_business_days", "Europe/Prague", weekdays(["00:00-24:00"]), { kind: "days", holidays: ["CZ"] })],
  defaultCalendar: "prague_business_days",
  plans: promotronPlans.map(([p]) => named(p)),
  targets: [
    target(
      "reaction",
      promotronPlans.map(([plan, goal], i) => ({ priority: null, plan, goal, origin: origin(400 + i, `| ${plan} | ${goal.text} |`) })),
      { clock: { start: ["approve"], pause: ["pause"], resume: ["resume"], stop: ["respond", "resolve"] } },
    ),
  ],
});

// --- LUCY: same business day in Zurich, elapsed B/C ---------------------------------------------

export const lucy: PolicyIR = policy({
  id: "lucy",
  calendars: [calendar("europe_hours", "Europe/Zurich", { ...weekdays(["08:00-17:00"]), Fri: ["08:00-13:00"] })],
  regions: [{ name: "europe", title: null, calendar: "europe_hours", planCalendars: {}, languages: null, origin: origin(4) }],
  priorities: ["A", "B", "C"].map((p) => named(p)),
  targets: [
    target("response", [
      { priority: "A", plan: null, goal: g.sameBusinessDay(), origin: origin(500, "| A | same business day |") },
      { priority: "B", plan: null, goal: g.hours(48), origin: origin(501, "| B | 48 hours |") },
      { priority: "C", plan: null, goal: g.hours(72), origin: origin(502, "| C | 72 hours |") },
    ]),
  ],
});

// --- Kustomer: 24x7 UTC -------------------------------------------------------------------------

export const kustomer: PolicyIR = policy({
  id: "kustomer",
  calendars: [calendar("always", "UTC", {}, { kind: "always" })],
  defaultCalendar: "always",
  priorities: ["P1", "P2", "P3"].map((p) => named(p)),
  channels: ["messenger", "email"],
  targets: [
    target("response", [
      { priority: "P1", plan: null, goal: g.hours(2), origin: origin(600) },
      { priority: "P2", plan: null, goal: g.days(1), origin: origin(601) },
      { priority: "P3", plan: null, goal: g.days(3), origin: origin(602) },
    ]),
  ],
});

/** Validate a ticket against a policy, failing the test on an input error. */
export function ticket(p: PolicyIR, json: Record<string, unknown>): Ticket {
  const r = parseTicket({ id: "T", ...json }, p);
  if (!r.ok) throw new Error(`bad test ticket: ${r.error.field}: ${r.error.message}`);
  return r.ticket;
}

/** An Imagicle ticket in Europe, English, via the portal, with the given fields on top. */
export function euTicket(json: Record<string, unknown>): Ticket {
  return ticket(imagicle, { region: "europe", language: "en", channel: "portal", ...json });
}

/** Evaluate a ticket (validated against `p`) at `asOf`. */
export function evaluate(p: PolicyIR, json: Record<string, unknown>, asOf?: string): TicketResult {
  return evaluateTicket(p, ticket(p, json), asOf === undefined ? {} : { asOf });
}

/** The single target of a policy's result for a ticket. */
export function only(p: PolicyIR, json: Record<string, unknown>, asOf?: string): TargetResult {
  return evaluate(p, json, asOf).targets[0]!;
}

/** The response target of an Imagicle ticket in Europe (English, portal). */
export function eu(json: Record<string, unknown>, asOf?: string): TargetResult {
  return evaluateTicket(imagicle, euTicket(json), asOf === undefined ? {} : { asOf }).targets[0]!;
}

/** Events from `[type, at]` or `[type, at, priority]` tuples. */
export function events(...list: Array<[string, string] | [string, string, string]>): Array<Record<string, string>> {
  return list.map(([type, at, priority]): Record<string, string> => (priority === undefined ? { type, at } : { type, at, priority }));
}

/** The ticket of SPEC §3 (Imagicle, Europe, Gold, P2: paused over the weekend and the DST change). */
export const t1042 = {
  id: "T-1042",
  priority: "P2",
  plan: "gold",
  region: "europe",
  channel: "portal",
  language: "en",
  openedAt: "2026-03-27T16:30:00+01:00",
  events: [
    { at: "2026-03-28T09:10:00+01:00", type: "pause" },
    { at: "2026-03-30T10:00:00+02:00", type: "resume" },
    { at: "2026-03-30T10:20:00+02:00", type: "respond" },
  ],
  asOf: "2026-03-31T00:00:00Z",
};
