/**
 * What the evaluator needs from a policy, computed once per `PolicyIR` object (WeakMap cache):
 * calendars built, goal cells by priority and plan, region calendars by plan, clock rules as bit
 * masks, escalation levels by priority, credit rows. `evaluateTicket` then does map lookups only.
 */
import { compileCaps, type CompiledCaps } from "./priority-caps.js";
import { calendarFromIR, type Calendar } from "./calendar.js";
import { clockMasks, declaredEventBits, type ClockMasks } from "./clock.js";
import type { CalendarIR, CalendarRuleIR, CreditsIR, EscalationAfter, EscalationIR, GoalCell, PolicyIR, TargetIR } from "./ir.js";
import { CustomerCalendars, predicateOf, type Predicate } from "./ticket-attributes.js";
import { PolicyReferenceError, unresolvedReference } from "./policy-references.js";
import { priorityRow, type CreditRow } from "./ticket-credit.js";

/** A calendar chosen for the tickets a condition holds for (`calendar always for priority P1`). */
export interface CompiledCalendarRule {
  readonly calendar: Calendar;
  readonly holds: Predicate;
}

/** A `goals for product a, b { … }` section: its cells by priority, then plan. */
export interface CompiledSection {
  readonly holds: Predicate;
  readonly cells: ReadonlyMap<string | null, ReadonlyMap<string | null, GoalCell>>;
}

export interface CompiledTarget {
  readonly ir: TargetIR;
  readonly masks: ClockMasks;
  /** The target's own calendar (`target.calendar`), else `null`: the ticket's region chooses. */
  readonly calendar: Calendar | null;
  /** Goal cell by priority, then plan, for every declared value (and `null`) of both axes. */
  readonly cells: ReadonlyMap<string | null, ReadonlyMap<string | null, GoalCell>>;
  /** `goals for …` sections, tried before `cells`; `null` when the target has none. */
  readonly sections: readonly CompiledSection[] | null;
  /** `calendar X for …` in the target, tried before its own calendar; `null` when none. */
  readonly calendarRules: readonly CompiledCalendarRule[] | null;
}

export interface CompiledRegion {
  readonly name: string;
  readonly calendar: Calendar;
  readonly planCalendars: ReadonlyMap<string, Calendar>;
  readonly primary: ReadonlySet<string> | null;
  readonly optional: ReadonlySet<string>;
  /** `calendar X for priority P1` in the region, tried before the plan's; `null` when none. */
  readonly calendarRules: readonly CompiledCalendarRule[] | null;
}

export interface CompiledLevel {
  readonly after: EscalationAfter;
  /** The role's title, or its name when it has none. */
  readonly to: string;
  /** For a percent threshold: the target, and its clock with the escalation's stop events. */
  readonly target: CompiledTarget | null;
  readonly targetMasks: ClockMasks | null;
}

export interface CompiledEscalation {
  readonly ir: EscalationIR;
  readonly plans: ReadonlySet<string> | null;
  readonly masks: ClockMasks;
  /** Levels per priority in force (`""` for a ticket without priority), in table order. */
  readonly levels: ReadonlyMap<string, readonly CompiledLevel[]>;
}

export interface CompiledCredits {
  readonly ir: CreditsIR;
  readonly plans: ReadonlySet<string> | null;
  /** Targets whose breach earns a credit; `null` means every binding target. */
  readonly targets: ReadonlySet<string> | null;
  readonly ineligibleChannels: ReadonlySet<string>;
  /** The credits row per priority (`""` for a ticket without priority): its own, else the row for every priority. */
  readonly rows: ReadonlyMap<string, CreditRow>;
  /** `ineligible cause x`, `ineligible phone_escalated`…; `null` when none. */
  readonly ineligibleWhen: readonly Predicate[] | null;
}

/** An exclusion by cause or attribute, with the clause that says it. */
export interface CompiledExclusion {
  readonly holds: Predicate;
  /** The goal text of an excluded ticket's targets, naming the clause. */
  readonly reason: string;
}

export interface CompiledPolicy {
  readonly id: string;
  readonly hasPriorities: boolean;
  readonly hasPlans: boolean;
  /** The calendar of a ticket without region: `defaultCalendar`, else 24×7 UTC. */
  readonly defaultCalendar: Calendar;
  readonly regions: ReadonlyMap<string, CompiledRegion>;
  readonly targets: readonly CompiledTarget[];
  /** Excluded channel → goal text of its targets (SPEC §1 exclusions). */
  readonly excludedChannels: ReadonlyMap<string, string>;
  readonly escalations: readonly CompiledEscalation[];
  readonly credits: CompiledCredits | null;
  /** Excluded cause → the goal text of its tickets (issue 11): read only for tickets that give a cause. */
  readonly excludedCauses: ReadonlyMap<string, string> | null;
  /** Exclusions by attribute (issue 11); `null` when the policy has none. */
  readonly exclusions: readonly CompiledExclusion[] | null;
  /** Calendars completed by each ticket's customer; `null` when the policy has none. */
  readonly customerCalendars: CustomerCalendars | null;
  /** Whether any condition (goal section, calendar rule, exclusion, credit) reads ticket facts. */
  readonly usesFacts: boolean;
  /** `priority at most P3 for …` (`priority-caps.ts`); `null` when the policy has none. */
  readonly priorityCaps: CompiledCaps | null;
}

