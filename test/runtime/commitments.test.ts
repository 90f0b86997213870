/**
 * Availability commitments and objectives over a share of tickets (issue 12.3–12.4): the period
 * examples settle to their expected results, outages are validated and judged clause by clause,
 * objectives count through their pure API, and the parts join the period's credit by the
 * credits block's rule.
 */
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { loadPolicy } from "../../runtime/index.js";
import { runExamples } from "../../runtime/examples.js";
import { evaluateObjectives } from "../../runtime/objectives.js";
import { parsePeriod } from "../../runtime/period.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput, type SettlementResult } from "../../runtime/settle.js";
import { compiledPolicy as compiled, readRepoFile as read } from "./repo-policy.js";

function settled(p: PolicyIR, json: unknown): SettlementResult {
  const r = settleInput(p, json);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

const uptime = compiled("examples/periods/uptime-bands.sla");
const objectives = compiled("examples/periods/objective-share.sla");
const periodJson = (name: string): Record<string, unknown> => JSON.parse(read(`examples/periods/${name}.json`)) as Record<string, unknown>;

describe("period examples of availability and objectives", () => {
  it.each([
    ["uptime-bands-2026-03", "examples/periods/uptime-bands.sla"],
    ["objective-share-2026-03", "examples/periods/objective-share.sla"],
    ["mapledeploy-2026-03", "examples/agreements/mapledeploy.sla"],
    ["mapledeploy-2026-04", "examples/agreements/mapledeploy.sla"],
    ["mapledeploy-2026-05-trial", "examples/agreements/mapledeploy.sla"],
  ])("%s settles to its expected result", (name, path) => {
    expect(settled(compiled(path), periodJson(name))).toEqual(JSON.parse(read(`examples/periods/${name}.expected.json`)));
  });

  it.each(["examples/periods/uptime-bands.sla", "examples/periods/objective-share.sla", "examples/agreements/mapledeploy.sla"])("the example cases of %s pass", (path) => {
    const outcomes = runExamples(compiled(path), (file) => ({ ok: true, json: JSON.parse(read(join(dirname(path), file))) }));
    expect(outcomes.map((o) => [o.name, o.pass, o.error])).toEqual(outcomes.map((o) => [o.name, true, null]));
  });

  it("counts 7 of 743 hours across the DST change, each outage once, 4 hours excused", () => {
    const a = settled(uptime, periodJson("uptime-bands-2026-03")).availability?.["platform"];
    expect(a).toMatchObject({ periodMs: 743 * 3_600_000, downtimeMs: 7 * 3_600_000, excusedMs: 4 * 3_600_000, availabilityPercent: "99.057", met: false, creditPercent: "10" });
    expect(a?.outages.map((o) => [o.status, o.countedMs / 3_600_000, o.excusedMs / 3_600_000])).toEqual([
      ["counted", 2, 0],
      ["counted", 1, 0], // its first hour overlaps outage 0: counted once
      ["excused", 0, 3],
      ["counted", 1, 0], // announced 24 hours ahead, less than 48
      ["partly excused", 2, 1], // the cap of 4 hours runs out after its first hour
      ["counted", 1, 0], // clipped to the period's end
    ]);
  });

  it("joins the ticket credit, the availability band and the missed objective by the credits block's rule", () => {
    const r = settled(objectives, periodJson("objective-share-2026-03"));
    expect(r.objectives?.["critical_resolution"]).toMatchObject({ met: 9, missed: 1, pending: 1, attainmentPercent: "90.00", status: "missed", missedTickets: ["C-8"] });
    expect(r.availability?.["portal"]).toMatchObject({ periodMs: 176 * 3_600_000, downtimeMs: 3 * 3_600_000, availabilityPercent: "98.29" });
    expect(r.periodCredit).toMatchObject({ rule: "sum", amount: "1000.00", capped: false });
    // Under "the highest percentage, never a sum" the largest part alone is owed.
    const highest = compiled("highest.sla", read("examples/periods/objective-share.sla").replace("  sum per breach\n", ""));
    expect(settled(highest, periodJson("objective-share-2026-03")).periodCredit).toMatchObject({ rule: "highest", amount: "500.00" });
    // The cap bounds the joined credit.
    const capped = compiled("capped.sla", read("examples/periods/objective-share.sla").replace("cap 20%", "cap 6%"));
    expect(settled(capped, periodJson("objective-share-2026-03")).periodCredit).toMatchObject({ amount: "600.00", capped: true });
  });

  it("gives no credit to a period whose plan the credits block does not name (MapleDeploy's free trials)", () => {
    const r = settled(compiled("examples/agreements/mapledeploy.sla"), periodJson("mapledeploy-2026-05-trial"));
    expect(r.availability?.["vm"]?.creditPercent).toBe("50");
    expect(r.periodCredit).toMatchObject({ amount: "0.00", eligible: false, reason: expect.stringContaining("plan trial earns no credits") });
  });

  it("leaves the settlement of a policy without commitments exactly as it was", () => {
    const lucy = compiled("policies/lucy.sla");
    const r = settled(lucy, JSON.parse(read("examples/periods/lucy-2026-03.json")));
    expect(Object.keys(r).sort()).toEqual(["credit", "customer", "invoice", "period", "policy"]);
  });
});

describe("outages in the period input", () => {
  const base = periodJson("uptime-bands-2026-03");
  const errorOf = (outages: unknown[]) => {
    const r = parsePeriod({ ...base, outages }, uptime);
    return r.ok ? null : r.error;
  };
  const outage = { component: "api", start: "2026-03-03T11:00:00+01:00", end: "2026-03-03T13:00:00+01:00" };

  it("names the field of each mistake", () => {
    expect(errorOf([{ ...outage, end: outage.start }])).toEqual({ field: "outages[0].end", message: "2026-03-03T11:00:00+01:00 is not after start 2026-03-03T11:00:00+01:00" });
    expect(errorOf([{ ...outage, component: "docs" }])).toEqual({ field: "outages[0].component", message: 'unknown component "docs" (valid: api, console)' });
    expect(errorOf([{ ...outage, component: undefined }])?.field).toBe("outages[0].component");
    expect(errorOf([{ ...outage, announcedAt: "2026-03-01T00:00:00Z" }])?.field).toBe("outages[0].announcedAt");
    expect(errorOf([{ ...outage, scheduled: true, announcedAt: "2026-03-04T00:00:00Z" }])?.message).toBe("2026-03-04T00:00:00Z is after the outage starts (2026-03-03T11:00:00+01:00)");
    expect(errorOf([{ ...outage, start: "2026-03-03 11:00" }])?.field).toBe("outages[0].start");
    expect(errorOf([{ ...outage, cause: "x" }])).toEqual({ field: "outages[0].cause", message: 'unknown cause "x" (the policy declares no causes)' });
  });

  it("requires the fees when a band can earn a credit", () => {
    const r = parsePeriod({ ...base, fees: undefined }, uptime);
    expect(r.ok ? null : r.error.field).toBe("fees");
  });

  it("counts nothing outside the calendar's open time", () => {
    const r = settled(objectives, { ...periodJson("objective-share-2026-03"), outages: [{ start: "2026-03-07T10:00:00+01:00", end: "2026-03-07T16:00:00+01:00" }] });
    expect(r.availability?.["portal"]).toMatchObject({ downtimeMs: 0, availabilityPercent: "100.00", met: true, band: null });
    expect(r.availability?.["portal"]?.outages[0]).toMatchObject({ status: "not counted", reason: "outside the open time of calendar office" });
  });
});

describe("evaluateObjectives: the pure API `sla report` calls", () => {
  const period = parsePeriod(periodJson("objective-share-2026-03"), objectives);
  if (!period.ok) throw new Error(period.error.message);
  const entries = period.period.tickets.map((ticket) => ({ ticket, result: evaluateTicket(objectives, ticket, { asOf: period.period.endMs }) }));

  it("counts met, missed and pending tickets meeting the condition, and gives the same answer twice", () => {
    const [first] = evaluateObjectives(objectives, entries);
    expect(first).toMatchObject({ tickets: 11, met: 9, missed: 1, pending: 1, status: "missed", creditPercent: "5" });
    expect(evaluateObjectives(objectives, entries)).toEqual([first]);
  });

  it("meets the objective exactly at the share, and when no ticket was decided", () => {
    const nineteenOfTwenty = [...entries.slice(0, 10), ...entries.slice(0, 10).map((e, i) => ({ ...e, result: { ...e.result, id: `X-${i}` } }))]
      .filter((e) => e.result.id !== "X-7"); // 19 tickets: 18 met, 1 missed is 94.73…%
    expect(evaluateObjectives(objectives, nineteenOfTwenty)[0]).toMatchObject({ met: 18, missed: 1, attainmentPercent: "94.73", status: "missed" });
    const twenty = [...nineteenOfTwenty, { ...entries[0]!, result: { ...entries[0]!.result, id: "X-met" } }]; // 19 of 20: exactly 95 %
    expect(evaluateObjectives(objectives, twenty)[0]).toMatchObject({ met: 19, missed: 1, attainmentPercent: "95.00", status: "met", creditPercent: "0" });
    expect(evaluateObjectives(objectives, [])[0]).toMatchObject({ tickets: 0, attainmentPercent: null, status: "met" });
  });
});

describe("a compiled policy loaded from JSON", () => {
  it("names a commitment's unknown calendar or target at load time", () => {
    const ir = structuredClone(objectives);
    ir.availability![0]!.over = { kind: "calendar", calendar: "offce" };
    expect(loadPolicy(ir)).toMatchObject({ ok: false, error: { field: "availability[0].over.calendar", message: "names unknown calendar `offce`" } });
    const ir2 = structuredClone(objectives);
    ir2.objectives![0]!.target = "fix";
    expect(loadPolicy(ir2)).toMatchObject({ ok: false, error: { field: "objectives[0].target", message: "names unknown target `fix`" } });
    expect(loadPolicy(structuredClone(objectives))).toMatchObject({ ok: true });
  });
});
