/**
 * Calendars open during others (`open during emea, americas, apac`, IR 16) in `sla diff`: a
 * union is compared by its open time like any calendar (`calendars.ts`); this module adds what
 * the dates alone do not say, namely which members were added, dropped or changed (citing the
 * `open during` line or the member's own block), and decides when a union and another calendar
 * mean the same though their IR differs (a union replaced by a plain calendar of the same open
 * windows, members renamed or reordered).
 */
import { calendarFromIR } from "../runtime/calendar.js";
import type { CalendarIR, MemberCalendarIR, SourceRef } from "../runtime/ir.js";
import type { Horizon } from "./horizon.js";

/** A clause as a detail line cites it: ` (line 11: open during emea, americas, apac)`. */
function citeText(ref: SourceRef | undefined): string {
  return ref ? ` (line ${ref.line}: ${ref.text.split("\n")[0]!.trim().replace(/\s+/g, " ")})` : "";
}

/** A member's meaning as text: everything but where it was written. */
function content(m: MemberCalendarIR): string {
  return JSON.stringify(m, (k, v: unknown) => (k === "origin" || k.endsWith("Origin") ? undefined : v));
}

const names = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(", ");

/** What a change of a union's members says, and the clauses it cites. */
export interface MemberNotes {
  /** Detail lines: members added, dropped or changed, or a calendar becoming (or ceasing to be) a union. */
  readonly details: string[];
  /** The clauses to cite: the `open during` line when the members named there change, else `null` (the block). */
  readonly old: SourceRef | null;
  readonly new: SourceRef | null;
}

/** The member notes of a calendar change from `a` to `b` (none when neither is a union). */
export function memberNotes(a: CalendarIR, b: CalendarIR): MemberNotes {
  const none: MemberNotes = { details: [], old: null, new: null };
  if (a.kind !== "union" && b.kind !== "union") return none;
  const during = (c: CalendarIR) => (c.kind === "union" ? (c.duringOrigin ?? c.origin) : c.origin);
  if (a.kind !== "union" || b.kind !== "union") {
    const union = b.kind === "union" ? b : a;
    const line = `calendar \`${b.name}\` now ${b.kind === "union" ? `open during ${names((union.members ?? []).map((m) => m.name))}` : "its own hours"} (was ${a.kind === "union" ? `open during ${names((union.members ?? []).map((m) => m.name))}` : "its own hours"})`;
    return { details: [`${line}${citeText(b.kind === "union" ? during(b) : undefined)}`], old: during(a), new: during(b) };
  }
  const was = new Map((a.members ?? []).map((m) => [m.name, m]));
  const now = new Map((b.members ?? []).map((m) => [m.name, m]));
  const added = [...now.keys()].filter((n) => !was.has(n));
  const dropped = [...was.keys()].filter((n) => !now.has(n));
  const details: string[] = [];
  const calendar = `calendar \`${b.name}\``;
  if (added.length > 0) details.push(`${calendar} now open during ${names(added)} too${citeText(during(b))}`);
  if (dropped.length > 0) details.push(`${calendar} no longer open during ${names(dropped)}${citeText(added.length > 0 ? undefined : during(b))}`);
  for (const [name, m] of now) {
    const old = was.get(name);
    if (old && content(old) !== content(m)) details.push(`${calendar} is open during \`${name}\`, which changed${citeText(m.origin)}`);
  }
  const named = added.length > 0 || dropped.length > 0;
  return { details, old: named ? during(a) : null, new: named ? during(b) : null };
}

/** Local years of the dated closures and openings of a calendar and its members. */
function datedYears(c: CalendarIR): number[] {
  const all = [c, ...(c.members ?? [])];
  return all.flatMap((x) => [...x.closures, ...x.openings].map((d) => Number(d.date.slice(0, 4))));
}

const YEAR_MS = 366 * 86_400_000;

/**
 * Whether two calendars, one of them a union, mean the same though their IR differs: the same
 * zone and the same open time over the horizon and over every year beyond it holding a dated
 * closure or opening of either (weekly hours, holidays and yearly rules recur within the
 * horizon). The structural fallback then says nothing: member names, their order, or hours
 * written as members rather than windows are how the calendar is written, not what it means.
 */
export function sameUnionMeaning(a: CalendarIR, b: CalendarIR, h: Horizon, sameOpenTime: (x: CalendarIR, y: CalendarIR, h: Horizon) => boolean): boolean {
  if (a.kind !== "union" && b.kind !== "union") return false;
  if (a.zone !== b.zone || !sameOpenTime(a, b, h)) return false;
  const x = calendarFromIR(a);
  const y = calendarFromIR(b);
  for (const year of new Set([...datedYears(a), ...datedYears(b)])) {
    // A day either side of the UTC year covers its local dates in every zone.
    const from = Date.UTC(year, 0, 1) - 86_400_000;
    const to = from + YEAR_MS + 2 * 86_400_000;
    if (from >= h.from && to <= h.to) continue;
    if (JSON.stringify(x.openIntervals(from, to)) !== JSON.stringify(y.openIntervals(from, to))) return false;
  }
  return true;
}
