/**
 * Settlement periods (issue 12.2): months, quarters or years in the billing zone, with a fiscal
 * start ("quarters starting February 1"). Design in four lines —
 *   a period is a run of whole months: month index `y × 12 + (m − 1)`, integers only;
 *   the period containing a month starts at the index below it that is `startMonth − 1` modulo
 *   its length (1, 3 or 12 months); its last day is the day before the next period starts;
 *   names: `2026-03` a month, `2026-Q1` the first quarter of the fiscal year that starts in 2026,
 *   `2026` that fiscal year; weeks (quotas, allowances) are ISO weeks, Monday to Sunday.
 * Dates are the `YYYY-MM-DD` local dates of `settle-dates.ts`; no JavaScript Date is involved.
 */
import type { SettlementPeriodIR } from "./ir.js";
import { addDays, dayNumber, endOfMonth, isSupportedDate } from "./settle-dates.js";

/** A period's first and last local date and its name. */
export interface PeriodRange {
  readonly from: string;
  readonly to: string;
  readonly name: string;
}

/** A bucket of hours (quotas, allowances per kind of work): a week, a calendar month or a quarter. */
export type BucketUnit = "week" | "month" | "quarter";

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LENGTH = { month: 1, quarter: 3, year: 12 } as const;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
/** `a mod b`, non-negative for positive `b`. */
const mod = (a: number, b: number): number => ((a % b) + b) % b;
/** The month index of a date (`y × 12 + m − 1`). */
const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
/** The first day of the month with index `i`. */
const firstOf = (i: number): string => `${pad(Math.floor(i / 12), 4)}-${pad(mod(i, 12) + 1)}-01`;

/** The default when a policy declares no period: calendar months (SPEC §6). */
const MONTHS: Pick<SettlementPeriodIR, "unit" | "startMonth"> = { unit: "month", startMonth: 1 };

/** The period of `sp` that starts at month index `start` (already aligned). */
function rangeAt(sp: Pick<SettlementPeriodIR, "unit" | "startMonth">, start: number): PeriodRange {
  const length = LENGTH[sp.unit];
  const to = endOfMonth(firstOf(start + length - 1));
  const fiscal = start - (sp.startMonth - 1); // months since the fiscal year 0 began
  const year = pad(Math.floor(fiscal / 12), 4);
  const name = sp.unit === "month" ? firstOf(start).slice(0, 7) : sp.unit === "quarter" ? `${year}-Q${mod(fiscal, 12) / 3 + 1}` : year;
  return { from: firstOf(start), to, name };
}

/** The period of `sp` (months when `undefined`) that contains `date`. */
export function periodContaining(sp: Pick<SettlementPeriodIR, "unit" | "startMonth"> | undefined, date: string): PeriodRange {
  const p = sp ?? MONTHS;
  const i = monthIndex(date);
  return rangeAt(p, i - mod(i - (p.startMonth - 1), LENGTH[p.unit]));
}

/** In words, as a contract says it: `months`, `quarters starting Feb 1`, `years starting Apr 1`. */
export function describePeriod(sp: Pick<SettlementPeriodIR, "unit" | "startMonth"> | undefined): string {
  const p = sp ?? MONTHS;
  return p.unit === "month" ? "months" : `${p.unit === "quarter" ? "quarters" : "years"} starting ${MONTH_NAMES[p.startMonth - 1]} 1`;
}

const NAME_SHAPES = { month: "YYYY-MM, e.g. \"2026-03\"", quarter: "YYYY-Qn, e.g. \"2026-Q1\"", year: "YYYY, e.g. \"2026\"" } as const;

/**
 * The period a name gives (`2026-03`, `2026-Q1`, `2026`), or the words of why not: a name of
 * another kind of period than the policy's, or a period outside the supported years.
 */
