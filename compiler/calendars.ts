/**
 * Calendars (SPEC §2.2–2.4): check zones, holiday codes, windows and inheritance, and lower each
 * calendar to its IR with the parent's hours merged in.
 */
import { DateTime, IANAZone } from "luxon";
import type { Span } from "../grammar/source.js";
import type { CalendarIR, MemberCalendarIR, SourceRef, Window, YearlyClosureIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";
import { lowerYearly, rangeDates } from "./calendar-rules.js";
import { didYouMean } from "./diagnostic.js";
import { HOLIDAY_COUNTRY_ALIASES, HOLIDAY_REGIONS } from "../runtime/holiday-codes.generated.js";
import { canonicalZoneFor } from "./zone-names.js";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Check a holiday code `IT` or `DE-BY` against date-holidays. Returns the IR form or null. */
export function checkHolidayCode(ctx: CheckContext, code: A.Str): { country: string; region: string | null } | null {
  const [country = "", region = null, ...rest] = code.value.split("-");
  // The codes come precomputed from date-holidays (loading it here would slow every `sla check`).
  const states = HOLIDAY_REGIONS.get(country);
  if (states === undefined || rest.length > 0) {
    // An ISO-3 code or a country's name first (`USA` → `US`, not `SA`), then edit distance.
    const alias = HOLIDAY_COUNTRY_ALIASES.get(code.value.toLowerCase()) ?? HOLIDAY_COUNTRY_ALIASES.get(country.toLowerCase());
    const suggestion = alias ?? didYouMean(country.toUpperCase(), [...HOLIDAY_REGIONS.keys()]);
    ctx.diagnostics.error("SLA202", code.span, `unknown holiday country \`${code.value}\``, {
      help: suggestion ? `did you mean \`${suggestion}\`? codes are ISO 3166 countries known to date-holidays` : "codes are ISO 3166 countries known to date-holidays, e.g. `IT` or `DE-BY`",
      ...(suggestion ? { fixes: [{ title: `change to \`${suggestion}\``, edits: [{ span: code.span, newText: `"${suggestion}"` }] }] } : {}),
    });
    return null;
  }
  if (region !== null) {
    if (!states.includes(region)) {
      const known = states;
      const suggestion = didYouMean(region, known);
      ctx.diagnostics.error("SLA202", code.span, `unknown region \`${region}\` of holiday country \`${country}\``, {
        help: suggestion
          ? `did you mean \`${country}-${suggestion}\`?`
          : known.length > 0
            ? `regions of \`${country}\`: ${known.join(", ")}`
            : `\`${country}\` has no regions in date-holidays`,
      });
      return null;
    }
  }
  return { country, region };
}

/** luxon builds an Intl.DateTimeFormat per check: remember the answers (zones are few). */
const zoneValidity = new Map<string, boolean>();

export function checkZone(ctx: CheckContext, zone: A.Str): boolean {
  let valid = zoneValidity.get(zone.value);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone.value);
    zoneValidity.set(zone.value, valid);
  }
  const canonical = canonicalZoneFor(zone.value);
  const fix = (to: string) => ({ fixes: [{ title: `change to \`${to}\``, edits: [{ span: zone.span, newText: `"${to}"` }] }] });
  if (valid) {
    if (canonical) {
      ctx.diagnostics.warning("SLA903", zone.span, `\`${zone.value}\` is a legacy zone name, not a place`, {
        help: `did you mean \`${canonical}\`? a fixed offset or an abbreviation does not follow the place's summer time, so dues move by an hour`,
        ...fix(canonical),
      });
    }
    return true;
  }
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const suggestion = canonical ?? didYouMean(zone.value, all);
  ctx.diagnostics.error("SLA201", zone.span, `invalid time zone \`${zone.value}\``, {
    help: suggestion ? `did you mean \`${suggestion}\`?` : "use an IANA time zone such as `Europe/Rome` or `America/New_York`",
    ...(suggestion ? { fixes: [{ title: `change to \`${suggestion}\``, edits: [{ span: zone.span, newText: `"${suggestion}"` }] }] } : {}),
  });
  return false;
}

