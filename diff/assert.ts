/**
 * `--assert no-looser` / `no-stricter`: an exhaustive check, not a sample. For every
 * combination of the axes both versions share (priority × plan × region, with a supported
 * language) and every start instant of a grid over the horizon — each open and close edge of
 * every calendar either version uses there, the minute before it, and each local midnight
 * — a ticket opened then and never answered is evaluated under both versions well after the
 * horizon. Channels and languages, which decide exclusions whatever the instant, are swept at
 * the first instant of the horizon. The first ticket the new version treats worse (a later or
 * missing due, a missing or later escalation, less credit) is the counterexample.
 *
 * Not covered (documented in docs/diff.md): events (pauses, answers, reprioritization), so
 * clock-rule changes; starts between grid points where a goal's end, not its start, crosses an
 * edge; axis values only one version declares.
 */
import { calendarFromIR } from "../runtime/calendar.js";
import { evaluateTicket } from "../runtime/evaluate.js";
import { parseInstant } from "../runtime/instant.js";
import type { Ticket, TicketResult } from "../runtime/io.js";
import type { CalendarIR, PolicyIR } from "../runtime/ir.js";
import { calendarOf } from "./calendars.js";
import { sharedAxis, sharedRegions } from "./cite.js";
import { type Horizon, isoUtc } from "./horizon.js";
import { creditPercentOf } from "./money.js";
import type { Assertion } from "./model.js";
import { profilesOf, type Profile } from "./profiles.js";

/** Tickets are judged this long after the horizon, when every goal and escalation has passed. */
const JUDGE_AFTER_MS = 5 * 366 * 86_400_000;

/** Why `candidate` treats the ticket worse than `reference`, or `null`. */
export function worseReason(reference: TicketResult, candidate: TicketResult, refName: string, candName: string): string | null {
  const byName = new Map(candidate.targets.map((t) => [t.name, t]));
  for (const r of reference.targets) {
    const c = byName.get(r.name);
    const dr = r.due === null ? null : parseInstant(r.due);
    if (dr === null || !c) continue;
    const dc = c.due === null ? null : parseInstant(c.due);
    if (dc === null || dc > dr) return `\`${r.name}\` is due ${r.due} under the ${refName} version but ${c.due ?? "never"} under the ${candName}`;
  }
  // The earliest escalation to each role under the candidate, as written there.
  const escalated = new Map<string, { ms: number; at: string }>();
  for (const e of candidate.escalations) {
    const ms = parseInstant(e.at)!;
    if (!(ms >= (escalated.get(e.to)?.ms ?? Infinity))) escalated.set(e.to, { ms, at: e.at });
  }
  for (const e of reference.escalations) {
    const c = escalated.get(e.to);
    if (c === undefined || c.ms > parseInstant(e.at)!) {
      return `escalation to ${e.to} at ${e.at} under the ${refName} version, ${c === undefined ? "none" : `at ${c.at}`} under the ${candName}`;
    }
  }
  const pr = creditPercentOf(reference.credit);
  const pc = creditPercentOf(candidate.credit);
  if (pc < pr) return `credit ${pr}% under the ${refName} version, ${pc}% under the ${candName}`;
  return null;
}

/** Every calendar a region uses in a policy (its own and its plans'), for the start grid. */
function regionCalendars(p: PolicyIR, region: string | null, plan: string | null): CalendarIR[] {
  const out = new Set<CalendarIR>([calendarOf(p, region, plan)]);
  const r = p.regions.find((x) => x.name === region);
  for (const name of Object.values(r?.planCalendars ?? {})) {
    const c = p.calendars.find((x) => x.name === name);
    if (c) out.add(c);
  }
  for (const t of p.targets) {
    const c = t.calendar === null ? undefined : p.calendars.find((x) => x.name === t.calendar);
    if (c) out.add(c);
  }
  // Calendars chosen by `calendar X for …` rules (issue 11) have edges of their own.
  for (const rule of [...(r?.calendarRules ?? []), ...p.targets.flatMap((t) => t.calendarRules ?? [])]) {
    const c = p.calendars.find((x) => x.name === rule.calendar);
    if (c) out.add(c);
  }
  return [...out];
}

/** Start instants: each open/close edge, the minute before it, and each local midnight, sorted and unique. */
function startGrid(calendars: readonly CalendarIR[], h: Horizon): Float64Array {
  const points: number[] = [h.from];
  for (const cal of calendars) {
    const engine = calendarFromIR(cal);
    for (const [a, b] of engine.openIntervals(h.from, h.to)) points.push(a, a - 60_000, b, b - 60_000);
    // Local midnights: where business-day goals change their count.
    let d = engine.localDate(h.from);
    for (let t = h.from; t < h.to; t += 86_400_000) {
      const date = engine.localDate(t);
      if (date !== d) {
        d = date;
        points.push(...midnightNear(engine, t));
      }
    }
  }
  const sorted = Float64Array.from(points.filter((t) => t >= h.from && t < h.to)).sort();
  return sorted.filter((t, i) => i === 0 || t !== sorted[i - 1]);
}

/** The first instant of `t`'s local date (binary search on `localDate`, within the last 48 h). */
function midnightNear(engine: ReturnType<typeof calendarFromIR>, t: number): number[] {
  const date = engine.localDate(t);
  let lo = t - 2 * 86_400_000;
  let hi = t;
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2);
    if (engine.localDate(mid) === date) hi = mid;
    else lo = mid;
  }
  return [hi, hi - 60_000];
}

