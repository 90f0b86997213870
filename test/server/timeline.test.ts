/**
 * The timeline picture of one ticket: what it shows (the model, checked value by value) and the
 * SVG from `sla eval … --format svg`. T-1042 (imagicle, Gold Europe P2) is paused over the
 * weekend across the change to summer time; a Basic ticket over Easter meets a named holiday.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../cli/app.js";
import { compile } from "../../compiler/api.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import { timelineModel } from "../../server/timeline/model.js";
import { post, serve } from "./harness.js";

const policy = compile("policies/imagicle.sla", readFileSync("policies/imagicle.sla", "utf8")).ir!;
const t1042 = JSON.parse(readFileSync("examples/tickets/imagicle.ndjson", "utf8").split("\n")[0]!) as Record<string, unknown>;
const iso = (ms: number) => new Date(ms).toISOString();

function modelOf(json: unknown) {
  const parsed = parseTicket(json, policy);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return timelineModel(policy, parsed.ticket, evaluateTicket(policy, parsed.ticket, { explain: true }));
}

describe("ticket timeline model", () => {
  const m = modelOf(t1042);

  it("covers the ticket's local days, the Sunday closed, Saturday open on the Gold calendar", () => {
    expect(m.zone).toBe("Europe/Rome");
    expect(m.calendarName).toBe("europe_gold");
    expect(m.days.map((d) => [d.label, d.closed])).toEqual([
      ["Fri 27 Mar", null],
      ["Sat 28 Mar", null],
      ["Sun 29 Mar", "closed"],
      ["Mon 30 Mar", null],
      ["Tue 31 Mar", null],
    ]);
    // 23 hours on the day the clocks go forward.
    expect((m.days[2]!.end - m.days[2]!.start) / 3_600_000).toBe(23);
  });

  it("marks the change to summer time at 02:00 local", () => {
    expect(m.dst.map((d) => [iso(d.at), d.label])).toEqual([["2026-03-29T01:00:00.000Z", "+01:00 → +02:00"]]);
  });

  it("shows the open windows, events, counted segments, pause, due and escalations", () => {
    expect(m.windows.slice(0, 2).map(([a, b]) => [iso(a), iso(b)])).toEqual([
      ["2026-03-27T08:00:00.000Z", "2026-03-27T17:00:00.000Z"],
      ["2026-03-28T08:00:00.000Z", "2026-03-28T17:00:00.000Z"],
    ]);
    expect(m.events.map((e) => [e.label, iso(e.at)])).toEqual([
      ["opened", "2026-03-27T15:30:00.000Z"],
      ["pause", "2026-03-28T08:10:00.000Z"],
      ["resume", "2026-03-30T08:00:00.000Z"],
      ["respond", "2026-03-30T08:20:00.000Z"],
    ]);
    const [response] = m.targets;
    expect(response!.segments.map(([a, b]) => [iso(a), iso(b)])).toEqual([
      ["2026-03-27T15:30:00.000Z", "2026-03-27T17:00:00.000Z"],
      ["2026-03-28T08:00:00.000Z", "2026-03-28T08:10:00.000Z"],
      ["2026-03-30T08:00:00.000Z", "2026-03-30T08:20:00.000Z"],
    ]);
    expect(response!.pauses.map(([a, b]) => [iso(a), iso(b)])).toEqual([["2026-03-28T08:10:00.000Z", "2026-03-30T08:00:00.000Z"]]);
    expect([response!.status, response!.dueText, response!.clause]).toEqual(["met", "2026-03-30T10:20:00+02:00", "| P2 | 2 business days | 2 business hours | 2 business hours |"]);
    expect(m.escalations.map((e) => [e.label, iso(e.at)])).toEqual([
      ["Support Team", "2026-03-30T10:20:00.000Z"],
      ["Support Regional Manager", "2026-03-30T14:20:00.000Z"],
    ]);
  });

  it("names a holiday that closes a day, and marks a breach", () => {
    const basic = { id: "E-1", priority: "P2", plan: "basic", region: "europe", channel: "portal", language: "en", openedAt: "2026-04-03T16:00:00+02:00", asOf: "2026-04-10T00:00:00+02:00" };
    const e = modelOf(basic);
    expect(e.days.filter((d) => d.closed !== null).map((d) => [d.label, d.closed])).toEqual([
      ["Sat 4 Apr", "closed"],
      ["Sun 5 Apr", "Easter Sunday"],
      ["Mon 6 Apr", "Easter Monday"],
    ]);
    expect(e.targets[0]).toMatchObject({ status: "breached", dueText: "2026-04-08T18:00:00+02:00" });
  });
});

describe("sla eval --format svg", () => {
  const dir = mkdtempSync(join(tmpdir(), "sla-svg-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    let out = "";
    let err = "";
    const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), color: false });
    return { code, out, err };
  };

  it("draws one ticket: due, closed day, DST change, escalations, hover text of the goal clause", async () => {
    const file = join(dir, "t.json");
    writeFileSync(file, JSON.stringify(t1042));
    const r = await run(["eval", "policies/imagicle.sla", file, "--format", "svg"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(r.out).toContain('data-due="2026-03-30T10:20:00+02:00"');
    expect(r.out).toContain(">due Mon 30 Mar 10:20<");
    expect(r.out).toContain(">DST +01:00 → +02:00<");
    expect(r.out).toContain(">Support Team 12:20<");
    expect(r.out).toContain("<title>goal clause: | P2 | 2 business days | 2 business hours | 2 business hours |</title>");
    expect(r.out.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("refuses NDJSON and names a bad ticket's field", async () => {
    expect((await run(["eval", "policies/imagicle.sla", "examples/tickets/imagicle.ndjson", "--format", "svg"])).code).toBe(2);
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ ...t1042, priority: "P9" }));
    const r = await run(["eval", "policies/imagicle.sla", file, "--format", "svg"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.err)).toMatchObject({ id: "T-1042", error: { field: "priority" } });
  });
});

/**
 * A reopened ticket's picture (Jama's `reopen within 7 days`): JAMA-6 answered after 1 of its 2
 * hours, solved, reopened six days later and answered 40 minutes after that; JAMA-8 "reopened"
 * eight days after solving, which is no reopening. Golden SVGs next to the tickets.
 */
