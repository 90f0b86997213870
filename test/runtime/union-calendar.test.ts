/**
 * Calendars open during others (`open during emea, americas, apac`, IR 16): follow-the-sun cover
 * across zones. The union is open whenever any member is, each member in its own zone with its
 * own holidays; its own zone (here UTC) reads its local dates, so its business days and its
 * results. Values hand-computed for the week of 23 November 2026 (US Thanksgiving on Thursday 26).
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { calendarFromIR } from "../../runtime/calendar.js";
import { calendarRows } from "../../runtime/calendar-export.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";

const SOURCE = `policy fts "Follow the sun"
calendar emea { zone "Europe/London"  Mon-Fri 08:00-18:00  holidays "GB" }
calendar americas { zone "America/Chicago"  Mon-Fri 08:00-18:00  holidays "US" }
calendar apac { zone "Australia/Sydney"  Mon-Fri 08:00-18:00  holidays "AU-NSW" }
calendar global "Follow the sun" {
  zone "UTC"
  open during emea, americas, apac
}
priority P1 "Critical"
target response "First response" {
  calendar global
  start on open
  stop on respond
  goals {
    | priority | goal |
    | P1       | 4 business hours |
  }
}
target fix "Fix" {
  calendar global
  start on open
  stop on resolve
  goals {
    | priority | goal |
    | P1       | 1 business day |
  }
}
`;

function policy(): PolicyIR {
  const r = compile("fts.sla", SOURCE);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

function dues(openedAt: string): Record<string, string | null> {
  const ir = policy();
  const parsed = parseTicket({ id: "F", priority: "P1", openedAt, events: [], asOf: "2026-12-31T00:00:00Z" }, ir);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return Object.fromEntries(evaluateTicket(ir, parsed.ticket).targets.map((t) => [t.name, t.due]));
}

const UTC = (text: string) => Date.parse(text);

describe("a calendar open during others", () => {
  it("lowers to a union of its members, each kept whole with its zone and holidays", () => {
    const global = policy().calendars.find((c) => c.name === "global")!;
    expect(global.kind).toBe("union");
    expect(global.zone).toBe("UTC");
    expect(global.members!.map((m) => [m.name, m.zone, m.holidays.map((h) => h.country)])).toEqual([
      ["emea", "Europe/London", ["GB"]],
      ["americas", "America/Chicago", ["US"]],
      ["apac", "Australia/Sydney", ["AU"]],
    ]);
  });

  it("is open whenever any member is: Chicago's Friday evening runs on into Sydney's Monday morning", () => {
    // Friday 27 November 17:00 CST = 23:00 UTC: Chicago counts 1 hour to its 18:00 close
    // (Saturday 00:00 UTC); Sydney opens Monday 08:00 AEDT = Sunday 21:00 UTC, 3 more hours.
    expect(dues("2026-11-27T17:00:00-06:00")["response"]).toBe("2026-11-30T00:00:00Z");
  });

  it("stays open on one member's holiday while another member is open", () => {
    // Thanksgiving, Thursday 26 November 17:00 UTC: London counts 1 hour to 18:00; Chicago is
    // closed all day; Sydney's Friday opens at 21:00 UTC, 3 more hours.
    expect(dues("2026-11-26T17:00:00Z")["response"]).toBe("2026-11-27T00:00:00Z");
    // The Tuesday before, Chicago is open 14:00–24:00 UTC and takes over from London: 4 hours straight.
    expect(dues("2026-11-24T17:00:00Z")["response"]).toBe("2026-11-24T21:00:00Z");
  });

  it("counts business days on its own zone's dates: a UTC Sunday is one when Sydney's Monday begins on it", () => {
    // Opened Friday 27 November 12:00 UTC: Saturday has no open time in UTC; Sunday does (Sydney
    // from 21:00 UTC) and its cover runs on past midnight, so the date closes at its midnight.
    expect(dues("2026-11-27T12:00:00Z")["fix"]).toBe("2026-11-30T00:00:00Z");
    const cal = calendarFromIR(policy().calendars.find((c) => c.name === "global")!);
    expect(cal.isBusinessDay("2026-11-28")).toBe(false);
    expect(cal.isBusinessDay("2026-11-29")).toBe(true);
    expect(cal.sameBusinessDayClose(UTC("2026-11-29T22:00:00Z"))).toBe(UTC("2026-11-30T00:00:00Z"));
  });

  it("merges overlapping member hours into one stretch of open time", () => {
    const cal = calendarFromIR(policy().calendars.find((c) => c.name === "global")!);
    // Tuesday 24 November: Sydney 21:00 (Mon) – 07:00, London 08:00–18:00, Chicago 14:00–24:00,
    // Sydney again from 21:00: London and Chicago overlap 14:00–18:00.
    expect(cal.openIntervals(UTC("2026-11-24T00:00:00Z"), UTC("2026-11-25T00:00:00Z"))).toEqual([
      [UTC("2026-11-24T00:00:00Z"), UTC("2026-11-24T07:00:00Z")],
      [UTC("2026-11-24T08:00:00Z"), UTC("2026-11-25T00:00:00Z")],
    ]);
    expect(cal.openBetween(UTC("2026-11-24T00:00:00Z"), UTC("2026-11-25T00:00:00Z"))).toBe(23 * 3_600_000);
  });

  it("gives the SQL target the same windows as the engine", () => {
    const ir = policy().calendars.find((c) => c.name === "global")!;
    const rows = calendarRows(ir, 2026, 2026);
    const cal = calendarFromIR(ir);
    const a = UTC("2026-11-23T00:00:00Z");
    const b = UTC("2026-11-30T00:00:00Z");
    const fromRows = rows.windows.filter((w) => w.toMs > a && w.fromMs < b).map((w) => [Math.max(w.fromMs, a), Math.min(w.toMs, b)]);
    expect(fromRows).toEqual(cal.openIntervals(a, b));
  });
});

describe("loading the IR of a calendar open during others", () => {
  it("checks its members' zones, holiday codes and fixed zones like any calendar's", async () => {
    const { loadPolicy } = await import("../../runtime/index.js");
    const ir = policy();
    const i = ir.calendars.findIndex((c) => c.name === "global");
    const withMember = (change: Record<string, unknown>) => {
      const copy = JSON.parse(JSON.stringify(ir)) as PolicyIR;
      Object.assign(copy.calendars[i]!.members![0]!, change);
      const r = loadPolicy(copy);
      return r.ok ? null : r.error;
    };
    expect(loadPolicy(JSON.parse(JSON.stringify(ir)))).toMatchObject({ ok: true });
    expect(withMember({ zone: "Mars/Olympus" })).toEqual({ field: `calendars[${i}].members[0].zone`, message: "unknown time zone `Mars/Olympus`" });
    expect(withMember({ holidays: [{ country: "ZZ", region: null }] })?.field).toBe(`calendars[${i}].members[0].holidays[0]`);
    expect(withMember({ zoneFromTicket: true })?.field).toBe(`calendars[${i}].members[0].zoneFromTicket`);
  });
});