/** A language a ticket of `region` may use in both versions (primary in the reference), or `null`. */
function languageFor(reference: PolicyIR, other: PolicyIR, region: string | null): string | null {
  const la = reference.regions.find((r) => r.name === region)?.languages;
  if (!la) return null;
  const lb = other.regions.find((r) => r.name === region)?.languages;
  return la.primary.find((l) => !lb || lb.primary.includes(l)) ?? la.primary[0] ?? null;
}

interface Axes {
  readonly priority: string | null;
  readonly plan: string | null;
  readonly region: string | null;
  readonly channel: string | null;
  readonly language: string | null;
  /** Attribute values and cause (issue 11); the empty profile for a ticket that gives none. */
  readonly profile: Profile;
}

function ticketAt(axes: Axes, start: number, judge: number): Ticket {
  const { profile, ...rest } = axes;
  const attributes = profile.attributes.size > 0 ? Object.fromEntries(profile.attributes) : undefined;
  return {
    id: "counterexample",
    ...rest,
    // A profile that tests the channel sets it (the channel sweep below sets it otherwise).
    channel: profile.channel ?? rest.channel,
    ...(attributes ? { attributes, attributeValues: profile.attributes } : {}),
    ...(profile.cause ? { cause: profile.cause } : {}),
    openedAt: isoUtc(start),
    openedAtMs: start,
    events: [],
    asOf: isoUtc(judge),
    asOfMs: judge,
  };
}

/** The ticket as SPEC §3 JSON, without the axes the policy does not use. */
function ticketJson(t: Ticket): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id };
  for (const k of ["priority", "plan", "region", "channel", "language", "cause", "attributes"] as const) if (t[k] != null) out[k] = t[k];
  out["openedAt"] = t.openedAt;
  out["asOf"] = t.asOf;
  return out;
}

/**
 * Check that `candidate` treats no ticket worse than `reference` over the horizon (`no-looser`
 * passes old, new; `no-stricter` new, old).
 */
export function checkNotWorse(rule: Assertion["rule"], reference: PolicyIR, candidate: PolicyIR, h: Horizon, names: [string, string]): Assertion {
  const judge = h.to + JUDGE_AFTER_MS;
  let combinations = 0;
  let starts = 0;
  const fail = (t: Ticket, reason: string): Assertion => ({ rule, holds: false, combinations, starts, counterexample: { ticket: ticketJson(t), reason } });
  const check = (axes: Axes, s: number): Assertion | null => {
    const t = ticketAt(axes, s, judge);
    const reason = worseReason(evaluateTicket(reference, t), evaluateTicket(candidate, t), names[0], names[1]);
    return reason === null ? null : fail(t, reason);
  };
  const priorities = sharedAxis(reference.priorities, candidate.priorities);
  const plans = sharedAxis(reference.plans, candidate.plans);
  const regions = sharedRegions(reference, candidate);
  // An axis with no value in common leaves no ticket valid under both versions: nothing would be
  // checked, which must not pass as a guarantee.
  if (priorities.length === 0 || plans.length === 0 || regions.length === 0) {
    const axis = priorities.length === 0 ? "priorities" : plans.length === 0 ? "plans" : "regions";
    return { rule, holds: false, combinations: 0, starts: 0, counterexample: { ticket: {}, reason: `the versions have no ${axis} in common: no ticket is valid under both, so nothing can be guaranteed` } };
  }
  const profiles = profilesOf(reference, candidate);
  for (const region of regions) {
    const language = languageFor(reference, candidate, region);
    for (const plan of plans) {
      const grid = startGrid([...regionCalendars(reference, region, plan), ...regionCalendars(candidate, region, plan)], h);
      for (const priority of priorities) {
        // Goal sections and calendar rules depend on the attributes and on the instant: every profile on the grid.
        for (const profile of profiles) {
          combinations++;
          const axes = { priority, plan, region, channel: null, language, profile };
          for (const s of grid) {
            starts++;
            const failed = check(axes, s);
            if (failed) return failed;
          }
        }
      }
    }
  }
  // Exclusions do not depend on the instant: every channel, language and attribute profile at one start.
  const channels = [null, ...sharedAxis(reference.channels.map((name) => ({ name })), candidate.channels.map((name) => ({ name }))).filter((c) => c !== null)];
  for (const region of regions) {
    const r = reference.regions.find((x) => x.name === region);
    const languages = r?.languages ? [...r.languages.primary, ...r.languages.optional] : [null];
    for (const channel of channels) {
      for (const language of languages) {
        for (const plan of plans) {
          for (const priority of priorities) {
            for (const profile of profiles) {
              combinations++;
              starts++;
              const failed = check({ priority, plan, region, channel, language, profile }, h.from);
              if (failed) return failed;
            }
          }
        }
      }
    }
  }
  return { rule, holds: true, combinations, starts, counterexample: null };
}

/** `no-looser`: the new version never treats a ticket worse than the old. `no-stricter`: never better. */
export function assertRule(rule: Assertion["rule"], a: PolicyIR, b: PolicyIR, h: Horizon): Assertion {
  return rule === "no-looser" ? checkNotWorse(rule, a, b, h, ["old", "new"]) : checkNotWorse(rule, b, a, h, ["new", "old"]);
}
