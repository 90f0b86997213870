/**
 * Quotas whose unused hours roll over (issue 12 follow-up; QDABRA "unused hours roll over to the
 * next quarter as Rollover Hours"): `quota standard 8 hours per quarter rollover`.
 * Design in three lines —
 *   a rollover quota's buckets are settled in date order, each starting from the hours the
 *     previous one left (`carriedOut` = `left`); the first starts from the period file's `carriedIn`;
 *   available = hours + carried in; left and over are measured against it, exactly (decimal.js).
 */
import type { FeesIR } from "./ir.js";
import { Dec } from "./settle-decimal.js";

type QuotaIR = NonNullable<FeesIR["quotas"]>[number];

/** Hours carried into a rollover quota's first bucket, as the period file states them. */
export interface CarriedHours {
  /** The name written after `quota` (a kind of work or a plan); `null` for a quota without one. */
  readonly quota: string | null;
  readonly hours: string;
}

/** The name a quota is given in the period file's `carriedIn`. */
export const quotaName = (q: QuotaIR): string | null => q.kind ?? q.regime ?? null;

const label = (name: string | null): string => (name === null ? "null (the quota without a name)" : `"${name}"`);

/**
 * The period file's `carriedIn` checked against the policy: each entry names a rollover quota,
 * once. The first problem names its field.
 */
export function statedCarry(input: readonly CarriedHours[], fees: FeesIR | null, policyId: string): { ok: true; carried: CarriedHours[] } | { ok: false; field: string; message: string } {
  const rolling = (fees?.quotas ?? []).filter((q) => q.rollover === true).map(quotaName);
  const seen = new Set<string | null>();
  for (const [i, c] of input.entries()) {
    if (!rolling.includes(c.quota)) {
      const valid = rolling.length > 0 ? ` (valid: ${rolling.map(label).join(", ")})` : `: policy ${policyId} has no quota that rolls over`;
      return { ok: false, field: `carriedIn[${i}].quota`, message: `${label(c.quota)} is not a quota that rolls over${valid}` };
    }
    if (seen.has(c.quota)) return { ok: false, field: `carriedIn[${i}].quota`, message: `quota ${label(c.quota)} is given twice` };
    seen.add(c.quota);
  }
  return { ok: true, carried: input.map((c) => ({ quota: c.quota, hours: c.hours })) };
}

/** Why the period file may not state `termEnds`: no quota of the policy expires with the Term; `null` when one does. */
export function termEndsProblem(fees: FeesIR | null, policyId: string): string | null {
  const expiring = (fees?.quotas ?? []).some((q) => q.rolloverExpires === "term");
  return expiring ? null : `policy ${policyId} has no quota that rolls over \`until end of term\`: remove \`termEnds\``;
}

/**
 * `rollover until end of term` ("Rollover Hours, expiring at the end of the Term"): what a
 * bucket carries in and out when the Term ends on `termEnds`. Hours carried into a bucket that
 * starts after the Term's last day expire unused; so do the hours left in the bucket holding
 * that day. Without a Term end (or without the clause) nothing expires.
 */
export function expiryAt(q: QuotaIR, termEnds: string | undefined, bucket: { from: string; to: string }): { carriedInExpires: boolean; leftExpires: boolean } {
  if (q.rolloverExpires !== "term" || termEnds === undefined) return { carriedInExpires: false, leftExpires: false };
  // Dates are `YYYY-MM-DD`: their text order is their date order.
  return { carriedInExpires: bucket.from > termEnds, leftExpires: bucket.from <= termEnds && bucket.to >= termEnds };
}

/** The hours carried into `q`'s first bucket of the period (0 when the file states none). */
export function carriedInto(q: QuotaIR, carried: readonly CarriedHours[] | undefined): Dec {
  const name = quotaName(q);
  const c = carried?.find((x) => x.quota === name);
  return new Dec(c ? c.hours : 0);
}
