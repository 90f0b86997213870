/**
 * Availability (uptime) commitments over a period (issue 12.3): the measured availability, its
 * band and credit, and each outage counted or excused with the reason.
 *
 * Design: outages become half-open intervals of epoch ms clipped to the period; intervals are
 * merged before they are measured, so overlapping outages never count twice. A measure is elapsed
 * ms, or a calendar's open ms (`Calendar.openBetween`, additive over disjoint intervals). Every
 * share is a ratio of two integers compared and shown with BigInt arithmetic: no binary fraction
 * ever decides a band, and the shown figure is the exact ratio truncated to the stated decimals.
 */
import { z } from "zod";
import { calendarFromIR, type Calendar } from "./calendar.js";
import { text } from "./decimal-text.js";
import { parseInstant } from "./instant.js";
import { Dec, money } from "./settle-decimal.js";
import { stepPercent, stepsIn, stepWords } from "./settle-steps.js";
import { fieldPath, inSupportedYears, SUPPORTED_YEARS, type InputError } from "./io.js";
import type { AvailabilityIR, PolicyIR } from "./ir.js";
import { creditsTermDays } from "./ir-constants.js";

// ---------------------------------------------------------------------------------------------
// Input

/** One outage of the period input (issue 12.3), as JSON. */
export const OutageSchema = z.strictObject({
  /** The component that was down; required when the policy's commitments name components. */
  component: text().nullish(),
  start: text(),
  end: text(),
  scheduled: z.boolean({ error: "must be true or false" }).default(false),
  /** When the maintenance was announced; only scheduled outages may carry it. */
  announcedAt: text().nullish(),
  /** What caused it, one of the policy's causes: `excuse cause x` excuses it. */
  cause: text().nullish(),
  notes: z.union([text(), z.array(text())]).optional(),
});

/** An outage after validation: instants as given and as epoch ms. */
export interface Outage {
  readonly component: string | null;
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly scheduled: boolean;
  readonly announcedAt: string | null;
  readonly announcedAtMs: number | null;
  readonly cause: string | null;
}

/** The components a policy's commitments name; `null` when none names any (every outage counts). */
function knownComponents(policy: PolicyIR): string[] | null {
  const named = (policy.availability ?? []).flatMap((a) => a.components ?? []);
  return named.length > 0 ? [...new Set(named)] : null;
}

function instant(raw: string, field: string): number | InputError {
  const ms = parseInstant(raw);
  if (ms === null) return { field, message: "must be an ISO-8601 instant with an offset, e.g. 2026-03-27T16:30:00+01:00" };
  if (!inSupportedYears(ms)) return { field, message: `must lie in the years ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}` };
  return ms;
}

/**
 * Validate the period's `outages` against the policy: instants with an offset, `end` after
 * `start`, an announcement only for scheduled work and not after its start, and a component the
 * policy names (when it names any). Returns the outages, or the first error naming its field.
 */
