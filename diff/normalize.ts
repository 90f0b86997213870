/**
 * The compiled IR in a form where equal meaning is equal data, for the structural fallback
 * (`structural.ts`): source refs and how a goal was written dropped, calendars and roles
 * replaced by their content wherever they are named (renaming one changes nothing), collections
 * keyed by name and sets sorted where the runtime does not depend on their order.
 *
 * Left out, as they carry no meaning for tickets or settlement: the policy's `id`, `title` and
 * `irVersion` (the report's header names the policy), its `examples` (tests of the policy, not
 * clauses), a calendar no clause uses, and `resume on` of a clock that never pauses. A calendar
 * nothing counts on is left out where it is named: the calendar and calendar rules of a target
 * whose goals are all elapsed time, and the default calendar when no goal or escalation counts
 * on it.
 *
 * Everything else is kept: an object normalized field by field here also carries, as they are,
 * the fields this module does not name ({@link complete}), so a field added to the IR later is
 * compared (and reported as `other`) instead of silently dropped.
 */
import type { CalendarIR, ConditionIR, PolicyIR } from "../runtime/ir.js";
import { countsOnCalendar, ticketCalendarCounted } from "./calendar-use.js";
import { conditionText } from "./coverage.js";

/** The clause a normalized object came from, kept off its enumerable keys (so off its JSON too). */
export const ORIGIN = Symbol("origin");

/** A calendar where a clause names it: its IR (to compare open hours) and its content without the name. */
export class CalendarRef {
  constructor(
    readonly ir: CalendarIR,
    readonly content: unknown,
  ) {}
}

/**
 * A calendar name that names no calendar of the policy (the compiler rejects it, but a hand-made
 * IR may hold one): kept by name, so it never compares equal to a real calendar or to none.
 */
export class UnknownCalendar {
  constructor(readonly name: string) {}
}

/** Canonical JSON: object keys sorted, so two equal values give one text. */
export function canonical(x: unknown): string {
  if (x instanceof CalendarRef) return canonical(x.content);
  if (x instanceof UnknownCalendar) return canonical({ unknownCalendar: x.name });
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x !== null && typeof x === "object") {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(x) ?? "null";
}

/**
 * A clause's source beside the field it states (`lateStepOrigin`, IR 14): where it was written,
 * not what it means, so never compared (the comparisons cite it).
 */
const isClauseOrigin = (key: string): boolean => key.endsWith("Origin");

/** A generic value: `origin` moved under {@link ORIGIN}, `…Origin` and goal and threshold `text` dropped, string lists sorted. */
function plain(x: unknown): unknown {
  if (Array.isArray(x)) {
    const items = x.map(plain);
    // Lists of names (events, values, channels, plans) are sets everywhere in the IR.
    return items.every((i) => typeof i === "string") ? [...(items as string[])].sort() : items;
  }
  if (x === null || typeof x !== "object") return x;
  const out: Record<string | symbol, unknown> = {};
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    if (k === "origin") out[ORIGIN] = v;
    // A goal's or threshold's `text` is how it was written; `ms`/`days`/`percent` say what it means.
    else if (k === "text" || isClauseOrigin(k)) continue;
    else if (v !== undefined) out[k] = plain(v);
  }
  return out;
}

/**
 * `normalized`, plus every other field of `x` in {@link plain} form but those in `dropped` (which
 * carry no meaning): the fields this module normalizes are the exception, not an allow-list.
 */
function complete(x: object, normalized: Record<string | symbol, unknown>, dropped: readonly string[] = []): Record<string | symbol, unknown> {
  const out: Record<string | symbol, unknown> = {};
  for (const [k, v] of Object.entries(x)) if (!(k in normalized) && !dropped.includes(k) && k !== "origin" && !isClauseOrigin(k) && v !== undefined) out[k] = plain(v);
  const origin = (x as { origin?: unknown }).origin;
  if (origin !== undefined) out[ORIGIN] = origin;
  return Object.assign(out, normalized);
}

/** A list whose order the runtime ignores, sorted by content. */
function sorted(xs: readonly unknown[] | undefined): unknown[] {
  // Keys computed once: canonical text in the comparator would be built O(n log n) times.
  const keyedItems = (xs ?? []).map((x) => { const v = plain(x); return { v, k: canonical(v) }; });
  return keyedItems.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.v);
}

/** A list keyed by `key(x)` (name, channel, plan…); a repeated key gets `#2`, `#3` so nothing is lost. */
function keyed<T>(xs: readonly T[] | undefined, key: (x: T) => string, value: (x: T) => unknown = plain): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const x of xs ?? []) {
    let k = key(x);
    for (let n = 2; k in out; n++) k = `${key(x)}#${n}`;
    out[k] = value(x);
  }
  return out;
}

/** A condition (tests that must all hold): the order of its tests means nothing. */
function condition(when: ConditionIR | undefined): unknown {
  return when === undefined ? undefined : sorted(when);
}

/** A condition in words whatever the order of its tests and values: `cause hardware and environment a, b`. */
function conditionWords(when: ConditionIR): string {
  return when.map((t) => conditionText(["values" in t ? { ...t, values: [...t.values].sort() } : t])).sort().join(" and ");
}