export function namedPeriod(sp: SettlementPeriodIR | undefined, name: string): PeriodRange | string {
  const p = sp ?? MONTHS;
  const expected = `policy settles by ${describePeriod(sp)}: write ${NAME_SHAPES[p.unit]}`;
  let start: number | null = null;
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/.exec(name);
  if (m) {
    const year = Number(m[1]);
    if (p.unit === "month" && m[2] !== undefined && Number(m[2]) >= 1 && Number(m[2]) <= 12) start = year * 12 + Number(m[2]) - 1;
    if (p.unit === "quarter" && m[3] !== undefined) start = year * 12 + p.startMonth - 1 + (Number(m[3]) - 1) * 3;
    if (p.unit === "year" && m[2] === undefined && m[3] === undefined) start = year * 12 + p.startMonth - 1;
  }
  if (start === null) return `"${name}" is not a period name: the ${expected}`;
  const range = rangeAt(p, start);
  if (!isSupportedDate(range.from) || !isSupportedDate(range.to)) return `"${name}" (${range.from} … ${range.to}) must lie in the supported years`;
  return range;
}

/**
 * Why `from` … `to` is not one period of the policy, or `null` when it is. A policy that declares
 * no period accepts any dates (SPEC §6 as it was: the seeds' period files keep working).
 */
export function periodBoundsProblem(sp: SettlementPeriodIR | undefined, from: string, to: string): string | null {
  if (!sp) return null;
  const p = periodContaining(sp, from);
  if (p.from === from && p.to === to) return null;
  return `${from} … ${to} is not one of the policy's periods (${describePeriod(sp)}): the one containing ${from} is ${p.name}, ${p.from} … ${p.to}`;
}

/** ISO week of a date: its Monday and Sunday, named `YYYY-Www` by its ISO week-year. */
function weekOf(date: string): PeriodRange {
  const n = dayNumber(date);
  const monday = addDays(date, -mod(n + 3, 7)); // 1970-01-01 (day 0) was a Thursday
  const thursday = addDays(monday, 3); // the ISO week-year is the year of the week's Thursday
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${thursday.slice(0, 4)}-01-01`)) / 7) + 1;
  return { from: monday, to: addDays(monday, 6), name: `${thursday.slice(0, 4)}-W${pad(week)}` };
}

/**
 * The bucket containing `date`: an ISO week, a calendar month, or a quarter — of the policy's
 * fiscal year when it settles by quarters or years ("quarters starting February 1"), else a
 * calendar quarter.
 */
export function bucketOf(unit: BucketUnit, date: string, sp: SettlementPeriodIR | undefined): PeriodRange {
  if (unit === "week") return weekOf(date);
  if (unit === "month") return periodContaining(undefined, date);
  return periodContaining({ unit: "quarter", startMonth: sp && sp.unit !== "month" ? sp.startMonth : 1 }, date);
}

/** The buckets of `unit` that share a day with `from` … `to`, in order. */
export function bucketsOver(unit: BucketUnit, from: string, to: string, sp: SettlementPeriodIR | undefined): PeriodRange[] {
  const out: PeriodRange[] = [];
  // INVARIANT: each bucket ends on or after its start, so the next start is later; period dates are bounded.
  for (let b = bucketOf(unit, from, sp); dayNumber(b.from) <= dayNumber(to); b = bucketOf(unit, addDays(b.to, 1), sp)) out.push(b);
  return out;
}

/**
 * A period file whose `period` is a name (`"2026-Q1"`) with the name replaced by its dates, for
 * the schema to read; any other input unchanged. `error` when the name is not one of the policy's.
 */
export function withNamedPeriod(input: unknown, sp: SettlementPeriodIR | undefined): { input: unknown; name: string | null } | { error: string } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { input, name: null };
  const given = (input as { period?: unknown }).period;
  if (typeof given !== "string") return { input, name: null };
  const range = namedPeriod(sp, given);
  if (typeof range === "string") return { error: range };
  // Spreading copies own keys as data properties: a `__proto__` key stays an inert own key for the strict schema to refuse.
  return { input: { ...input, period: { from: range.from, to: range.to } }, name: range.name };
}
