/**
 * The IR's plain values (its version, the fee offset bounds, the percentage text check), without
 * zod: the compiler produces IR with these and nothing else from `ir.ts` at run time, so `sla
 * check` does not load the schema library. `ir.ts` re-exports them beside its schemas.
 */
import type { Goal } from "./ir.js";

/** 3: ticket attributes, causes, declared events, conditional calendars and goals, customer calendars (issue 11). */
/** 4: credit modes, breach thresholds and claims within days (issue 12). */
/** 5: yearly closures and rule holidays in calendars, recurring targets `clock.restart` (issue 11.5–11.6). */
/** 6: availability commitments and objectives over a share of tickets (issue 12.3–12.4). */
/** 7: settlement periods of a month, quarter or year; charges, allowances per kind of work, quotas (issue 12.2, 12.5). */
/** 8: a condition may test the ticket's channel (`for channel phone`) (issue 11 follow-up). */
/** 9: outage causes excused, maintenance windows and limits per outage, commitments per plan, account standing (issue 12 follow-up). */
/** 10: caps on the priority `priority at most P3 for …` (`priorityCaps`), quotas whose unused hours roll over, goals in support days (issue 11/12 follow-up). */
/** 11: availability credits as a multiple of the downtime's fee, commitments per window, claims within days after each outage, rollover hours expiring with the Term (issue 12 follow-up). */
/** 12: credits that grow in steps of downtime (`credit 5% per started 30 minutes, up to 100%`) or of lateness (`credit per started hour late`), credits graded by time taken (`| after | credit |`), caps per target, plans that need no claim (`no claim for enterprise`), credits on the next invoice (`credit on next invoice`). */
/** 13: a target's clock reopens (`reopen within 7 days`, `clock.reopenWithinMs`) on the built-in `reopen` event. */
/** 14: the clauses of a credits block and an availability that state a bare value cite their own line (`lateStepOrigin`, `capPerTargetOrigin`, `claimDaysAfterOrigin`, `noClaimPlansOrigin`, `onNextInvoiceOrigin`, `commitOrigin`, `downtimeFeeMultipleOrigin`). */
/** 15: the remaining clauses of a credits block (`cap N%`, `sum per breach`, `claim by end of next month`, `claim subject`, `zone`, `ineligible …` (one line per condition), `target …`, `credits for <plans>`) and of the fees (`currency`, VAT, `free`, `invoice`, `payment`, `late charge`, `zone`) cite their own line (`capPercentOrigin`, `modeOrigin`, …, `invoiceDueOrigin`). */
/** 16: calendars open during others (`open during emea_hours, americas_hours`: kind `union`, `members`), follow-the-sun cover across zones; a claim with no deadline (`claim required`, `claimRequired`); escalations after `N business days` (`after.kind` `businessDays`); goals met only strictly before their due (`< 1 hour`, `goal.strict`); credits in days added to the end of the Term (a band's `termDays`, `| 99.5% | 3 days of term |`; `capTermDays`, `cap 15 days of term`).; credits void while a declared obligation is unmet (`ineligible obligation …`, `credits.ineligibleObligations`). */
export const IR_VERSION = 16;

/** The text of a percentage: up to 3 digits, optionally a point and up to 6 more. */
export const PERCENT_TEXT = /^\d{1,3}(\.\d{1,6})?$/;

/**
 * True for a percentage text from 0 to 100 with at most 6 decimals, compared as text (no binary
 * number in between). The compiler checks a policy's percentages with it.
 */
export function isPercentText(text: string): boolean {
  if (!PERCENT_TEXT.test(text)) return false;
  const [whole = "", fraction = ""] = text.split(".");
  const n = whole.replace(/^0+(?=\d)/, "");
  return n.length < 3 || (n === "100" && /^0*$/.test(fraction));
}

/**
 * Bounds on the fees' date offsets: with period dates in the supported years, every billing date
 * derived from them keeps four year digits. The compiler reports a policy beyond them.
 */
export const FEE_OFFSET_LIMITS = { days: 3660, months: 1200 } as const;

/** Whether a goal is met only strictly before its due (`< 1 hour`, IR 16). */
export function isStrict(goal: Goal): boolean {
  return "strict" in goal && goal.strict === true;
}

/** Whether an availability's bands credit days added to the Term (`3 days of term`, IR 16) rather than a share of the fees. */
export function creditsTermDays(a: { readonly bands: ReadonlyArray<{ readonly termDays?: number | undefined }> }): boolean {
  return a.bands.some((b) => b.termDays !== undefined);
}
