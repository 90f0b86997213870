/**
 * Durations and goals (SPEC §2.5–2.9): units checked against where they are used and against
 * the calendars a goal will be counted on.
 */
import type { CalendarIR, Goal } from "../runtime/ir.js";
import type * as A from "./ast.js";
import type { CheckContext } from "./context.js";

const MS: Record<A.UnitName, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: NaN,
};

/** How the policy wrote a cell, whitespace folded: the `goal` text of results. */
export function cellText(ctx: CheckContext, cell: { span: { start: number; end: number } }): string {
  return ctx.file.text.slice(cell.span.start, cell.span.end).replace(/\s+/g, " ").trim();
}

/** A goal from a table cell, or null (with a diagnostic) when the cell is not a goal. */
export function goalFromCell(ctx: CheckContext, cell: A.Cell, calendars: readonly CalendarIR[]): Goal | null {
  const text = cellText(ctx, cell);
  switch (cell.kind) {
    case "nextBusinessDay":
      return checkBusinessOn(ctx, cell, calendars, "day") ? { kind: "businessDays", days: 1, text } : null;
    case "sameBusinessDay":
      return checkBusinessOn(ctx, cell, calendars, "day") ? { kind: "sameBusinessDay", text } : null;
    case "bestEffort":
    case "none":
      return { kind: "none", text: cell.kind === "none" ? "no SLA" : text };
    case "duration":
      return goalFromDuration(ctx, cell, calendars, text);
    case "under": {
      // `< 1 hour`: the same goal, met only strictly before its due; `< 0 minutes` could never be met.
      if (cell.duration.amount === 0) {
        ctx.diagnostics.error("SLA306", cell.span, `\`${text}\` is not a goal: it can never be met`, { help: "write `0 minutes`, or a positive duration after `<`" });
        return null;
      }
      const goal = goalFromDuration(ctx, cell.duration, calendars, text);
      return goal && (goal.kind === "business" || goal.kind === "elapsed" || goal.kind === "businessDays") ? { ...goal, strict: true } : goal;
    }
    case "supportDays":
      if (!Number.isInteger(cell.amount) || cell.amount < 1) {
        ctx.diagnostics.error("SLA304", cell.span, "support days are counted in whole days", { help: "write a whole number of support days (`1 support day`), or business hours" });
        return null;
      }
      return { kind: "supportDays", days: cell.amount, text };
    default:
      ctx.diagnostics.error("SLA306", cell.span, `\`${text}\` is not a goal`, {
        help: "a goal is a duration (`4 business hours`, `48 hours`, `3 business days`), `next business day`, `same business day` or `best effort`",
      });
      return null;
  }
}

function goalFromDuration(ctx: CheckContext, d: A.Duration, calendars: readonly CalendarIR[], text: string): Goal | null {
  if (d.unit === "month") {
    ctx.diagnostics.error("SLA304", d.span, "a goal cannot be counted in months", {
      help: "months have no fixed length: write days or weeks (`30 days`), or business days",
    });
    return null;
  }
  if (d.business) {
    if (d.unit === "week") {
      ctx.diagnostics.error("SLA304", d.span, "`business weeks` is not a unit", { help: "write business days (`5 business days`)" });
      return null;
    }
    if (d.unit === "day") return wholeBusinessDays(ctx, d) && checkBusinessOn(ctx, d, calendars, "day") ? { kind: "businessDays", days: d.amount, text } : null;
    return checkBusinessOn(ctx, d, calendars, "time") ? { kind: "business", ms: d.amount * MS[d.unit], text } : null;
  }
  return { kind: "elapsed", ms: d.amount * MS[d.unit], text };
}

/** Business days are whole days, at least one. */
function wholeBusinessDays(ctx: CheckContext, d: A.Duration): boolean {
  if (Number.isInteger(d.amount) && d.amount >= 1) return true;
  ctx.diagnostics.error("SLA304", d.span, "business days are counted in whole days", { help: "write a whole number of business days, or business hours" });
  return false;
}

/**
 * An escalation after `N business days`: N, checked as a goal's business days are, and with a
 * calendar to count them on (SLA207, as for business time).
 */
export function businessDaysOf(ctx: CheckContext, d: A.Duration, calendars: readonly CalendarIR[]): number | null {
  if (!wholeBusinessDays(ctx, d)) return null;
  if (calendars.length === 0) {
    ctx.diagnostics.error("SLA207", d.span, `no calendar counts \`${cellText(ctx, d)}\``, {
      help: "business days need business hours: declare a calendar (or regions with calendars), or write elapsed time (`2 days`)",
    });
    return null;
  }
  return checkBusinessOn(ctx, d, calendars, "day") ? d.amount : null;
}

/**
 * How a calendar is open, for unit checks: a calendar open during others is 24x7 when one of its
 * members is, and days-only when all of them are.
 */
function openKind(cal: CalendarIR): CalendarIR["kind"] {
  if (cal.kind !== "union") return cal.kind;
  const members = cal.members ?? [];
  if (members.some((m) => m.kind === "always")) return "always";
  return members.length > 0 && members.every((m) => m.kind === "days") ? "days" : "hours";
}

/** A business goal on a 24x7 calendar, or business hours on a days-only one, is a unit mistake. */
function checkBusinessOn(ctx: CheckContext, cell: A.Cell, calendars: readonly CalendarIR[], what: "day" | "time"): boolean {
  for (const cal of calendars) {
    const kind = openKind(cal);
    if (kind === "always") {
      ctx.diagnostics.error("SLA304", cell.span, `business goal on the 24x7 calendar \`${cal.name}\`${cal.kind === "union" ? " (open during a 24x7 calendar)" : ""}`, {
        help: "a 24x7 calendar is always open: write elapsed time (`2 hours`, `1 day`) instead",
      });
      return false;
    }
    if (kind === "days" && what === "time") {
      ctx.diagnostics.error("SLA304", cell.span, `business hours on the days-only calendar \`${cal.name}\`${cal.kind === "union" ? " (open during days-only calendars)" : ""}`, {
        help: "a days-only calendar has no hours: write business days (`3 business days`) or give the calendar hours",
      });
      return false;
    }
  }
  return true;
}

/** An escalation threshold or allowance: a plain duration in milliseconds. */
export function durationMs(ctx: CheckContext, d: A.Duration, calendars: readonly CalendarIR[]): { kind: "business" | "elapsed"; ms: number } | null {
  if (d.unit === "month" || (d.business && (d.unit === "day" || d.unit === "week"))) {
    ctx.diagnostics.error("SLA304", d.span, `\`${cellText(ctx, d)}\` cannot be used here`, {
      help: d.business ? "write business hours or minutes here (an escalation may wait `2 business days`)" : "months have no fixed length: write days or weeks",
    });
    return null;
  }
  if (d.business && calendars.length === 0) {
    // No region and no default calendar: the runtime would count it on 24×7 UTC, elapsed time in disguise.
    ctx.diagnostics.error("SLA207", d.span, `no calendar counts \`${cellText(ctx, d)}\``, {
      help: "business time needs business hours: declare a calendar (or regions with calendars), or write elapsed time (`2 hours`)",
    });
    return null;
  }
  if (d.business && !checkBusinessOn(ctx, d, calendars, "time")) return null;
  return { kind: d.business ? "business" : "elapsed", ms: d.amount * MS[d.unit] };
}

/** Duration of a goal on its own scale, for percentage escalations. */
export function goalSpanMs(goal: Goal): number | null {
  return goal.kind === "business" || goal.kind === "elapsed" ? goal.ms : null;
}
