/**
 * Service credits: the percent per plan × priority (or by the time a breach took) and the block's
 * terms. More credit is stricter.
 */
import type { CreditsIR, PolicyIR, SettlementPeriodIR, SourceRef } from "../runtime/ir.js";
import { stepWords } from "../runtime/settle-steps.js";
import { claimWithinEffect } from "./claim-within.js";
import { afterGrade, afterWords, firstAfterRow, type Grade, gradedEffect } from "./credit-graded.js";
import { lateStepEffect } from "./credit-steps.js";
import { cell, change, combine, effectOf, plansEffect, setEffect, sharedAxis, showValue } from "./cite.js";
import { conditionSet } from "./coverage.js";
import type { Change, Effect } from "./model.js";
import { creditCap, creditPercent } from "./money.js";

/** What a breached ticket of one plan and priority earns: a grade by the time it took, its words, the clause. */
interface CellCredit {
  readonly grade: Grade;
  readonly text: string;
  readonly origin: SourceRef;
}

/**
 * The credit a breached ticket of `plan` and `priority` earns, or `null`: its row's percent
 * whatever the time, or the `| after | credit |` table (the same for every priority).
 */
function creditFor(c: CreditsIR | null, other: CreditsIR | null, plan: string | null, priority: string | null): CellCredit | null {
  if (!c || (c.plans && (plan === null || !c.plans.includes(plan)))) return null;
  const graded = afterGrade(c);
  if (graded) return { grade: graded, text: `by the time taken: ${afterWords(c)}`, origin: firstAfterRow(c, other) ?? c.origin };
  const row = c.rows.find((r) => r.priority === priority) ?? c.rows.find((r) => r.priority === null);
  return row ? { grade: [{ afterMs: -1, percent: creditPercent(row) }], text: `${creditPercent(row)}%`, origin: row.origin } : null;
}

/** Credits: the percent per plan × priority, and the block's terms. More credit is stricter. */
export function diffCredits(a: PolicyIR, b: PolicyIR): Change[] {
  const ca = a.credits;
  const cb = b.credits;
  const groups = new Map<string, { cells: string[]; make: (s: string) => Change }>();
  for (const plan of sharedAxis(a.plans, b.plans)) {
    for (const priority of sharedAxis(a.priorities, b.priorities)) {
      const was = creditFor(ca, cb, plan, priority);
      const now = creditFor(cb, ca, plan, priority);
      const gradeKey = (x: CellCredit | null) => JSON.stringify(x?.grade ?? []);
      if (gradeKey(was) === gradeKey(now)) continue;
      const key = `${gradeKey(was)}|${gradeKey(now)}|${was?.origin.line}|${now?.origin.line}`;
      const where = cell(priority, plan) || "every ticket";
      const g = groups.get(key);
      if (g) g.cells.push(where);
      else {
        const text = (x: typeof was) => x?.text ?? "no credit";
        groups.set(key, { cells: [where], make: (s) => change("credits", s, `credit ${text(was)} → ${text(now)}`, gradedEffect(was?.grade ?? [], now?.grade ?? []), was?.origin ?? ca?.origin, now?.origin ?? cb?.origin) });
      }
    }
  }
  const out = [...groups.values()].map((g) => g.make(`credit · ${g.cells.join(", ")}`));
  if (!ca || !cb) return out;
  const term = creditTerm(ca, cb, out);
  const months = (x: number | null) => (x === null ? Infinity : x);
  term("claim deadline (months after the period)", ca.claimMonthsAfter, cb.claimMonthsAfter, effectOf(months(ca.claimMonthsAfter), months(cb.claimMonthsAfter), true), "claimMonthsAfterOrigin");
  term("claim subject", ca.claimSubject, cb.claimSubject, "neutral", "claimSubjectOrigin");
  // Needing a claim where none was needed is looser (less is owed unclaimed); beside a deadline or a subject, which already need one, it changes nothing.
  const claimOtherwise = asksForClaim({ ...ca, claimRequired: undefined }) || asksForClaim({ ...cb, claimRequired: undefined });
  term("claim required (no deadline)", ca.claimRequired === true, cb.claimRequired === true, claimOtherwise ? "neutral" : cb.claimRequired === true ? "looser" : "stricter", "claimRequiredOrigin");
  const cap = (x: number | null) => (x === null ? Infinity : x);
  const capText = (x: number | null) => (x === null ? null : `${x}% of the fees`);
  term("cap", capText(creditCap(ca)), capText(creditCap(cb)), effectOf(cap(creditCap(ca)), cap(creditCap(cb)), true), "capPercentOrigin");
  // `cap 15 days of term`: more days is stricter for the provider, as a higher cap is; none is no bound.
  const days = (c: CreditsIR) => c.capTermDays ?? Infinity;
  term("cap in days of the Term", ca.capTermDays !== undefined ? `${ca.capTermDays} days` : null, cb.capTermDays !== undefined ? `${cb.capTermDays} days` : null, effectOf(days(ca), days(cb), true), "capTermDaysOrigin");
  const chA = new Set(ca.ineligibleChannels);
  const chB = new Set(cb.ineligibleChannels);
  term("ineligible channels", [...chA].sort(), [...chB].sort(), setEffect([...chA], [...chB], "looser"), "ineligibleChannelsOrigin");
  term("optional languages ineligible", ca.ineligibleOptionalLanguages, cb.ineligibleOptionalLanguages, cb.ineligibleOptionalLanguages ? "looser" : "stricter", "ineligibleOptionalLanguagesOrigin");
  term("targets that earn a credit", [...ca.targets].sort(), [...cb.targets].sort(), "mixed", "targetsOrigin");
  term("zone", ca.zone, cb.zone, "neutral", "zoneOrigin");
  out.push(...creditRuleChanges(ca, cb, [a.period, b.period]));
  return out;
}

