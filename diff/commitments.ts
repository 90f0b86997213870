/**
 * Availability commitments and objectives (issue 12.3–12.4), matched by name: a higher commitment
 * or share, more credit in a band, a longer maintenance notice or a smaller allowance binds the
 * provider harder (stricter); a block added or removed, or a change of what is measured, is mixed.
 */
import type { AvailabilityIR, ObjectiveIR, PolicyIR, SourceRef } from "../runtime/ir.js";
import { change, combine, effectOf, showValue } from "./cite.js";
import type { Change, ChangeKind, Effect } from "./model.js";

/** A percentage text as a number for ordering (at most 6 decimals: the double orders as the decimal). */
const pct = (text: string | null | undefined): number => (text == null ? 0 : Number(text));

/** One compared term: its words, both values, the effect of the change, and the clauses to cite when the block has them. */
type Term = [what: string, was: unknown, now: unknown, effect: Effect, clauses?: [SourceRef | undefined, SourceRef | undefined]];

/** Blocks of one kind matched by name: each added, removed or changed one gives its changes. */
function byName<T extends { name: string; origin: SourceRef }>(kind: ChangeKind, a: readonly T[], b: readonly T[], terms: (x: T, y: T) => Term[]): Change[] {
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
  }
  const before = new Set(a.map((x) => x.name));
  for (const y of b) if (!before.has(y.name)) out.push(change(kind, y.name, `${kind} added`, "stricter", null, y.origin));
  return out;
}

/** The credit a band table gives at each threshold either version names (more credit is stricter). */
function bandsEffect(x: AvailabilityIR["bands"], y: AvailabilityIR["bands"]): Effect {
  const creditAt = (bands: AvailabilityIR["bands"], availability: number) => pct([...bands].reverse().find((b) => availability < pct(b.belowPercent))?.creditPercent);
  // Probe just below each threshold: that is where a band starts to apply.
  const probes = [...x, ...y].map((b) => pct(b.belowPercent) - 1e-7);
  return combine(probes.map((p) => effectOf(creditAt(x, p), creditAt(y, p), true)));
}

/** A length as the policy would write it (`48 hours`, `90 minutes`); `none` when absent. */
function length(ms: number | null | undefined): string | null {
  if (ms == null) return null;
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} hours` : `${ms / 60_000} minutes`;
}

function availabilityTerms(x: AvailabilityIR, y: AvailabilityIR): Term[] {
  const never = (ms: number | null | undefined) => (ms == null ? 0 : ms);
  const unlimited = (ms: number | null | undefined) => (ms == null ? Infinity : ms);
  const band = (bands: AvailabilityIR["bands"]) => bands.map((b) => `below ${b.belowPercent}% ${b.creditPercent}%`);
  const firstBand = (bands: AvailabilityIR["bands"], other: AvailabilityIR["bands"]) => bands.find((b, i) => JSON.stringify([b.belowPercent, b.creditPercent]) !== JSON.stringify([other[i]?.belowPercent, other[i]?.creditPercent]))?.origin;
  const excuse: [SourceRef | undefined, SourceRef | undefined] = [x.excuse?.origin, y.excuse?.origin];
  return [
    ["commitment", `${x.commitPercent}%`, `${y.commitPercent}%`, effectOf(pct(x.commitPercent), pct(y.commitPercent), true)],
    ["credit bands", band(x.bands), band(y.bands), bandsEffect(x.bands, y.bands), [firstBand(x.bands, y.bands), firstBand(y.bands, x.bands)]],
    ["measured over", x.over.kind === "elapsed" ? "elapsed time" : `calendar ${x.over.calendar}`, y.over.kind === "elapsed" ? "elapsed time" : `calendar ${y.over.calendar}`, "mixed"],
    ["components", x.components, y.components, "mixed"],
    ["maintenance excused", x.excuse !== null, y.excuse !== null, y.excuse ? "looser" : "stricter", excuse],
    ["maintenance notice", length(x.excuse?.announcedAheadMs), length(y.excuse?.announcedAheadMs), effectOf(never(x.excuse?.announcedAheadMs), never(y.excuse?.announcedAheadMs), true), excuse],
    ["maintenance allowance per period", length(x.excuse?.capMs), length(y.excuse?.capMs), effectOf(unlimited(x.excuse?.capMs), unlimited(y.excuse?.capMs), false), excuse],
    ["shown decimals", x.decimals, y.decimals, "neutral"],
  ];
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

/** Changes to the availability commitments and objectives of two versions. */
export function diffCommitments(a: PolicyIR, b: PolicyIR): Change[] {
  return [
    ...byName<AvailabilityIR>("availability", a.availability ?? [], b.availability ?? [], availabilityTerms),
    ...byName<ObjectiveIR>("objective", a.objectives ?? [], b.objectives ?? [], objectiveTerms),
  ];
}
