/**
 * Evaluate one ticket against a compiled policy (SPEC §2, §3): per target its start, due, status
 * and stop; the escalations reached; the service credit earned.
 *
 * Called in hot loops: everything per policy is precomputed (`compiled.ts`), calendars answer in
 * binary searches (`calendar.ts`), and luxon is used only through the cached ISO formatter.
 */
import type { Calendar } from "./calendar.js";
import {
  buildTimeline,
  countedSegments,
  dueFromCounted,
  ELAPSED,
  goalBudget,
  walkClock,
  type ClockMasks,
  type ClockRun,
  type Meter,
  type TimelineEvent,
} from "./clock.js";
import {
  compiledPolicy,
  findCell,
  type CompiledLevel,
  type CompiledPolicy,
  type CompiledRegion,
  type CompiledTarget,
} from "./compiled.js";
import { formatInstant, parseInstant } from "./instant.js";
import { notStartedReason } from "./not-started.js";
import { capFor, capped, cappedEvents } from "./priority-caps.js";
import { recurringOutcome, recurringResult, recurringTrace, restartInstants, walkRecurring } from "./recurring.js";
import {
  creditedBreach,
  eachTargetGrows,
  plainRow,
  plainRowValue,
  readsInstants,
  ticketCredit,
  ticketCreditValue,
  type CreditedBreach,
  type CreditRow,
  type TicketCreditValue,
} from "./ticket-credit.js";
import type { Customer, TicketFacts } from "./ticket-attributes.js";
import { inSupportedYears, SUPPORTED_YEARS, type EscalationResult, type TargetResult, type TargetStatus, type Ticket, type TicketResult, type Trace } from "./io.js";
import type { GoalCell, PolicyIR } from "./ir.js";
import { isStrict } from "./ir-constants.js";

/** Options of {@link evaluateTicket}. */
export interface EvaluateOptions {
  /** The instant to evaluate at (epoch ms or ISO with offset); overrides the ticket's `asOf`. */
  readonly asOf?: number | string;
  /** Add a `trace` to every target (SPEC §3 `--explain`). */
  readonly explain?: boolean;
}

/** The default options, one object rather than a fresh `{}` per call in a hot loop. */
const NO_OPTIONS: EvaluateOptions = Object.freeze({});

/** Everything about one evaluation that targets, escalations and credit share. */
interface Context {
  readonly c: CompiledPolicy;
  readonly timeline: readonly TimelineEvent[];
  readonly asOf: number;
  /** The ticket's priority (as opened) and plan; `null` when the policy has no such axis. */
  readonly priority: string | null;
  readonly plan: string | null;
  readonly region: CompiledRegion | undefined;
  readonly calendar: Calendar;
  readonly explain: boolean;
  /**
   * Clock walks by clock rule (`walkMasks[i]` gave `walkRuns[i]`): targets and escalations often
   * share one. A policy has a handful of rules, so a scan beats allocating a Map per ticket.
   */
  readonly walkMasks: ClockMasks[];
  readonly walkRuns: ClockRun[];
  /**
   * What conditions read of the ticket (issue 11), its `priority` set by {@link factsAt}; `null`
   * when the policy has no conditions, so such policies never touch it.
   */
  readonly facts: MutableFacts | null;
  /** The ticket's customer, for calendars that take zone or holidays from the ticket. */
  readonly customer: Customer | null;
}

type MutableFacts = { -readonly [K in keyof TicketFacts]: TicketFacts[K] };

/** The ticket's facts with `priority` as the one that judges the clause at hand. */
function factsAt(facts: MutableFacts, priority: string | null): TicketFacts {
  facts.priority = priority;
  return facts;
}

function walk(ctx: Context, masks: ClockMasks): ClockRun {
  const known = ctx.walkMasks;
  for (let i = 0; i < known.length; i++) if (known[i] === masks) return ctx.walkRuns[i]!;
  const run = walkClock(masks, ctx.timeline, ctx.priority);
  known.push(masks);
  ctx.walkRuns.push(run);
  return run;
}

const YEARS = `${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}`;

