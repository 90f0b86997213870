/**
 * The differential test of the SQL target (issue 15): random tickets evaluated by the compiled
 * SQL and by the JavaScript evaluator must agree on every target's start, due, stop and status,
 * the escalations reached and the credit. Shared by the DuckDB test (`differential.test.ts`,
 * part of `npm test`) and the PostgreSQL script (`scripts/test-postgres.sh`).
 *
 * The tickets are `bench/workloads.ts`'s varied tickets, then varied further where that
 * generator is thin: openings moved next to DST changes and holidays, an `asOf` between events
 * (events after it), causes (some excluded), and events at one instant.
 */
import { writeFileSync } from "node:fs";
import { evaluateTicket, parseTicket, parseInstant, type TicketJson } from "../../runtime/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { generator, seedPolicy, variedTickets } from "../../bench/workloads.js";
import { eachTargetGrows } from "../../runtime/ticket-credit.js";
import { compileToSql, type CompiledSql } from "../../sql/compile.js";
import { duckdb } from "../../sql/dialect.js";
import { DuckDbRun } from "../../sql/run-duckdb.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Years the differential compiles: the generator opens tickets in 2019–2032. */
export const DIFFERENTIAL_YEARS = { from: 2018, to: 2034 };

/** Days that stress calendars: EU and US DST changes, Christmas, New Year, Easter Monday 2026, Ramadan-free Gulf weekends. */
function specialDays(year: number): number[] {
  const lastSunday = (month: number) => {
    const d = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, d.getUTCDate() - d.getUTCDay());
  };
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return Date.UTC(year, month, 1 + ((7 - first) % 7) + 7 * (n - 1));
  };
  return [lastSunday(2), lastSunday(9), nthSunday(2, 2), nthSunday(10, 1), Date.UTC(year, 11, 24), Date.UTC(year, 11, 31), Date.UTC(year, 0, 1), Date.UTC(year, 3, 6), Date.UTC(year, 6, 14), Date.UTC(year, 4, 1)];
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");

/** `n` tickets for a seed policy, deterministic in `seed`. */
export function differentialTickets(policyName: string, n: number, seed: number): TicketJson[] {
  return varied(seedPolicy(policyName), variedTickets(policyName, n, seed), seed);
}

/**
 * `n` tickets for any policy (the example agreements and fixtures the seed workloads do not
 * cover), deterministic in `seed`: every priority, plan, region, channel, language, cause, field
 * value and flag of the policy, reprioritizations, pauses and its declared events, then varied
 * like the seed policies' tickets.
 */
export function policyTickets(ir: PolicyIR, n: number, seed: number): TicketJson[] {
  const rnd = generator(seed * 104_729 + 3);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const priorities = ir.priorities.map((p) => p.name);
  const channels = [...ir.channels, ...ir.exclusions.channels.map((c) => c.channel)];
  const causes = [...(ir.causes ?? []).map((c) => c.name), ...ir.exclusions.causes.map((c) => c.name)];
  const types = ["respond", "pause", "resume", "approve", "resolve", ...(priorities.length > 0 ? ["reprioritize", "reprioritize"] : []), ...(ir.events ?? []).map((e) => e.name)];
  const from = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2032, 0, 1) - from;
  const out: TicketJson[] = [];
  for (let i = 0; i < n; i++) {
    const opened = from + Math.floor((rnd() * span) / MINUTE_MS) * MINUTE_MS;
    const events: NonNullable<TicketJson["events"]> = [];
    let t = opened;
    for (let k = Math.floor(rnd() * 6); k > 0; k--) {
      t += Math.floor(rnd() * 3 * 24 * 60) * MINUTE_MS;
      const type = pick(types);
      events.push(type === "reprioritize" ? { at: iso(t), type, priority: pick(priorities) } : { at: iso(t), type });
    }
    const ticket: TicketJson = { id: `${ir.id}-${seed}-${i}`, openedAt: iso(opened), events, asOf: iso(t + Math.floor(rnd() * 10 * 24 * 60) * MINUTE_MS) };
    if (priorities.length > 0) ticket.priority = pick(priorities);
    if (ir.plans.length > 0) ticket.plan = pick(ir.plans).name;
    const region = ir.regions.length > 0 ? pick(ir.regions) : undefined;
    if (region) ticket.region = region.name;
    if (region?.languages) ticket.language = pick([...region.languages.primary, ...region.languages.primary, ...region.languages.optional]);
    if (channels.length > 0 && rnd() < 0.8) ticket.channel = pick(channels);
    if (causes.length > 0 && rnd() < 0.3) ticket.cause = pick(causes);
    const attributes: Record<string, string | boolean> = {};
    for (const f of ir.fields ?? []) if (rnd() < 0.8) attributes[f.name] = pick(f.values).name;
    for (const f of ir.flags ?? []) if (rnd() < 0.7) attributes[f.name] = rnd() < 0.5;
    if (Object.keys(attributes).length > 0) ticket.attributes = attributes;
    out.push(ticket);
  }
  return varied(ir, out, seed);
}

