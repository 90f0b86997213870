/**
 * Reopening a solved request (Jama: "Customers can reopen a solved request within seven (7) days
 * if it relates to the original issue"): `reopen within 7 days` in a target. The window is
 * elapsed time counted from the ticket's last `resolve`; the runtime's clock walk does the rest
 * (`runtime/clock.ts`). `reopen` is a ticket event read by this clause only.
 */
import type { ClockIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import type { CheckContext } from "./context.js";
import { durationMs } from "./durations.js";

/**
 * SLA103 for `reopen` named in a clock rule: a reopening is bounded by its window, which only
 * `reopen within` states, so `start on reopen` would count reopenings the contract refuses.
 */
export function refuseReopenEvent(ctx: CheckContext, rules: readonly A.ClockRule[]): void {
  for (const r of rules) {
    for (const e of r.events) {
      if (e.declared || e.value !== "reopen") continue;
      ctx.diagnostics.error("SLA103", e.span, `\`reopen\` is read only by \`reopen within\`, not by \`${r.rule} on\``, {
        help: "write `reopen within 7 days` in the target: a reopening within that window runs the stopped clock again",
      });
    }
  }
}

/**
 * The target's clock with its reopening window (`reopenWithinMs`), checked: one clause per
 * target (SLA103), elapsed time of more than nothing (SLA304), not on a recurring target, whose
 * intervals end at its stop (SLA401).
 */
export function withReopen(ctx: CheckContext, t: A.TargetDecl, clock: ClockIR): ClockIR {
  const [first, ...extra] = t.reopens;
  for (const r of extra) ctx.diagnostics.error("SLA103", r.span, "a second `reopen within` rule", { help: "a target has one reopening window: keep one" });
  if (!first?.window) return clock;
  const ms = windowMs(ctx, first.window);
  if (ms === null) return clock;
  if (clock.restart) {
    ctx.diagnostics.error("SLA401", first.span, "a recurring target does not reopen: its intervals end at its stop", {
      help: "remove `reopen within …`, or write the reopened work as a one-shot target",
    });
    return clock;
  }
  return { ...clock, reopenWithinMs: ms };
}

/** The window in ms: elapsed minutes to weeks, more than none. */
function windowMs(ctx: CheckContext, d: A.Duration): number | null {
  if (d.business) {
    ctx.diagnostics.error("SLA304", d.span, "a reopening window is elapsed time", { help: `write \`${d.amountText} ${d.unit}s\`: a solved request may be reopened on any day` });
    return null;
  }
  const ms = durationMs(ctx, d, []);
  if (ms === null) return null;
  if (!(ms.ms >= 1) || !Number.isSafeInteger(ms.ms)) {
    ctx.diagnostics.error("SLA304", d.span, "a reopening window of no time reopens nothing", { help: "write the window the contract gives, e.g. `7 days`" });
    return null;
  }
  return ms.ms;
}
