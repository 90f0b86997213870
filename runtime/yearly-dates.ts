/**
 * Yearly closures and a vendor's own holiday rules (issue 11.6) resolved to the local dates of
 * one year. Used only while `calendar-year.ts` builds a year's tables, so the query path never
 * sees a rule: a rule is a date per year (`Dec 24`, `fourth Thu of Nov`), moved off a weekend
 * when it is `observed` elsewhere, possibly into the neighbouring year (Jan 1 on a Saturday is
 * observed on Dec 31), which is why each year also resolves the rules of the years either side.
 */
import type { Window, YearDayIR, YearlyClosureIR } from "./ir.js";

const DAY_MS = 86_400_000;

/** What the yearly rules close on one date: the whole date, or some windows. */
export interface YearlyClosing {
  closed: boolean;
  close: Window[];
}

/** Monday = 0 … Sunday = 6 of a UTC-midnight date. */
function weekdayOf(ms: number): number {
  return (new Date(ms).getUTCDay() + 6) % 7;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date (UTC midnight ms) of `day` in `year`, or NaN when that year has none (Feb 29, a fifth
 * Monday); `dayAfter` moves it a day on (into the next year for `day after Dec 31`).
 */
export function yearDayIn(day: YearDayIR, year: number): number {
  const date = nominalDate(day, year);
  return day.dayAfter ? date + DAY_MS : date;
}

function nominalDate(day: YearDayIR, year: number): number {
  const last = daysInMonth(year, day.month);
  if (day.kind === "date") return day.day <= last ? Date.UTC(year, day.month - 1, day.day) : NaN;
  if (day.nth === -1) {
    const end = Date.UTC(year, day.month - 1, last);
    return end - ((weekdayOf(end) - day.weekday + 7) % 7) * DAY_MS;
  }
  const first = Date.UTC(year, day.month - 1, 1);
  const offset = (day.weekday - weekdayOf(first) + 7) % 7 + (day.nth - 1) * 7;
  return offset < last ? first + offset * DAY_MS : NaN;
}

/** Where a date is observed: Sat → Fri or Mon, Sun → Mon, when its weekday is one that moves. */
function observedDate(rule: YearlyClosureIR, date: number): number {
  const o = rule.observed;
  if (!o) return date;
  const wd = weekdayOf(date);
  if (!o.on.includes(wd)) return date;
  if (wd === 5) return date + (o.mode === "nearest" ? -1 : 2) * DAY_MS;
  if (wd === 6) return date + DAY_MS;
  return date;
}

/** A rule and the date (UTC midnight ms) it closes, once observed. */
interface RuleDate {
  readonly rule: YearlyClosureIR;
  readonly date: number;
}

/** A whole-day closing: a holiday, or a `closed every` without windows. */
const wholeDay = (rule: YearlyClosureIR): boolean => rule.holiday || rule.windows === null;

/**
 * Every rule's dates in the years around `year`, observed. `observed next free weekday` rules
 * move last, in nominal date order (then as written), each to the first weekday after its date
 * that no other whole-day rule holds: the dates that do not move are taken first, so Christmas
 * on a Sunday passes the Boxing Day Monday to Tuesday 27, and on a Saturday it takes Monday 27
 * and sends Boxing Day on to Tuesday 28.
 */
function observedDates(rules: readonly YearlyClosureIR[], year: number): RuleDate[] {
  const placed: RuleDate[] = [];
  const moving: RuleDate[] = [];
  for (const rule of rules) {
    for (let y = year - 1; y <= year + 1; y++) {
      const nominal = yearDayIn(rule.day, y);
      if (nominal !== nominal) continue;
      if (rule.observed?.mode === "nextFree" && rule.observed.on.includes(weekdayOf(nominal))) moving.push({ rule, date: nominal });
      else placed.push({ rule, date: observedDate(rule, nominal) });
    }
  }
  if (moving.length === 0) return placed;
  const taken = new Set<number>();
  for (const p of placed) if (wholeDay(p.rule)) taken.add(p.date);
  // INVARIANT: Array.prototype.sort is stable, so rules with one nominal date keep their order.
  moving.sort((a, b) => a.date - b.date);
  for (const m of moving) {
    let date = m.date + DAY_MS;
    while (weekdayOf(date) > 4 || taken.has(date)) date += DAY_MS;
    if (wholeDay(m.rule)) taken.add(date);
    placed.push({ rule: m.rule, date });
  }
  return placed;
}

/**
 * The closings of `rules` on the dates of `year`, keyed `YYYY-MM-DD`. Two rules on one date add
 * up (a whole-day closing wins over windows).
 */
export function yearlyClosings(rules: readonly YearlyClosureIR[], year: number): Map<string, YearlyClosing> {
  const out = new Map<string, YearlyClosing>();
  for (const { rule, date } of observedDates(rules, year)) {
    if (new Date(date).getUTCFullYear() !== year) continue;
    const key = new Date(date).toISOString().slice(0, 10);
    let c = out.get(key);
    if (!c) out.set(key, (c = { closed: false, close: [] }));
    if (rule.holiday || rule.windows === null) c.closed = true;
    else c.close.push(...rule.windows);
  }
  return out;
}