/**
 * The tickets varied where the generators are thin: openings moved next to DST changes and
 * holidays, events minutes apart, an `asOf` among the events, events at one instant, causes.
 */
function varied(ir: PolicyIR, tickets: readonly TicketJson[], seed: number): TicketJson[] {
  const rnd = generator(seed * 7919 + 17);
  const causes = (ir.causes ?? []).map((c) => c.name);
  const excluded = ir.exclusions.causes.map((c) => c.name);
  return tickets.map((t) => {
    const opened = parseInstant(t.openedAt)!;
    const events = (t.events ?? []).map((e) => ({ ...e, atMs: parseInstant(e.at)! }));
    let asOf = parseInstant(t.asOf!)!;
    let shift = 0;
    const r = rnd();
    if (r < 0.3) {
      // Next to a special day of the ticket's year, at a random minute of a 4-day span.
      const year = new Date(opened).getUTCFullYear();
      const days = specialDays(year);
      const day = days[Math.floor(rnd() * days.length)]!;
      shift = day - 2 * DAY_MS + Math.floor(rnd() * 4 * 24 * 60) * MINUTE_MS - opened;
    }
    if (rnd() < 0.3) {
      // Events minutes apart rather than days (the workloads' gaps): met, pending and paused
      // elapsed and business-hour goals, and escalations reached or not.
      const factor = 0.002 + rnd() * 0.1;
      for (const e of events) e.atMs = opened + Math.round(((e.atMs - opened) * factor) / MINUTE_MS) * MINUTE_MS;
      asOf = opened + Math.round(((asOf - opened) * factor) / MINUTE_MS) * MINUTE_MS;
    }
    if (rnd() < 0.25 && events.length > 0) {
      // asOf among the events: the later ones are ignored.
      const last = events[events.length - 1]!.atMs;
      asOf = opened + Math.floor(rnd() * ((last - opened) / MINUTE_MS + 1)) * MINUTE_MS;
    }
    if (rnd() < 0.15 && events.length > 1) {
      // Two events at one instant (ties resolved by rank, then input order).
      events[1]!.atMs = events[0]!.atMs;
    }
    const out: TicketJson = {
      ...t,
      openedAt: iso(opened + shift),
      asOf: iso(asOf + shift),
      events: events.map(({ atMs, ...e }) => ({ ...e, at: iso(atMs + shift) })),
    };
    if (rnd() < 0.15 && (causes.length > 0 || excluded.length > 0)) {
      const pool = [...causes, ...excluded];
      out.cause = pool[Math.floor(rnd() * pool.length)]!;
    }
    return out;
  });
}

/** A recurring target's intervals: how many, the misses, the first missed due and every interval's due. */
export interface RecurringAnswer {
  intervals: number;
  misses: number;
  firstMissed: number | null;
  dues: Array<number | null>;
}