/** An `asOf` instant in the supported years, else a RangeError naming where it came from. */
function supported(ms: number, what: string): number {
  if (!inSupportedYears(ms)) throw new RangeError(`${what} must lie in the years ${YEARS}`);
  return ms;
}

/**
 * The evaluation instant: `options.asOf`, else the ticket's `asOf`, else now. A given `asOf`
 * that is not an instant in the supported years is an error, never a silent "now": an
 * evaluation at the wrong instant gives plausible, wrong answers.
 */
function resolveAsOf(option: number | string | undefined, ticket: Ticket): number {
  if (typeof option === "number") {
    if (!Number.isFinite(option)) throw new RangeError(`asOf must be a finite epoch-ms instant, got ${option}`);
    return supported(option, `asOf ${option}`);
  }
  if (typeof option === "string") {
    const ms = parseInstant(option);
    if (ms === null) throw new RangeError(`asOf \`${option}\` is not an ISO-8601 instant with an offset or Z`);
    return supported(ms, `asOf \`${option}\``);
  }
  if (typeof ticket.asOfMs === "number") return supported(ticket.asOfMs, "the ticket's asOf");
  if (ticket.asOf != null) {
    const ms = parseInstant(ticket.asOf);
    if (ms === null) throw new RangeError(`the ticket's asOf \`${ticket.asOf}\` is not an ISO-8601 instant with an offset or Z`);
    return supported(ms, `the ticket's asOf \`${ticket.asOf}\``);
  }
  return Date.now();
}

/**
 * The ticket's events with epoch ms. `parseTicket` computed them; a ticket built by hand without
 * them gets them parsed here (an unparsable instant is then ignored rather than thrown).
 */
function eventsOf(ticket: Ticket): readonly TimelineEvent[] {
  const events = ticket.events ?? [];
  for (const ev of events) {
    if (typeof ev.atMs !== "number") {
      const out: TimelineEvent[] = [];
      for (const e of events) {
        const atMs = typeof e.atMs === "number" ? e.atMs : parseInstant(e.at);
        if (atMs !== null) out.push({ atMs, type: e.type, priority: e.priority ?? undefined });
      }
      return out;
    }
  }
  return events;
}

/**
 * Why the ticket has no SLA at all, or `null`: an excluded channel, or a language that is optional
 * or unlisted in a region that lists languages (SPEC §5, Imagicle).
 */
function exclusionOf(c: CompiledPolicy, ticket: Ticket, region: CompiledRegion | undefined, facts: MutableFacts | null): string | null {
  if (ticket.channel != null) {
    const reason = c.excludedChannels.get(ticket.channel);
    if (reason !== undefined) return reason;
  }
  // Issue 11: `exclude cause x`, `exclude product beta`, `exclude beta_feature`, naming the clause.
  if (ticket.cause != null && c.excludedCauses !== null) {
    const reason = c.excludedCauses.get(ticket.cause);
    if (reason !== undefined) return reason;
  }
  if (c.exclusions !== null && facts !== null) {
    const f = factsAt(facts, facts.priority);
    for (const e of c.exclusions) if (e.holds(f)) return e.reason;
  }
  if (region?.primary) {
    const lang = ticket.language;
    if (lang == null) return "no SLA (no language given)";
    if (region.optional.has(lang)) return `no SLA (optional language ${lang})`;
    if (!region.primary.has(lang)) return `no SLA (language ${lang} not supported in region ${region.name})`;
  }
  return null;
}

function goalCell(ctx: Context, t: CompiledTarget, priority: string | null, plan: string | null): GoalCell | undefined {
  // Issue 11: a `goals for …` section whose condition holds and that has a cell comes first.
  if (t.sections !== null && ctx.facts !== null) {
    const f = factsAt(ctx.facts, priority);
    for (const s of t.sections) {
      const cell = s.holds(f) ? s.cells.get(priority)?.get(plan) : undefined;
      if (cell) return cell;
    }
  }
  // A priority or plan the policy does not declare (a hand-built ticket) misses the map.
  return t.cells.get(priority)?.get(plan) ?? findCell(t.ir.goals, priority, plan);
}

