/**
 * A month's tickets that count towards the service credit, as `sla report` keeps them. Design in
 * four lines —
 *   read:  each ticket's credit is the evaluator's own (`ticketCreditParts`, `runtime/ticket-credit.ts`, what `sla settle` reads):
 *          the row that gave it (a priority's row or a `| after | credit |` row), each credited target's steps and row × steps;
 *   keep:  one entry per distinct credit (row and parts) with its ticket count, never one per ticket;
 *   show:  the entries grouped by the ticket's credit and its row's clause (`byRow`);
 *   rule:  the entries expanded into the counted tickets `sla settle` gives the runtime's rule (sum, amount, threshold).
 * Nothing here decides a credit: the row, the steps and the caps per target are the runtime's.
 */
import type { SourceRef } from "../runtime/ir.js";
import type { CountedTicket } from "../runtime/settle-credit-rules.js";
import type { CreditRow, TicketCreditParts } from "../runtime/ticket-credit.js";
import { LISTED_CREDIT_TICKETS } from "./model.js";

/** The tickets of a month that earn one credit under one row. */
export interface RowCount {
  /** The credit each of these tickets earns (as `sla eval` reports it), exact text; `null` for counted tickets without a row (rules by count). */
  readonly percent: string | null;
  readonly tickets: number;
  /** The clause of the row that gave it; `null` with `percent`. */
  readonly origin: SourceRef | null;
}

/** One distinct credit and how many of the month's tickets earned it. */
interface Entry {
  tickets: number;
  readonly credit: TicketCreditParts | null;
  /** The ticket as the runtime's rule counts it, shared by every ticket of the entry (the rule reads, never writes). */
  readonly counted: CountedTicket;
}

/** What distinguishes two credits under the same row: each part's target, steps and row × steps. */
function partsKey(credit: TicketCreditParts): string {
  let key = "";
  for (const p of credit.parts) key += `${p.target}\u0000${p.steps ?? ""}\u0000${p.creditPercent}\u0001`;
  return key;
}

/**
 * A credit as `sla settle` counts it (`countedTickets` in `runtime/settle-credit.ts`): the row's
 * percentage and clause, and the parts under steps of lateness. The id is not read by the rules'
 * outcome the report shows.
 */
function countedOf(credit: TicketCreditParts | null): CountedTicket {
  if (credit === null) return { id: "", creditPercent: null, row: null };
  const targets = credit.parts.map((p) => ({ name: p.target, steps: p.steps ?? 0, creditPercent: p.creditPercent }));
  return { id: "", creditPercent: credit.row.creditPercent, row: credit.row.origin, targets };
}

/** The credit counters of one month of a report. */
export class MonthCredit {
  /** Row (`null`: no row) → parts key → entry. */
  private readonly entries = new Map<CreditRow | null, Map<string, Entry>>();
  /** Tickets counted, with or without a row. */
  tickets = 0;
  /** The first ticket ids counted, in input order. */
  readonly ids: string[] = [];

  /** Count a ticket with its credit's parts (`null`: it counts for the rule but no row gives it a credit). */
  add(id: string, credit: TicketCreditParts | null): void {
    const row = credit?.row ?? null;
    let byParts = this.entries.get(row);
    if (byParts === undefined) this.entries.set(row, (byParts = new Map()));
    const key = credit === null ? "" : partsKey(credit);
    const seen = byParts.get(key);
    if (seen) seen.tickets++;
    else byParts.set(key, { tickets: 1, credit, counted: countedOf(credit) });
    this.tickets++;
    if (this.ids.length < LISTED_CREDIT_TICKETS) this.ids.push(id);
  }

  /** Tickets per credit earned and row: a row's tickets that earned different credits (steps, caps) are apart. */
  rows(): RowCount[] {
    const out: RowCount[] = [];
    for (const [row, byParts] of this.entries) {
      const byPercent = new Map<string | null, number>();
      for (const e of byParts.values()) {
        const percent = e.credit?.creditPercent ?? null;
        byPercent.set(percent, (byPercent.get(percent) ?? 0) + e.tickets);
      }
      for (const [percent, tickets] of byPercent) out.push({ percent, tickets, origin: row?.origin ?? null });
    }
    return out;
  }

  /**
   * Every counted ticket as the runtime's rule takes it, built for one call and never kept (the
   * rules by count read how many there are).
   */
  counted(): CountedTicket[] {
    const out: CountedTicket[] = [];
    for (const byParts of this.entries.values()) for (const e of byParts.values()) for (let i = 0; i < e.tickets; i++) out.push(e.counted);
    return out;
  }
}