export function parseOutages(raws: readonly unknown[], policy: PolicyIR): { ok: true; outages: Outage[] } | { ok: false; error: InputError } {
  const components = knownComponents(policy);
  const causes = (policy.causes ?? []).map((c) => c.name);
  const outages: Outage[] = [];
  for (const [i, raw] of raws.entries()) {
    const at = `outages[${i}]`;
    const parsed = OutageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue?.code === "unrecognized_keys" ? [issue.keys[0] ?? ""] : [];
      const message = issue?.code === "unrecognized_keys" ? "is not a field of an outage" : issue?.input === undefined ? "is required" : (issue?.message ?? "is not a valid outage");
      return { ok: false, error: { field: fieldPath(["outages", i, ...(issue?.path ?? []), ...key]), message } };
    }
    const o = parsed.data;
    const startMs = instant(o.start, `${at}.start`);
    if (typeof startMs !== "number") return { ok: false, error: startMs };
    const endMs = instant(o.end, `${at}.end`);
    if (typeof endMs !== "number") return { ok: false, error: endMs };
    if (endMs <= startMs) return { ok: false, error: { field: `${at}.end`, message: `${o.end} is not after start ${o.start}` } };
    let announcedAtMs: number | null = null;
    if (o.announcedAt != null) {
      if (!o.scheduled) return { ok: false, error: { field: `${at}.announcedAt`, message: "only a scheduled outage is announced: set `scheduled` to true, or remove `announcedAt`" } };
      const ms = instant(o.announcedAt, `${at}.announcedAt`);
      if (typeof ms !== "number") return { ok: false, error: ms };
      if (ms > startMs) return { ok: false, error: { field: `${at}.announcedAt`, message: `${o.announcedAt} is after the outage starts (${o.start})` } };
      announcedAtMs = ms;
    }
    const component = o.component ?? null;
    if (components !== null) {
      if (component === null) return { ok: false, error: { field: `${at}.component`, message: `is required: the availability commitments name components (valid: ${components.join(", ")})` } };
      if (!components.includes(component)) return { ok: false, error: { field: `${at}.component`, message: `unknown component "${component}" (valid: ${components.join(", ")})` } };
    }
    const cause = o.cause ?? null;
    if (cause !== null && !causes.includes(cause)) {
      const valid = causes.length > 0 ? `valid: ${causes.join(", ")}` : "the policy declares no causes";
      return { ok: false, error: { field: `${at}.cause`, message: `unknown cause "${cause}" (${valid})` } };
    }
    outages.push({ component, start: o.start, end: o.end, startMs, endMs, scheduled: o.scheduled, announcedAt: o.announcedAt ?? null, announcedAtMs, cause });
  }
  return { ok: true, outages };
}

// ---------------------------------------------------------------------------------------------
// Intervals

/** A half-open interval `[from, to)` of epoch ms. */
export type Interval = readonly [number, number];

/** Sorted, disjoint, non-touching intervals covering exactly the union of `list`. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The parts of `[a, b)` outside every interval of `merged` (sorted, disjoint). */
function subtract([a, b]: Interval, merged: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let from = a;
  for (const [x, y] of merged) {
    if (y <= from || x >= b) continue;
    if (x > from) out.push([from, x]);
    from = Math.max(from, y);
    if (from >= b) break;
  }
  if (from < b) out.push([from, b]);
  return out;
}

/** How time is measured: elapsed ms, or a calendar's open ms. */
interface Measure {
  /** The measured length of `[a, b)`. */
  of(a: number, b: number): number;
  /** The earliest `t >= a` with `of(a, t) === ms` (`ms` at most `of(a, b)` for some `b`). */
  advance(a: number, ms: number): number;
}

const ELAPSED: Measure = { of: (a, b) => Math.max(0, b - a), advance: (a, ms) => a + ms };

function calendarMeasure(cal: Calendar): Measure {
  return { of: (a, b) => cal.openBetween(a, b), advance: (a, ms) => cal.addOpen(a, ms) };
}

const total = (m: Measure, list: readonly Interval[]): number => list.reduce((s, [a, b]) => s + m.of(a, b), 0);

// ---------------------------------------------------------------------------------------------
// Exact shares

/** The percentage text `"99.9"` as an integer count of millionths of a percent. */
function micros(percent: string): bigint {
  const [whole = "0", fraction = ""] = percent.split(".");
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, "0").slice(0, 6) || "0");
}

/** True when `part / whole × 100` lies below `percent` (exact; `whole` > 0). */
export function shareBelow(part: number, whole: number, percent: string): boolean {
  return BigInt(part) * 100_000_000n < micros(percent) * BigInt(whole);
}