/** A clock time is 00:00–24:00 with minutes below 60. */
function checkClock(ctx: CheckContext, t: A.Lit<number>, image: string): boolean {
  const minutes = Number(image.split(":")[1]);
  if (minutes >= 60 || t.value > 1440) {
    ctx.diagnostics.error("SLA206", t.span, `invalid clock time \`${image}\``, { help: "clock times run from `00:00` to `24:00`" });
    return false;
  }
  return true;
}

export function checkDate(ctx: CheckContext, date: A.Lit<string>): boolean {
  if (DateTime.fromISO(date.value).isValid) return true;
  ctx.diagnostics.error("SLA206", date.span, `invalid date \`${date.value}\``, { help: "dates are `YYYY-MM-DD`" });
  return false;
}

/** Check windows (start < end, valid clock times) and return the good ones with their spans. */
function checkWindows(ctx: CheckContext, windows: readonly A.Window[]): { w: Window; span: Span }[] {
  const out: { w: Window; span: Span }[] = [];
  for (const win of windows) {
    const text = (l: A.Lit<number>) => ctx.file.text.slice(l.span.start, l.span.end);
    if (!checkClock(ctx, win.from, text(win.from)) || !checkClock(ctx, win.to, text(win.to))) continue;
    if (win.from.value >= win.to.value) {
      const written = ctx.file.text.slice(win.span.start, win.span.end);
      const empty = win.from.value === win.to.value;
      ctx.diagnostics.error("SLA203", win.span, empty ? `window \`${written}\` is empty` : `window \`${written}\` ends before it starts`, {
        help: empty
          ? "a window's start must be before its end; remove the window if the day is closed"
          : "a window's start must be before its end; write overnight cover as two windows (`22:00-24:00` and `00:00-06:00` the next day)",
      });
      continue;
    }
    out.push({ w: { from: win.from.value, to: win.to.value }, span: win.span });
  }
  return out;
}

/** The closed parts of a closure: `from 13:00` to midnight, its windows, or `null` for the whole date. */
function closedParts(ctx: CheckContext, item: { readonly from: A.Lit<number> | null; readonly windows: readonly A.Window[] }): Window[] | null {
  if (item.from) return checkWindows(ctx, [{ from: item.from, to: { value: 1440, span: item.from.span }, span: item.from.span }]).map((x) => x.w);
  if (item.windows.length > 0) return checkWindows(ctx, item.windows).map((x) => x.w);
  return null;
}

function expandDays(ranges: readonly A.DayRange[]): number[] {
  const days: number[] = [];
  for (const r of ranges) {
    const from = r.from.value;
    const to = r.to?.value ?? from;
    // `Sun-Thu` wraps around the week.
    for (let d = from; ; d = (d + 1) % 7) {
      if (!days.includes(d)) days.push(d);
      if (d === to) break;
    }
  }
  return days;
}

interface LoweredCalendar {
  ir: CalendarIR;
  /** Span of each weekly window, to point overlap errors at the newest one. */
  windowSpans: (Span | null)[][];
  hasHours: boolean;
}

/** Check and lower every calendar, parents first. */
export function lowerCalendars(ctx: CheckContext, decls: readonly A.CalendarDecl[]): Map<string, CalendarIR> {
  const done = new Map<string, LoweredCalendar>();
  const visiting = new Set<string>();

  const lower = (decl: A.CalendarDecl): LoweredCalendar | null => {
    const name = decl.name?.text;
    if (!name) return null;
    const seen = done.get(name);
    if (seen) return seen;
    if (visiting.has(name)) {
      const path = [...visiting];
      const cycle = [...path.slice(path.indexOf(name)), name].map((n) => `\`${n}\``).join(" → ");
      ctx.diagnostics.error("SLA104", decl.parent?.span ?? decl.span, `calendar \`${name}\` extends itself: ${cycle}`, {
        help: "remove `extends` from one calendar of the cycle",
      });
      return null;
    }
    visiting.add(name);
    let parent: LoweredCalendar | null = null;
    if (decl.parent) {
      const entry = ctx.symbols.resolve("calendar", decl.parent, name);
      if (entry && entry.decl.kind === "calendar") parent = lower(entry.decl);
    }
    // `open during a, b`: the members are lowered first, like a parent.
    const members: { name: A.Name; lowered: LoweredCalendar }[] = [];
    let membersBroken = false;
    for (const item of decl.items) {
      if (item.kind !== "openDuring") continue;
      for (const member of item.calendars) {
        if (visiting.has(member.text)) {
          const path = [...visiting];
          const cycle = [...path.slice(path.indexOf(member.text)), member.text].map((n) => `\`${n}\``).join(" → ");
          ctx.diagnostics.error("SLA104", member.span, `\`open during\` runs in a circle: ${cycle}`, {
            help: "a calendar cannot be open during itself: remove it from one `open during` line of the cycle",
          });
          membersBroken = true;
          continue;
        }
        const entry = ctx.symbols.resolve("calendar", member, name);
        const lowered = entry && entry.decl.kind === "calendar" ? lower(entry.decl) : null;
        if (lowered) members.push({ name: member, lowered });
        else membersBroken = true;
      }
    }
    visiting.delete(name);
    // An unknown or cyclic parent is reported already; what it would have given is not missing.
    const lowered = lowerOne(ctx, decl, name, parent, (decl.parent !== null && parent === null) || membersBroken, members);
    done.set(name, lowered);
    return lowered;
  };

  for (const d of decls) lower(d);
  return new Map([...done].map(([k, v]) => [k, v.ir]));
}