/** One ticket's answers, instants as epoch ms, in a shape both sides produce. */
export interface Answers {
  targets: Record<string, { status: string | null; started: number | null; due: number | null; stopped: number | null; recurring?: RecurringAnswer }>;
  escalations: string[];
  credit: number | null;
}

const ms = (s: string | null | undefined): number | null => (s == null ? null : parseInstant(s));

/** The JavaScript evaluator's answers for tickets (tickets it rejects are left out). */
export function evaluatorAnswers(ir: PolicyIR, tickets: readonly TicketJson[]): Map<string, Answers> {
  const out = new Map<string, Answers>();
  for (const json of tickets) {
    const parsed = parseTicket(json, ir);
    if (!parsed.ok) throw new Error(`generated ticket ${json.id} is invalid: ${parsed.error.field} ${parsed.error.message}`);
    const r = evaluateTicket(ir, parsed.ticket);
    const targets: Answers["targets"] = {};
    for (const t of r.targets) {
      targets[t.name] = { status: t.status, started: ms(t.startedAt), due: ms(t.due), stopped: ms(t.stoppedAt) };
      const rec = t.recurring;
      if (rec) targets[t.name]!.recurring = { intervals: rec.intervals, misses: rec.misses, firstMissed: ms(rec.firstMissed), dues: rec.dues.map(ms) };
    }
    out.set(json.id, { targets, escalations: r.escalations.map((e) => `${e.to}@${ms(e.at)}`).sort(), credit: r.credit?.percent ?? null });
  }
  return out;
}

/** Rows of the three SQL results, as any runner reads them (BIGINT columns as numbers or bigints). */
export interface SqlRows {
  targets: ReadonlyArray<Record<string, unknown>>;
  /** The intervals of recurring targets (`sla_intervals`), empty for a policy without. */
  intervals: ReadonlyArray<Record<string, unknown>>;
  escalations: ReadonlyArray<Record<string, unknown>>;
  credits: ReadonlyArray<Record<string, unknown>>;
}

