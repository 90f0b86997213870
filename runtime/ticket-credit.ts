/**
 * The service credit one ticket earns (SPEC §3 `credit`, with issue 12's credits that grow): the
 * one place that computes it, for `sla eval` (`creditOf` in `evaluate.ts`) and for `sla settle`
 * (`settle-credit.ts`), so that the two cannot drift. Design in four lines —
 *   row:   the first breached credited target's: its judging priority's row, or under a `| after | credit |`
 *          table the last row whose time that target took (start to stop, else to `asOf`) exceeds;
 *   parts: that row once; under `credit per started hour late` the row × the steps of lateness (due to stop,
 *          else to `asOf`) of the first breached target, or of each one under `sum per breach`;
 *   total: each part bounded by `cap N% per target`, then added, exact in decimal.js;
 *   carry: the evaluator's `{ percent }` object carries its parts to the settlement in a WeakMap (the JSON keeps its shape);
 *          a plain row's value depends on the row and the target only, so it is made once and shared (no allocation per ticket).
 * Eligibility (plan, channel, language, conditions) is the evaluator's; the period's rules (the
 * highest ticket or the sum, `cap N%` of the fees, claims) are the settlement's.
 */
import type { CreditsIR, SourceRef } from "./ir.js";
import type { TargetResult } from "./io.js";
import { parseInstant } from "./instant.js";
import { creditMode } from "./settle-credit-rules.js";
import { Dec } from "./settle-decimal.js";
import { stepsIn } from "./settle-steps.js";

/** A row of the credits: its percentage as the IR's exact text and the clause that gives it. */
export interface CreditRow {
  readonly creditPercent: string;
  readonly origin: SourceRef;
}

/** A breached target the credits name, with the instants its credit may read (epoch ms, NaN when unknown). */
export interface CreditedBreach {
  readonly name: string;
  readonly startedMs: number;
  readonly dueMs: number;
  /** Its stop, else the evaluation instant (`asOf`, a period's end). */
  readonly endMs: number;
}

/** One part of a ticket's credit: the row for one breached target, grown by its lateness. */
export interface CreditPart {
  readonly target: string;
  /** Steps of lateness counted (`credit per … late`); `null` without that clause. */
  readonly steps: number | null;
  /** The row × the steps, exact text, before `cap … per target`. */
  readonly creditPercent: string;
}

/** How a ticket's credit was reached. */
export interface TicketCreditParts {
  readonly row: CreditRow;
  /** In the order of the policy's targets; one part unless each breached target grows on its own. */
  readonly parts: readonly CreditPart[];
  /** The ticket's credit: the parts, each bounded by `cap … per target`, added; exact text. */
  readonly creditPercent: string;
}

/** The credit of a ticket result (`{ percent }`), as `sla eval` reports it. */
export interface TicketCreditValue {
  readonly percent: number;
}

/** The parts behind each credit object {@link ticketCreditValue} made. */
const partsOf = new WeakMap<TicketCreditValue, TicketCreditParts>();

/** The shared, frozen values of plain rows, by row and first breached target. */
const plainValues = new WeakMap<CreditRow, Map<string, TicketCreditValue>>();

/**
 * Whether the credit reads the targets' instants (start, due, stop): a graded table or steps of
 * lateness. Without them the row alone decides and no instant is parsed (the evaluator's hot path).
 */
export function readsInstants(credits: CreditsIR): boolean {
  return credits.lateStep !== undefined || credits.afterBands !== undefined;
}

/**
 * Whether each breached target the credits name is a part of its own: steps of lateness under
 * `sum per breach` ("a ticket late on two targets earns both"). Otherwise only the first is.
 */
export function eachTargetGrows(credits: CreditsIR): boolean {
  return credits.lateStep !== undefined && creditMode(credits) === "sum";
}

/**
 * The row a priority gets: its own row, else a row for every priority (`null` stands for a
 * ticket without priority too). `compiled.ts` picks it once per priority for the evaluator.
 */
export function priorityRow(credits: CreditsIR, priority: string | null): CreditRow | undefined {
  return credits.rows.find((r) => r.priority === priority) ?? credits.rows.find((r) => r.priority === null);
}

/**
 * Whether the credit is the plain row of the first breach: no graded table, no steps of
 * lateness, no cap per target. Its value then depends on the row and the target only.
 */