/**
 * The calendar a target counts on for the priority that judges it: a `calendar X for …` rule of
 * the target, else the target's own calendar, else a rule of the ticket's region, else the
 * ticket's calendar (issue 11 item 2); then the customer's version of it (item 3).
 */
function targetCalendar(ctx: Context, t: CompiledTarget, priority: string | null): Calendar {
  let cal = t.calendar ?? ctx.calendar;
  if (ctx.facts !== null) {
    const f = factsAt(ctx.facts, priority);
    const rule = t.calendarRules?.find((r) => r.holds(f)) ?? (t.calendar === null ? ctx.region?.calendarRules?.find((r) => r.holds(f)) : undefined);
    if (rule) cal = rule.calendar;
  }
  return customerCalendar(ctx, cal);
}

/**
 * The calendar the ticket counts on for `priority`: a `calendar X for …` rule of its region that
 * holds (issue 11 item 2), else its calendar. An escalation without `calendar for <plan>` counts
 * on it, as a target without a calendar of its own does: "Severity 1 is worked 24x7" holds for
 * its escalations too.
 */
function ticketCalendar(ctx: Context, priority: string | null): Calendar {
  const rules = ctx.region?.calendarRules;
  if (ctx.facts === null || !rules) return ctx.calendar;
  const f = factsAt(ctx.facts, priority);
  const rule = rules.find((r) => r.holds(f));
  return rule ? customerCalendar(ctx, rule.calendar) : ctx.calendar;
}

/** The customer's version of a calendar that takes zone or holidays from the ticket. */
function customerCalendar(ctx: Context, cal: Calendar): Calendar {
  return ctx.c.customerCalendars === null ? cal : ctx.c.customerCalendars.forTicket(cal, ctx.customer);
}

function iso(ms: number, cal: Calendar): string {
  return formatInstant(ms, cal.zone);
}

/**
 * SPEC §2.13: the status of a started clock with a goal whose due is `due` (NaN when paused
 * before reaching it). A stopped clock's due is always known (projected from the stop).
 */
function statusOf(run: ClockRun, due: number, asOf: number, strict: boolean): TargetStatus {
  // `< 1 hour`: the due instant itself is already too late.
  if (run.stop === run.stop) return run.stop < due || (!strict && run.stop === due) ? "met" : "breached";
  if (due === due && (asOf > due || (strict && asOf === due))) return "breached";
  return run.paused ? "paused" : "pending";
}

/**
 * One target: its calendar (the target's own, else the ticket's), its clock walk, the goal cell
 * of the priority in force when it stopped (SPEC §2.11), the due from counted time (SPEC
 * §2.5–2.8) and the status (SPEC §2.9, §2.13). An excluded ticket gets `none` throughout.
 */
