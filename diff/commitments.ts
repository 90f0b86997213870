/**
 * Availability commitments and objectives (issue 12.3–12.4), matched by name: a higher commitment
 * or share, more credit in a band, a longer maintenance notice or a smaller allowance binds the
 * provider harder (stricter); a change of what is measured is mixed. Calendars (measured over,
 * the maintenance window) are compared by their open hours over the horizon, never by name.
 */
import type { AvailabilityIR, CalendarIR, ObjectiveIR, PolicyIR, SourceRef } from "../runtime/ir.js";
import { creditEffect, creditWords, pct, windowEffect, windowWords } from "./availability-credit.js";
import { compareCalendars, NO_DAY_GOALS } from "./calendars.js";
import { change, effectOf, plansEffect, setEffect, showValue } from "./cite.js";
import type { Horizon } from "./horizon.js";
import type { Change, ChangeKind, Effect } from "./model.js";

/** One compared term: its words, both values, the effect of the change, and the clauses to cite when the block has them. */
type Term = [what: string, was: unknown, now: unknown, effect: Effect, clauses?: [SourceRef | undefined, SourceRef | undefined]];

/** Blocks of one kind matched by name: each added, removed or changed one gives its changes. */
function byName<T extends { name: string; origin: SourceRef }>(kind: ChangeKind, a: readonly T[], b: readonly T[], terms: (x: T, y: T) => Term[], more: (x: T, y: T) => Change[] = () => []): Change[] {
  const out: Change[] = [];
  const after = new Map(b.map((x) => [x.name, x]));
  for (const x of a) {
    const y = after.get(x.name);
    if (!y) {
      out.push(change(kind, x.name, `${kind} removed`, "looser", x.origin, null));
      continue;
    }
    for (const [what, was, now, effect, clauses] of terms(x, y)) {
      if (JSON.stringify(was) !== JSON.stringify(now)) out.push(change(kind, x.name, `${what}: ${showValue(was)} → ${showValue(now)}`, effect, clauses?.[0] ?? x.origin, clauses?.[1] ?? y.origin));
    }
    out.push(...more(x, y));
  }
  const before = new Set(a.map((x) => x.name));
  for (const y of b) if (!before.has(y.name)) out.push(change(kind, y.name, `${kind} added`, "stricter", null, y.origin));
  return out;
}