function lowerOne(
  ctx: CheckContext,
  decl: A.CalendarDecl,
  name: string,
  parent: LoweredCalendar | null,
  parentBroken: boolean,
  members: readonly { name: A.Name; lowered: LoweredCalendar }[],
): LoweredCalendar {
  if (decl.items.some((i) => i.kind === "openDuring")) return lowerUnion(ctx, decl, name, parentBroken, members);
  if (parent?.ir.kind === "union") {
    ctx.diagnostics.error("SLA211", decl.parent!.span, `calendar \`${name}\` extends \`${parent.ir.name}\`, which is open during other calendars`, {
      help: `a calendar open during others has no hours of its own to extend: extend one of its calendars (${(parent.ir.members ?? []).map((m) => `\`${m.name}\``).join(", ")}), or add this calendar to its \`open during\` line`,
    });
  }
  const week: Window[][] = parent ? parent.ir.week.map((d) => [...d]) : [[], [], [], [], [], [], []];
  const windowSpans: (Span | null)[][] = parent ? parent.windowSpans.map((d) => d.map(() => null)) : [[], [], [], [], [], [], []];
  let zone = parent?.ir.zone ?? null;
  let kind: CalendarIR["kind"] = parent?.ir.kind ?? "hours";
  let holidays = parent ? [...parent.ir.holidays] : [];
  const closures = parent ? [...parent.ir.closures] : [];
  const openings = parent ? [...parent.ir.openings] : [];
  let yearly: YearlyClosureIR[] = parent ? [...(parent.ir.yearly ?? [])] : [];
  let hasHours = parent?.hasHours ?? false;
  let zoneSeen: Span | null = null;
  let openOnHolidays: Span | null = null;
  // `zone from ticket`, `holidays from ticket` (issue 11): the customer's, given per ticket.
  let zoneFromTicket = parent?.ir.zoneFromTicket === true;
  let holidaysFromTicket = parent?.ir.holidaysFromTicket === true;

  /** Add a window to some weekdays; one diagnostic lists every day it overlaps on. */
  const addWindow = (days: readonly number[], w: Window, span: Span) => {
    const clashDays: string[] = [];
    let other: Span | null = null;
    for (const day of days) {
      const clash = week[day]!.findIndex((o) => w.from < o.to && o.from < w.to);
      if (clash >= 0) {
        clashDays.push(DAY_NAMES[day]!);
        other ??= windowSpans[day]![clash] ?? null;
        continue;
      }
      week[day]!.push(w);
      windowSpans[day]!.push(span);
    }
    if (clashDays.length > 0) {
      ctx.diagnostics.error("SLA204", span, `window overlaps another window on ${clashDays.join(", ")}`, {
        help: "windows of one day must not overlap: merge them into one window",
        ...(other ? { labels: [{ span: other, message: "the other window" }] } : {}),
      });
    }
  };

  for (const item of decl.items) {
    switch (item.kind) {
      case "zone":
        zoneSeen = once(ctx, item.span, zoneSeen, "the calendar's zone is given twice", "first zone", "a calendar has one zone: remove one of the `zone` lines");
        zoneFromTicket = item.fromTicket;
        if (item.zone && checkZone(ctx, item.zone)) zone = item.zone.value;
        break;
      case "holidays":
        if (item.fromTicket) holidaysFromTicket = true;
        for (const code of item.codes) {
          const h = checkHolidayCode(ctx, code);
          if (h) holidays.push(h);
        }
        break;
      case "openOnHolidays":
        openOnHolidays = item.span;
        break;
      case "always":
        kind = "always";
        hasHours = true;
        break;
      case "days":
        kind = "days";
        hasHours = true;
        addWindow(expandDays(item.days), { from: 0, to: 1440 }, item.span);
        break;
      case "hours":
        hasHours = true;
        for (const { w, span } of checkWindows(ctx, item.windows)) addWindow(expandDays(item.days), w, span);
        break;
      case "closed": {
        if (!item.date || !checkDate(ctx, item.date) || (item.until && !checkDate(ctx, item.until))) break;
        const dates = item.until ? rangeDates(ctx, item.date, item.until, item.span) : [item.date.value];
        const windows = closedParts(ctx, item);
        for (const date of dates ?? []) closures.push({ date, windows, origin: sourceRef(ctx, item.span) });
        break;
      }
      case "yearly": {
        const rule = lowerYearly(ctx, item, closedParts(ctx, item), expandDays);
        if (rule) yearly.push(rule);
        break;
      }
      case "opening":
        if (!item.date || !checkDate(ctx, item.date)) break;
        openings.push({ date: item.date.value, windows: checkWindows(ctx, item.windows).map((x) => x.w), origin: sourceRef(ctx, item.span) });
        break;
    }
  }
  if (openOnHolidays) {
    if (!yearly.some((y) => y.holiday) && holidays.length === 0 && !holidaysFromTicket) {
      ctx.diagnostics.warning("SLA902", openOnHolidays, "`open on holidays` changes nothing: the calendar has no holidays", {
        help: "remove the line, or give the calendar (or the one it extends) a `holidays \"…\"` line",
      });
    }
    holidays = [];
    yearly = yearly.filter((y) => !y.holiday);
    holidaysFromTicket = false;
  }
  const anchor = decl.name?.span ?? decl.span;
  if (zone === null && zoneSeen === null && !parentBroken) {
    ctx.diagnostics.error("SLA205", anchor, `calendar \`${name}\` has no zone`, { help: 'add a line such as `zone "Europe/Rome"`' });
  }
  if (!hasHours && !parentBroken) {
    ctx.diagnostics.error("SLA205", anchor, `calendar \`${name}\` has no hours`, {
      help: "add weekly hours (`Mon-Fri 09:00-18:00`), business days (`days Mon-Fri`) or `24x7`",
    });
  }
  if (kind === "always") {
    for (let d = 0; d < 7; d++) week[d] = [{ from: 0, to: 1440 }];
  }
  for (const day of week) day.sort((a, b) => a.from - b.from);
  return {
    ir: {
      name,
      kind,
      zone: zone ?? "UTC",
      week,
      holidays,
      closures,
      openings,
      ...(yearly.length > 0 ? { yearly } : {}),
      ...(zoneFromTicket ? { zoneFromTicket: true as const } : {}),
      ...(holidaysFromTicket ? { holidaysFromTicket: true as const } : {}),
      origin: sourceRef(ctx, decl.span),
    },
    windowSpans,
    hasHours,
  };
}

