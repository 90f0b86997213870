/**
 * Issue 9 items 2, 9, 12, 13: holiday codes named like `Object.prototype` members, byte-order
 * marks at batch boundaries, the priority that judges credit and escalations, dangling IR
 * references and invalid `asOf` values.
 */
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { evaluateNdjson } from "../../cli/commands/eval.js";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { loadPolicy, PolicyReferenceError } from "../../runtime/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { runExamples } from "../../runtime/examples.js";
import { evaluate, events, imagicle, kustomer, ticket } from "./fixtures.js";

const PROTOTYPE_CODES = ["constructor", "__proto__", "toString", "IT-constructor", "DE-hasOwnProperty"];

/** A copy of `p` whose first calendar takes its holidays from `country`, bypassing the compiler. */
function withHolidays(p: PolicyIR, country: string, region: string | null = null): PolicyIR {
  const copy = structuredClone(p);
  copy.calendars[0]!.holidays = [{ country, region }];
  return copy;
}

/** Run `lines` through `sla eval`'s NDJSON path, the input cut into the given chunks. */
async function ndjson(policy: PolicyIR, chunks: readonly string[]): Promise<{ lines: unknown[]; failed: number }> {
  let out = "";
  const failed = await evaluateNdjson(policy, Readable.from(chunks.map((c) => Buffer.from(c, "utf8"))), { asOf: null, explain: false }, (bytes) => {
    out += Buffer.from(bytes).toString("utf8");
  });
  return { lines: out.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as unknown), failed };
}

const kTicket = (id: string) => JSON.stringify({ id, priority: "P1", openedAt: "2026-03-02T09:00:00Z", asOf: "2026-03-02T10:00:00Z" });

describe("holiday codes named like Object.prototype members (issue 9.2)", () => {
  const hello = readFileSync(new URL("../../examples/hello/policy.sla", import.meta.url), "utf8");

  it.each(PROTOTYPE_CODES)("sla check rejects `%s` with the unknown holiday code diagnostic", (code) => {
    const text = hello.replace('holidays "DE-BE"', `holidays "${code}"`);
    expect(text).toContain(code);
    const r = compile("policy.sla", text);
    expect(r.ir).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["SLA202"]);
  });

  it("loadPolicy rejects them naming the path in the IR", () => {
    const r = loadPolicy(withHolidays(kustomer, "constructor"));
    expect(r).toEqual({ ok: false, error: { field: "calendars[0].holidays[0]", message: expect.stringContaining('unknown holiday country "constructor"') } });
    const region = loadPolicy(withHolidays(kustomer, "IT", "constructor"));
    expect(region).toEqual({ ok: false, error: { field: "calendars[0].holidays[0]", message: expect.stringContaining('unknown holiday region "constructor"') } });
  });

  it("an NDJSON batch still prints one line per input line when evaluation throws", async () => {
    const bad = { ...withHolidays(kustomer, "__proto__"), calendars: [{ ...kustomer.calendars[0]!, kind: "hours" as const, holidays: [{ country: "__proto__", region: null }] }] };
    const { lines, failed } = await ndjson(bad, [`${kTicket("A")}\n${kTicket("B")}\n${kTicket("C")}\n`]);
    expect(failed).toBe(3);
    expect(lines).toEqual(
      ["A", "B", "C"].map((id, i) => ({ line: i + 1, id, error: { field: "", message: 'cannot evaluate: policy `kustomer`: calendars[0].holidays[0] unknown holiday country "__proto__" (date-holidays has no such country) (load compiled policies with `loadPolicy`)' } })),
    );
  });

  it("sla test and the example hover report the example as failed instead of crashing", () => {
    const bad = withHolidays(imagicle, "toString");
    bad.examples = [
      {
        kind: "ticket",
        name: "one",
        ticket: { id: "X", priority: "P2", plan: "gold", region: "americas", language: "en", openedAt: "2026-06-15T09:00:00-04:00", events: [] },
        expectations: [],
        origin: { file: "t.sla", line: 1, column: 1, text: "" },
      } as unknown as PolicyIR["examples"][number],
    ];
    const [outcome] = runExamples(bad, () => ({ ok: false, message: "none" }));
    expect(outcome).toMatchObject({ pass: false, error: 'cannot evaluate: policy `imagicle`: calendars[0].holidays[0] unknown holiday country "toString" (date-holidays has no such country) (load compiled policies with `loadPolicy`)' });
  });
});