function evaluateTarget(ctx: Context, t: CompiledTarget, exclusion: string | null): TargetResult {
  if (exclusion !== null) {
    const cal = targetCalendar(ctx, t, ctx.priority);
    const result: TargetResult = { name: t.ir.name, goal: exclusion, binding: t.ir.binding, startedAt: null, due: null, status: "none" };
    if (ctx.explain) result.trace = { clause: null, calendar: { name: cal.name, zone: cal.zone }, segments: [], pauses: [], countedMinutes: 0 };
    return result;
  }
  const run = walk(ctx, t.masks);
  const cal = targetCalendar(ctx, t, run.priority);
  const cell = goalCell(ctx, t, run.priority, ctx.plan);
  const started = run.start === run.start;
  const budget = cell && started ? goalBudget(cell.goal, cal, run.start) : null;
  let status: TargetStatus;
  let due = NaN;
  const waiting = started || !cell || cell.goal.kind === "none" ? null : notStartedReason(t.ir.clock);
  if (!cell || cell.goal.kind === "none" || waiting !== null) status = "none";
  else if (!started) status = "pending";
  else {
    due = dueFromCounted(budget!.meter, run, budget!.ms);
    status = statusOf(run, due, ctx.asOf, isStrict(cell!.goal));
  }
  // Issue 11.5: a recurring target runs intervals on the same walk (`recurring.ts`).
  const restart = t.ir.clock.restart;
  const rec =
    restart !== undefined && started && cell !== undefined && cell.goal.kind !== "none"
      ? walkRecurring(run, restartInstants(ctx.timeline, restart, run), (from) => goalBudget(cell.goal, cal, from)!, ctx.asOf)
      : null;
  if (rec) ({ status, due } = recurringOutcome(run, rec));
  const result: TargetResult = {
    name: t.ir.name,
    goal: cell ? cell.goal.text : `no goal for ${run.priority ?? "this ticket"}`,
    binding: t.ir.binding,
    startedAt: started ? iso(run.start, cal) : null,
    due: status !== "paused" && Number.isFinite(due) ? iso(due, cal) : null,
    status,
  };
  if (waiting !== null) result.reason = waiting;
  if (run.stop === run.stop) result.stoppedAt = iso(run.stop, cal);
  if (rec) result.recurring = recurringResult(rec, (ms) => iso(ms, cal));
  if (ctx.explain) result.trace = traceOf(ctx, cal, cell, run, budget?.meter ?? cal, status === "paused" ? NaN : due);
  if (rec && result.trace) result.trace.intervals = recurringTrace(rec, (ms) => iso(ms, cal));
  return result;
}

/**
 * The `--explain` trace (SPEC §3): counted segments from the start to the stop, else to the due
 * (so they add up to the goal and show why it is due then, future spans included), else to
 * `asOf` (paused, or no goal).
 */
function traceOf(ctx: Context, cal: Calendar, cell: GoalCell | undefined, run: ClockRun, meter: Meter, due: number): Trace {
  const started = run.start === run.start;
  const end = run.stop === run.stop ? run.stop : Number.isFinite(due) ? due : ctx.asOf;
  const segments = started ? countedSegments(meter, run, end) : [];
  let counted = 0;
  for (const [a, b] of segments) counted += b - a;
  const pauses: Array<[string, string | null]> = [];
  for (let i = 0; i < run.pauses.length; i += 2) {
    const to = run.pauses[i + 1]!;
    pauses.push([iso(run.pauses[i]!, cal), to === to ? iso(to, cal) : null]);
  }
  const trace: Trace = {
    clause: cell ? { file: cell.origin.file, line: cell.origin.line, text: cell.origin.text } : null,
    calendar: { name: cal.name, zone: cal.zone },
    segments: segments.map(([a, b]): [string, string] => [iso(a, cal), iso(b, cal)]),
    pauses,
    countedMinutes: counted / 60_000,
  };
  // Only a clock that reopened says so: the traces of all other targets keep their shape.
  if (run.reopens.length > 0) trace.reopens = reopensOf(run.reopens, cal);
  return trace;
}

/** `ClockRun.reopens` (flat triples) as the trace's objects. */
function reopensOf(flat: readonly number[], cal: Calendar): NonNullable<Trace["reopens"]> {
  const out: NonNullable<Trace["reopens"]> = [];
  for (let i = 0; i < flat.length; i += 3) out.push({ stoppedAt: iso(flat[i]!, cal), resolvedAt: iso(flat[i + 1]!, cal), reopenedAt: iso(flat[i + 2]!, cal) });
  return out;
}

/** When a level's threshold is reached (NaN: not while the clock counts), and in which zone. */
function levelAt(ctx: Context, level: CompiledLevel, run: ClockRun, cal: Calendar, priority: string | null): [number, Calendar] {
  const after = level.after;
  if (after.kind === "business") return [dueFromCounted(cal, run, after.ms), cal];
  if (after.kind === "elapsed") return [dueFromCounted(ELAPSED, run, after.ms), cal];
  if (after.kind === "businessDays") {
    // The close of the Nth business day after the start, as a goal of N business days counts it.
    const budget = goalBudget(after, cal, run.start);
    return [budget ? dueFromCounted(budget.meter, run, budget.ms) : NaN, cal];
  }
  // A share of the target's goal, on the target's clock and calendar (its due with the goal
  // scaled), running until the escalation's own stop rather than the target's.
  const target = level.target!;
  const tcal = targetCalendar(ctx, target, priority);
  const trun = walk(ctx, level.targetMasks!);
  const cell = goalCell(ctx, target, priority, ctx.plan);
  if (!cell || trun.start !== trun.start) return [NaN, tcal];
  const budget = goalBudget(cell.goal, tcal, trun.start, after.percent / 100);
  return [budget ? dueFromCounted(budget.meter, trun, budget.ms) : NaN, tcal];
}

