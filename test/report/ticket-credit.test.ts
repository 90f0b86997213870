/**
 * `sla report` under the credits that grow (issue 12): each credited ticket counted with the
 * credit `sla eval` gives it and the clause of the row behind it (`runtime/ticket-credit.ts`, the
 * parts `sla settle` reads), and the month's due decided from those parts. Every figure is worked
 * out by hand beside it; each month's due is also checked against `sla settle` for the same
 * tickets with fees of 100.00, so a percentage and an amount read the same.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReportSchema, type Report } from "../../report/model.js";
import { settleInput } from "../../runtime/settle.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { compiledPolicy, readRepoFile } from "../runtime/repo-policy.js";
import { reportCli } from "./helpers.js";

const BLUE_ARCTIC = "examples/agreements/blue-arctic.sla";
const ARCUSTECH = "examples/agreements/arcustech.sla";

/** The rows of the two credits tables, as the report cites them. */
const BA_ROW = {
  "5": { line: 69, text: "| 45 minutes | 5% |" },
  "10": { line: 70, text: "| 60 minutes | 10% |" },
  "25": { line: 71, text: "| 120 minutes | 25% |" },
  "50": { line: 72, text: "| 240 minutes | 50% |" },
};
const HOST_ROW = { line: 89, text: "| host_failure | 5% |" };
const STORAGE_ROW = { line: 90, text: "| storage_failure | 5% |" };

async function report(policyPath: string, input: string, at: string, format = "json"): Promise<{ code: number; out: string }> {
  const r = await reportCli({ policyPath, input, at, format });
  expect(r.err).toBe("");
  return r;
}

async function jsonReport(policyPath: string, input: string, at: string): Promise<Report> {
  return ReportSchema.parse(JSON.parse((await report(policyPath, input, at)).out));
}

/** What `sla settle` owes for a month of these tickets with fees of 100.00: the share of the fees, exact text. */
function settledPercent(ir: PolicyIR, ndjson: string, from: string, to: string, zoneOffset: string, claim?: { submittedAt: string; subject: string }): string | null {
  const tickets = readRepoFile(ndjson)
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { openedAt: string })
    .filter((t) => t.openedAt >= `${from}T00:00:00${zoneOffset}` && t.openedAt <= `${to}T23:59:59${zoneOffset}`);
  const r = settleInput(ir, { period: { from, to }, fees: { amount: "100.00", currency: "USD" }, tickets, ...(claim ? { claim } : {}) });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result.credit === null ? null : String(Number(r.result.credit.amount));
}

describe("Blue Arctic: a response credit graded by the time it took, each row cited", () => {
  // July 2026 in New York, judged at its end (00:00 on August 1, EDT).
  const args = [BLUE_ARCTIC, "test/report/tickets/blue-arctic.ndjson", "2026-08-01T04:00:00Z"] as const;

  it("counts each late reply under the row its time reached, with that row's clause; the slowest row is due", async () => {
    const july = (await jsonReport(...args)).periods[0]!;
    expect(july.period).toBe("2026-07");
    // BA-R44 (44 minutes) met the 45-minute guarantee: no credit. BA-R60: exactly 60 minutes is still
    // the 45-minute row, 5 %. BA-R90 and BA-R95: more than 60, not more than 120: 10 %. BA-R245: the
    // 240-minute row, 50 %. BA-Ropen, unanswered from 21:00 to midnight: 180 minutes, 25 %.
    expect(july.credits).toEqual({
      tickets: 5,
      rule: "highest",
      duePercent: "50",
      dueAmount: null,
      byRow: [
        { percent: "50", tickets: 1, clause: BA_ROW["50"] },
        { percent: "25", tickets: 1, clause: BA_ROW["25"] },
        { percent: "10", tickets: 2, clause: BA_ROW["10"] },
        { percent: "5", tickets: 1, clause: BA_ROW["5"] },
      ],
      ticketIds: ["BA-R60", "BA-R90", "BA-R95", "BA-R245", "BA-Ropen"],
      claimBy: null,
      // `claim required`: owed on a claim, at any time.
      claimRequired: true,
    });
  });

  it("calls for what sla settle owes for the month: 50 % of 100.00", async () => {
    const july = (await jsonReport(...args)).periods[0]!;
    // Blue Arctic owes its credit on a claim (`claim required`, any time): the report shows what a claim gets.
    const claim = { submittedAt: "2026-08-03", subject: "SLA credit" };
    expect(settledPercent(compiledPolicy(BLUE_ARCTIC), args[1], "2026-07-01", "2026-07-31", "-04:00", claim)).toBe("50");
    expect(settledPercent(compiledPolicy(BLUE_ARCTIC), args[1], "2026-07-01", "2026-07-31", "-04:00")).toBe("0");
    expect(july.credits!.duePercent).toBe("50");
  });

  it("prints each credit beside its row in text", async () => {
    await expect((await report(...args, "text")).out).toMatchFileSnapshot("golden/blue-arctic.txt");
  });
});