/** A line a calendar has once (`zone`, `open during`): SLA103 when it comes again; the span to remember. */
function once(ctx: CheckContext, span: Span, first: Span | null, message: string, firstLabel: string, help: string): Span {
  if (first) ctx.diagnostics.error("SLA103", span, message, { labels: [{ span: first, message: firstLabel }], help });
  return span;
}

/** What an item of a calendar is called in a message: its own text, shortened. */
function itemText(ctx: CheckContext, item: A.CalendarItem): string {
  const text = ctx.file.text.slice(item.span.start, item.span.end).replace(/\s+/g, " ");
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * `open during emea_hours, americas_hours` (IR 16): a calendar open whenever any of its members is,
 * each in its own zone with its own holidays and closures. It has a zone of its own (where its
 * local dates, and so its business days, are read) and nothing else: hours, holidays and closures
 * belong to the members. Members that are themselves open during others are flattened.
 */
function lowerUnion(
  ctx: CheckContext,
  decl: A.CalendarDecl,
  name: string,
  broken: boolean,
  members: readonly { name: A.Name; lowered: LoweredCalendar }[],
): LoweredCalendar {
  let zone: string | null = null;
  let zoneSeen: Span | null = null;
  let duringSeen: Span | null = null;
  // IR 16: the `open during` line, for `sla diff` to cite when the members change.
  let duringOrigin: SourceRef | undefined;
  const memberNames = members.map((m) => `\`${m.name.text}\``).join(", ");
  if (decl.parent) {
    ctx.diagnostics.error("SLA211", decl.parent.span, `calendar \`${name}\` is open during other calendars and cannot also extend one`, {
      help: "a calendar open during others takes its hours from them: remove `extends`, or add the calendar to the `open during` line",
    });
  }
  for (const item of decl.items) {
    switch (item.kind) {
      case "openDuring":
        duringSeen = once(ctx, item.span, duringSeen, "`open during` is written twice", "first `open during`", "list every calendar on one line: `open during a, b, c`");
        duringOrigin ??= sourceRef(ctx, item.span);
        break;
      case "zone":
        zoneSeen = once(ctx, item.span, zoneSeen, "the calendar's zone is given twice", "first zone", "a calendar has one zone: remove one of the `zone` lines");
        if (item.fromTicket) {
          ctx.diagnostics.error("SLA211", item.span, `calendar \`${name}\` is open during other calendars and cannot take its zone from the ticket`, {
            help: "give it the zone whose dates count its business days and write its results, e.g. `zone \"UTC\"`",
          });
        } else if (item.zone && checkZone(ctx, item.zone)) zone = item.zone.value;
        break;
      default:
        ctx.diagnostics.error("SLA211", item.span, `\`${itemText(ctx, item)}\` in a calendar open during others`, {
          help: `a calendar open during others takes its hours, holidays and closures from them: write this line in ${members.length > 0 ? `one of ${memberNames}` : "one of them"}`,
        });
    }
  }
  const flat = new Map<string, MemberCalendarIR>();
  const named = new Set<string>();
  for (const { name: memberName, lowered } of members) {
    const ir = lowered.ir;
    if (named.has(ir.name)) {
      ctx.diagnostics.warning("SLA902", memberName.span, `\`${ir.name}\` is listed twice in \`open during\``, { help: "remove the second one: a calendar's hours count once" });
      continue;
    }
    named.add(ir.name);
    if (ir.zoneFromTicket || ir.holidaysFromTicket) {
      ctx.diagnostics.error("SLA211", memberName.span, `calendar \`${ir.name}\` takes its ${ir.zoneFromTicket ? "zone" : "holidays"} from the ticket, so \`${name}\` cannot be open during it`, {
        help: "a calendar open during others needs calendars of fixed zones and holidays: choose the customer's calendar per ticket with a region or a `calendar … for` rule instead",
      });
      continue;
    }
    for (const m of ir.kind === "union" ? (ir.members ?? []) : [unionMember({ ...ir, kind: ir.kind })]) if (!flat.has(m.name)) flat.set(m.name, m);
  }
  if (zone === null && zoneSeen === null && !broken) {
    ctx.diagnostics.error("SLA205", decl.name?.span ?? decl.span, `calendar \`${name}\` has no zone`, {
      help: 'add the zone whose local dates count its business days and write its results, e.g. `zone "UTC"`',
    });
  }
  return {
    ir: { name, kind: "union", zone: zone ?? "UTC", week: [[], [], [], [], [], [], []], holidays: [], closures: [], openings: [], members: [...flat.values()], ...(duringOrigin ? { duringOrigin } : {}), origin: sourceRef(ctx, decl.span) },
    windowSpans: [[], [], [], [], [], [], []],
    hasHours: true,
  };
}

/** A calendar that is not itself open during others, as a member of one. */
function unionMember(ir: CalendarIR & { kind: MemberCalendarIR["kind"] }): MemberCalendarIR {
  const { members: _members, ...member } = ir;
  return { ...member, kind: ir.kind };
}
