/**
 * `sla diff` on calendars open during others (`open during emea, americas, apac`, IR 16). The
 * policies are `test/fixtures/union-calendar/*.sla` (each edits one thing of `base.sla`); what
 * `sla diff` prints is golden next to them (`<old>--<new>.expected.txt`, horizon from
 * 2026-01-01), and the values that matter are asserted here too. Impact runs over
 * `tickets.ndjson` (the follow-the-sun cases of test/runtime/union-calendar.test.ts, Thanksgiving
 * week 2026), each ticket as of its own `asOf`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffPolicies } from "../../diff/semantic.js";
import { horizonFrom } from "../../diff/horizon.js";
import { parseInstant } from "../../runtime/instant.js";
import type { DiffReport } from "../../diff/model.js";
import { AT, diffCli, irOf } from "./helpers.js";

const DIR = "test/fixtures/union-calendar";
const file = (name: string) => `${DIR}/${name}.sla`;
const text = (name: string) => readFileSync(file(name), "utf8");
const TICKETS = `${DIR}/tickets.ndjson`;

/** The report as JSON (horizon from {@link AT}). */
function report(oldName: string, newName: string, texts: { old?: string; new?: string } = {}): DiffReport {
  const a = irOf(file(oldName), texts.old);
  const b = irOf(file(newName), texts.new);
  return diffPolicies(a, b, horizonFrom(parseInstant(AT)!), { oldFile: file(oldName), newFile: file(newName) });
}

/** The text report, checked against its golden file, with its exit code. */
async function golden(oldName: string, newName: string): Promise<{ code: number; out: string }> {
  const r = await diffCli({ paths: [file(oldName), file(newName)] });
  expect(r.err).toBe("");
  await expect(r.out).toMatchFileSnapshot(`../fixtures/union-calendar/${oldName}--${newName}.expected.txt`);
  return r;
}

/** The impact lines over the tickets, each ticket as of its own `asOf`. */
async function impact(oldName: string, newName: string): Promise<string> {
  const r = await diffCli({ paths: [file(oldName), file(newName)], at: null, tickets: TICKETS });
  expect(r.err).toBe("");
  return r.out.slice(r.out.indexOf("impact"));
}