describe("Arcustech: 5 % per started hour late, each guarantee up to 100 %, breaches added", () => {
  // Judged on September 1 (UTC): every July and August ticket has stopped.
  const args = [ARCUSTECH, "test/report/tickets/arcustech.ndjson", "2026-09-01T00:00:00Z"] as const;

  it("counts each ticket's grown credit under its priority's row; the month adds the parts and caps each guarantee", async () => {
    const [july, august] = (await jsonReport(...args)).periods;
    // ARC-701: host due 01:00 on the 8th, resolved 07:10 on the 9th: 30 h 10 min late, 31 started
    // hours, 155 %, up to 100 % for the guarantee. ARC-210: 2 h 10 min late, 3 hours, 15 %.
    // ARC-cap: the host as ARC-701 (100 %) and a restoration 20 minutes late (1 hour, 5 %): 105 %.
    // ARC-702: a storage restoration 20 minutes late: 5 %, under the storage row. ARC-ok: repaired in 50 minutes.
    // The month: host_repair 155 + 15 + 155 = 325, up to 100; restoration 5 + 5 = 10; 110 %.
    expect(july!.credits).toEqual({
      tickets: 4,
      rule: "sum",
      duePercent: "110",
      dueAmount: null,
      byRow: [
        { percent: "105", tickets: 1, clause: HOST_ROW },
        { percent: "100", tickets: 1, clause: HOST_ROW },
        { percent: "15", tickets: 1, clause: HOST_ROW },
        { percent: "5", tickets: 1, clause: STORAGE_ROW },
      ],
      ticketIds: ["ARC-701", "ARC-702", "ARC-210", "ARC-cap"],
      claimBy: null,
    });
    // ARC-802: due 01:00, resolved 03:00: exactly two hours late, two steps, 10 %.
    expect(august!.credits).toMatchObject({ tickets: 1, duePercent: "10", byRow: [{ percent: "10", tickets: 1, clause: HOST_ROW }] });
  });

  it("calls for what sla settle owes for each month: 110 % and 10 % of 100.00", async () => {
    const ir = compiledPolicy(ARCUSTECH);
    const [july, august] = (await jsonReport(...args)).periods;
    expect([july!.credits!.duePercent, august!.credits!.duePercent]).toEqual([
      settledPercent(ir, args[1], "2026-07-01", "2026-07-31", "Z"),
      settledPercent(ir, args[1], "2026-08-01", "2026-08-31", "Z"),
    ]);
    expect(july!.credits!.duePercent).toBe("110");
  });

  it("prints each credit beside its row in text and html", async () => {
    await expect((await report(...args, "text")).out).toMatchFileSnapshot("golden/arcustech.txt");
    const html = (await report(...args, "html")).out;
    expect(html).toContain("<td>105 %</td>");
    expect(html).toContain("line 89: | host_failure | 5% |");
    expect(html).toContain("line 90: | storage_failure | 5% |");
  });

  it("under the highest rule, the highest grown credit within the cap per target: 100 %", async () => {
    // The same credits without `sum per breach`: a ticket's credit is its first breach's only.
    // ARC-701 and ARC-cap: host 155 % → 100 %; ARC-210: 15 %; ARC-702: 5 %. sla settle applies 100 % too.
    const dir = mkdtempSync(join(tmpdir(), "sla-report-credit-"));
    const policyPath = join(dir, "arcustech-highest.sla");
    const text = readRepoFile(ARCUSTECH).replace("  sum per breach\n", "");
    writeFileSync(policyPath, text);
    const july = (await jsonReport(policyPath, args[1], args[2])).periods[0]!;
    expect(july.credits).toMatchObject({
      tickets: 4,
      rule: "highest",
      duePercent: "100",
      byRow: [
        { percent: "100", tickets: 2, clause: HOST_ROW },
        { percent: "15", tickets: 1, clause: HOST_ROW },
        { percent: "5", tickets: 1, clause: STORAGE_ROW },
      ],
    });
    expect(settledPercent(compiledPolicy("arcustech-highest.sla", text), args[1], "2026-07-01", "2026-07-31", "Z")).toBe("100");
  });
});