/** The goal text of a ticket excluded by a clause: which clause, and where. */
function exclusionReason(origin: { line: number; text: string }): string {
  return `no SLA (${origin.text}, line ${origin.line})`;
}

const NO_ORIGIN = { file: "<runtime>", line: 0, column: 0, text: "" };

/** 24×7 in UTC: the calendar of a policy that names none (elapsed goals only); `sla diff` compares against it too. */
export const UTC_ALWAYS: CalendarIR = {
  name: "24x7",
  kind: "always",
  zone: "UTC",
  week: Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]),
  holidays: [],
  closures: [],
  openings: [],
  origin: NO_ORIGIN,
};

/**
 * The goal cell for a priority and plan: a cell matches when each of its axes equals the
 * ticket's value or is `null`; the most specific match wins (priority before plan), then the
 * first written.
 */
export function findCell(cells: readonly GoalCell[], priority: string | null, plan: string | null): GoalCell | undefined {
  let best: GoalCell | undefined;
  let bestScore = -1;
  for (const cell of cells) {
    // Cells of a `goals for …` section apply only when their condition holds: not found here.
    if (cell.when !== undefined) continue;
    if (cell.priority !== null && cell.priority !== priority) continue;
    if (cell.plan !== null && cell.plan !== plan) continue;
    const score = (cell.priority !== null ? 2 : 0) + (cell.plan !== null ? 1 : 0);
    if (score > bestScore) {
      best = cell;
      bestScore = score;
    }
  }
  return best;
}

