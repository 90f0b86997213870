/**
 * The service credit of a period (SPEC §6): the highest percentage among the period's eligible
 * breached tickets — never a sum — of the period's fees, owed only on a timely claim with the
 * right subject.
 *
 * Whether a ticket breached, and the credit it earns, is the ticket evaluator's answer (SPEC §3
 * `credit`, computed by `ticket-credit.ts`: the plan, channel, language and condition exclusions,
 * the row, graded tables, steps of lateness, caps per target); this module evaluates each ticket
 * as of the period's end, reads that credit's parts and applies the period-level rules.
 */
import { evaluateTicket } from "./evaluate.js";
import type { Ticket } from "./io.js";
import type { CreditsIR, PolicyIR } from "./ir.js";
import type { Period } from "./period.js";
import { parseInstant } from "./instant.js";
import { applyCreditRule, type CountedTicket, type CreditContribution, creditMode } from "./settle-credit-rules.js";
import { addDays, addMonths, endOfMonth, isAfter, localDateOf } from "./settle-dates.js";
import { Dec, money, percentOf } from "./settle-decimal.js";
import { ticketCreditParts, type TicketCreditParts } from "./ticket-credit.js";

export type { CreditContribution };

/** The credit part of a settlement (SPEC §6). */
export interface CreditResult {
  /** The highest percentage among eligible breached tickets (before any cap). */
  readonly percent: number;
  /** Fees × percent (capped), two decimals; `"0.00"` when not eligible. */
  readonly amount: string;
  readonly currency: string;
  /** The breached tickets at the chosen percentage, in input order. */
  readonly tickets: readonly string[];
  /** Last local date a claim may be received; `null` when the policy sets no deadline. */
  readonly claimDeadline: string | null;
  /** `false` when the claim is missing, late or has the wrong subject. */
  readonly eligible: boolean;
  /** Why, in words: the breach chosen, the claim checks, tickets not counted. */
  readonly reason: string;
  /** Issue 12, present for the rule modes other than SPEC §6's highest percentage. */
  readonly mode?: "sum" | "amount" | "threshold";
  /** The percentage of the fees before the cap (modes `sum`, `threshold`), exact text. */
  readonly creditPercent?: string;
  /** Eligible breached tickets counted (claimed in time where the deadline runs from the breach). */
  readonly breaches?: number;
  /** Whether the cap bounded the credit. */
  readonly capped?: boolean;
  /** Each counted ticket and the clause (line and text) that counted it. */
  readonly contributions?: readonly CreditContribution[];  /** `credit on next invoice`: the period whose invoice the credit is deducted from. */
  readonly appliedTo?: { readonly from: string; readonly to: string; readonly name: string };
}

/** One ticket's standing for the credit at the period's end. */
export interface TicketCredit {
  readonly id: string;
  /** The evaluator's credit for the ticket (its row and parts); `null` when it earns none. */
  readonly credit: TicketCreditParts | null;
  /** Binding targets (of those the credits name) breached at the period's end. */
  readonly breached: readonly string[];
  /** Why the ticket can earn no credit whatever happened to it (channel, language, plan). */
  readonly excludedBecause: string | null;
  /** The local date (billing zone) the first of `breached` fell due; `null` when none breached. */
  readonly breachedOn: string | null;
}

/** Why a ticket can never earn a credit under `credits`, or `null` (SPEC §6 ineligible cases). */
export function exclusionOf(policy: PolicyIR, credits: CreditsIR, t: Ticket): string | null {
  if (t.channel != null && credits.ineligibleChannels.includes(t.channel)) return `channel ${t.channel} is ineligible`;
  const region = policy.regions.find((r) => r.name === t.region);
  if (credits.ineligibleOptionalLanguages && t.language != null && region?.languages?.optional.includes(t.language)) {
    return `optional language ${t.language} is ineligible`;
  }
  if (credits.plans !== null && (t.plan == null || !credits.plans.includes(t.plan))) return `plan ${t.plan ?? "(none)"} earns no credits`;
  return null;
}

/**
 * Evaluate every ticket of the period as of the local midnight after `period.to` in the billing
 * zone (SPEC §6) and report its credit standing. Empty when the policy grants no credits.
 */