/** `part / whole × 100` truncated to `decimals` decimals, as text (`"99.876"`); `whole` > 0. */
export function shareText(part: number, whole: number, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = (BigInt(part) * 100n * scale) / BigInt(whole);
  const whole_ = (scaled / scale).toString();
  if (decimals === 0) return whole_;
  return `${whole_}.${(scaled % scale).toString().padStart(decimals, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Settlement

/** What an availability needs of the period (structural, so `period.ts` can import this module). */
export interface AvailabilityPeriod {
  /** Local midnight starting `from`, and after `to`, in the billing zone (epoch ms). */
  readonly startMs: number;
  readonly endMs: number;
  readonly outages: readonly Outage[];
  /** The period's fees: `credit N × downtime fee` is a multiple of their share for the downtime. */
  readonly fees?: { readonly amount: string } | null;
  /**
   * `claim within N days after outage`: outages (by index) the claim came too late for, with the
   * words; they count neither as downtime nor as excused time.
   */
  readonly lateOutages?: ReadonlyMap<number, string>;
}

/** One outage as one commitment judged it. */
export interface OutageOutcome {
  /** The outage's index in the period input. */
  readonly outage: number;
  readonly component: string | null;
  readonly start: string;
  readonly end: string;
  readonly status: "counted" | "excused" | "partly excused" | "not counted";
  /** Downtime this outage adds (ms of the measure), never counting time an earlier outage already counted. */
  readonly countedMs: number;
  /** Time excused as announced maintenance (ms of the measure). */
  readonly excusedMs: number;
  readonly reason: string;
}

/** The availability part of a settlement (issue 12.3). */
export interface AvailabilityResult {
  readonly name: string;
  readonly title: string | null;
  /** `elapsed time` or `calendar <name>`. */
  readonly over: string;
  /** The period's measured time, the counted downtime and the excused time, in ms of the measure. */
  readonly periodMs: number;
  readonly downtimeMs: number;
  readonly excusedMs: number;
  /** (periodMs − downtimeMs) / periodMs × 100 truncated to `decimals` decimals; `"100"` when the period has no measured time. */
  readonly availabilityPercent: string;
  readonly decimals: number;
  readonly commitPercent: string;
  readonly met: boolean;
  /** The band the exact availability falls in (`below` its threshold), `null` when none. */
  readonly band: { readonly belowPercent: string; readonly creditPercent: string; readonly termDays?: number; readonly line: number } | null;
  /** The band's percentage of the period's fees, `"0"` without a band (and under `credit N × downtime fee`, or days of the Term). */
  readonly creditPercent: string;
  /** Bands in days of the Term only (`| 99.5% | 3 days of term |`): the days the band reached adds to the Term, `0` without one; never money. */
  readonly termDays?: number;
  /**
   * `credit N × downtime fee` only: the fee paid for the downtime (the period's fees × downtime ÷
   * the period's measured time, to the cent) and the credit, N times its exact value to the cent
   * (`"0.00"` when the commitment is met).
   */
  readonly downtimeFee?: string;
  /** `credit 5% per started 30 minutes` only: the steps of counted downtime credited (`0` when met). */
  readonly steps?: number;
  readonly creditAmount?: string;
  readonly outages: readonly OutageOutcome[];
  readonly reason: string;
}

/** Why a scheduled outage is not excused, or `null` when it is (before the cap). */
function announcementProblem(ir: AvailabilityIR, o: Outage): string | null {
  const ahead = ir.excuse?.announcedAheadMs ?? null;
  if (!o.scheduled) return "unscheduled";
  if (ahead === null) return null;
  if (o.announcedAtMs === null) return "scheduled but never announced";
  const early = o.startMs - o.announcedAtMs;
  return early >= ahead ? null : `scheduled but announced ${hoursText(early)} ahead, less than ${hoursText(ahead)}`;
}

/** `48 hours`, `90 minutes`, `1.5 hours`: a length for reasons (exact for whole minutes). */
function hoursText(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  return `${ms / 1000} seconds`;
}

/** How an outage was judged before measuring: counted for a reason, excused by its cause, maintenance, or claimed too late. */
type Judgement = { kind: "counted"; why: string } | { kind: "cause" } | { kind: "maintenance" } | { kind: "late"; why: string };

/** The parts of `piece` inside (`true`) and outside (`false`) the maintenance window, in time order. */
function windowParts(piece: Interval, window: Calendar | null): [Interval, boolean][] {
  if (window === null) return [[piece, true]];
  const inside = window.openIntervals(piece[0], piece[1]).map((i): Interval => [i[0], i[1]]);
  const parts: [Interval, boolean][] = [...inside.map((i): [Interval, boolean] => [i, true]), ...subtract(piece, inside).map((i): [Interval, boolean] => [i, false])];
  return parts.sort((x, y) => x[0][0] - y[0][0]);
}

/**
 * Judge one commitment over a period: clip its outages to the period; outages of an excused
 * cause add nothing; announced maintenance is excused inside the window (when one is named), up
 * to the limit per outage and the cap per period (earliest first); the rest is merged and measured.
 */
export function settleAvailability(policy: PolicyIR, ir: AvailabilityIR, period: AvailabilityPeriod): AvailabilityResult {
  const over = ir.over;
  const calendarNamed = (name: string) => policy.calendars.find((c) => c.name === name);
  const calIR = over.kind === "calendar" ? calendarNamed(over.calendar) : undefined;
  // INVARIANT: the compiler and `loadPolicy` resolve `over.calendar` and `excuse.within`, so both are found when named.
  const measure = calIR ? calendarMeasure(calendarFromIR(calIR)) : ELAPSED;
  const windowIR = ir.excuse?.within !== undefined ? calendarNamed(ir.excuse.within) : undefined;
  const window = windowIR ? calendarFromIR(windowIR) : null;
  const excusedCauses = ir.excusedCauses ?? [];
  const span: Interval = [period.startMs, period.endMs];
  const outcomes = new Map<number, { counted: Interval[]; excused: Interval[]; why: string }>();
  const relevant: { i: number; o: Outage; clipped: Interval; judged: Judgement }[] = [];
  period.outages.forEach((o, i) => {
    if (ir.components !== null && (o.component === null || !ir.components.includes(o.component))) return;
    const clipped: Interval = [Math.max(o.startMs, span[0]), Math.min(o.endMs, span[1])];
    const problem = ir.excuse ? announcementProblem(ir, o) : "no maintenance is excused";
    const late = period.lateOutages?.get(i);
    const judged: Judgement =
      late !== undefined ? { kind: "late", why: late } : o.cause !== null && excusedCauses.includes(o.cause) ? { kind: "cause" } : problem !== null ? { kind: "counted", why: problem } : { kind: "maintenance" };
    relevant.push({ i, o, clipped, judged });
  });
  relevant.sort((x, y) => x.clipped[0] - y.clipped[0] || x.i - y.i);

  // Counted outages first: their union is downtime whatever the maintenance does.
  let countedUnion: Interval[] = [];
  for (const r of relevant) {
    if (r.judged.kind !== "counted") continue;
    outcomes.set(r.i, { counted: subtract(r.clipped, countedUnion), excused: [], why: r.judged.why });
    countedUnion = mergeIntervals([...countedUnion, r.clipped]);
  }
  // Outages of an excused cause add no downtime, and use none of the maintenance allowance.
  let seen = countedUnion;
  for (const r of relevant) {
    if (r.judged.kind !== "cause") continue;
    outcomes.set(r.i, { counted: [], excused: subtract(r.clipped, seen), why: "" });
    seen = mergeIntervals([...seen, r.clipped]);
  }
  // Announced maintenance, earliest first: inside the window, up to the limit per outage and the
  // cap per period; the rest counts, each reason named once.
  let capLeft = ir.excuse?.capMs ?? Number.POSITIVE_INFINITY;
  const excess: Interval[] = [];
  for (const r of relevant) {
    if (r.judged.kind !== "maintenance") continue;
    let eachLeft = ir.excuse?.eachMs ?? Number.POSITIVE_INFINITY;
    const counted: Interval[] = [];
    const excused: Interval[] = [];
    const whys = new Set<string>();
    for (const piece of subtract(r.clipped, seen)) {
      for (const [[a, b], inside] of windowParts(piece, window)) {
        if (!inside) {
          counted.push([a, b]);
          whys.add(`outside calendar ${ir.excuse?.within}`);
          continue;
        }
        const allowance = Math.min(capLeft, eachLeft);
        const length = measure.of(a, b);
        const taken = Math.min(length, allowance);
        if (length > allowance) {
          const split = allowance > 0 ? measure.advance(a, allowance) : a;
          if (split > a) excused.push([a, split]);
          counted.push([split, b]);
          whys.add(eachLeft < capLeft ? `beyond ${hoursText(ir.excuse?.eachMs ?? 0)} each` : `beyond ${hoursText(ir.excuse?.capMs ?? 0)} per period`);
        } else {
          excused.push([a, b]);
        }
        capLeft -= taken;
        eachLeft -= taken;
      }
    }
    excess.push(...counted);
    seen = mergeIntervals([...seen, r.clipped]);
    outcomes.set(r.i, { counted, excused, why: [...whys].join(", ") });
  }
  const down = mergeIntervals([...countedUnion, ...excess]);
  const periodMs = measure.of(span[0], span[1]);
  const downtimeMs = total(measure, down);
  const excusedMs = [...outcomes.values()].reduce((s, x) => s + total(measure, x.excused), 0);

  const outages = relevant
    .sort((x, y) => x.i - y.i)
    // Outages claimed too late were never measured: nothing counted, nothing excused.
    .map((r) => outageOutcome(ir, r, outcomes.get(r.i) ?? { counted: [], excused: [], why: "" }, measure, calIR?.name ?? null));
  const up = periodMs - downtimeMs;
  const availabilityPercent = periodMs === 0 ? "100" : shareText(up, periodMs, ir.decimals);
  const met = periodMs === 0 || !shareBelow(up, periodMs, ir.commitPercent);
  // Bands fall in `belowPercent`: the last one the availability lies below is the deepest.
  const band = periodMs === 0 ? undefined : [...ir.bands].reverse().find((b) => shareBelow(up, periodMs, b.belowPercent));
  const overText = over.kind === "elapsed" ? "elapsed time" : `calendar ${over.calendar}`;
  const feeCredit = ir.downtimeFeeMultiple !== undefined ? downtimeFeeCredit(ir.downtimeFeeMultiple, period.fees?.amount ?? "0", downtimeMs, periodMs, met) : null;
  const stepped = ir.stepCredit !== undefined ? steppedCredit(ir.stepCredit, downtimeMs, met) : null;
  const reason = [
    `${availabilityPercent}% over ${overText} (${hoursText(downtimeMs)} down of ${hoursText(periodMs)}${excusedMs > 0 ? `, ${hoursText(excusedMs)} excused` : ""})`,
    met ? `meets the commitment of ${ir.commitPercent}%` : `below the commitment of ${ir.commitPercent}%`,
    feeCredit ? feeCredit.words : stepped ? stepped.words : band ? `below ${band.belowPercent}%: ${bandCreditWords(band)}` : "no credit band applies",
  ].join("; ");
  return {
    name: ir.name,
    title: ir.title,
    over: overText,
    periodMs,
    downtimeMs,
    excusedMs,
    availabilityPercent,
    decimals: ir.decimals,
    commitPercent: ir.commitPercent,
    met,
    band: band ? { belowPercent: band.belowPercent, creditPercent: band.creditPercent, ...(band.termDays !== undefined ? { termDays: band.termDays } : {}), line: band.origin.line } : null,
    creditPercent: stepped?.creditPercent ?? band?.creditPercent ?? "0",
    ...(creditsTermDays(ir) ? { termDays: band?.termDays ?? 0 } : {}),
    ...(stepped ? { steps: stepped.steps } : {}),
    ...(feeCredit ? { downtimeFee: feeCredit.downtimeFee, creditAmount: feeCredit.creditAmount } : {}),
    outages,
    reason,
  };
}

/** A band's credit in words: a share of the fees, or days added to the Term (never money). */
function bandCreditWords(band: AvailabilityIR["bands"][number]): string {
  return band.termDays !== undefined ? `${band.termDays} days added to the end of the Term` : `${band.creditPercent}% of the period's fees`;
}

