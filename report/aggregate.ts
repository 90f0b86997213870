/**
 * The counting behind `sla report`: tickets go in one at a time, counters come out.
 *
 * Design: nothing per ticket is kept. Each month of the billing zone holds flat counters indexed
 * by target × (priority × plan) cell × status, the goal clauses of its breaches, the distinct
 * credits its tickets earned with the row behind each (`credit-tally.ts`) and the first few credit
 * ticket ids. Memory is bounded by months × targets × priorities × plans (and the distinct credits,
 * which steps of lateness multiply), whatever the number of tickets.
 *
 * Tickets are evaluated by the runtime at one instant for the whole report; a breached ticket is
 * evaluated once more with `explain` to learn the goal clause behind the breach.
 */
import { evaluateTicket } from "../runtime/evaluate.js";
import { ObjectiveTally } from "../runtime/objectives.js";
import { exclusionOf } from "../runtime/settle-credit.js";
import { creditMode } from "../runtime/settle-credit-rules.js";
import type { InputError, Ticket, TicketResult } from "../runtime/io.js";
import { type Batch, batchLines } from "../runtime/ndjson-lines.js";
import { EMPTY_LINE_ERROR, readTicketText } from "../runtime/ticket-line.js";
import type { PolicyIR, SourceRef } from "../runtime/ir.js";
import { ticketCreditParts } from "../runtime/ticket-credit.js";
import { type BadLine, type Clause, type CreditPeriod, LISTED_BAD_LINES, LISTED_CREDIT_TICKETS, type PeriodReport, type Report, type StatusCounts, type TargetPeriod } from "./model.js";
import { MonthCredit } from "./credit-tally.js";
import { creditPeriod } from "./credits.js";
import { percentText } from "./percent.js";
import { type DateRange, MonthFinder, monthDates, monthLabel, monthsOf } from "./periods.js";

/** Status slots of the counters; `paused` is reported inside `pending` too. */
const STATUS = { met: 0, breached: 1, pending: 2, paused: 3, none: 4 } as const;
const SLOTS = 5;

/** One month's counters. */
interface MonthCounters {
  tickets: number;
  readonly cellTickets: Uint32Array;
  readonly cellBreached: Uint32Array;
  /** `[(target * cells + cell) * SLOTS + status]`. */
  readonly counts: Float64Array;
  /** Per target: clause line and goal → the clause and its breaches. */
  readonly clauses: Array<Map<string, { line: number; text: string; goal: string; breached: number }>>;
  /** The tickets counted for the credit, by the credit each earned and its row. */
  readonly credit: MonthCredit;
  /** The runtime's tally of the policy's objectives over this month; `null` when it has none. */
  readonly objectives: ObjectiveTally | null;
}

/** What the aggregation needs besides the tickets. */
export interface AggregateOptions {
  readonly zone: string;
  readonly range: DateRange;
  /** The instant every ticket is evaluated at (epoch ms). */
  readonly asOfMs: number;
}

const clauseOf = (ref: SourceRef): Clause => ({ line: ref.line, text: ref.text });

/** Streams tickets into per-month counters; {@link ReportAggregator.report} reads them out. */
export class ReportAggregator {
  private readonly months = new Map<number, MonthCounters>();
  private readonly finder: MonthFinder;
  private readonly priorities: ReadonlyMap<string, number>;
  private readonly plans: ReadonlyMap<string, number>;
  private readonly priorityNames: readonly (string | null)[];
  private readonly planNames: readonly (string | null)[];
  private readonly cells: number;
  /** The credits block's rule, `null` without credits. */
  private readonly creditRule: ReturnType<typeof creditMode> | null;
  private lines = 0;
  private outside = 0;
  private bad = 0;
  private readonly badListed: BadLine[] = [];

  constructor(
    private readonly policy: PolicyIR,
    private readonly options: AggregateOptions,
  ) {
    this.finder = new MonthFinder(options.zone, options.range);
    // A policy without priorities (or plans) has one cell on that axis, named `null`.
    this.priorityNames = policy.priorities.length > 0 ? policy.priorities.map((p) => p.name) : [null];
    this.planNames = policy.plans.length > 0 ? policy.plans.map((p) => p.name) : [null];
    this.priorities = new Map(policy.priorities.map((p, i) => [p.name, i]));
    this.plans = new Map(policy.plans.map((p, i) => [p.name, i]));
    this.cells = this.priorityNames.length * this.planNames.length;
    this.creditRule = policy.credits ? creditMode(policy.credits) : null;
    for (const key of monthsOf(options.range)) this.month(key);
  }

  /** Count an input line (valid, bad or blank): the report's `totals.lines`. */
  countLine(): void {
    this.lines++;
  }