describe("sla diff on a calendar open during others", () => {
  it("(a) a member added to `open during`: more open hours, naming the calendar and the member, citing the `open during` line", async () => {
    const r = await golden("two-members", "base");
    expect(r.code).toBe(3);
    const [c, ...rest] = report("two-members", "base").changes;
    expect(rest).toEqual([]);
    expect(c!.kind).toBe("calendar");
    // More open hours (stricter), but Sydney's Monday runs on past a UTC Sunday's or Monday's
    // midnight: those dates close later, so `1 business day` falls due later there (looser).
    expect(c!.effect).toBe("mixed");
    expect(c!.subject).toBe("calendar of target response, target fix");
    expect(c!.old).toEqual({ file: file("two-members"), line: 11, text: "open during emea, americas" });
    expect(c!.new).toEqual({ file: file("base"), line: 11, text: "open during emea, americas, apac" });
    expect(c!.details[0]).toBe("calendar `global` now open during `apac` too (line 11: open during emea, americas, apac)");
    // Sydney's Monday 08:00–18:00 AEDT is Sunday 21:00–24:00 UTC plus Monday 00:00–07:00 UTC.
    expect(c!.details).toContain("Mondays, Tuesdays, Wednesdays, Thursdays, Fridays: now open 00:00–07:00, 08:00–24:00 (was open 08:00–24:00), 164 dates from 2026-01-02 to 2027-12-30: 581 h more in 2026, 567 h more in 2027");
    // Tickets counting on the union: response 4 business hours from Friday 17:00 CST ran into
    // Sydney's Monday (Sunday 21:00 UTC); without apac it waits for London's Monday 08:00 UTC.
    expect(await impact("base", "two-members")).toContain("line 1 FTS-1: response due 2026-11-30T00:00:00Z → 2026-11-30T11:00:00Z (later)");
  });

  it("(b) a member's own hours changed: the union's cover changes for the targets counting on it, citing the member", async () => {
    const r = await golden("base", "emea-hours");
    expect(r.code).toBe(3);
    const [c, ...rest] = report("base", "emea-hours").changes;
    // `emea` is used only through the union: one change, the union's.
    expect(rest).toEqual([]);
    expect(c!.effect).toBe("stricter");
    expect(c!.summary).toBe("216 dates differ: 216 h more open over the horizon");
    expect(c!.details[0]).toBe('calendar `global` is open during `emea`, which changed (line 5: calendar emea { zone "Europe/London" Mon-Fri 07:00-18:00 holidays "GB" })');
    // London from 07:00 UTC in winter closes the gap between Sydney's close (07:00 UTC) and London's 08:00.
    expect(c!.details).toContain("Mondays, Tuesdays, Wednesdays, Thursdays, Fridays: now open 00:00–24:00 (was open 00:00–07:00, 08:00–24:00), 191 dates from 2026-01-02 to 2027-12-30: 99 h more in 2026, 92 h more in 2027");
    // Tuesday 24 November 06:30 UTC: was 30 min of Sydney, then London from 08:00 (due 11:30); now 4 hours straight.
    const moved = await impact("base", "emea-hours");
    expect(moved).toContain("impact: 1 of 5 tickets change: 1 due earlier");
    expect(moved).toContain("line 5 FTS-5: response due 2026-11-24T11:30:00Z → 2026-11-24T10:30:00Z (earlier)");
  });

  it("(c) the union's zone changed, open time identical: business days move, so goals in business days do (not 'no change')", async () => {
    const r = await golden("base", "sydney-zone");
    expect(r.code).toBe(3);
    const [c, ...rest] = report("base", "sydney-zone").changes;
    expect(rest).toEqual([]);
    expect(c!.kind).toBe("calendar");
    expect(c!.effect).toBe("mixed");
    expect(c!.summary).toMatch(/^same open time, but business days are now local dates of Australia\/Sydney \(was UTC\): goals in business days fall due at another close for openings in \d+ % of the horizon$/);
    expect(c!.details[0]).toBe("zone UTC → Australia/Sydney");
    // New Year's Day 2026 00:00 UTC is Thursday 11:00 in Sydney (a holiday there, but Chicago's
    // Wednesday evening reaches into it): the next Sydney date, Friday 2, closes at 13:00 UTC
    // (Chicago's Friday 18:00 is Saturday 11:00 AEDT, Saturday's date); in UTC the next business
    // day after Thursday 1 is Friday 2, closing at its midnight (Sydney's Monday runs on).
    expect(c!.details[1]).toBe("opened 2026-01-01T00:00:00Z: 1 business day due 2026-01-03T00:00:00Z → 2026-01-02T13:00:00Z (earlier)");
    const moved = await impact("base", "sydney-zone");
    expect(moved).toContain("impact: 4 of 5 tickets change: 2 due earlier, 2 due later, 1 now breached, status changes on 1");
    // Friday 27 November 12:00 UTC is 23:00 Friday in Sydney: the next Sydney date, Saturday 28,
    // has Chicago's Friday (01:00–11:00 AEDT) and closes at 11:00: before the resolve on Sunday.
    expect(moved).toContain("line 3 FTS-3: fix due 2026-11-30T00:00:00Z → 2026-11-28T11:00:00+11:00 (earlier); fix met → breached");
    // Business hours are the same hours: no response due moves.
    expect(moved).not.toMatch(/response due/);
  });

  it("(c) a zone changed with the same open time and no goal in business days is a neutral change (results written in the new zone)", () => {
    // The policy without its `fix` target (1 business day): only business hours count on the union.
    const drop = (text: string) => text.slice(0, text.indexOf('target fix "Fix"'));
    const [c, ...rest] = report("base", "sydney-zone", { old: drop(text("base")), new: drop(text("sydney-zone")) }).changes;
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ kind: "calendar", effect: "neutral", summary: "same open time and business days, results written in Australia/Sydney (was UTC)", details: ["zone UTC → Australia/Sydney"] });
  });

  it("(d) a union replaced by a plain calendar of the same open windows is no change, either way", async () => {
    for (const [a, b] of [["union-office", "plain-office"], ["plain-office", "union-office"]] as const) {
      const r = await golden(a, b);
      expect(r.code).toBe(0);
      expect(report(a, b).same).toBe(true);
    }
  });

  it("(d) ...but not when they differ beyond the horizon: a member's dated closure in 2030 is reported", () => {
    const closed = text("union-office").replace(
      'calendar afternoons { zone "Europe/London"  Mon-Fri 13:00-18:00  holidays "GB" }',
      'calendar afternoons {\n  zone "Europe/London"\n  Mon-Fri 13:00-18:00\n  holidays "GB"\n  closed 2030-12-23\n}',
    );
    const r = report("plain-office", "union-office", { new: closed });
    expect(r.same).toBe(false);
    expect(r.changes.map((c) => [c.kind, c.effect])).toEqual([["other", "unknown"]]);
  });
});