export function ticketCredits(policy: PolicyIR, period: Period): TicketCredit[] {
  const credits = policy.credits;
  if (!credits) return [];
  return period.tickets.map((ticket) => {
    const result = evaluateTicket(policy, ticket, { asOf: period.endMs });
    const breached = result.targets
      .filter((t) => t.binding && t.status === "breached" && (credits.targets.length === 0 || credits.targets.includes(t.name)))
      .map((t) => t.name);
    const firstDue = result.targets.find((t) => t.name === breached[0])?.due ?? null;
    const dueMs = firstDue === null ? null : parseInstant(firstDue);
    return {
      id: ticket.id,
      credit: ticketCreditParts(result.credit),
      breached,
      excludedBecause: exclusionOf(policy, credits, ticket),
      breachedOn: dueMs === null ? null : localDateOf(dueMs, period.zone),
    };
  });
}

/**
 * The claim deadline (SPEC §6): the end of the month `claimMonthsAfter` after the period's last
 * month, or `claim within N days after period` (issue 12). A deadline that runs from each breach
 * is per ticket ({@link breachDeadline}): the period has none of its own.
 */
export function claimDeadline(credits: CreditsIR, period: Pick<Period, "to"> & { readonly plan?: string | null }): string | null {
  if (claimWaived(credits, period)) return null;
  if (credits.claimDaysAfter?.after === "period") return addDays(period.to, credits.claimDaysAfter.days);
  if (credits.claimMonthsAfter === null) return null;
  return endOfMonth(addMonths(`${period.to.slice(0, 7)}-01`, credits.claimMonthsAfter));
}

/** `no claim for enterprise`: a period of such a plan owes its credit without any claim. */
export function claimWaived(credits: CreditsIR, period: { readonly plan?: string | null }): boolean {
  return period.plan != null && (credits.noClaimPlans?.includes(period.plan) ?? false);
}

/** `claim within N days after breach`: the last date a claim covers this ticket's breach; `null` otherwise. */
export function breachDeadline(credits: CreditsIR, s: TicketCredit): string | null {
  return credits.claimDaysAfter?.after === "breach" && s.breachedOn !== null ? addDays(s.breachedOn, credits.claimDaysAfter.days) : null;
}

/** Tickets whose breach the claim came too late for (a deadline from the breach), with the words. */
function lateForBreach(credits: CreditsIR, period: Period, standings: readonly TicketCredit[]): Map<string, string> {
  const late = new Map<string, string>();
  const claimedOn = period.claim?.submittedOn;
  if (claimedOn === undefined || claimWaived(credits, period)) return late;
  for (const s of standings) {
    const last = breachDeadline(credits, s);
    if (last !== null && isAfter(claimedOn, last)) late.set(s.id, `${s.id} (claimed ${claimedOn}, after ${last}: ${credits.claimDaysAfter?.days} days after its breach on ${s.breachedOn})`);
  }
  return late;
}

/**
 * `claim within N days after outage` ("within 30 days of the incident"): the outages of the
 * period the claim came too late for, by their index in the period input, with the words. An
 * outage's deadline is N days after the local date (billing zone) it ended on. Empty under any
 * other claim rule, or without a claim (then the claim itself is missing).
 */
export function lateForOutage(credits: CreditsIR | null | undefined, period: Pick<Period, "claim" | "outages" | "zone" | "plan">): Map<number, string> {
  const late = new Map<number, string>();
  const rule = credits?.claimDaysAfter;
  const claimedOn = period.claim?.submittedOn;
  if (rule?.after !== "outage" || claimedOn === undefined || claimWaived(credits!, period)) return late;
  period.outages.forEach((o, i) => {
    const endedOn = localDateOf(o.endMs, period.zone);
    const last = addDays(endedOn, rule.days);
    const beganOn = localDateOf(o.startMs, period.zone);
    if (isAfter(claimedOn, last)) late.set(i, `claimed ${claimedOn}, after ${last}: ${rule.days} days after the outage ended on ${endedOn}`);
    // "Requested within 30 days of the incident": a request made before the incident is not one for it.
    else if (isAfter(beganOn, claimedOn)) late.set(i, `claimed ${claimedOn}, before the outage began on ${beganOn}: a claim asks for the outages before it`);
  });
  return late;
}

