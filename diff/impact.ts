/**
 * Impact of a change on real tickets (`--tickets`): each NDJSON line is evaluated under both
 * versions and the results compared target by target. Streams: memory holds the totals and the
 * first `listLimit` changed tickets, whatever the input size.
 */
import { evaluateTicket, type EvaluateOptions } from "../runtime/evaluate.js";
import { parseInstant } from "../runtime/instant.js";
import { parseTicket, type TicketResult } from "../runtime/io.js";
import type { PolicyIR } from "../runtime/ir.js";
import { isoUtc } from "./horizon.js";
import type { Impact, TicketImpact } from "./model.js";

/** How one ticket moves; each flag counts once per ticket in the totals. */
export interface TicketDelta {
  readonly changes: string[];
  readonly dueEarlier: boolean;
  readonly dueLater: boolean;
  readonly nowBreached: boolean;
  readonly noLongerBreached: boolean;
  readonly statusChanged: boolean;
  readonly escalationsChanged: boolean;
  readonly creditChanged: boolean;
}

const at = (iso: string | null) => (iso === null ? null : parseInstant(iso));

function sameEscalations(a: TicketResult, b: TicketResult): boolean {
  const x = a.escalations;
  const y = b.escalations;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i]!.to !== y[i]!.to || (x[i]!.at !== y[i]!.at && parseInstant(x[i]!.at) !== parseInstant(y[i]!.at))) return false;
  }
  return true;
}

function escalationsText(r: TicketResult): string {
  return r.escalations.map((e) => `${e.to} at ${e.at}`).join(", ") || "none";
}

/** What differs between two results of one ticket (empty `changes`: nothing). */
export function compareResults(a: TicketResult, b: TicketResult): TicketDelta {
  const changes: string[] = [];
  let dueEarlier = false;
  let dueLater = false;
  let nowBreached = false;
  let noLongerBreached = false;
  let statusChanged = false;
  for (let i = 0; i < a.targets.length; i++) {
    const ta = a.targets[i]!;
    // Targets are usually in the same order: look by name only when they are not.
    const same = b.targets[i];
    const tb = same?.name === ta.name ? same : b.targets.find((t) => t.name === ta.name);
    if (!tb) continue;
    // Texts first (cheap); the same instant may be written in another zone.
    const da = ta.due === tb.due ? null : at(ta.due);
    const db = ta.due === tb.due ? null : at(tb.due);
    if (da !== db) {
      // A due that appears is earlier than none; one that disappears is later.
      const earlier = db !== null && (da === null || db < da);
      if (earlier) dueEarlier = true;
      else dueLater = true;
      changes.push(`${ta.name} due ${ta.due ?? "none"} → ${tb.due ?? "none"} (${earlier ? "earlier" : "later"})`);
    }
    if (ta.status !== tb.status) {
      statusChanged = true;
      if (tb.status === "breached") nowBreached = true;
      if (ta.status === "breached") noLongerBreached = true;
      changes.push(`${ta.name} ${ta.status} → ${tb.status}`);
    }
  }
  // Compared field by field first: building texts for every ticket would cost more than evaluating it.
  const escalationsChanged = !sameEscalations(a, b);
  if (escalationsChanged) changes.push(`escalations ${escalationsText(a)} → ${escalationsText(b)}`);
  const creditChanged = (a.credit?.percent ?? null) !== (b.credit?.percent ?? null);
  if (creditChanged) changes.push(`credit ${a.credit ? `${a.credit.percent}%` : "none"} → ${b.credit ? `${b.credit.percent}%` : "none"}`);
  return { changes, dueEarlier, dueLater, nowBreached, noLongerBreached, statusChanged, escalationsChanged, creditChanged };
}

/**
 * What `parseTicket` checks a ticket against: the axes' values and the region languages. When
 * both versions agree on them, a ticket valid under one is valid, and parsed the same, under the
 * other: it is parsed once (parsing costs more than evaluating).
 */
function ticketVocabulary(p: PolicyIR): string {
  const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).sort();
  return JSON.stringify([names(p.priorities), names(p.plans), [...p.channels].sort(), p.regions.map((r) => [r.name, r.languages]).sort()]);
}

/** Evaluate one NDJSON line under both versions: the delta, or `null` for a line either rejects. */
export function ticketDelta(a: PolicyIR, b: PolicyIR, text: string, options: EvaluateOptions, sameVocabulary = false): { id: string; delta: TicketDelta } | null {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return null;
  }
  const pa = parseTicket(input, a);
  const pb = sameVocabulary ? pa : parseTicket(input, b);
  if (!pa.ok || !pb.ok) return null;
  return { id: pa.ticket.id, delta: compareResults(evaluateTicket(a, pa.ticket, options), evaluateTicket(b, pb.ticket, options)) };
}

/** Changed tickets listed in a report; the totals count all of them. */
export const LIST_LIMIT = 1000;

/**
 * The impact of `a` → `b` on every line of `batches` (blank lines are skipped, not counted).
 * Lines come in batches (one per chunk read): a promise per line would cost more than the
 * evaluations.
 */
export async function impactOf(
  a: PolicyIR,
  b: PolicyIR,
  batches: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
  asOf: number | null,
  listLimit = LIST_LIMIT,
): Promise<Impact> {
  const options: EvaluateOptions = asOf === null ? {} : { asOf };
  const totals = { dueEarlier: 0, dueLater: 0, nowBreached: 0, noLongerBreached: 0, statusChanged: 0, escalationsChanged: 0, creditChanged: 0 };
  const list: TicketImpact[] = [];
  const invalidLines: number[] = [];
  let tickets = 0;
  let changed = 0;
  let invalid = 0;
  let line = 0;
  const sameVocabulary = ticketVocabulary(a) === ticketVocabulary(b);
  for await (const lines of batches) for (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    tickets++;
    const r = ticketDelta(a, b, text, options, sameVocabulary);
    if (!r) {
      invalid++;
      if (invalidLines.length < listLimit) invalidLines.push(line);
      continue;
    }
    const d = r.delta;
    if (d.changes.length === 0) continue;
    changed++;
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) if (d[k]) totals[k]++;
    if (list.length < listLimit) list.push({ line, id: r.id, changes: d.changes });
  }
  return { at: asOf === null ? null : isoUtc(asOf), tickets, changed, invalid, invalidLines, totals, list, listLimit };
}