/** Read the three results (and the intervals of `sql`'s recurring targets) through a runner's query function (DuckDB or PostgreSQL). */
export async function readSqlRows(rows: (query: string) => Promise<ReadonlyArray<Record<string, unknown>>>, sql: CompiledSql): Promise<SqlRows> {
  const recurring = sql.relations.some((r) => r.name === "sla_intervals");
  return {
    targets: await rows("SELECT ticket_id, target, status, started_ms, due_ms, stopped_ms, intervals, misses, first_missed_ms FROM sla_target_results"),
    intervals: recurring
      ? await rows("SELECT tk.ticket_id, t.name AS target, i.idx, i.due_ms FROM sla_intervals i JOIN sla_tk tk ON tk.tkey = i.tkey JOIN sla_targets t ON t.target = i.target")
      : [],
    escalations: await rows("SELECT ticket_id, role, at_ms FROM sla_escalation_results"),
    credits: await rows("SELECT ticket_id, credit_percent FROM sla_credit_results"),
  };
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The SQL side's answers, keyed by ticket id. */
export function sqlAnswers(rows: SqlRows): Map<string, Answers> {
  const out = new Map<string, Answers>();
  const of = (id: unknown): Answers => {
    const key = String(id);
    let a = out.get(key);
    if (!a) out.set(key, (a = { targets: {}, escalations: [], credit: null }));
    return a;
  };
  for (const r of rows.targets) {
    const target: Answers["targets"][string] = { status: (r["status"] as string | null) ?? null, started: num(r["started_ms"]), due: num(r["due_ms"]), stopped: num(r["stopped_ms"]) };
    if (r["intervals"] != null) target.recurring = { intervals: Number(r["intervals"]), misses: Number(r["misses"]), firstMissed: num(r["first_missed_ms"]), dues: [] };
    of(r["ticket_id"]).targets[String(r["target"])] = target;
  }
  const sorted = [...rows.intervals].sort((a, b) => Number(a["idx"]) - Number(b["idx"]));
  for (const r of sorted) of(r["ticket_id"]).targets[String(r["target"])]?.recurring?.dues.push(num(r["due_ms"]));
  for (const r of rows.escalations) of(r["ticket_id"]).escalations.push(`${String(r["role"])}@${num(r["at_ms"])}`);
  for (const r of rows.credits) of(r["ticket_id"]).credit = r["credit_percent"] == null ? null : Number(r["credit_percent"]);
  for (const a of out.values()) a.escalations.sort();
  return out;
}

/** Answers as JSON text with the targets in name order (an engine returns rows in any order). */
function canonical(a: Answers | undefined): string {
  return JSON.stringify(a && { ...a, targets: Object.fromEntries(Object.entries(a.targets).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) });
}

/** Every disagreement, each with the ticket and both answers, as text (empty: identical). */
export function mismatches(tickets: readonly TicketJson[], expected: Map<string, Answers>, actual: Map<string, Answers>): string[] {
  const out: string[] = [];
  for (const t of tickets) {
    const e = canonical(expected.get(t.id));
    const a = canonical(actual.get(t.id));
    if (e !== a) out.push(`ticket ${JSON.stringify(t)}\n  evaluator: ${e}\n  sql:       ${a}`);
  }
  return out;
}

/** Write tickets as NDJSON (the DuckDB runner reads the file). */
export function writeTickets(path: string, tickets: readonly TicketJson[]): void {
  writeFileSync(path, tickets.map((t) => JSON.stringify(t)).join("\n") + "\n");
}

/** A construct the SQL translates, and the policy without it (for {@link constructHits}). */
interface Construct {
  readonly name: string;
  readonly used: (ir: PolicyIR) => boolean;
  readonly without: (ir: PolicyIR) => PolicyIR;
  /** What is compared (default: the whole answers). */
  readonly seen?: (a: Answers | undefined) => unknown;
  /**
   * Whether the evaluator applied the construct to a ticket, for a rule of the evaluator that no
   * edit of the IR takes out (instead of comparing with `without`).
   */
  readonly applied?: (ir: PolicyIR, ticket: TicketJson) => boolean;
}

/** Whether some target of the ticket waits, unstarted, for an event the policy declares (the evaluator gives the reason). */
function waitsForDeclaredEvent(ir: PolicyIR, json: TicketJson): boolean {
  const parsed = parseTicket(json, ir);
  return parsed.ok && evaluateTicket(ir, parsed.ticket).targets.some((t) => t.reason !== undefined);
}

/** Answers without the recurring summaries: what a one-shot target answers too. */
const withoutRecurring = (a: Answers | undefined): unknown =>
  a && { ...a, targets: Object.fromEntries(Object.entries(a.targets).map(([name, { recurring: _, ...t }]) => [name, t])) };

const withCredits = (ir: PolicyIR, change: Partial<NonNullable<PolicyIR["credits"]>>): PolicyIR => ({ ...ir, credits: ir.credits && { ...ir.credits, ...change } });

const mapTargets = (ir: PolicyIR, f: (t: PolicyIR["targets"][number]) => PolicyIR["targets"][number]): PolicyIR => ({ ...ir, targets: ir.targets.map(f) });

type Clock = PolicyIR["targets"][number]["clock"];
const twoRoles = (c: Clock): boolean => [...c.pause, ...c.resume].some((e) => c.start.includes(e) || c.stop.includes(e));
const oneRole = (c: Clock): Clock => {
  const other = (e: string) => !c.start.includes(e) && !c.stop.includes(e);
  return { ...c, pause: c.pause.filter(other), resume: c.resume.filter(other) };
};

/** The constructs of issue 11 the SQL translates, each with its removal. */
const CONSTRUCTS: readonly Construct[] = [
  { name: "priority caps", used: (ir) => (ir.priorityCaps ?? []).length > 0, without: (ir) => ({ ...ir, priorityCaps: undefined }) },
  {
    name: "goal sections",
    used: (ir) => ir.targets.some((t) => t.goals.some((g) => g.when)),
    without: (ir) => mapTargets(ir, (t) => ({ ...t, goals: t.goals.filter((g) => !g.when) })),
  },
  {
    name: "target calendar rules",
    used: (ir) => ir.targets.some((t) => (t.calendarRules ?? []).length > 0),
    without: (ir) => mapTargets(ir, (t) => ({ ...t, calendarRules: undefined })),
  },
  {
    name: "region calendar rules",
    used: (ir) => ir.regions.some((r) => (r.calendarRules ?? []).length > 0),
    without: (ir) => ({ ...ir, regions: ir.regions.map((r) => ({ ...r, calendarRules: undefined })) }),
  },
  {
    name: "support days",
    used: (ir) => ir.targets.some((t) => t.goals.some((g) => g.goal.kind === "supportDays")),
    without: (ir) => mapTargets(ir, (t) => ({ ...t, goals: t.goals.map((g) => (g.goal.kind === "supportDays" ? { ...g, goal: { ...g.goal, kind: "businessDays" as const } } : g)) })),
  },
  {
    name: "declared events in clocks",
    used: (ir) => (ir.events ?? []).length > 0,
    without: (ir) => {
      const declared = new Set((ir.events ?? []).map((e) => e.name));
      const keep = (xs: readonly string[]) => xs.filter((x) => !declared.has(x));
      return mapTargets(ir, (t) => ({ ...t, clock: { ...t.clock, start: keep(t.clock.start), pause: keep(t.clock.pause), resume: keep(t.clock.resume), stop: keep(t.clock.stop) } }));
    },
  },
  {
    name: "exclusions by attribute",
    used: (ir) => (ir.exclusions.attributes ?? []).length > 0,
    without: (ir) => ({ ...ir, exclusions: { ...ir.exclusions, attributes: undefined } }),
  },
  {
    // Without: each event keeps only its start or stop role (the pause or resume role dropped).
    name: "events in two clock roles",
    used: (ir) => [...ir.targets, ...ir.escalations].some((x) => twoRoles(x.clock)),
    without: (ir) => ({ ...mapTargets(ir, (t) => ({ ...t, clock: oneRole(t.clock) })), escalations: ir.escalations.map((e) => ({ ...e, clock: oneRole(e.clock) })) }),
  },
  {
    // Hit: the status or due differs from the one-shot target's (a miss, or a restart moving the due).
    name: "recurring targets",
    used: (ir) => ir.targets.some((t) => t.clock.restart !== undefined),
    without: (ir) => mapTargets(ir, ({ clock: { restart: _, ...clock }, ...t }) => ({ ...t, clock })),
    seen: withoutRecurring,
  },
  {
    name: "escalations at a share of a goal",
    used: (ir) => ir.escalations.some((e) => e.levels.some((l) => l.after.kind === "percent")),
    without: (ir) => ({ ...ir, escalations: ir.escalations.map((e) => ({ ...e, levels: e.levels.filter((l) => l.after.kind !== "percent") })) }),
  },
  {
    // A clock started only by declared events, not started: `none`, where another clock is `pending`.
    name: "clocks waiting for declared events",
    used: (ir) => ir.targets.some((t) => t.clock.start.length > 0 && t.clock.start.every((e) => (ir.events ?? []).some((d) => d.name === e))),
    without: (ir) => ir,
    applied: waitsForDeclaredEvent,
  },
  {
    name: "credit ineligibility by condition",
    used: (ir) => (ir.credits?.ineligibleWhen ?? []).length > 0,
    without: (ir) => ({ ...ir, credits: ir.credits && { ...ir.credits, ineligibleWhen: undefined } }),
  },
  // IR 12's credits that grow (runtime/ticket-credit.ts): hits are tickets whose credit changes.
  {
    // Without the table the policy has no rows: a breach earns nothing.
    name: "credits graded by time taken",
    used: (ir) => ir.credits?.afterBands !== undefined,
    without: (ir) => withCredits(ir, { afterBands: undefined }),
  },
  {
    name: "credit per step of lateness",
    used: (ir) => ir.credits?.lateStep !== undefined,
    without: (ir) => withCredits(ir, { lateStep: undefined }),
  },
  {
    // Under the highest rule only the first breached target grows the row.
    name: "each breached target grows (sum per breach)",
    used: (ir) => ir.credits !== null && eachTargetGrows(ir.credits),
    without: (ir) => withCredits(ir, { mode: "highest" }),
  },
  {
    name: "cap per target",
    used: (ir) => ir.credits?.capPerTargetPercent !== undefined,
    without: (ir) => withCredits(ir, { capPerTargetPercent: undefined }),
  },
  // IR 16. Without `<`: the same goal, met at its due.
  {
    name: "goals met only before their due",
    used: (ir) => ir.targets.some((t) => t.goals.some((g) => "strict" in g.goal && g.goal.strict === true)),
    without: (ir) => mapTargets(ir, (t) => ({ ...t, goals: t.goals.map((g) => ("strict" in g.goal ? { ...g, goal: { ...g.goal, strict: undefined } } : g)) })),
  },
  {
    name: "escalations after business days",
    used: (ir) => ir.escalations.some((e) => e.levels.some((l) => l.after.kind === "businessDays")),
    without: (ir) => ({ ...ir, escalations: ir.escalations.map((e) => ({ ...e, levels: e.levels.filter((l) => l.after.kind !== "businessDays") })) }),
  },
];

/**
 * Per construct the policy uses, how many tickets hit it: those whose evaluator answers change
 * when the construct is taken out of the policy (a generator that never reaches a construct
 * would prove nothing about its translation).
 */
export function constructHits(ir: PolicyIR, tickets: readonly TicketJson[], expected: Map<string, Answers>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of CONSTRUCTS) {
    if (!c.used(ir)) continue;
    if (c.applied) {
      out[c.name] = tickets.filter((t) => c.applied!(ir, t)).length;
      continue;
    }
    const without = evaluatorAnswers(c.without(ir), tickets);
    const seen = c.seen ?? ((a: Answers | undefined) => a);
    out[c.name] = tickets.filter((t) => JSON.stringify(seen(without.get(t.id))) !== JSON.stringify(seen(expected.get(t.id)))).length;
  }
  return out;
}

