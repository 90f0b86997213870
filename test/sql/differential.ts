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
  const ir = seedPolicy(policyName);
  const rnd = generator(seed * 7919 + 17);
  const causes = (ir.causes ?? []).map((c) => c.name);
  const excluded = ir.exclusions.causes.map((c) => c.name);
  return variedTickets(policyName, n, seed).map((t) => {
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

/** One ticket's answers, instants as epoch ms, in a shape both sides produce. */
export interface Answers {
  targets: Record<string, { status: string | null; started: number | null; due: number | null; stopped: number | null }>;
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
    for (const t of r.targets) targets[t.name] = { status: t.status, started: ms(t.startedAt), due: ms(t.due), stopped: ms(t.stoppedAt) };
    out.set(json.id, { targets, escalations: r.escalations.map((e) => `${e.to}@${ms(e.at)}`).sort(), credit: r.credit?.percent ?? null });
  }
  return out;
}

/** Rows of the three SQL results, as any runner reads them (BIGINT columns as numbers or bigints). */
export interface SqlRows {
  targets: ReadonlyArray<Record<string, unknown>>;
  escalations: ReadonlyArray<Record<string, unknown>>;
  credits: ReadonlyArray<Record<string, unknown>>;
}

/** Read the three results through a runner's query function (DuckDB or PostgreSQL). */
export async function readSqlRows(rows: (query: string) => Promise<ReadonlyArray<Record<string, unknown>>>): Promise<SqlRows> {
  return {
    targets: await rows("SELECT ticket_id, target, status, started_ms, due_ms, stopped_ms FROM sla_target_results"),
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
    of(r["ticket_id"]).targets[String(r["target"])] = { status: (r["status"] as string | null) ?? null, started: num(r["started_ms"]), due: num(r["due_ms"]), stopped: num(r["stopped_ms"]) };
  }
  for (const r of rows.escalations) of(r["ticket_id"]).escalations.push(`${String(r["role"])}@${num(r["at_ms"])}`);
  for (const r of rows.credits) of(r["ticket_id"]).credit = r["credit_percent"] == null ? null : Number(r["credit_percent"]);
  for (const a of out.values()) a.escalations.sort();
  return out;
}

/** Every disagreement, each with the ticket and both answers, as text (empty: identical). */
export function mismatches(tickets: readonly TicketJson[], expected: Map<string, Answers>, actual: Map<string, Answers>): string[] {
  const out: string[] = [];
  for (const t of tickets) {
    const e = JSON.stringify(expected.get(t.id));
    const a = JSON.stringify(actual.get(t.id));
    if (e !== a) out.push(`ticket ${JSON.stringify(t)}\n  evaluator: ${e}\n  sql:       ${a}`);
  }
  return out;
}

/** Write tickets as NDJSON (the DuckDB runner reads the file). */
export function writeTickets(path: string, tickets: readonly TicketJson[]): void {
  writeFileSync(path, tickets.map((t) => JSON.stringify(t)).join("\n") + "\n");
}