/** The credits fields that cite their own clause (IR 14–15): `<field>Origin` beside the field (one clause, not a list). */
type ClauseOriginKey = { [K in keyof CreditsIR]-?: K extends `${string}Origin` ? (CreditsIR[K] extends SourceRef | undefined ? K : never) : never }[keyof CreditsIR];

/**
 * A term of the two credits blocks, pushed to `out` when its values differ. It cites each
 * version's clause: the `<field>Origin` named, or explicit refs where a value carries its own
 * `origin`; a version without the clause (it was added or removed) cites its block's header.
 */
function creditTerm(ca: CreditsIR, cb: CreditsIR, out: Change[]) {
  return (what: string, x: unknown, y: unknown, effect: Effect, clause?: ClauseOriginKey | readonly [SourceRef | undefined, SourceRef | undefined]): void => {
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    const [refA, refB] = typeof clause === "string" ? [ca[clause], cb[clause]] : (clause ?? [undefined, undefined]);
    out.push(change("credits", "credits", `${what}: ${showValue(x)} → ${showValue(y)}`, effect, refA ?? ca.origin, refB ?? cb.origin));
  };
}

/** Whether a block asks for a claim at all: a deadline (months or days), a subject, or `claim required`. */
function asksForClaim(c: CreditsIR): boolean {
  return c.claimMonthsAfter !== null || c.claimDaysAfter != null || c.claimSubject !== null || c.claimRequired === true;
}

/** `sum` adds each breach's row, `highest` takes one: summing never owes less. */
const MODE_RANK: Record<string, number> = { highest: 0, sum: 1 };

/** The credit the thresholds give for `count` breaches: the highest row whose `above` holds. */
function thresholdCredit(c: CreditsIR, count: number): number {
  return Math.max(0, ...(c.thresholds ?? []).filter((t) => count > t.aboveBreaches).map((t) => Number(t.creditPercent)));
}

/**
 * Issue 12's credit rules: how breaches add up, the amount per breach, thresholds on the count,
 * claims within days (read with the settlement periods of both versions), and tickets ineligible
 * by attribute. More credit, later claims and fewer ineligible tickets bind the provider harder.
 */