/**
 * Why the period earns no credit, in words; empty when it may: the account's standing
 * (`ineligible account overdue`, issue 12 follow-up), the obligations it did not meet
 * (`ineligible obligation keep_updated`), then the claim.
 */
export function claimProblems(credits: CreditsIR, period: Period, deadline: string | null): string[] {
  const standing = (credits.ineligibleAccount ?? []).filter((s) => period.account?.[s] === true);
  const unmet = (credits.ineligibleObligations ?? []).filter((o) => period.obligationsUnmet?.includes(o) === true);
  return [
    ...standing.map((s) => `the account is ${s}: no credit while it is (ineligible account ${s})`),
    ...unmet.map((o) => `the customer did not meet obligation ${o}: no credit (ineligible obligation ${o})`),
    ...claimFormProblems(credits, period, deadline),
  ];
}

/** What is wrong with the claim, in words; empty when it is valid or the plan needs none. */
function claimFormProblems(credits: CreditsIR, period: Period, deadline: string | null): string[] {
  if (claimWaived(credits, period)) return [];
  const subject = credits.claimSubject;
  // A deadline per breach or per outage: the claim is needed, its date is judged against each one.
  const perEach = credits.claimDaysAfter?.after === "breach" || credits.claimDaysAfter?.after === "outage" ? credits.claimDaysAfter.after : null;
  // `claim required` alone: a claim is needed, at any time and in any form.
  if (deadline === null && subject === null && perEach === null && credits.claimRequired !== true) return []; // the policy asks for no claim
  const days = credits.claimDaysAfter?.days;
  const needed = [subject !== null ? `with subject "${subject}"` : null, deadline !== null ? `received by ${deadline}` : perEach !== null ? `received within ${days} days after each ${perEach}` : null]
    .filter((x) => x !== null)
    .join(" ");
  const claim = period.claim;
  if (!claim) return [`no claim was submitted (a claim ${needed === "" ? "" : `${needed} `}is required)`];
  const problems: string[] = [];
  if (deadline !== null && isAfter(claim.submittedOn, deadline)) {
    problems.push(`the claim was received on ${claim.submittedOn}, after the deadline ${deadline}`);
  }
  // "the email subject line must include the words": containment, ignoring letter case.
  if (subject !== null && !claim.subject.toLowerCase().includes(subject.toLowerCase())) {
    problems.push(`the claim subject "${claim.subject}" does not contain "${subject}"`);
  }
  return problems;
}

/** The reason's closing words, whatever the rule: tickets not eligible or claimed too late, and the claim's standing. */
function claimWords(credits: CreditsIR, period: Period, standings: readonly TicketCredit[], late: ReadonlyMap<string, string>, problems: readonly string[], deadline: string | null): string[] {
  const words: string[] = [];
  const excluded = standings.filter((s) => s.excludedBecause !== null).map((s) => `${s.id} (${s.excludedBecause})`);
  if (excluded.length > 0) words.push(`not eligible: ${excluded.join(", ")}`);
  if (late.size > 0) words.push(`claimed too late: ${[...late.values()].join(", ")}`);
  if (problems.length > 0) words.push(...problems);
  else if (claimWaived(credits, period)) words.push(`plan ${period.plan} needs no claim (no claim for ${period.plan})`);
  else if (period.claim) words.push(`claim received on ${period.claim.submittedOn}${deadline !== null ? `, by the deadline ${deadline}` : ""}`);
  return words;
}

/**
 * The credit owed for a period from its tickets' standings (SPEC §6): `null` when no eligible
 * ticket breached; otherwise the highest percentage, applied to the period's fees (capped by
 * `capPercent`), or `"0.00"` with `eligible: false` when the claim is missing, late or mistitled.
 */