describe("a reopened ticket's timeline", () => {
  const JAMA = "examples/agreements/jama-software.sla";
  const FIXTURES = "test/server/fixtures/timeline";
  const jama = compile(JAMA, readFileSync(JAMA, "utf8")).ir!;
  const svgOf = async (name: string) => {
    let out = "";
    let err = "";
    const code = await main(["eval", JAMA, `${FIXTURES}/${name}.json`, "--format", "svg"], { out: (t) => (out += t), err: (t) => (err += t), color: false });
    expect([code, err]).toEqual([0, ""]);
    return out;
  };

  it("the model carries the reopening: stopped at the first response, resolved, reopened six days later", () => {
    const parsed = parseTicket(JSON.parse(readFileSync(`${FIXTURES}/jama-6-reopened.json`, "utf8")), jama);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [response] = timelineModel(jama, parsed.ticket, evaluateTicket(jama, parsed.ticket, { explain: true })).targets;
    expect(response!.reopens.map((r) => [iso(r.stoppedAt), iso(r.resolvedAt), iso(r.reopenedAt)])).toEqual([["2026-04-06T17:00:00.000Z", "2026-04-06T19:00:00.000Z", "2026-04-12T19:00:00.000Z"]]);
    expect(response!.segments.map(([a, b]) => [iso(a), iso(b)])).toEqual([
      ["2026-04-06T16:00:00.000Z", "2026-04-06T17:00:00.000Z"],
      ["2026-04-12T19:00:00.000Z", "2026-04-12T19:40:00.000Z"],
    ]);
  });

  it("JAMA-6: the solved gap from the first response to the reopening, the marker, the clock resuming", async () => {
    const svg = await svgOf("jama-6-reopened");
    const stop = Date.parse("2026-04-06T17:00:00Z");
    const reopen = Date.parse("2026-04-12T19:00:00Z");
    expect(svg).toContain(`<g class="solved" data-from="${stop}" data-to="${reopen}">`);
    expect(svg).toContain(`<g class="reopen" data-at="${reopen}">`);
    expect(svg).toContain("<title>counted Sun 12 Apr 19:00 – 19:40</title>");
    expect(svg).toContain(">reopened 19:00<");
    await expect(svg).toMatchFileSnapshot(`fixtures/timeline/jama-6-reopened.svg`);
  });

  it("JAMA-8: a reopen past the window is an event on the ticket, and no reopening is drawn", async () => {
    const svg = await svgOf("jama-8-reopened-too-late");
    expect(svg).toContain(">reopen 19:00<");
    expect(svg).not.toContain('class="solved"');
    expect(svg).not.toContain('class="reopen"');
    expect(svg).not.toContain(">reopened<");
    await expect(svg).toMatchFileSnapshot(`fixtures/timeline/jama-8-reopened-too-late.svg`);
  });

  it("the playground's call (`POST /v1/try`) gives the trace's reopening and the same picture", async () => {
    const s = await serve([]);
    try {
      const ticket = JSON.parse(readFileSync(`${FIXTURES}/jama-6-reopened.json`, "utf8")) as unknown;
      const r = await post(`${s.base}/v1/try`, JSON.stringify({ policy: readFileSync(JAMA, "utf8"), ticket }));
      expect(r.status).toBe(200);
      const tried = JSON.parse(r.text) as { result: { targets: Array<{ trace: { reopens?: unknown } }> }; svg: string };
      expect(tried.result.targets[0]!.trace.reopens).toEqual([{ stoppedAt: "2026-04-06T17:00:00Z", resolvedAt: "2026-04-06T19:00:00Z", reopenedAt: "2026-04-12T19:00:00Z" }]);
      expect(tried.svg).toBe(readFileSync(`${FIXTURES}/jama-6-reopened.svg`, "utf8"));
    } finally {
      await s.close();
    }
  });
});

describe("the timeline of a ticket on a calendar open during others", () => {
  const newRelic = compile("examples/agreements/newrelic.sla", readFileSync("examples/agreements/newrelic.sla", "utf8")).ir!;

  it("names the members' holiday on a day they are all closed", () => {
    // Pro standard on Thursday 24 December 2026, 15:00 Pacific: Christmas closes AMER (US), APAC
    // (IN) and EMEA (GB) alike, so the global window is closed all Friday 25 December.
    const parsed = parseTicket({ id: "NR-X", priority: "standard", plan: "pro", openedAt: "2026-12-24T15:00:00-08:00", events: [], asOf: "2026-12-29T00:00:00-08:00" }, newRelic);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const model = timelineModel(newRelic, parsed.ticket, evaluateTicket(newRelic, parsed.ticket, { explain: true }));
    expect(model.calendarName).toBe("support_business_hours");
    expect(model.days.find((d) => d.label === "Fri 25 Dec")?.closed).toBe("Christmas Day");
  });
});