function compile(policy: PolicyIR): CompiledPolicy {
  const calendars = new Map<string, Calendar>();
  const customer = new CustomerCalendars();
  for (const ir of policy.calendars) {
    const cal = calendarFromIR(ir);
    calendars.set(ir.name, cal);
    if (ir.zoneFromTicket || ir.holidaysFromTicket) customer.add(cal, ir);
  }
  const calendar = (name: string, where: string): Calendar => {
    const cal = calendars.get(name);
    if (!cal) throw new Error(`policy ${policy.id}: ${where} names unknown calendar "${name}"`);
    return cal;
  };
  const priorities: Array<string | null> = [null, ...policy.priorities.map((p) => p.name)];
  const plans: Array<string | null> = [null, ...policy.plans.map((p) => p.name)];

  // Identical clock rules share one masks object (cheap to compare, and to reuse walks).
  const maskCache = new Map<string, ClockMasks>();
  const declared = policy.events && policy.events.length > 0 ? declaredEventBits(policy.events.map((e) => e.name)) : undefined;
  const masksOf = (clock: TargetIR["clock"]): ClockMasks => {
    const m = clockMasks(clock, declared);
    const key = `${m.start},${m.pause},${m.resume},${m.stop},${m.reopenWithinMs ?? ""}`;
    const known = maskCache.get(key);
    if (known) return known;
    maskCache.set(key, m);
    return m;
  };

  let usesFacts = false;
  const cellTable = (goals: readonly GoalCell[]) => {
    const cells = new Map<string | null, Map<string | null, GoalCell>>();
    for (const p of priorities) {
      const byPlan = new Map<string | null, GoalCell>();
      for (const pl of plans) {
        const cell = findCell(goals, p, pl);
        if (cell) byPlan.set(pl, cell);
      }
      cells.set(p, byPlan);
    }
    return cells;
  };
  const rulesOf = (rules: readonly CalendarRuleIR[] | undefined, where: string): CompiledCalendarRule[] | null => {
    if (!rules || rules.length === 0) return null;
    usesFacts = true;
    return rules.map((r) => ({ calendar: calendar(r.calendar, where), holds: predicateOf(r.when) }));
  };
  const targets = policy.targets.map((t): CompiledTarget => {
    // Section cells are grouped by their condition (one group per `goals for …` table).
    const groups = new Map<string, GoalCell[]>();
    for (const cell of t.goals) {
      if (cell.when === undefined) continue;
      const key = JSON.stringify(cell.when);
      groups.set(key, [...(groups.get(key) ?? []), { ...cell, when: undefined }]);
    }
    const sections = [...groups].map(([key, cells]): CompiledSection => ({ holds: predicateOf(JSON.parse(key) as GoalCell["when"] & object), cells: cellTable(cells) }));
    if (sections.length > 0) usesFacts = true;
    const own = t.calendar === null ? null : calendar(t.calendar, `target ${t.name}`);
    return {
      ir: t,
      masks: masksOf(t.clock),
      calendar: own,
      cells: cellTable(t.goals),
      sections: sections.length > 0 ? sections : null,
      calendarRules: rulesOf(t.calendarRules, `target ${t.name}`),
    };
  });

  const regions = new Map<string, CompiledRegion>();
  for (const r of policy.regions) {
    const planCalendars = new Map<string, Calendar>();
    for (const [plan, name] of Object.entries(r.planCalendars)) planCalendars.set(plan, calendar(name, `region ${r.name}`));
    regions.set(r.name, {
      name: r.name,
      calendar: calendar(r.calendar, `region ${r.name}`),
      planCalendars,
      primary: r.languages ? new Set(r.languages.primary) : null,
      optional: new Set(r.languages?.optional ?? []),
      calendarRules: rulesOf(r.calendarRules, `region ${r.name}`),
    });
  }

  const roles = new Map(policy.roles.map((r) => [r.name, r.title ?? r.name]));
  const escalations = policy.escalations.map((e): CompiledEscalation => {
    const masks = masksOf(e.clock);
    const levels = new Map<string, CompiledLevel[]>();
    for (const p of priorities) {
      const list: CompiledLevel[] = [];
      for (const l of e.levels) {
        if (l.priority !== null && l.priority !== p) continue;
        let target: CompiledTarget | null = null;
        if (l.after.kind === "percent") {
          const name = l.after.target;
          target = targets.find((t) => t.ir.name === name) ?? null;
          if (!target) throw new Error(`policy ${policy.id}: escalation names unknown target "${name}"`);
        }
        list.push({
          after: l.after,
          to: roles.get(l.role) ?? l.role,
          target,
          targetMasks: target ? masksOf({ ...target.ir.clock, stop: e.clock.stop }) : null,
        });
      }
      levels.set(p ?? "", list);
    }
    return { ir: e, plans: e.plans ? new Set(e.plans) : null, masks, levels };
  });

  let credits: CompiledCredits | null = null;
  const cr = policy.credits;
  if (cr) {
    const rows = new Map<string, CreditRow>();
    for (const p of priorities) {
      const row = priorityRow(cr, p);
      if (row) rows.set(p ?? "", row);
    }
    credits = {
      ir: cr,
      plans: cr.plans ? new Set(cr.plans) : null,
      targets: cr.targets.length > 0 ? new Set(cr.targets) : null,
      ineligibleChannels: new Set(cr.ineligibleChannels),
      rows,
      ineligibleWhen: cr.ineligibleWhen && cr.ineligibleWhen.length > 0 ? cr.ineligibleWhen.map(predicateOf) : null,
    };
    if (credits.ineligibleWhen) usesFacts = true;
  }

  const excludedCauses = new Map(policy.exclusions.causes.map((c) => [c.name, exclusionReason(c.origin)]));
  const exclusions: CompiledExclusion[] = (policy.exclusions.attributes ?? []).map((e) => ({ holds: predicateOf(e.when), reason: exclusionReason(e.origin) }));
  if (exclusions.length > 0) usesFacts = true;
  const priorityCaps = compileCaps(policy);
  if (priorityCaps) usesFacts = true;

  return {
    id: policy.id,
    hasPriorities: policy.priorities.length > 0,
    hasPlans: policy.plans.length > 0,
    defaultCalendar:
      policy.defaultCalendar !== null ? calendar(policy.defaultCalendar, "defaultCalendar") : calendarFromIR(UTC_ALWAYS),
    regions,
    targets,
    excludedChannels: new Map(policy.exclusions.channels.map((c) => [c.channel, `no SLA (${c.channel} channel)`])),
    escalations,
    credits,
    excludedCauses: excludedCauses.size > 0 ? excludedCauses : null,
    exclusions: exclusions.length > 0 ? exclusions : null,
    customerCalendars: customer.size > 0 ? customer : null,
    usesFacts,
    priorityCaps,
  };
}

const cache = new WeakMap<PolicyIR, CompiledPolicy>();

/**
 * The compiled form of a policy, built on first use and cached per `PolicyIR` object. Throws a
 * {@link PolicyReferenceError} naming the IR path when a reference does not resolve: an IR
 * that skipped `loadPolicy` (the compiler never emits one) fails as `loadPolicy` would have.
 */
export function compiledPolicy(policy: PolicyIR): CompiledPolicy {
  let c = cache.get(policy);
  if (!c) {
    const unresolved = unresolvedReference(policy);
    if (unresolved) throw new PolicyReferenceError(policy.id, unresolved);
    c = compile(policy);
    cache.set(policy, c);
  }
  return c;
}
