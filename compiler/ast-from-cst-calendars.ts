/**
 * The builder for calendars and regions (`grammar/rules/calendars.ts`): opening hours, closures,
 * holiday rules, calendar references and region languages.
 */
import type * as C from "../grammar/cst.generated.js";
import type * as A from "./ast.js";
import { sub, subs, spanOf, tok, toks } from "./cst-access.js";
import { items, lit, MONTHS, name, str } from "./ast-from-cst-values.js";
import { conditions } from "./ast-from-cst-declarations.js";

/** The words of a `wordList` (`en, it`). */
function words(node: C.WordListCstNode | null): A.Name[] {
  return node ? toks(node, "Word").map((t) => name(t)!) : [];
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1 };

/** `09:30` → 570 minutes after midnight. */
export function clockMinutes(image: string): number {
  const [h, m] = image.split(":");
  return Number(h) * 60 + Number(m);
}

function windows(node: C.WindowListCstNode | null): A.Window[] {
  if (!node) return [];
  const out: A.Window[] = [];
  for (const w of subs(node, "window")) {
    const from = lit(tok(w, "ClockTime", 0), clockMinutes);
    const to = lit(tok(w, "ClockTime", 1), clockMinutes);
    if (from && to) out.push({ from, to, span: spanOf(w) });
  }
  return out;
}

function dayRanges(node: C.DayListCstNode | null): A.DayRange[] {
  if (!node) return [];
  const out: A.DayRange[] = [];
  for (const r of subs(node, "dayRange")) {
    const from = lit(tok(r, "Weekday", 0), (s) => WEEKDAYS.indexOf(s));
    if (from) out.push({ from, to: lit(tok(r, "Weekday", 1), (s) => WEEKDAYS.indexOf(s)), span: spanOf(r) });
  }
  return out;
}

/** `zone "…"` or `zone from ticket`. */
export function zoneItem(zone: C.ZoneClauseCstNode, span: A.Decl["span"]): Extract<A.CalendarItem, { kind: "zone" }> {
  return { kind: "zone", zone: str(tok(zone, "StringLit")), fromTicket: sub(zone, "fromTicket") !== null, span };
}

/** `holidays "IT", "AT"` or `holidays from ticket`. */
export function holidaysItem(hol: C.HolidaysClauseCstNode, span: A.Decl["span"]): Extract<A.CalendarItem, { kind: "holidays" }> {
  return { kind: "holidays", codes: toks(hol, "StringLit").map((t) => str(t)!), fromTicket: sub(hol, "fromTicket") !== null, span };
}

/** `Dec 24` or `third Mon of Jan` (issue 11.6). */
function yearDay(node: C.YearDayCstNode | null): A.YearDay | null {
  if (!node) return null;
  const month = lit(tok(node, "Month"), (s) => MONTHS.indexOf(s) + 1);
  const nth = lit(tok(node, "Ordinal"), (s) => ORDINALS[s] ?? 1);
  if (!month) return null;
  const dayAfter = tok(node, "After") !== null;
  if (nth) {
    const weekday = lit(tok(node, "Weekday"), (s) => WEEKDAYS.indexOf(s));
    return weekday ? { kind: "nth", nth, weekday, month, dayAfter, span: spanOf(node) } : null;
  }
  const day = lit(tok(node, "NumberLit"), Number);
  return day ? { kind: "date", month, day, dayAfter, span: spanOf(node) } : null;
}

/** `observed nearest weekday`, `observed next weekday when on Sun`, `observed next free weekday`. */
function observed(node: C.ObservedClauseCstNode | null): A.Observed | null {
  if (!node) return null;
  return { mode: tok(node, "Nearest") ? "nearest" : tok(node, "Free") ? "nextFree" : "next", on: dayRanges(sub(node, "dayList")), span: spanOf(node) };
}