export function plainRow(credits: CreditsIR): boolean {
  return credits.lateStep === undefined && credits.afterBands === undefined && credits.capPerTargetPercent === undefined;
}

/** A `| after | credit |` table's row for a time taken: the last one whose time it exceeds (strictly). */
export function gradedRow(bands: NonNullable<CreditsIR["afterBands"]>, takenMs: number): CreditRow | undefined {
  let row: CreditRow | undefined;
  for (const b of bands) if (takenMs > b.afterMs) row = b;
  return row;
}

/** A target result as a {@link CreditedBreach}; its instants parsed only when `timed`. */
export function creditedBreach(t: TargetResult, asOfMs: number, timed: boolean): CreditedBreach {
  if (!timed) return { name: t.name, startedMs: NaN, dueMs: NaN, endMs: NaN };
  const ms = (text: string | null | undefined) => (text == null ? NaN : (parseInstant(text) ?? NaN));
  return { name: t.name, startedMs: ms(t.startedAt), dueMs: ms(t.due), endMs: t.stoppedAt == null ? asOfMs : ms(t.stoppedAt) };
}

/** The row grown by the breach's lateness under `credit per … late`; the row itself without the clause. */
function partOf(credits: CreditsIR, row: CreditRow, b: CreditedBreach): CreditPart {
  const step = credits.lateStep;
  if (!step) return { target: b.name, steps: null, creditPercent: row.creditPercent };
  const lateMs = b.endMs - b.dueMs;
  const steps = stepsIn(Number.isFinite(lateMs) ? lateMs : 0, step);
  return { target: b.name, steps, creditPercent: new Dec(row.creditPercent).times(steps).toFixed() };
}

/**
 * The credit an eligible ticket earns for its breached targets the credits name (in the order of
 * the policy's targets; the first is the one the row is judged on), or `null` when none breached
 * or no row applies. `row` is the row of the priority that judged the first breach (unused under
 * a `| after | credit |` table).
 */
export function ticketCredit(credits: CreditsIR, row: CreditRow | undefined, breaches: readonly CreditedBreach[]): TicketCreditParts | null {
  const first = breaches[0];
  if (first === undefined) return null;
  const applied = credits.afterBands ? gradedRow(credits.afterBands, first.endMs - first.startedMs) : row;
  if (applied === undefined) return null;
  const parts = (eachTargetGrows(credits) ? breaches : [first]).map((b) => partOf(credits, applied, b));
  const cap = credits.capPerTargetPercent;
  if (parts.length === 1 && cap === undefined) return { row: applied, parts, creditPercent: parts[0]!.creditPercent };
  let total = new Dec(0);
  for (const p of parts) total = total.plus(cap !== undefined && new Dec(p.creditPercent).gt(cap) ? cap : p.creditPercent);
  return { row: applied, parts, creditPercent: total.toFixed() };
}

/** The result's `{ percent }` for a ticket's credit (`null` for none), remembering its parts for the settlement. */
export function ticketCreditValue(credit: TicketCreditParts | null): TicketCreditValue | null {
  if (credit === null) return null;
  const value = { percent: Number(credit.creditPercent) };
  partsOf.set(value, credit);
  return value;
}

/**
 * The value of a plain row (see {@link plainRow}) for a breach of `target`: made once per row
 * and target, frozen and shared by every ticket that earns it (the evaluator's hot path).
 */
export function plainRowValue(row: CreditRow, target: string): TicketCreditValue {
  let byTarget = plainValues.get(row);
  if (byTarget === undefined) plainValues.set(row, (byTarget = new Map()));
  let value = byTarget.get(target);
  if (value === undefined) {
    value = Object.freeze({ percent: Number(row.creditPercent) });
    partsOf.set(value, { row, parts: [{ target, steps: null, creditPercent: row.creditPercent }], creditPercent: row.creditPercent });
    byTarget.set(target, value);
  }
  return value;
}

/**
 * The parts behind a ticket result's credit; `null` for no credit. INVARIANT: every non-null
 * `credit` of `evaluateTicket` was made by {@link ticketCreditValue}.
 */
export function ticketCreditParts(value: TicketCreditValue | null): TicketCreditParts | null {
  return value === null ? null : (partsOf.get(value) ?? null);
}
