/**
 * Golden reports: each seed policy's example tickets in every format, and a mixed file (a BOM,
 * CRLF, a blank line, invalid JSON, an unknown priority, a paused ticket, a ticket opened on a
 * month's last evening in UTC that is the next month in Rome). Regenerate after a deliberate
 * change with `npx vitest run test/report -u` and review with `git diff`.
 */
import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../report/model.js";
import { AT, reportCli, SEEDS } from "./helpers.js";

const EXT = { text: "txt", json: "json", markdown: "md", html: "html" } as const;

describe("sla report on the example tickets", () => {
  for (const policy of SEEDS) {
    for (const [format, ext] of Object.entries(EXT)) {
      it(`${policy} as ${format}`, async () => {
        const r = await reportCli({ policyPath: `policies/${policy}.sla`, input: `examples/tickets/${policy}.ndjson`, format });
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
        await expect(r.out).toMatchFileSnapshot(`golden/${policy}.${ext}`);
      });
    }
  }
});

describe("sla report on a mixed file", () => {
  const args = { policyPath: "policies/imagicle.sla", input: "test/report/tickets/mixed.ndjson", at: "2026-04-08T12:00:00Z" };

  it("lists the bad lines by number and field, reports every good ticket, and exits 1", async () => {
    const r = await reportCli(args);
    expect(r.code).toBe(1);
    await expect(r.out).toMatchFileSnapshot("golden/mixed.txt");
    const json = ReportSchema.parse(JSON.parse((await reportCli({ ...args, format: "json" })).out));
    expect(json.totals).toEqual({ lines: 9, tickets: 6, outsideRange: 0, bad: 3 });
    expect(json.badLines.listed.map((b) => [b.line, b.id, b.field])).toEqual([
      [3, "M-3", "priority"],
      [4, null, ""],
      [6, null, ""],
    ]);
  });

  it("reads months in the billing zone: 23:30 UTC on March 31 is April in Rome, 21:30 UTC is still March", async () => {
    const json = ReportSchema.parse(JSON.parse((await reportCli({ ...args, format: "json" })).out));
    expect(json.zone).toBe("Europe/Rome");
    expect(json.periods.map((p) => [p.period, p.tickets])).toEqual([
      ["2026-03", 1],
      ["2026-04", 4],
      ["2026-06", 1],
    ]);
    const april = json.periods[1]!.targets[0]!;
    expect([april.met, april.breached, april.pending, april.paused, april.none, april.attainmentPercent]).toEqual([2, 0, 1, 1, 1, "100.00"]);
    expect(json.periods[0]!.credits).toEqual({
      tickets: 1,
      rule: "highest",
      duePercent: "20",
      dueAmount: null,
      byRow: [{ percent: "20", tickets: 1, clause: { line: 147, text: "| P1 | 20% |" } }],
      ticketIds: ["M-2"],
      claimBy: "2026-04-30",
    });
  });

  it("keeps to the selected range and counts the rest as outside it", async () => {
    const json = ReportSchema.parse(JSON.parse((await reportCli({ ...args, period: "2026-04", format: "json" })).out));
    expect(json.range).toEqual({ from: "2026-04-01", to: "2026-04-30" });
    expect(json.periods.map((p) => p.period)).toEqual(["2026-04"]);
    expect(json.totals).toMatchObject({ tickets: 4, outsideRange: 2, bad: 3 });
  });

  it("lists every month of a bounded range, those without tickets too", async () => {
    const json = ReportSchema.parse(JSON.parse((await reportCli({ ...args, from: "2026-04", to: "2026-05-15", format: "json" })).out));
    expect(json.periods.map((p) => [p.period, p.from, p.to, p.tickets])).toEqual([
      ["2026-04", "2026-04-01", "2026-04-30", 4],
      ["2026-05", "2026-05-01", "2026-05-15", 0],
    ]);
  });
});