export function creditFor(credits: CreditsIR, period: Period, standings: readonly TicketCredit[]): CreditResult | null {
  const late = lateForBreach(credits, period, standings);
  if (creditMode(credits) !== "highest") return creditByRule(credits, period, standings, late);
  const earning = standings.filter((s) => s.credit !== null && !late.has(s.id));
  if (earning.length === 0) return null;
  // Not cumulative: the highest percentage applies, once. Compared and applied as the IR's exact
  // text: the ticket's one part (its first breach), before `cap … per target`, applied below.
  const texts = earning.map((s) => s.credit!.parts[0]!.creditPercent);
  const highest = texts.reduce((a, b) => (new Dec(b).gt(a) ? b : a));
  const percent = Number(highest);
  const chosen = earning.filter((_, i) => texts[i] === highest);
  // `cap … per target` bounds the one target's credit the highest rule keeps, as `cap` does.
  const limit = [credits.capPercent, credits.capPerTargetPercent ?? null].filter((c): c is string => c !== null).reduce<string | null>((m, c) => (m === null || new Dec(c).lt(m) ? c : m), null);
  const capped = limit !== null && new Dec(limit).lt(highest);
  const applied = capped && limit !== null ? limit : highest;
  const deadline = claimDeadline(credits, period);
  const problems = claimProblems(credits, period, deadline);
  const fees = period.fees ?? { amount: "0", currency: "" }; // parsePeriod requires fees with credits
  const amount = problems.length === 0 ? percentOf(new Dec(fees.amount), applied) : new Dec(0);

  const what = chosen.map((s) => `${s.id} (${s.breached.join(", ") || "breached"})`).join(", ");
  const parts = [`highest breach ${highest}% of the period's fees: ${what}; credits are not cumulative`];
  if (capped) parts.push(`capped at ${applied}% of the fees`);
  const others = earning.map((s, i) => ({ s, text: texts[i]! })).filter((x) => x.text !== highest).map((x) => `${x.s.id} ${x.text}%`);
  if (others.length > 0) parts.push(`lower breaches not added: ${others.join(", ")}`);
  parts.push(...claimWords(credits, period, standings, late, problems, deadline));

  return {
    percent,
    amount: money(amount),
    currency: fees.currency,
    tickets: chosen.map((s) => s.id),
    claimDeadline: deadline,
    eligible: problems.length === 0,
    reason: parts.join("; "),
  };
}

/** The eligible breached tickets a rule mode counts, with each one's row (exact text and clause). */
function countedTickets(credits: CreditsIR, standings: readonly TicketCredit[], late: ReadonlyMap<string, string>): CountedTicket[] {
  return standings
    .filter((s) => s.breached.length > 0 && s.excludedBecause === null && !late.has(s.id))
    .map((s) => ({
      id: s.id,
      creditPercent: s.credit?.row.creditPercent ?? null,
      row: s.credit?.row.origin ?? null,
      targets: s.credit?.parts.map((p) => ({ name: p.target, steps: p.steps ?? 0, creditPercent: p.creditPercent })),
    }));
}

/**
 * The credit under an issue-12 rule mode (`sum`, `amount`, `threshold`): `null` when no eligible
 * ticket breached (as in SPEC §6), else the rule's outcome with the claim checks of SPEC §6.
 */
function creditByRule(credits: CreditsIR, period: Period, standings: readonly TicketCredit[], late: ReadonlyMap<string, string>): CreditResult | null {
  const breached = standings.filter((s) => s.breached.length > 0 && s.excludedBecause === null);
  if (breached.length === 0) return null;
  const counted = countedTickets(credits, standings, late);
  const fees = period.fees ?? { amount: "0", currency: "" }; // parsePeriod requires fees with credits
  const outcome = applyCreditRule(credits, new Dec(fees.amount), counted);
  const deadline = claimDeadline(credits, period);
  const problems = claimProblems(credits, period, deadline);
  const parts = [outcome.reason];
  parts.push(...claimWords(credits, period, standings, late, problems, deadline));
  return {
    percent: Number(outcome.creditPercent ?? "0"),
    amount: problems.length === 0 ? money(outcome.credit) : "0.00",
    currency: fees.currency,
    tickets: outcome.contributions.map((c) => c.ticket),
    claimDeadline: deadline,
    eligible: problems.length === 0,
    reason: parts.join("; "),
    mode: outcome.mode,
    ...(outcome.creditPercent !== null ? { creditPercent: outcome.creditPercent } : {}),
    breaches: counted.length,
    capped: outcome.capped,
    contributions: outcome.contributions,
  };
}

/** The credit part of {@link settle}: `null` when the policy grants no credits. */
export function settleCredit(policy: PolicyIR, period: Period): CreditResult | null {
  return policy.credits ? creditFor(policy.credits, period, ticketCredits(policy, period)) : null;
}