/** The policy normalized; see the module comment for what is left out. */
export function normalizePolicy(p: PolicyIR): Record<string, unknown> {
  const calendars = new Map(p.calendars.map((c) => [c.name, c]));
  const cal = (name: string | null | undefined): CalendarRef | UnknownCalendar | null => {
    if (name == null) return null;
    const c = calendars.get(name);
    if (!c) return new UnknownCalendar(name);
    const { name: _name, closures, openings, holidays, yearly, ...rest } = c;
    const content = plain({ ...rest, closures: sorted(closures), openings: sorted(openings), holidays: sorted(holidays), yearly: sorted(yearly) });
    return new CalendarRef(c, content);
  };
  // Where nothing counts on a calendar, only a name that names none is kept (a hand-made IR's error).
  const unresolved = (name: string | null | undefined) => {
    const c = cal(name);
    return c instanceof UnknownCalendar ? c : null;
  };
  const rules = (rs: PolicyIR["regions"][number]["calendarRules"]) => (rs ?? []).map((r) => complete(r, { calendar: cal(r.calendar), when: condition(r.when) }));
  const roleTitle = new Map(p.roles.map((r) => [r.name, r.title ?? r.name]));
  const named = (xs: PolicyIR["plans"] | undefined) => keyed(xs, (x) => x.name);
  const clock = (c: PolicyIR["targets"][number]["clock"]) => {
    // `resume on` means nothing to a clock that never pauses (the clock comparison skips it too).
    const { resume, ...rest } = c;
    return plain(c.pause.length === 0 ? rest : { ...rest, resume });
  };
  const credits = p.credits && {
    ...(plain({ ...p.credits, rows: undefined, thresholds: undefined, ineligibleWhen: undefined }) as object),
    [ORIGIN]: p.credits.origin,
    mode: p.credits.mode ?? "highest",
    rows: keyed(p.credits.rows, (r) => r.priority ?? "*"),
    thresholds: sorted(p.credits.thresholds),
    ineligibleWhen: sorted((p.credits.ineligibleWhen ?? []).map((w) => condition(w))),
  };
  const fees = p.fees && {
    ...(plain({ ...p.fees, rates: undefined, allowances: undefined, packages: undefined, charges: undefined, workAllowances: undefined, quotas: undefined }) as object),
    [ORIGIN]: p.fees.origin,
    rates: keyed(p.fees.rates, (r) => `${r.kind ?? "*"}/${r.regime ?? "*"}`),
    allowances: keyed(p.fees.allowances, (a) => a.regime),
    packages: keyed(p.fees.packages, (x) => x.plan),
    charges: keyed(p.fees.charges, (c) => c.name),
    workAllowances: sorted(p.fees.workAllowances),
    quotas: sorted(p.fees.quotas),
  };
  // `calendars` are compared where a clause names them (`cal`); the rest is in the module comment.
  return complete(p, {
    // Nothing counts on it when every goal of the targets it serves is elapsed time (billing
    // zone aside, compared on its own in `calendar-use.ts`).
    defaultCalendar: ticketCalendarCounted(p) ? cal(p.defaultCalendar) : unresolved(p.defaultCalendar),
    priorities: named(p.priorities),
    plans: named(p.plans),
    channels: [...p.channels].sort(),
    fields: keyed(p.fields, (f) => f.name, (f) => complete(f, { values: named(f.values) }, ["name"])),
    flags: named(p.flags),
    causes: named(p.causes),
    events: named(p.events),
    works: named(p.works),
    obligations: named(p.obligations),
    // By title: renaming a role's identifier changes nothing (escalations name it by title too).
    roles: sorted(p.roles.map((r) => complete(r, { title: r.title ?? r.name }, ["name"]))),
    regions: keyed(p.regions, (r) => r.name, (r) =>
      complete(
        r,
        {
          calendar: cal(r.calendar),
          // Every plan's calendar as a ticket gets it: a plan naming its region's calendar changes nothing.
          planCalendars: Object.fromEntries([...new Set([...p.plans.map((x) => x.name), ...Object.keys(r.planCalendars)])].map((plan) => [plan, cal(r.planCalendars[plan] ?? r.calendar)])),
          calendarRules: rules(r.calendarRules),
        },
        ["name"],
      ),
    ),
    targets: keyed(p.targets, (t) => t.name, (t) =>
      complete(
        t,
        {
          clock: clock(t.clock),
          // A target whose goals are all elapsed time counts on no calendar (`calendar-use.ts`).
          calendar: countsOnCalendar(t) ? cal(t.calendar) : unresolved(t.calendar),
          calendarRules: rules(countsOnCalendar(t) ? t.calendarRules : t.calendarRules?.filter((r) => unresolved(r.calendar))),
          goals: t.goals.map((g) => complete(g, { when: condition(g.when) })),
        },
        ["name"],
      ),
    ),
    exclusions: complete(p.exclusions, {
      channels: keyed(p.exclusions.channels, (c) => c.channel),
      causes: named(p.exclusions.causes),
      attributes: sorted((p.exclusions.attributes ?? []).map((a) => ({ ...a, when: condition(a.when) }))),
    }),
    // `priority at most P3 for …`: keyed by what they test, so a reason is compared with its own cap's.
    priorityCaps: keyed(p.priorityCaps, (c) => conditionWords(c.when), (c) => complete(c, { when: condition(c.when) })),
    escalations: keyed(p.escalations, (e) => (e.plans ? [...e.plans].sort().join(",") : "*"), (e) =>
      complete(e, {
        clock: clock(e.clock),
        levels: e.levels.map((l) => complete(l, { role: roleTitle.get(l.role) ?? l.role })),
      }, ["plans"]),
    ),
    credits,
    availability: keyed(p.availability, (a) => a.name, (a) =>
      complete(a, {
        over: a.over.kind === "calendar" ? cal(a.over.calendar) : "elapsed",
        // The maintenance window by content, like every calendar a clause names.
        excuse: a.excuse && complete(a.excuse, { within: cal(a.excuse.within) }),
      }, ["name"]),
    ),
    objectives: keyed(p.objectives, (o) => o.name, (o) => complete(o, { when: condition(o.when) }, ["name"])),
    fees,
    period: plain(p.period ?? null),
  }, ["id", "title", "irVersion", "examples", "calendars"]);
}