/**
 * The priority that judges a clock: the one in force when it stopped, else at `asOf` (SPEC
 * §2.11; a reprioritize after the stop changes nothing). `null` when the policy has no priorities.
 */
function judgingPriority(ctx: Context, run: ClockRun): string | null {
  return ctx.c.hasPriorities ? run.priority : null;
}

/**
 * SPEC §3 escalations: per matrix, the levels of the priority that judges the escalation's clock
 * (in force when it stopped, else at `asOf`), reached at or before `asOf`, on that clock,
 * excluding paused time; a level reached at or after the clock's stop (`resolve`) is dropped.
 */
function evaluateEscalations(ctx: Context): EscalationResult[] {
  const out: EscalationResult[] = [];
  if (ctx.c.escalations.length === 0) return out;
  /** Instants of `out`, to order levels of several matrices. */
  const times: number[] = [];
  let matrices = 0;
  for (const e of ctx.c.escalations) {
    if (e.plans && (ctx.plan === null || !e.plans.has(ctx.plan))) continue;
    const run = walk(ctx, e.masks);
    if (run.start !== run.start) continue;
    const priority = judgingPriority(ctx, run);
    const levels = e.levels.get(priority ?? "") ?? [];
    if (levels.length === 0) continue;
    matrices++;
    const region = ctx.region;
    const cal =
      e.ir.calendarPlan !== null && region
        ? customerCalendar(ctx, region.planCalendars.get(e.ir.calendarPlan) ?? region.calendar)
        : ticketCalendar(ctx, priority);
    for (const level of levels) {
      const [at, zoneCal] = levelAt(ctx, level, run, cal, priority);
      if (at <= ctx.asOf && !(run.stop <= at)) {
        out.push({ after: level.after.text, to: level.to, at: iso(at, zoneCal) });
        times.push(at);
      }
    }
  }
  if (matrices <= 1) return out;
  return out.map((e, i) => ({ e, t: times[i]! })).sort((a, b) => a.t - b.t).map(({ e }) => e);
}

/**
 * SPEC §3 credit: when a binding target (of those the credits name, or any) is breached and the
 * plan is covered, the credit `ticket-credit.ts` computes for the breached targets the credits
 * name: the row of the priority that judged the first of them (in force when it stopped, else at
 * `asOf`, so a breach reprioritized afterwards earns the rate of the goal it missed), or the row
 * of a `| after | credit |` table its time taken reached, grown per step of lateness under
 * `credit per … late` and bounded by `cap … per target`. `null` for ineligible channels and
 * optional languages.
 */
function creditOf(ctx: Context, ticket: Ticket, targets: readonly TargetResult[]): TicketCreditValue | null {
  const cr = ctx.c.credits;
  if (!cr) return null;
  if (cr.plans && (ctx.plan === null || !cr.plans.has(ctx.plan))) return null;
  if (ticket.channel != null && cr.ineligibleChannels.has(ticket.channel)) return null;
  if (cr.ir.ineligibleOptionalLanguages && ticket.language != null && ctx.region?.optional.has(ticket.language)) return null;
  // Issue 11: `ineligible cause x`, `ineligible phone_escalated`, … (judged on the priority as opened).
  if (cr.ineligibleWhen !== null && ctx.facts !== null) {
    const f = factsAt(ctx.facts, ctx.priority);
    if (cr.ineligibleWhen.some((holds) => holds(f))) return null;
  }
  const ir = cr.ir;
  let breaches: CreditedBreach[] | null = null;
  let row: CreditRow | undefined;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    if (!(t.binding && t.status === "breached" && (cr.targets === null || cr.targets.has(t.name)))) continue;
    if (breaches === null) {
      if (!ir.afterBands) {
        // A priority the policy does not know (a hand-built ticket's) has no row.
        row = cr.rows.get(judgingPriority(ctx, walk(ctx, ctx.c.targets[i]!.masks)) ?? "");
        if (row === undefined) return null;
        if (plainRow(ir)) return plainRowValue(row, t.name);
      }
      breaches = [];
    }
    breaches.push(creditedBreach(t, ctx.asOf, readsInstants(ir)));
    if (!eachTargetGrows(ir)) break;
  }
  return breaches === null ? null : ticketCreditValue(ticketCredit(ir, row, breaches));
}

