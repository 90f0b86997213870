/**
 * Tickets at the boundary instants of a policy's dues, which random tickets (minute steps, days
 * apart) almost never hit: a stop exactly at a target's due, an `asOf` exactly at it, and the
 * same at the instant an escalation level is reached. For the SQL differential of goals met only
 * strictly before their due (`< 1 hour`: a stop or an `asOf` at the due breaches) and of levels
 * after business days (reached at `asOf`, not once stopped at that instant).
 *
 * Design: from a random ticket, every clock is left running (its stop events taken out) and the
 * evaluator gives the instant; the ticket is then cut just before it (later events dropped, so
 * they cannot move it) and given a stop or an `asOf` there. Cutting can change the judging
 * priority, so what was hit is read back from the evaluator's answers ({@link boundaryHits}),
 * not assumed.
 */
import { evaluateTicket, parseInstant, parseTicket, type TicketJson } from "../../runtime/index.js";
import type { TicketResult } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { policyTickets } from "./differential.js";

const HOUR_MS = 3_600_000;
const RUNNING_MS = 120 * 24 * HOUR_MS;

/** The boundary a ticket was made for, in the order {@link boundaryTickets} cycles through them. */
const KINDS = ["stop at due", "asOf at due", "asOf at level", "stop at level"] as const;
type Kind = (typeof KINDS)[number];