/**
 * How a wrong rule fails a differential: the mismatches on DuckDB over `tickets` of `ir`'s SQL
 * with relation `name` rewritten by `edit`, which must change it (else the test would prove
 * nothing, and this throws).
 */
export async function editedSqlMismatches(ir: PolicyIR, name: string, edit: (sql: string) => string, tickets: readonly TicketJson[], path: string): Promise<number> {
  const sql = compileToSql(ir, duckdb, DIFFERENTIAL_YEARS);
  const relation = sql.relations.find((r) => r.name === name);
  if (!relation) throw new Error(`no relation \`${name}\``);
  const edited = edit(relation.sql);
  if (edited === relation.sql) throw new Error(`the edit left \`${name}\` unchanged`);
  const broken: CompiledSql = { ...sql, relations: sql.relations.map((r) => (r === relation ? { ...r, sql: edited } : r)) };
  const rows = await duckDbRows(broken, tickets, path);
  return mismatches(tickets, evaluatorAnswers(ir, tickets), sqlAnswers(rows)).length;
}

/** The SQL results for `tickets` on DuckDB (through an NDJSON file at `path`, as `sla eval --engine duckdb` reads them). */
export async function duckDbRows(sql: CompiledSql, tickets: readonly TicketJson[], path: string): Promise<SqlRows> {
  writeTickets(path, tickets);
  const run = await DuckDbRun.open(sql);
  try {
    await run.loadNdjson(path);
    await run.evaluate(sql, null);
    return await readSqlRows((q) => run.rows(q), sql);
  } finally {
    run.close();
  }
}