describe("byte-order marks in NDJSON (issue 9.9)", () => {
  const bomError = (line: number, id: string | null = null) => ({ line, id, error: { field: "", message: expect.stringMatching(/^invalid JSON/) } });

  it("strips a BOM only at the very start of the input", async () => {
    const { lines, failed } = await ndjson(kustomer, [`\ufeff${kTicket("A")}\n\ufeff${kTicket("B")}\n`]);
    expect(failed).toBe(1);
    expect(lines[0]).toMatchObject({ id: "A", asOf: "2026-03-02T10:00:00Z" });
    expect(lines[1]).toEqual(bomError(2));
  });

  it("a line starting at a chunk boundary is read as the same line anywhere else", async () => {
    const { lines, failed } = await ndjson(kustomer, [`${kTicket("A")}\n`, `\ufeff${kTicket("B")}\n${kTicket("C")}\n`]);
    expect(failed).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toEqual(bomError(2));
    expect(lines[2]).toMatchObject({ id: "C" });
  });

  it("a line straddling a chunk boundary keeps its BOM too", async () => {
    const b = `\ufeff${kTicket("B")}`;
    const { lines, failed } = await ndjson(kustomer, [`${kTicket("A")}\n${b.slice(0, 10)}`, `${b.slice(10)}\n${kTicket("C")}\n`]);
    expect(failed).toBe(1);
    expect(lines[1]).toEqual(bomError(2));
    expect(lines.map((l) => (l as { id: string | null }).id)).toEqual(["A", null, "C"]);
  });
});

describe("the priority that judges credit and escalations (issue 9.12)", () => {
  const gold = { priority: "P2", plan: "gold", region: "europe", language: "en", channel: "portal", openedAt: "2026-06-15T09:00:00+02:00" };

  it("a breach reprioritized afterwards earns the rate of the goal it missed", () => {
    const r = evaluate(imagicle, { ...gold, events: events(["respond", "2026-06-15T15:00:00+02:00"], ["reprioritize", "2026-06-15T16:00:00+02:00", "P1"]) }, "2026-06-16T00:00:00Z");
    expect(r.targets[0]).toMatchObject({ goal: "2 business hours", status: "breached", due: "2026-06-15T11:00:00+02:00" });
    expect(r.credit).toEqual({ percent: 10 });
  });

  it("a reprioritize before the target stops changes both goal and credit", () => {
    const r = evaluate(imagicle, { ...gold, events: events(["reprioritize", "2026-06-15T09:30:00+02:00", "P1"], ["respond", "2026-06-15T15:00:00+02:00"]) }, "2026-06-16T00:00:00Z");
    expect(r.targets[0]).toMatchObject({ goal: "60 business minutes", status: "breached" });
    expect(r.credit).toEqual({ percent: 20 });
  });

  it("escalations follow the priority in force when the escalation clock stopped", () => {
    const r = evaluate(imagicle, { ...gold, events: events(["resolve", "2026-06-16T12:00:00+02:00"], ["reprioritize", "2026-06-16T13:00:00+02:00", "P1"]) }, "2026-06-17T00:00:00Z");
    expect(r.escalations).toEqual([
      { after: "4 business hours", to: "Support Team", at: "2026-06-15T13:00:00+02:00" },
      { after: "8 business hours", to: "Support Regional Manager", at: "2026-06-15T17:00:00+02:00" },
    ]);
  });
});