describe("sla report with an objective over a share of tickets", () => {
  const args = { policyPath: "test/report/objectives.sla", input: "test/report/tickets/objectives.ndjson", at: "2026-04-11T09:00:00Z" };

  it("decides the objective per month with the runtime's tally: 19 of 20 met (95.00 %) is met, 9 of 10 (90.00 %) missed", async () => {
    const json = ReportSchema.parse(JSON.parse((await reportCli({ ...args, format: "json" })).out));
    expect(json.objectives).toEqual([
      { name: "critical_resolution", title: "Critical tickets resolved within 2 hours", target: "resolution", sharePercent: "95", creditPercent: "5", clause: { line: 36, text: "critical_resolution" } },
    ]);
    expect(json.periods.map((p) => p.objectives.map((o) => [p.period, o.tickets, o.met, o.missed, o.pending, o.attainmentPercent, o.status, o.creditPercent, o.missedTicketIds]))).toEqual([
      [["2026-03", 20, 19, 1, 0, "95.00", "met", "0", ["C-307"]]],
      [["2026-04", 11, 9, 1, 1, "90.00", "missed", "5", ["C-409"]]],
    ]);
  });

  for (const [format, ext] of [["text", "txt"], ["html", "html"]] as const) {
    it(`as ${format}`, async () => {
      const r = await reportCli({ ...args, format });
      expect(r.code).toBe(0);
      await expect(r.out).toMatchFileSnapshot(`golden/objectives.${ext}`);
    });
  }

  it("draws the objective beside the targets with its required share as a dashed line", async () => {
    const html = (await reportCli({ ...args, format: "html" })).out;
    expect(html).toContain("objective critical_resolution (95 % required)");
    expect(html).toMatch(/<line [^>]*stroke-dasharray="6 4"><title>objective critical_resolution \(95 % required\)<\/title><\/line>/);
    expect(html).toContain("<title>2026-04 objective critical_resolution: 90.00 % (9 met, 1 missed): missed</title>");
  });
});

describe("sla report under each credit rule (issue 12.1), decided by the runtime's rule", () => {
  const run = async (rule: string) =>
    ReportSchema.parse(JSON.parse((await reportCli({ policyPath: `test/report/credit-rules/${rule}.sla`, input: "test/report/tickets/credit-rules.ndjson", at: "2026-05-01T00:00:00Z", format: "json" })).out));
  const due = (r: Awaited<ReturnType<typeof run>>) => r.periods.map((p) => [p.period, p.credits?.rule, p.credits?.tickets, p.credits?.duePercent, p.credits?.dueAmount]);

  it("sum per breach: 4 × 5 % + 2 × 1 % = 22 %, capped at 12 %; April 5 %; claims within 15 days after the month", async () => {
    const report = await run("sum");
    expect(due(report)).toEqual([
      ["2026-03", "sum", 6, "12", null],
      ["2026-04", "sum", 1, "5", null],
    ]);
    expect(report.periods.map((p) => p.credits?.claimBy)).toEqual(["2026-04-15", "2026-05-15"]);
  });

  it("thresholds on the count: 6 breaches exceed 4 (10 %); 1 breach exceeds none", async () => {
    expect(due(await run("threshold"))).toEqual([
      ["2026-03", "threshold", 6, "10", null],
      ["2026-04", "threshold", 1, null, null],
    ]);
  });

  it("a fixed amount per breach, with the cap stated beside it", async () => {
    expect(due(await run("amount"))).toEqual([
      ["2026-03", "amount", 6, null, "6 × 500 EUR = 3000.00 EUR, at most 10 % of the period's fees"],
      ["2026-04", "amount", 1, null, "1 × 500 EUR = 500.00 EUR, at most 10 % of the period's fees"],
    ]);
  });

  it("prints the rule in words", async () => {
    const r = await reportCli({ policyPath: "test/report/credit-rules/threshold.sla", input: "test/report/tickets/credit-rules.ndjson", at: "2026-05-01T00:00:00Z" });
    await expect(r.out).toMatchFileSnapshot("golden/credit-threshold.txt");
  });
});