/**
 * Evaluate a ticket (validated by `parseTicket`) against a policy at `options.asOf`, else the
 * ticket's `asOf`, else now: SPEC §2 rules 1–14 and the result of SPEC §3. Events after `asOf`
 * are ignored. Throws a RangeError only for an `asOf` (option or ticket field) that is not an
 * instant in the supported years.
 */
export function evaluateTicket(policy: PolicyIR, ticket: Ticket, options: EvaluateOptions = NO_OPTIONS): TicketResult {
  const c = compiledPolicy(policy);
  const asOf = resolveAsOf(options.asOf, ticket);
  const openedAtMs = typeof ticket.openedAtMs === "number" ? ticket.openedAtMs : (parseInstant(ticket.openedAt) ?? NaN);
  const opened = c.hasPriorities ? (ticket.priority ?? null) : null;
  const plan = c.hasPlans ? (ticket.plan ?? null) : null;
  const region = ticket.region != null ? c.regions.get(ticket.region) : undefined;
  // SPEC §3 calendar choice: the region's calendar for the plan, else the region's, else the default.
  const chosen = region ? ((plan !== null ? region.planCalendars.get(plan) : undefined) ?? region.calendar) : c.defaultCalendar;
  // Issue 11 inputs, read only by policies that use them.
  // A ticket built by hand (not by parseTicket) has only the JSON fields: read those.
  const facts: MutableFacts | null = c.usesFacts
    ? { priority: opened, plan, cause: ticket.cause ?? null, channel: ticket.channel ?? null, attributes: ticket.attributeValues ?? (ticket.attributes ? new Map(Object.entries(ticket.attributes)) : null) }
    : null;
  // `priority at most P3 for …`: the capped level is in force as opened and after each reprioritize.
  const cap = c.priorityCaps !== null && facts !== null ? capFor(c.priorityCaps, facts) : null;
  const priority = cap ? capped(c.priorityCaps!, cap, opened) : opened;
  if (cap && facts) facts.priority = priority;
  const timeline = buildTimeline(openedAtMs, cap ? cappedEvents(c.priorityCaps!, cap, eventsOf(ticket)) : eventsOf(ticket), asOf);
  const customer =
    c.customerCalendars === null ? null : (ticket.customerCalendar ?? (ticket.customer ? { zone: ticket.customer.zone ?? null, holidays: ticket.customer.holidays ?? [] } : null));
  const calendar = c.customerCalendars === null ? chosen : c.customerCalendars.forTicket(chosen, customer);
  const ctx: Context = { c, timeline, asOf, priority, plan, region, calendar, explain: options.explain === true, walkMasks: [], walkRuns: [], facts, customer };

  const exclusion = exclusionOf(c, ticket, region, facts);
  const targets: TargetResult[] = [];
  for (const t of c.targets) targets.push(evaluateTarget(ctx, t, exclusion));
  return {
    id: ticket.id,
    policy: c.id,
    // The instant the answers hold at, in the ticket's calendar zone: with no asOf given it is
    // the current time, which the result must show to be reproducible.
    asOf: iso(asOf, calendar),
    targets,
    escalations: exclusion === null ? evaluateEscalations(ctx) : [],
    credit: exclusion === null ? creditOf(ctx, ticket, targets) : null,
  };
}