describe("dangling references and invalid asOf (issue 9.13)", () => {
  const cases: Array<[string, (p: PolicyIR) => void, string, string]> = [
    ["a region's calendar", (p) => (p.regions[1]!.calendar = "nowhere"), "regions[1].calendar", "names unknown calendar `nowhere`"],
    ["a plan calendar", (p) => (p.regions[0]!.planCalendars = { gold: "gone" }), "regions[0].planCalendars.gold", "names unknown calendar `gone`"],
    ["a plan calendar's plan", (p) => (p.regions[0]!.planCalendars = { diamond: "europe_gold" }), "regions[0].planCalendars.diamond", "names unknown plan `diamond`"],
    ["a target's calendar", (p) => (p.targets[0]!.calendar = "x"), "targets[0].calendar", "names unknown calendar `x`"],
    ["the default calendar", (p) => (p.defaultCalendar = "y"), "defaultCalendar", "names unknown calendar `y`"],
    ["an escalation's calendar plan", (p) => (p.escalations[0]!.calendarPlan = "bronze"), "escalations[0].calendarPlan", "names unknown plan `bronze`"],
    [
      "an escalation's target",
      (p) => (p.escalations[0]!.levels[3]!.after = { kind: "percent", percent: 50, target: "resolution", text: "50% of resolution" }),
      "escalations[0].levels[3].after.target",
      "names unknown target `resolution`",
    ],
    ["a credited target", (p) => (p.credits!.targets = ["response", "fix"]), "credits.targets[1]", "names unknown target `fix`"],
    ["a zone", (p) => (p.calendars[2]!.zone = "Mars/Olympus"), "calendars[2].zone", "unknown time zone `Mars/Olympus`"],
  ];

  it.each(cases)("loadPolicy names the path of %s", (_what, edit, field, message) => {
    const p = structuredClone(imagicle);
    edit(p);
    expect(loadPolicy(p)).toEqual({ ok: false, error: { field, message } });
  });

  it("loadPolicy accepts every reference of a sound policy", () => {
    expect(loadPolicy(structuredClone(imagicle)).ok).toBe(true);
  });

  it.each(cases)("evaluating an IR that skipped loadPolicy names the path of %s, as loadPolicy would", (_what, edit, field, message) => {
    const p = structuredClone(imagicle);
    edit(p);
    let thrown: unknown = null;
    try {
      evaluateTicket(p, ticket(imagicle, { priority: "P2", plan: "gold", region: "americas", language: "en", openedAt: "2026-06-15T09:00:00-04:00" }));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PolicyReferenceError);
    expect((thrown as PolicyReferenceError).field).toBe(field);
    expect((thrown as Error).message).toBe(`policy \`imagicle\`: ${field} ${message} (load compiled policies with \`loadPolicy\`)`);
  });

  const k = () => ticket(kustomer, { priority: "P1", openedAt: "2026-03-02T09:00:00Z" });

  it("an unparsable asOf is an error, not the current time", () => {
    expect(() => evaluateTicket(kustomer, { ...k(), asOf: "yesterday", asOfMs: null })).toThrow("the ticket's asOf `yesterday` is not an ISO-8601 instant");
    expect(() => evaluateTicket(kustomer, k(), { asOf: "2026-03-02" })).toThrow("asOf `2026-03-02` is not an ISO-8601 instant");
  });

  it("an asOf outside 1900–2199 is an error, numeric or not", () => {
    expect(() => evaluateTicket(kustomer, k(), { asOf: Date.UTC(2200, 0, 1) })).toThrow(/^asOf 7258118400000 must lie in the years 1900–2199$/);
    expect(() => evaluateTicket(kustomer, k(), { asOf: -1e15 })).toThrow("must lie in the years 1900–2199");
    expect(() => evaluateTicket(kustomer, k(), { asOf: "1899-12-31T23:59:59Z" })).toThrow("must lie in the years 1900–2199");
    expect(() => evaluateTicket(kustomer, { ...k(), asOf: "2300-01-01T00:00:00Z", asOfMs: null })).toThrow("must lie in the years 1900–2199");
    expect(evaluateTicket(kustomer, k(), { asOf: Date.UTC(2199, 11, 31) }).targets[0]!.status).toBe("breached");
  });
});