/** `closed 2026-12-25`, `closed 2026-12-29 to 2027-01-03`, `closed every Dec 24 from 14:00`. */
function closedItem(closed: C.ClosedClauseCstNode, span: A.Decl["span"]): A.CalendarItem {
  const from = lit(tok(closed, "ClockTime"), clockMinutes);
  const ws = windows(sub(closed, "windowList"));
  if (tok(closed, "Every")) {
    return { kind: "yearly", holiday: false, name: null, day: yearDay(sub(closed, "yearDay")), observed: observed(sub(closed, "observedClause")), from, windows: ws, span };
  }
  return { kind: "closed", date: lit(tok(closed, "DateLit"), String), until: lit(tok(closed, "DateLit", 1), String), from, windows: ws, span };
}

function calendarItem(node: C.CalendarItemCstNode): A.CalendarItem | null {
  const span = spanOf(node);
  const zone = sub(node, "zoneClause");
  if (zone) return zoneItem(zone, span);
  const hol = sub(node, "holidaysClause");
  if (hol) return holidaysItem(hol, span);
  if (sub(node, "openOnHolidays")) return { kind: "openOnHolidays", span };
  const during = sub(node, "openDuring");
  if (during) return { kind: "openDuring", calendars: toks(during, "Identifier").map((t) => name(t)!), span };
  const closed = sub(node, "closedClause");
  if (closed) return closedItem(closed, span);
  const holiday = sub(node, "holidayRule");
  if (holiday) {
    const day = yearDay(sub(holiday, "yearDay"));
    return { kind: "yearly", holiday: true, name: str(tok(holiday, "StringLit")), day, observed: observed(sub(holiday, "observedClause")), from: null, windows: [], span };
  }
  const opening = sub(node, "openingClause");
  if (opening) return { kind: "opening", date: lit(tok(opening, "DateLit"), String), windows: windows(sub(opening, "windowList")), span };
  if (sub(node, "alwaysClause")) return { kind: "always", span };
  const days = sub(node, "daysClause");
  if (days) return { kind: "days", days: dayRanges(sub(days, "dayList")), span };
  const hours = sub(node, "hoursClause");
  if (hours) return { kind: "hours", days: dayRanges(sub(hours, "dayList")), windows: windows(sub(hours, "windowList")), span };
  return null;
}

/** `calendar europe_hours for gold, platinum` in a region, target or escalation. */
export function calendarRef(node: C.CalendarRefCstNode): A.CalendarRef {
  const when = conditions(subs(node, "condition"));
  return { kind: "calendarRef", calendar: name(tok(node, "Identifier")), plans: when && !when.axis && !when.also ? when.values : [], when, span: spanOf(node) };
}

/** `calendar NAME ["title"] [extends PARENT] { … }`. */
export function calendarDecl(cal: C.CalendarDeclCstNode): A.Decl {
  return {
    kind: "calendar",
    name: name(tok(cal, "Identifier", 0)),
    title: str(tok(cal, "StringLit")),
    parent: tok(cal, "Extends") ? name(tok(cal, "Identifier", 1)) : null,
    items: items(subs(cal, "calendarItem"), calendarItem),
    span: spanOf(cal),
  };
}

function regionItem(item: C.RegionItemCstNode): A.CalendarRef | A.LanguagesClause | null {
  const ref = sub(item, "calendarRef");
  if (ref) return calendarRef(ref);
  const langs = sub(item, "languagesClause");
  if (langs) return { kind: "languages", optional: tok(langs, "Optional") !== null, codes: words(sub(langs, "wordList")), span: spanOf(langs) };
  return null;
}

/** `region NAME ["title"] { calendars and languages }`. */
export function regionDecl(region: C.RegionDeclCstNode): A.Decl {
  return {
    kind: "region",
    name: name(tok(region, "Identifier")),
    title: str(tok(region, "StringLit")),
    items: items(subs(region, "regionItem"), regionItem),
    span: spanOf(region),
  };
}