/** A length as the policy would write it (`48 hours`, `90 minutes`); `null` when absent. */
export function lengthWords(ms: number): string;
export function lengthWords(ms: number | null | undefined): string | null;
export function lengthWords(ms: number | null | undefined): string | null {
  if (ms == null) return null;
  const [n, unit] = ms % 3_600_000 === 0 ? [ms / 3_600_000, "hour"] : [ms / 60_000, "minute"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/**
 * The terms of two versions of an availability block, calendars left to {@link availabilityCalendars}
 * (only whether each is elapsed time or a calendar is a term here). The settlement periods of
 * both versions say where a commitment's own window changes which periods are judged.
 */
function availabilityTerms(a: PolicyIR, b: PolicyIR): (x: AvailabilityIR, y: AvailabilityIR) => Term[] {
  return (x, y) => blockTerms(x, y, windowEffect(x, a.period, y, b.period));
}

/** The terms of one block's two versions; `judged` is the effect of its window, read with the policies' periods. */
function blockTerms(x: AvailabilityIR, y: AvailabilityIR, judged: Effect): Term[] {
  const never = (ms: number | null | undefined) => (ms == null ? 0 : ms);
  const unlimited = (ms: number | null | undefined) => (ms == null ? Infinity : ms);
  // Bands keep their words; a multiple of the downtime's fee or a credit per step on either side is the credit "when missed".
  const banded = (v: AvailabilityIR) => v.downtimeFeeMultiple === undefined && v.stepCredit === undefined;
  const creditTerm = banded(x) && banded(y) ? "credit bands" : "credit when missed";
  const firstBand = (bands: AvailabilityIR["bands"], other: AvailabilityIR["bands"]) => bands.find((b, i) => JSON.stringify([b.belowPercent, b.creditPercent, b.termDays]) !== JSON.stringify([other[i]?.belowPercent, other[i]?.creditPercent, other[i]?.termDays]))?.origin;
  const excuse: [SourceRef | undefined, SourceRef | undefined] = [x.excuse?.origin, y.excuse?.origin];
  // `commit 99.9% per quarter starting Jan 1` states both the commitment and its window.
  const commit: [SourceRef | undefined, SourceRef | undefined] = [x.commitOrigin, y.commitOrigin];
  const creditClause = (v: AvailabilityIR, other: AvailabilityIR) => v.stepCredit?.origin ?? v.downtimeFeeMultipleOrigin ?? firstBand(v.bands, other.bands);
  return [
    ["commitment", `${x.commitPercent}%`, `${y.commitPercent}%`, effectOf(pct(x.commitPercent), pct(y.commitPercent), true), commit],
    ["judged in", windowWords(x), windowWords(y), judged, commit],
    [creditTerm, creditWords(x), creditWords(y), creditEffect(x, y), [creditClause(x, y), creditClause(y, x)]],
    ["measured over", x.over.kind === "elapsed" ? "elapsed time" : "a calendar's open time", y.over.kind === "elapsed" ? "elapsed time" : "a calendar's open time", "mixed"],
    ["components", x.components, y.components, "mixed"],
    ["maintenance excused", x.excuse !== null, y.excuse !== null, y.excuse ? "looser" : "stricter", excuse],
    ["maintenance notice", lengthWords(x.excuse?.announcedAheadMs), lengthWords(y.excuse?.announcedAheadMs), effectOf(never(x.excuse?.announcedAheadMs), never(y.excuse?.announcedAheadMs), true), excuse],
    ["maintenance allowance per period", lengthWords(x.excuse?.capMs), lengthWords(y.excuse?.capMs), effectOf(unlimited(x.excuse?.capMs), unlimited(y.excuse?.capMs), false), excuse],
    ["maintenance excused per outage", lengthWords(x.excuse?.eachMs), lengthWords(y.excuse?.eachMs), effectOf(unlimited(x.excuse?.eachMs), unlimited(y.excuse?.eachMs), false), excuse],
    // Only whether there is a window: its hours are compared by content in availabilityCalendars.
    ["maintenance excused", windowText(x), windowText(y), y.excuse?.within !== undefined ? "stricter" : "looser", excuse],
    ["excused causes", [...(x.excusedCauses ?? [])].sort(), [...(y.excusedCauses ?? [])].sort(), setEffect(x.excusedCauses ?? [], y.excusedCauses ?? [], "looser")],
    ["plans it is settled for", x.plans ? [...x.plans].sort() : "every plan", y.plans ? [...y.plans].sort() : "every plan", plansEffect(x.plans, y.plans)],
    ["shown decimals", x.decimals, y.decimals, "neutral"],
  ];
}

/** Where maintenance is excused, without the window calendar's name (renaming it changes nothing). */
function windowText(v: AvailabilityIR): string | null {
  return v.excuse === null ? null : v.excuse.within === undefined ? "at any time" : "only within a calendar's open hours";
}

/**
 * The calendars of an availability block, by open hours over the horizon: the one availability is
 * measured over (more or fewer measured hours move both sides of the ratio: mixed), and the
 * maintenance window (more open time excuses more: looser). Same hours under another name: nothing.
 */
function availabilityCalendars(a: PolicyIR, b: PolicyIR, h: Horizon): (x: AvailabilityIR, y: AvailabilityIR) => Change[] {
  const calendar = (p: PolicyIR, name: string | undefined): CalendarIR | undefined => (name === undefined ? undefined : p.calendars.find((c) => c.name === name));
  return (x, y) => {
    const out: Change[] = [];
    const over = (v: AvailabilityIR) => (v.over.kind === "calendar" ? v.over.calendar : undefined);
    const measured = [calendar(a, over(x)), calendar(b, over(y))] as const;
    if (measured[0] && measured[1]) {
      const c = compareCalendars(measured[0], measured[1], x.name, h, NO_DAY_GOALS);
      if (c) out.push({ ...c, kind: "availability", summary: `measured over a calendar whose open hours change: ${c.summary}`, effect: "mixed" });
    }
    const window = [calendar(a, x.excuse?.within), calendar(b, y.excuse?.within)] as const;
    if (window[0] && window[1]) {
      const c = compareCalendars(window[0], window[1], x.name, h, NO_DAY_GOALS);
      // More window time excuses more maintenance: the calendar's own reading, mirrored.
      const mirrored: Record<Effect, Effect> = { stricter: "looser", looser: "stricter", mixed: "mixed", neutral: "neutral", unknown: "unknown" };
      if (c) out.push({ ...c, kind: "availability", summary: `maintenance window's open hours change: ${c.summary}`, effect: mirrored[c.effect] });
    }
    return out;
  };
}

function objectiveTerms(x: ObjectiveIR, y: ObjectiveIR): Term[] {
  return [
    ["share", `${x.sharePercent}%`, `${y.sharePercent}%`, effectOf(pct(x.sharePercent), pct(y.sharePercent), true)],
    ["target", x.target, y.target, "mixed"],
    ["tickets", x.when, y.when, "mixed"],
    ["credit when missed", x.creditPercent === null ? null : `${x.creditPercent}%`, y.creditPercent === null ? null : `${y.creditPercent}%`, effectOf(pct(x.creditPercent), pct(y.creditPercent), true)],
    ["shown decimals", x.decimals, y.decimals, "neutral"],
  ];
}

/** Changes to the availability commitments and objectives of two versions, calendars over the horizon. */
export function diffCommitments(a: PolicyIR, b: PolicyIR, h: Horizon): Change[] {
  return [
    ...byName<AvailabilityIR>("availability", a.availability ?? [], b.availability ?? [], availabilityTerms(a, b), availabilityCalendars(a, b, h)),
    ...byName<ObjectiveIR>("objective", a.objectives ?? [], b.objectives ?? [], objectiveTerms),
  ];
}