/** A boundary ticket and what it was made to hit. */
export interface BoundaryTicket {
  readonly ticket: TicketJson;
  readonly kind: Kind;
  /** The target's name, or the level's `after` text and role title. */
  readonly target?: string;
  readonly level?: { readonly after: string; readonly to: string };
  /** The instant the ticket was cut at (epoch ms). */
  readonly at: number;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");

function evaluated(ir: PolicyIR, json: TicketJson): TicketResult {
  const parsed = parseTicket(json, ir);
  if (!parsed.ok) throw new Error(`boundary ticket ${json.id} is invalid: ${parsed.error.field} ${parsed.error.message}`);
  return evaluateTicket(ir, parsed.ticket);
}

/** Whether a level's `after` text counts business days (`1 business day`, `2 business days`). */
export const countsBusinessDays = (after: string): boolean => /business days?$/.test(after);

/** The ticket's events before `at`, without the types in `drop`. */
function before(t: TicketJson, at: number, drop: ReadonlySet<string>): NonNullable<TicketJson["events"]> {
  return (t.events ?? []).filter((e) => !drop.has(e.type) && parseInstant(e.at)! < at);
}

/** The escalation matrix a reached level belongs to (by its `after` text and role title). */
function matrixOf(ir: PolicyIR, level: { after: string; to: string }): PolicyIR["escalations"][number] | undefined {
  const title = new Map(ir.roles.map((r) => [r.name, r.title ?? r.name]));
  return ir.escalations.find((e) => e.levels.some((l) => l.after.text === level.after && title.get(l.role) === level.to));
}

/**
 * One boundary ticket per random ticket of `base` where its kind applies (cycling through the
 * kinds, and through the targets or the levels after business days reached), ids suffixed `-b`.
 */
export function boundaryTickets(ir: PolicyIR, base: readonly TicketJson[]): BoundaryTicket[] {
  const stops = new Set([...ir.targets, ...ir.escalations].flatMap((x) => x.clock.stop));
  const out: BoundaryTicket[] = [];
  base.forEach((t, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const opened = parseInstant(t.openedAt)!;
    const running = evaluated(ir, { ...t, asOf: iso(opened + RUNNING_MS), events: before(t, Infinity, stops) });
    const id = `${t.id}-b`;
    if (kind === "stop at due" || kind === "asOf at due") {
      const withDue = running.targets.filter((r) => r.due !== null && r.status !== "paused");
      const target = withDue[Math.floor(i / KINDS.length) % Math.max(withDue.length, 1)];
      if (!target) return;
      const at = parseInstant(target.due!)!;
      const stop = ir.targets.find((x) => x.name === target.name)!.clock.stop[0]!;
      const events = before(t, at, stops);
      const ticket = kind === "stop at due" ? { ...t, id, events: [...events, { at: iso(at), type: stop }], asOf: iso(at + HOUR_MS) } : { ...t, id, events, asOf: iso(at) };
      out.push({ ticket, kind, target: target.name, at });
      return;
    }
    const levels = running.escalations.filter((e) => countsBusinessDays(e.after));
    const level = levels[Math.floor(i / KINDS.length) % Math.max(levels.length, 1)];
    if (!level) return;
    const at = parseInstant(level.at)!;
    const events = before(t, at, stops);
    const stop = matrixOf(ir, level)?.clock.stop[0];
    if (kind === "asOf at level") out.push({ ticket: { ...t, id, events, asOf: iso(at) }, kind, level, at });
    else if (stop) out.push({ ticket: { ...t, id, events: [...events, { at: iso(at), type: stop }], asOf: iso(at + HOUR_MS) }, kind, level, at });
  });
  return out;
}

/** A goal's kind as its text reads (`< 2 business hours`, `1 business day`, `< 30 minutes`). */
function goalKind(text: string): string {
  const kind = /business days?$/.test(text) ? "business days" : /business/.test(text) ? "business hours" : "elapsed time";
  return text.startsWith("<") ? `\`<\` ${kind}` : kind;
}

/**
 * How many boundary tickets hit what they were made for, by the evaluator's answers, keyed like
 * `` `<` business days: stopped at the due, breached `` or `level after business days: reached at asOf`.
 */
export function boundaryHits(ir: PolicyIR, tickets: readonly BoundaryTicket[]): Record<string, number> {
  const out: Record<string, number> = {};
  const count = (key: string) => (out[key] = (out[key] ?? 0) + 1);
  for (const b of tickets) {
    const r = evaluated(ir, b.ticket);
    if (b.target !== undefined) {
      const t = r.targets.find((x) => x.name === b.target)!;
      if (t.due === null || parseInstant(t.due) !== b.at) continue;
      const stopped = t.stoppedAt !== undefined && parseInstant(t.stoppedAt) === b.at;
      if (b.kind === "stop at due" && stopped) count(`${goalKind(t.goal)}: stopped at the due, ${t.status}`);
      if (b.kind === "asOf at due" && t.stoppedAt === undefined) count(`${goalKind(t.goal)}: asOf at the due, ${t.status}`);
      continue;
    }
    const reached = r.escalations.some((e) => e.after === b.level!.after && e.to === b.level!.to && parseInstant(e.at) === b.at);
    if (b.kind === "asOf at level" && reached) count("level after business days: reached at asOf");
    if (b.kind === "stop at level" && !reached) {
      // Not reached: because of the stop at that instant (without it, it is reached there).
      const unstopped = evaluated(ir, { ...b.ticket, events: (b.ticket.events ?? []).slice(0, -1), asOf: iso(b.at) });
      if (unstopped.escalations.some((e) => e.after === b.level!.after && e.to === b.level!.to && parseInstant(e.at) === b.at)) count("level after business days: stopped at its instant, not reached");
    }
  }
  return out;
}

/**
 * `n` random tickets for the policy (`policyTickets`, seed `seed`), then a boundary ticket made
 * from each where one applies: what the differentials of goals met only before their due and of
 * levels after business days run (`strict-day-levels-differential.test.ts`, `postgres-differential.ts`).
 */
export function withBoundaries(ir: PolicyIR, n: number, seed: number): { tickets: TicketJson[]; boundary: BoundaryTicket[] } {
  const base = policyTickets(ir, n, seed);
  const boundary = boundaryTickets(ir, base);
  return { tickets: [...base, ...boundary.map((b) => b.ticket)], boundary };
}
