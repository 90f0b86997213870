/**
 * The semantic diff of two compiled policies: every comparison module in turn, then counts.
 * Pure: IR in, report out; reading files and git revisions is the CLI's business.
 */
import type { PolicyIR } from "../runtime/ir.js";
import { billingZoneChanges } from "./calendar-use.js";
import { diffCalendars, sameOpenTime } from "./calendars.js";
import { diffAxes, diffExclusions, diffLanguages } from "./coverage.js";
import { diffCommitments } from "./commitments.js";
import { diffCredits } from "./credits.js";
import { diffObligations, diffWorks } from "./declarations.js";
import { diffEscalations } from "./escalations.js";
import { diffFees, diffPeriod } from "./fees.js";
import { diffTargets } from "./goals.js";
import { diffPriorityCaps } from "./priority-caps.js";
import { type Horizon, isoUtc } from "./horizon.js";
import type { Change, DiffReport } from "./model.js";
import { structuralChanges } from "./structural.js";
import { sameUnionMeaning } from "./union-members.js";

/** Where each version came from, for the report's header. */
export interface DiffSources {
  readonly oldFile: string;
  readonly newFile: string;
}

/**
 * The changes in meaning from `a` to `b` over the horizon, in a stable order: each specific
 * comparison, then whatever differs in the IR that none of them models (`other`, effect `unknown`).
 */
export function semanticChanges(a: PolicyIR, b: PolicyIR, h: Horizon): Change[] {
  const specific = specificChanges(a, b, h);
  return [...specific, ...structuralChanges(a, b, specific, (x, y) => sameUnionMeaning(x, y, h, sameOpenTime))];
}

/** The changes the comparisons that understand a construct find. */
function specificChanges(a: PolicyIR, b: PolicyIR, h: Horizon): Change[] {
  return [
    ...diffAxes(a, b),
    ...diffTargets(a, b, h),
    ...diffCalendars(a, b, h),
    ...diffEscalations(a, b, h),
    ...diffExclusions(a, b),
    ...diffPriorityCaps(a, b),
    ...diffLanguages(a, b),
    ...diffCredits(a, b),
    ...billingZoneChanges(a, b),
    ...diffCommitments(a, b, h),
    ...diffFees(a, b),
    ...diffWorks(a, b),
    ...diffPeriod(a, b),
    ...diffObligations(a, b),
  ];
}

/** The report of a diff, without impact or assertion (the CLI adds them when asked). */
export function diffPolicies(a: PolicyIR, b: PolicyIR, h: Horizon, sources: DiffSources): DiffReport {
  const changes = semanticChanges(a, b, h);
  const counts = { stricter: 0, looser: 0, neutral: 0, mixed: 0, unknown: 0 };
  for (const c of changes) counts[c.effect]++;
  return {
    old: { file: sources.oldFile, policy: a.id },
    new: { file: sources.newFile, policy: b.id },
    horizon: { from: isoUtc(h.from), to: isoUtc(h.to) },
    same: changes.length === 0,
    changes,
    counts,
    impact: null,
    assertion: null,
  };
}
