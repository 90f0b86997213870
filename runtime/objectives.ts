/**
 * Objectives over a share of tickets (issue 12.4): "95 % of Critical tickets resolved within
 * 2 hours, each month" — counts, attainment and met/missed for one period.
 *
 * Design: a pure tally over ticket results the caller already has (the settlement evaluates the
 * period's tickets as of its end; `sla report` streams its own), so nothing here evaluates a
 * ticket. {@link ObjectiveTally} takes one ticket at a time in O(objectives) with no retained
 * tickets but the missed ids; attainment is decided on integer counts with BigInt arithmetic.
 */
import { shareBelow, shareText } from "./availability.js";
import type { Ticket, TicketResult } from "./io.js";
import type { ObjectiveIR, PolicyIR } from "./ir.js";
import { predicateOf, type Predicate, type TicketFacts } from "./ticket-attributes.js";

/** One objective over one period. */
export interface ObjectiveResult {
  readonly name: string;
  readonly title: string | null;
  readonly target: string;
  readonly sharePercent: string;
  /** Tickets meeting the objective's condition to which the target applies. */
  readonly tickets: number;
  /** Of those: met, breached (missed), and not decided at the period's end (pending or paused). */
  readonly met: number;
  readonly missed: number;
  readonly pending: number;
  /** met / (met + missed) × 100, truncated to the objective's decimals; `null` when none was decided. */
  readonly attainmentPercent: string | null;
  /** `met` when no ticket was decided. */
  readonly status: "met" | "missed";
  /** The credit owed for the period (`"0"` when met or when the objective carries none). */
  readonly creditPercent: string;
  /** The breached tickets, in input order. */
  readonly missedTickets: readonly string[];
  readonly reason: string;
}

/** The priority a ticket ends with: its last reprioritization, else the one it opened with. */
function finalPriority(ticket: Ticket): string | null {
  let priority = ticket.priority ?? null;
  for (const e of ticket.events) if (e.type === "reprioritize" && e.priority != null) priority = e.priority;
  return priority;
}

function factsOf(ticket: Ticket): TicketFacts {
  return { priority: finalPriority(ticket), plan: ticket.plan ?? null, cause: ticket.cause ?? null, channel: ticket.channel ?? null, attributes: ticket.attributeValues ?? null };
}

interface Counter {
  readonly ir: ObjectiveIR;
  readonly when: Predicate | null;
  met: number;
  missed: number;
  pending: number;
  readonly missedTickets: string[];
}

/**
 * Counts each objective of a policy over tickets added one at a time. A ticket counts for an
 * objective when it meets the objective's condition and its result has the objective's target
 * with a status other than `none` (no goal applies).
 */
export class ObjectiveTally {
  private readonly counters: Counter[];

  constructor(policy: PolicyIR) {
    this.counters = (policy.objectives ?? []).map((ir) => ({ ir, when: ir.when.length > 0 ? predicateOf(ir.when) : null, met: 0, missed: 0, pending: 0, missedTickets: [] }));
  }

  /** Count one ticket and its result (evaluated as of the period's end). */
  add(ticket: Ticket, result: TicketResult): void {
    if (this.counters.length === 0) return;
    const facts = factsOf(ticket);
    for (const c of this.counters) {
      if (c.when !== null && !c.when(facts)) continue;
      const status = result.targets.find((t) => t.name === c.ir.target)?.status;
      if (status === "met") c.met++;
      else if (status === "breached") {
        c.missed++;
        c.missedTickets.push(result.id);
      } else if (status === "pending" || status === "paused") c.pending++;
    }
  }

  /** Each objective's standing over the tickets added so far, in the policy's order. */
  results(): ObjectiveResult[] {
    return this.counters.map(resultOf);
  }
}

function resultOf(c: Counter): ObjectiveResult {
  const decided = c.met + c.missed;
  const missed = decided > 0 && shareBelow(c.met, decided, c.ir.sharePercent);
  const attainmentPercent = decided > 0 ? shareText(c.met, decided, c.ir.decimals) : null;
  const counts = `${c.met} of ${decided} decided tickets met ${c.ir.target}${c.pending > 0 ? ` (${c.pending} still open)` : ""}`;
  const verdict =
    decided === 0
      ? "no ticket was decided: the objective is not missed"
      : `${attainmentPercent}% ${missed ? "is below" : "reaches"} the objective of ${c.ir.sharePercent}%`;
  const credit = missed && c.ir.creditPercent !== null ? c.ir.creditPercent : "0";
  return {
    name: c.ir.name,
    title: c.ir.title,
    target: c.ir.target,
    sharePercent: c.ir.sharePercent,
    tickets: decided + c.pending,
    met: c.met,
    missed: c.missed,
    pending: c.pending,
    attainmentPercent,
    status: missed ? "missed" : "met",
    creditPercent: credit,
    missedTickets: [...c.missedTickets],
    reason: [counts, verdict, ...(credit !== "0" ? [`${credit}% of the period's fees`] : [])].join("; "),
  };
}

/**
 * Each objective of `policy` over one period's tickets and their results (evaluated as of the
 * period's end). Pure: the same tickets give the same answer, in any number of calls.
 */
export function evaluateObjectives(policy: PolicyIR, entries: Iterable<{ readonly ticket: Ticket; readonly result: TicketResult }>): ObjectiveResult[] {
  const tally = new ObjectiveTally(policy);
  for (const { ticket, result } of entries) tally.add(ticket, result);
  return tally.results();
}
