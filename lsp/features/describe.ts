/**
 * Policy facts in words, for hovers and completion details: a calendar's hours, a goal's
 * meaning, a zone's offsets, a holiday code's next holidays.
 */
import Holidays from "date-holidays";
import { DateTime, IANAZone } from "luxon";
import type * as A from "../../compiler/ast.js";
import type { CompileResult } from "../../compiler/index.js";
import type { CalendarIR, MemberCalendarIR, PolicyIR, Window } from "../../runtime/ir.js";
import { WEEKDAYS } from "./keyword-docs.js";

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function windows(ws: readonly Window[]): string {
  return ws.map((w) => `${clock(w.from)}–${clock(w.to)}`).join(", ");
}

/** Weekly hours grouped into runs of days with the same windows: `Mon–Fri 09:00–18:00, Sat 09:00–13:00`. */
function weekInWords(week: readonly (readonly Window[])[]): string {
  const keys = week.map(windows);
  // Start at a day that differs from the one before, so a run across Sunday (Sun–Thu) stays one run.
  let first = keys.findIndex((k, d) => k !== keys[(d + 6) % 7]);
  if (first < 0) first = 0;
  const runs: { order: number; text: string }[] = [];
  for (let i = 0; i < 7;) {
    const day = (first + i) % 7;
    let len = 1;
    while (i + len < 7 && keys[(first + i + len) % 7] === keys[day]) len++;
    if (keys[day] !== "") {
      const last = (day + len - 1) % 7;
      // The run that covers Monday comes first (`Sun–Thu …, Sat …`), the others in week order.
      runs.push({ order: day + len > 7 || day === 0 ? -1 : day, text: `${len === 1 ? WEEKDAYS[day] : `${WEEKDAYS[day]}–${WEEKDAYS[last]}`} ${keys[day]}` });
    }
    i += len;
  }
  runs.sort((a, b) => a.order - b.order);
  return runs.length > 0 ? runs.map((r) => r.text).join(", ") : "never open";
}

function holidayCodes(cal: CalendarIR | MemberCalendarIR): string {
  return cal.holidays.map((h) => (h.region ? `${h.country}-${h.region}` : h.country)).join(", ");
}

/**
 * The holiday codes a calendar stays open on: `open on holidays` drops its parents' holidays
 * from the IR, so they are found by walking the `extends` chain of the source.
 */
function openedHolidays(result: CompileResult, ir: PolicyIR, name: string): string | null {
  let opened = false;
  const seen = new Set<string>();
  for (let current: string | null = name; current && !seen.has(current);) {
    seen.add(current);
    const cal = ir.calendars.find((c) => c.name === current);
    if (opened && cal && cal.holidays.length > 0) return holidayCodes(cal);
    const decl: A.Decl | undefined = result.symbols.get("calendar", current)?.decl;
    if (decl?.kind !== "calendar") return null;
    if (decl.items.some((i) => i.kind === "openOnHolidays")) opened = true;
    current = decl.parent?.text ?? null;
  }
  return null;
}

/** A calendar's own hours, zone, holidays and closures: `Mon–Sat 09:00–18:00, Europe/Rome, open on IT holidays`. */
function ownHoursInWords(result: CompileResult, ir: PolicyIR, cal: CalendarIR | MemberCalendarIR): string {
  const hours =
    cal.kind === "always" ? "24×7" : cal.kind === "days" ? `business days ${weekInWords(cal.week).replace(/ 00:00–24:00/g, "")}` : weekInWords(cal.week);
  const parts = [hours, cal.zone];
  if (cal.holidays.length > 0) parts.push(`closed on ${holidayCodes(cal)} holidays`);
  else {
    const opened = openedHolidays(result, ir, cal.name);
    if (opened) parts.push(`open on ${opened} holidays`);
  }
  if (cal.closures.length > 0) parts.push(`${cal.closures.length} closed date${cal.closures.length === 1 ? "" : "s"}`);
  if (cal.openings.length > 0) parts.push(`${cal.openings.length} extra opening${cal.openings.length === 1 ? "" : "s"}`);
  // Issue 11.6: the vendor's own holidays by name, and the yearly closures by count.
  const ruleHolidays = (cal.yearly ?? []).filter((y) => y.holiday);
  const yearlyClosures = (cal.yearly ?? []).length - ruleHolidays.length;
  if (ruleHolidays.length > 0) parts.push(`closed on ${ruleHolidays.map((y) => y.name ?? y.origin.text).join(", ")}`);
  if (yearlyClosures > 0) parts.push(`${yearlyClosures} yearly closure${yearlyClosures === 1 ? "" : "s"}`);
  return parts.join(", ");
}

/**
 * A calendar open during others (IR 16) has no hours of its own: it is described by its members,
 * each as a plain calendar is, and by the zone whose dates are its business days.
 */
function unionInWords(result: CompileResult, ir: PolicyIR, cal: CalendarIR): string {
  const members = (cal.members ?? []).map((m) => `\`${m.name}\` (${ownHoursInWords(result, ir, m)})`);
  const listed = members.length > 1 ? `${members.slice(0, -1).join(", ")} or ${members.at(-1)}` : (members[0] ?? "no calendar");
  return `open whenever ${listed} is open; business days on ${cal.zone} dates`;
}