function creditRuleChanges(ca: CreditsIR, cb: CreditsIR, periods: readonly [SettlementPeriodIR | null | undefined, SettlementPeriodIR | null | undefined]): Change[] {
  const out: Change[] = [];
  const term = creditTerm(ca, cb, out);
  // Which plans earn credits at all: rows are compared per plan above, but availability,
  // objectives and amounts per breach read the plans too.
  const plans = (c: CreditsIR) => (c.plans ? [...c.plans].sort() : null);
  const pa0 = plans(ca);
  const pb0 = plans(cb);
  term("plans that earn credits", pa0 ?? "every plan", pb0 ?? "every plan", plansEffect(pa0, pb0), "plansOrigin");
  const ma = ca.mode ?? "highest";
  const mb = cb.mode ?? "highest";
  const ranked = MODE_RANK[ma] !== undefined && MODE_RANK[mb] !== undefined;
  term("breaches add up as", ma, mb, ranked ? effectOf(MODE_RANK[ma]!, MODE_RANK[mb]!, true) : "mixed", "modeOrigin");
  const pa = ca.amountPerBreach;
  const pb = cb.amountPerBreach;
  const perBreach = (x: typeof pa) => (x ? `${x.amount} ${x.currency}` : null);
  term("amount per breach", perBreach(pa), perBreach(pb), pa && pb && pa.currency === pb.currency ? effectOf(Number(pa.amount), Number(pb.amount), true) : "mixed", [pa?.origin, pb?.origin]);
  // Thresholds: the credit at each count where either version's table steps; a higher threshold gives less.
  const counts = [...new Set([...(ca.thresholds ?? []), ...(cb.thresholds ?? [])].map((t) => t.aboveBreaches + 1))].sort((x, y) => x - y);
  const table = (c: CreditsIR) => (c.thresholds ?? []).map((t) => `above ${t.aboveBreaches} breaches ${t.creditPercent}%`);
  term("thresholds", table(ca), table(cb), combine(counts.map((n) => effectOf(thresholdCredit(ca, n), thresholdCredit(cb, n), true))), [ca.thresholds?.[0]?.origin, cb.thresholds?.[0]?.origin]);
  const da = ca.claimDaysAfter;
  const db = cb.claimDaysAfter;
  const within = (x: typeof da) => (x ? `${x.days} days after ${x.after === "period" ? "the period" : `each ${x.after}`}` : null);
  term("claim within", within(da), within(db), claimWithinEffect(da ?? undefined, db ?? undefined, periods), "claimDaysAfterOrigin");
  // `credit per started hour late`: a breach's row per step of its lateness (`credit-steps.ts`).
  const late = (c: CreditsIR) => (c.lateStep ? `per ${stepWords(c.lateStep)} late, per target` : "once per breach");
  term("each breach earns its row", late(ca), late(cb), lateStepEffect(ca.lateStep, cb.lateStep), "lateStepOrigin");
  // `cap 100% per target`: each target's credits bounded on their own; none is no bound.
  const perTarget = (c: CreditsIR) => (c.capPerTargetPercent === undefined ? Infinity : Number(c.capPerTargetPercent));
  const perTargetText = (c: CreditsIR) => (c.capPerTargetPercent === undefined ? null : `${c.capPerTargetPercent}% of the fees`);
  term("cap per target", perTargetText(ca), perTargetText(cb), effectOf(perTarget(ca), perTarget(cb), true), "capPerTargetOrigin");
  // `no claim for enterprise`: those plans' periods owe their credit with no claim, so a plan
  // added is owed credit a missing or late claim would have lost (stricter); where neither
  // version asks for a claim it waives nothing.
  const waived = (c: CreditsIR) => [...(c.noClaimPlans ?? [])].sort();
  const waivable = asksForClaim(ca) || asksForClaim(cb);
  term("plans needing no claim", waived(ca), waived(cb), waivable ? setEffect(waived(ca), waived(cb), "stricter") : "neutral", "noClaimPlansOrigin");
  // `credit on next invoice`: the same credit for the same periods; only the invoice it is
  // deducted from is named (without the clause the policy names none, so nothing is paid later).
  const invoice = (c: CreditsIR) => (c.onNextInvoice ? "the next period's invoice" : "an invoice the policy does not name");
  term("credit deducted from", invoice(ca), invoice(cb), "neutral", "onNextInvoiceOrigin");
  // A standing added to `ineligible account` takes credit away from the periods that have it.
  term("obligations whose breach voids the credit", [...(ca.ineligibleObligations ?? [])].sort(), [...(cb.ineligibleObligations ?? [])].sort(), setEffect(ca.ineligibleObligations ?? [], cb.ineligibleObligations ?? [], "looser"), "ineligibleObligationsOrigin");
  term("ineligible account standings", [...(ca.ineligibleAccount ?? [])].sort(), [...(cb.ineligibleAccount ?? [])].sort(), setEffect(ca.ineligibleAccount ?? [], cb.ineligibleAccount ?? [], "looser"), "ineligibleAccountOrigin");
  // Each condition cites its own `ineligible …` line (IR 15), else the block.
  const conditions = (c: CreditsIR) => (c.ineligibleWhen ?? []).map((when, i) => ({ when, origin: c.ineligibleWhenOrigin?.[i] ?? c.origin }));
  out.push(...conditionSet("credits", "ineligible for credit", conditions(ca), conditions(cb), "looser"));
  return out;
}