  /**
   * Every line of one NDJSON batch: counted, then added as a ticket or as a bad line (a blank line
   * is bad). The one reading loop of `sla report` and the service's report route. Returns the
   * number of lines read.
   */
  addBatch(batch: Batch): number {
    const lines = batchLines(batch);
    for (let i = 0; i < lines.length; i++) {
      const line = batch.firstLine + i;
      const text = lines[i]!;
      this.countLine();
      if (text.trim() === "") {
        this.addBad(line, null, EMPTY_LINE_ERROR);
        continue;
      }
      const parsed = readTicketText(this.policy, text, true);
      if (parsed.ok) this.addTicket(parsed.ticket, line);
      else this.addBad(line, parsed.id, parsed.error);
    }
    return lines.length;
  }

  /** A line that is not a valid ticket: counted, and listed while the list is short. */
  addBad(line: number, id: string | null, error: InputError): void {
    this.bad++;
    if (this.badListed.length < LISTED_BAD_LINES) this.badListed.push({ line, id, field: error.field, message: error.message });
  }

  /** Evaluate a valid ticket and count it in its month; `line` names it if it cannot be evaluated. */
  addTicket(ticket: Ticket, line: number): void {
    const key = this.finder.monthOf(ticket.openedAtMs);
    if (key === null) {
      this.outside++;
      return;
    }
    let result: TicketResult;
    try {
      result = evaluateTicket(this.policy, ticket, { asOf: this.options.asOfMs });
    } catch (e) {
      this.addBad(line, ticket.id, { field: "", message: `cannot evaluate: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    this.count(this.month(key), ticket, result);
  }

  private month(key: number): MonthCounters {
    let m = this.months.get(key);
    if (!m) {
      const targets = this.policy.targets.length;
      m = {
        tickets: 0,
        cellTickets: new Uint32Array(this.cells),
        cellBreached: new Uint32Array(this.cells),
        counts: new Float64Array(targets * this.cells * SLOTS),
        clauses: this.policy.targets.map(() => new Map()),
        credit: new MonthCredit(),
        objectives: (this.policy.objectives ?? []).length > 0 ? new ObjectiveTally(this.policy) : null,
      };
      this.months.set(key, m);
    }
    return m;
  }

  private cellOf(ticket: Ticket): number {
    const p = ticket.priority == null ? 0 : (this.priorities.get(ticket.priority) ?? 0);
    const q = ticket.plan == null ? 0 : (this.plans.get(ticket.plan) ?? 0);
    return p * this.planNames.length + q;
  }

  private count(m: MonthCounters, ticket: Ticket, result: TicketResult): void {
    const cell = this.cellOf(ticket);
    m.tickets++;
    m.cellTickets[cell]!++;
    let bindingBreach = false;
    let anyBreach = false;
    const targets = this.policy.targets;
    for (let i = 0; i < targets.length; i++) {
      // Results list targets in the policy's order; look by name only if that ever changes.
      const same = result.targets[i];
      const r = same?.name === targets[i]!.name ? same : result.targets.find((t) => t.name === targets[i]!.name);
      const status = r?.status ?? "none";
      m.counts[(i * this.cells + cell) * SLOTS + STATUS[status]]!++;
      if (status === "paused") m.counts[(i * this.cells + cell) * SLOTS + STATUS.pending]!++;
      if (status === "breached") {
        anyBreach = true;
        if (r?.binding) bindingBreach = true;
      }
    }
    if (bindingBreach) m.cellBreached[cell]!++;
    if (anyBreach) this.countClauses(m, ticket);
    // The evaluator's credit with its parts (row, steps, caps per target): what `sla settle` reads.
    if (this.countsForCredit(ticket, result)) m.credit.add(ticket.id, ticketCreditParts(result.credit));
    m.objectives?.add(ticket, result);
  }

  /** The goal cell behind each breached target, from a second evaluation with `explain`. */
  private countClauses(m: MonthCounters, ticket: Ticket): void {
    const explained = evaluateTicket(this.policy, ticket, { asOf: this.options.asOfMs, explain: true });
    explained.targets.forEach((t) => {
      const clause = t.trace?.clause;
      const i = this.policy.targets.findIndex((x) => x.name === t.name);
      if (t.status !== "breached" || !clause || i < 0) return;
      // One goal row holds a goal per plan: the row and the goal chosen from it, together.
      const key = `${clause.line}\u0000${t.goal}`;
      const seen = m.clauses[i]!.get(key);
      if (seen) seen.breached++;
      else m.clauses[i]!.set(key, { line: clause.line, text: clause.text, goal: t.goal, breached: 1 });
    });
  }

  /**
   * Whether a ticket counts for the month's credit as `sla settle` counts it: under "the highest
   * percentage", when the evaluator gives it a credit; under the other rules, when it breached a
   * binding target the credits name and no exclusion of the credits applies (a rule by count
   * needs no row).
   */
  private countsForCredit(ticket: Ticket, result: TicketResult): boolean {
    const credits = this.policy.credits;
    if (!credits) return false;
    if (this.creditRule === "highest") return result.credit !== null;
    const breached = result.targets.some((t) => t.binding && t.status === "breached" && (credits.targets.length === 0 || credits.targets.includes(t.name)));
    return breached && exclusionOf(this.policy, credits, ticket) === null;
  }

  /** The report so far: periods in month order, every count and share. */
  report(meta: { file: string; asOf: string; asOfSource: "--at" | "now" }): Report {
    const keys = [...this.months.keys()].sort((a, b) => a - b);
    const periods = keys.map((k) => this.periodReport(k, this.months.get(k)!));
    const overall = this.policy.targets.map((t, i) => {
      const sum = new Float64Array(SLOTS);
      for (const m of this.months.values()) for (let c = 0; c < this.cells; c++) for (let s = 0; s < SLOTS; s++) sum[s]! += m.counts[(i * this.cells + c) * SLOTS + s]!;
      return { name: t.name, ...statusCounts(sum, 0) };
    });
    const credits = this.policy.credits;
    return {
      policy: { id: this.policy.id, title: this.policy.title, file: meta.file },
      asOf: meta.asOf,
      asOfSource: meta.asOfSource,
      zone: this.options.zone,
      range: { from: this.options.range.from, to: this.options.range.to },
      attainment: { decimals: 2, rounding: "down" },
      totals: { lines: this.lines, tickets: periods.reduce((n, p) => n + p.tickets, 0), outsideRange: this.outside, bad: this.bad },
      targets: this.policy.targets.map((t) => ({ name: t.name, title: t.title, binding: t.binding, clause: clauseOf(t.origin) })),
      priorities: this.policy.priorities.map((p) => p.name),
      plans: this.policy.plans.map((p) => p.name),
      objectives: (this.policy.objectives ?? []).map((o) => ({ name: o.name, title: o.title, target: o.target, sharePercent: o.sharePercent, creditPercent: o.creditPercent, clause: clauseOf(o.origin) })),
      credits: credits ? { clause: clauseOf(credits.origin), capPercent: credits.capPercent } : null,
      overall,
      periods,
      badLines: { count: this.bad, listed: [...this.badListed] },
    };
  }

  private periodReport(key: number, m: MonthCounters): PeriodReport {
    const cellName = (c: number) => ({ priority: this.priorityNames[Math.floor(c / this.planNames.length)]!, plan: this.planNames[c % this.planNames.length]! });
    const byPriorityPlan = [];
    for (let c = 0; c < this.cells; c++) {
      if (m.cellTickets[c]! > 0) byPriorityPlan.push({ ...cellName(c), tickets: m.cellTickets[c]!, breached: m.cellBreached[c]! });
    }
    const targets: TargetPeriod[] = this.policy.targets.map((t, i) => {
      const sum = new Float64Array(SLOTS);
      const cells = [];
      for (let c = 0; c < this.cells; c++) {
        const at = (i * this.cells + c) * SLOTS;
        for (let s = 0; s < SLOTS; s++) sum[s]! += m.counts[at + s]!;
        if (m.cellTickets[c]! > 0) cells.push({ ...cellName(c), ...statusCounts(m.counts, at) });
      }
      const breachClauses = [...m.clauses[i]!.values()]
        .sort((a, b) => b.breached - a.breached || a.line - b.line || (a.goal < b.goal ? -1 : a.goal > b.goal ? 1 : 0))
        .map((c) => ({ line: c.line, text: c.text, goal: c.goal, breached: c.breached }));
      return { name: t.name, ...statusCounts(sum, 0), byPriorityPlan: cells, breachClauses };
    });
    const label = monthLabel(key);
    const objectives = (m.objectives?.results() ?? []).map((o) => ({
      name: o.name,
      tickets: o.tickets,
      met: o.met,
      missed: o.missed,
      pending: o.pending,
      attainmentPercent: o.attainmentPercent,
      status: o.status,
      creditPercent: o.creditPercent,
      missedTicketIds: o.missedTickets.slice(0, LISTED_CREDIT_TICKETS),
      reason: o.reason,
    }));
    return { period: label, ...monthDates(key, this.options.range), tickets: m.tickets, byPriorityPlan, targets, credits: this.creditPeriod(label, m), objectives };
  }

  private creditPeriod(label: string, m: MonthCounters): CreditPeriod | null {
    const credits = this.policy.credits;
    if (!credits) return null;
    return creditPeriod(credits, label, m.credit);
  }
}

/** The counts at `counts[at…at+4]` as the report shows them, with the exact attainment. */
function statusCounts(counts: ArrayLike<number>, at: number): StatusCounts {
  const [met, breached, pending, paused, none] = [0, 1, 2, 3, 4].map((s) => counts[at + s]!) as [number, number, number, number, number];
  return { met, breached, pending, paused, none, attainmentPercent: percentText(met, met + breached) };
}
