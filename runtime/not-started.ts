/**
 * A clock that waits for a circumstance (issue 11/12 follow-up): a target whose clock starts only
 * on events the policy declares (`start on priority_conflict_escalated`) owes nothing until one
 * of them happens, unlike a clock that waits for a step of every ticket's life (`start on
 * approve`). Such a target, not started at `asOf`, is reported `none` with a reason instead of
 * `pending`, so it does not read as a running clock (`docs/time-rules.md` §13).
 */
import { EventKindSchema, type ClockIR } from "./ir.js";

const BUILT_IN: ReadonlySet<string> = new Set(EventKindSchema.options);

/**
 * The reason an unstarted target owes nothing yet, or `null` when its clock waits for a built-in
 * event (a lifecycle step: the target stays `pending`). Called only for unstarted targets.
 */
export function notStartedReason(clock: ClockIR): string | null {
  if (clock.start.length === 0 || clock.start.some((e) => BUILT_IN.has(e))) return null;
  return `not started: no ${clock.start.map((e) => `\`${e}\``).join(" or ")} yet`;
}