/**
 * `Mon–Fri 09:00–18:00, Sat 09:00–18:00, Europe/Rome, open on IT holidays`; for a calendar open
 * during others, `open whenever \`emea\` (…) or \`apac\` (…) is open; business days on UTC dates`;
 * null when unknown.
 */
export function calendarInWords(result: CompileResult, ir: PolicyIR, name: string): string | null {
  const cal = ir.calendars.find((c) => c.name === name);
  if (!cal) return null;
  return cal.kind === "union" ? unionInWords(result, ir, cal) : ownHoursInWords(result, ir, cal);
}

const ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** What a goal cell commits to, in a sentence (SPEC §2.5–2.9). */
export function goalInWords(cell: A.Cell, written: string): string | null {
  switch (cell.kind) {
    case "under": {
      const due = goalInWords(cell.duration, written);
      return due === null ? null : `${due}; met only strictly before that due: a reply at the due itself misses`;
    }
    case "duration": {
      const unit = `${cell.unit}${cell.amount === 1 ? "" : "s"}`;
      if (!cell.business) return `due after ${cell.amount} ${unit} of elapsed time, 24×7 (paused time excluded)`;
      if (cell.unit === "day") {
        const nth = ORDINALS[cell.amount] ?? `${cell.amount}th`;
        return `due at the close of the ${nth} business day after the day the clock starts`;
      }
      return `due once ${cell.amount} ${unit} of the calendar's open time have passed since the clock started (paused time excluded)`;
    }
    case "nextBusinessDay":
      return "due at the close of the next business day after the day the clock starts";
    case "sameBusinessDay":
      return "due at the close of the day the clock starts, if that is a business day and before its close; else at the close of the next business day";
    case "bestEffort":
    case "none":
      return `\`${written}\`: no commitment, no due time`;
    default:
      return null;
  }
}

/** A zone's offset now and across the year: `UTC+01:00 (CET) now; UTC+02:00 (CEST) in summer`. */
export function zoneInWords(zone: string, now: DateTime = DateTime.now()): string | null {
  if (!IANAZone.isValidZone(zone)) return null;
  const here = now.setZone(zone);
  const show = (t: DateTime) => `UTC${t.toFormat("ZZ")}${t.offsetNameShort && !t.offsetNameShort.startsWith("GMT") ? ` (${t.offsetNameShort})` : ""}`;
  const jan = DateTime.fromObject({ year: here.year, month: 1, day: 1 }, { zone });
  const jul = DateTime.fromObject({ year: here.year, month: 7, day: 1 }, { zone });
  const other = here.offset === jan.offset ? jul : jan;
  const season = other === jul ? "summer" : "winter";
  const rest = other.offset === here.offset ? "no daylight saving time" : `${show(other)} in ${season}`;
  return `${show(here)} now (local time ${here.toFormat("ccc yyyy-MM-dd HH:mm")}); ${rest}`;
}

const holidayInstances = new Map<string, Holidays | null>();
let probe: Holidays | null = null;
/** One instance without a country, to list countries and regions (building one parses data). */
function holidayProbe(): Holidays {
  probe ??= new Holidays();
  return probe;
}

/** The date-holidays instance for `IT` or `DE-BY`, or null when the package does not know it. */
function holidaysFor(code: string): Holidays | null {
  if (holidayInstances.has(code)) return holidayInstances.get(code)!;
  const [country = "", region, ...rest] = code.toUpperCase().split("-");
  const known =
    Object.hasOwn(holidayProbe().getCountries() ?? {}, country) &&
    rest.length === 0 &&
    (region === undefined || Object.hasOwn(holidayProbe().getStates(country) ?? {}, region));
  const hd = known ? (region ? new Holidays(country, region) : new Holidays(country)) : null;
  holidayInstances.set(code, hd);
  return hd;
}

/** The next `count` public holidays of a code from `today` (`YYYY-MM-DD`), or null for an unknown code. */
export function upcomingHolidays(code: string, count: number, today: string = new Date().toISOString().slice(0, 10)): { date: string; name: string }[] | null {
  const hd = holidaysFor(code);
  if (!hd) return null;
  const year = Number(today.slice(0, 4));
  const out: { date: string; name: string }[] = [];
  for (const y of [year, year + 1]) {
    for (const h of hd.getHolidays(y)) {
      const date = h.date.slice(0, 10);
      if (h.type === "public" && date >= today && !out.some((o) => o.date === date)) out.push({ date, name: h.name });
    }
    if (out.length >= count) break;
  }
  return out.slice(0, count);
}

/** Holiday codes for completion: countries, or the regions of one country (`DE-`). */
export function holidayCodeChoices(typed: string): { code: string; name: string }[] {
  const dash = typed.indexOf("-");
  if (dash < 0) return Object.entries(holidayProbe().getCountries() ?? {}).map(([code, name]) => ({ code, name }));
  const country = typed.slice(0, dash).toUpperCase();
  return Object.entries(holidayProbe().getStates(country) ?? {}).map(([region, name]) => ({ code: `${country}-${region}`, name }));
}