/**
 * `credit 5% per started 30 minutes, up to 100%`: the rate for each step of the counted downtime
 * (measured as the availability is), bounded by the clause's own limit; nothing while the
 * commitment is met.
 */
function steppedCredit(rule: NonNullable<AvailabilityIR["stepCredit"]>, downtimeMs: number, met: boolean): { creditPercent: string; steps: number; words: string } {
  const steps = met ? 0 : stepsIn(downtimeMs, rule.step);
  const { percent, capped } = stepPercent(rule.creditPercent, steps, rule.upToPercent);
  const words = met
    ? "no credit while the commitment is met"
    : `${rule.creditPercent}% per ${stepWords(rule.step)} of downtime: ${steps} × ${rule.creditPercent}% = ${new Dec(rule.creditPercent).times(steps).toFixed()}%${capped ? `, up to ${rule.upToPercent}%` : ""} of the period's fees`;
  return { creditPercent: percent, steps, words };
}

/**
 * `credit N × downtime fee` ("the fee paid during the downtime × 10"): the fee paid for the
 * downtime is the period's fees pro rata of the downtime over the period's measured time (both in
 * ms of the measure), kept exact; the credit is N times it, rounded to the cent once. Nothing is
 * owed while the commitment is met.
 */
function downtimeFeeCredit(multiple: string, fees: string, downtimeMs: number, periodMs: number, met: boolean): { downtimeFee: string; creditAmount: string; words: string } {
  const fee = periodMs === 0 ? new Dec(0) : new Dec(fees).times(downtimeMs).dividedBy(periodMs);
  const credit = met ? new Dec(0) : fee.times(multiple);
  const words = met ? `the downtime's fee is ${money(fee)}; no credit while the commitment is met` : `${multiple} × the downtime's fee ${money(fee)} (the fees × ${hoursText(downtimeMs)} ÷ ${hoursText(periodMs)}) = ${money(credit)}`;
  return { downtimeFee: money(fee), creditAmount: money(credit), words };
}

function outageOutcome(
  ir: AvailabilityIR,
  r: { i: number; o: Outage; clipped: Interval; judged: Judgement },
  x: { counted: Interval[]; excused: Interval[]; why: string },
  m: Measure,
  calendar: string | null,
): OutageOutcome {
  const { i, o, clipped, judged } = r;
  const countedMs = total(m, x.counted);
  const excusedMs = total(m, x.excused);
  const base = { outage: i, component: o.component, start: o.start, end: o.end, countedMs, excusedMs };
  if (clipped[1] <= clipped[0]) return { ...base, status: "not counted", reason: "outside the period" };
  if (judged.kind === "late") return { ...base, status: "not counted", reason: judged.why };
  if (countedMs === 0 && excusedMs === 0) {
    const reason = m.of(clipped[0], clipped[1]) === 0 ? `outside the open time of calendar ${calendar}` : "within an outage already counted: counted once";
    return { ...base, status: "not counted", reason };
  }
  // Why part of it adds nothing: time an earlier outage already counts, time outside the period.
  const notes = [
    countedMs + excusedMs < m.of(clipped[0], clipped[1]) ? "overlaps an earlier outage: the shared time is counted once" : null,
    clipped[0] > o.startMs || clipped[1] < o.endMs ? "clipped to the period" : null,
  ].filter((n) => n !== null);
  const why = (main: string): string => [main, ...notes].join("; ");
  if (judged.kind === "counted") return { ...base, status: "counted", reason: why(x.why) };
  if (judged.kind === "cause") return { ...base, status: "excused", reason: why(`cause ${o.cause} is excused`) };
  const ahead = ir.excuse?.announcedAheadMs;
  const announced = ahead != null ? ` announced at least ${hoursText(ahead)} ahead` : "";
  const maintenance = `scheduled maintenance${announced}`;
  const within = ir.excuse?.within !== undefined ? ` inside calendar ${ir.excuse.within}` : "";
  if (countedMs === 0) return { ...base, status: "excused", reason: why(`${maintenance}${within}`) };
  return { ...base, status: excusedMs > 0 ? "partly excused" : "counted", reason: why(`${maintenance}, ${x.why}`) };
}
