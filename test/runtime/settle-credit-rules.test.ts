/**
 * Credit rules of issue 12: `sum per breach` with a cap, a fixed `amount … per breach`,
 * thresholds on the count of breaches, claims within days after the period or the breach, and
 * a period whose currency differs from the policy's. Each settles to exact figures.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput, type SettlementResult } from "../../runtime/settle.js";

/** A 24x7 policy whose Sev1 response is due in 1 hour, with `credits` as given. */
function policyText(credits: string, fees = ""): string {
  return `policy acme "ACME"
calendar always "24x7" {
  zone "UTC"
  24x7
}
priority Sev1 "critical"
priority Sev2 "major"
target response "Response" {
  start on open
  stop on respond
  goals {
    | priority | goal   |
    | Sev1     | 1 hour |
    | Sev2     | 1 day  |
  }
}
credits {
${credits}
}
${fees}
`;
}
function policy(credits: string, fees = ""): PolicyIR {
  const r = compile("acme.sla", policyText(credits, fees));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!r.ir || errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("; "));
  return r.ir;
}
const codes = (credits: string, fees = "") => compile("acme.sla", policyText(credits, fees)).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);

/** `n` Sev1 tickets answered 2 hours late in March 2026 (each breached), plus one met. */
function tickets(n: number, priority = "Sev1") {
  const out = [];
  for (let i = 1; i <= n; i++) {
    const day = String(i).padStart(2, "0");
    out.push({ id: `T-${i}`, priority, openedAt: `2026-03-${day}T10:00:00Z`, events: [{ type: "respond", at: `2026-03-${day}T13:00:00Z` }] });
  }
  out.push({ id: "OK", priority, openedAt: "2026-03-20T10:00:00Z", events: [{ type: "respond", at: "2026-03-20T10:30:00Z" }] });
  return out;
}
const march = { period: { from: "2026-03-01", to: "2026-03-31" }, fees: { amount: "10000.00", currency: "EUR" } };
function settled(p: PolicyIR, json: unknown): SettlementResult {
  const r = settleInput(p, json);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}
const table = `  {
    | priority | credit |
    | Sev1     | 5%     |
    | Sev2     | 2.5%   |
  }`;

describe("sum per breach with a cap (issue 12.1)", () => {
  const p = policy(`${table}\n  sum per breach\n  cap 25%`);

  it("adds 5 % per missed Sev1 response: three breaches are 15 %, EUR 1,500.00, each ticket and its row listed", () => {
    const c = settled(p, { ...march, tickets: tickets(3) }).credit;
    expect(c).toMatchObject({ mode: "sum", creditPercent: "15", percent: 15, amount: "1500.00", breaches: 3, capped: false, tickets: ["T-1", "T-2", "T-3"] });
    expect(c?.contributions?.[0]).toEqual({ ticket: "T-1", creditPercent: "5", clause: { line: 20, text: "| Sev1 | 5% |" } });
  });

  it("stops at the cap: seven breaches are 35 %, paid as 25 % (EUR 2,500.00), not the highest row's 5 %", () => {
    const c = settled(p, { ...march, tickets: tickets(7) }).credit;
    expect(c).toMatchObject({ creditPercent: "35", amount: "2500.00", capped: true, breaches: 7 });
    expect(c?.reason).toContain("capped at 25%");
  });

  it("keeps the highest percentage as the default when no mode is written", () => {
    const c = settled(policy(`${table}\n  cap 25%`), { ...march, tickets: tickets(7) }).credit;
    expect(c).toMatchObject({ percent: 5, amount: "500.00" });
    expect(c?.mode).toBeUndefined();
  });

  it("adds exact decimals: 2.5 % three times is 7.5 % of 999.99 = 75.00 (74.99925 rounded half up)", () => {
    // Sev2 (1 day) tickets answered two days late.
    const sev2 = [1, 2, 3].map((d) => ({ id: `S-${d}`, priority: "Sev2", openedAt: `2026-03-0${d}T10:00:00Z`, events: [{ type: "respond", at: `2026-03-0${d + 2}T10:00:00Z` }] }));
    const c = settled(p, { ...march, fees: { amount: "999.99", currency: "EUR" }, tickets: sev2 }).credit;
    expect(c).toMatchObject({ creditPercent: "7.5", amount: "75.00" });
  });
});

describe("a fixed amount per breach (issue 12.1)", () => {
  const p = policy(`  amount 250.50 EUR per breach\n  cap 5%`);

  it("pays 250.50 per breached ticket, whatever its priority", () => {
    const c = settled(p, { ...march, tickets: tickets(1) }).credit;
    expect(c).toMatchObject({ mode: "amount", amount: "250.50", breaches: 1 });
    expect(c?.contributions).toEqual([{ ticket: "T-1", amount: "250.50", clause: { line: 18, text: "amount 250.50 EUR per breach" } }]);
  });

  it("caps the sum at 5 % of the fees: 3 × 250.50 = 751.50 is paid as 500.00", () => {
    expect(settled(p, { ...march, tickets: tickets(3) }).credit).toMatchObject({ amount: "500.00", capped: true });
  });

  it("refuses a period in another currency than the amount's, naming fees.currency", () => {
    const r = settleInput(p, { ...march, fees: { amount: "1.00", currency: "USD" }, tickets: tickets(1) });
    expect(r.ok ? null : r.error).toEqual({ field: "fees.currency", message: '"USD" differs from the credit of 250.50 EUR per breach: a settlement is in one currency' });
  });
});

describe("thresholds on the count of breaches (issue 12.1)", () => {
  const p = policy(`  above 2 breaches 10%\n  above 4 breaches 20%`);

  it.each([
    [2, "0", "0.00"],
    [3, "10", "1000.00"],
    [4, "10", "1000.00"],
    [5, "20", "2000.00"],
  ])("%i breaches earn %s %%", (n, percent, amount) => {
    expect(settled(p, { ...march, tickets: tickets(n) }).credit).toMatchObject({ mode: "threshold", creditPercent: percent, amount, breaches: n });
  });

  it("names the threshold clause for each counted ticket", () => {
    const c = settled(p, { ...march, tickets: tickets(5) }).credit;
    expect(c?.contributions?.map((x) => x.clause.text)).toEqual(Array(5).fill("above 4 breaches 20%"));
  });
});

describe("claims within days (issue 12.2)", () => {
  it("`claim within 30 days after period`: March's deadline is April 30, a claim on May 1 is late", () => {
    const p = policy(`${table}\n  claim within 30 days after period`);
    const onTime = settled(p, { ...march, tickets: tickets(1), claim: { submittedAt: "2026-04-30", subject: "x" } }).credit;
    expect(onTime).toMatchObject({ claimDeadline: "2026-04-30", eligible: true, amount: "500.00" });
    const late = settled(p, { ...march, tickets: tickets(1), claim: { submittedAt: "2026-05-01", subject: "x" } }).credit;
    expect(late).toMatchObject({ eligible: false, amount: "0.00" });
  });

  it("`claim within 10 days after breach` counts only the breaches the claim is within 10 days of", () => {
    const p = policy(`${table}\n  sum per breach\n  claim within 10 days after breach`);
    // Breaches on March 1, 2 and 3 (due 11:00): a claim on March 12 is within 10 days of the 2nd and 3rd only.
    const c = settled(p, { ...march, tickets: tickets(3), claim: { submittedAt: "2026-03-12T09:00:00Z", subject: "x" } }).credit;
    expect(c).toMatchObject({ tickets: ["T-2", "T-3"], creditPercent: "10", amount: "1000.00", breaches: 2, eligible: true });
    expect(c?.reason).toContain("T-1 (claimed 2026-03-12, after 2026-03-11: 10 days after its breach on 2026-03-01)");
  });
});

describe("the checker refuses what it cannot settle exactly (SLA505, SLA506)", () => {
  it("two ways of adding up breaches", () => {
    expect(codes(`${table}\n  sum per breach\n  amount 5 EUR per breach`)).toEqual(["SLA505 `sum per breach` and `amount … per breach` are two ways of adding up breaches"]);
  });
  it("thresholds beside a table", () => {
    expect(codes(`${table}\n  above 2 breaches 10%`)).toEqual(["SLA505 breach thresholds and a per-ticket credit are two ways of settling"]);
  });
  it("thresholds that fall", () => {
    expect(codes(`  above 2 breaches 20%\n  above 4 breaches 10%`)).toEqual(["SLA505 more breaches earn less: 10% above 4 is below 20% above 2"]);
  });
  it("two claim deadlines", () => {
    expect(codes(`${table}\n  claim by end of next month\n  claim within 30 days after period`)).toEqual(["SLA505 two claim deadlines"]);
  });
  it("a sum with nothing to add up, and counts that are not whole", () => {
    expect(codes(`  sum per breach`)).toEqual(["SLA506 `sum per breach` has no credit table to add up"]);
    expect(codes(`  above 2.5 breaches 10%`)).toEqual(["SLA506 a number of breaches is a whole number, not `2.5`"]);
  });
  it("an amount in another currency than the fees'", () => {
    const fees = `fees {\n  currency USD\n  rate 100 USD per hour\n  invoice monthly, issued 1 day after period\n  payment net 30 days\n}`;
    expect(codes(`  amount 5 EUR per breach`, fees)).toEqual(["SLA502 `EUR` differs from the fees' currency `USD`"]);
  });
});

describe("a period in another currency than the policy's (issue 12.5)", () => {
  it("is an error naming fees.currency instead of a result mixing EUR and USD", () => {
    const fees = `fees {\n  currency EUR\n  rate 100 EUR per hour\n  invoice monthly, issued 1 day after period\n  payment net 30 days\n}`;
    const p = policy(table, fees);
    const r = settleInput(p, { ...march, fees: { amount: "100.00", currency: "USD" } });
    expect(r.ok ? null : r.error).toEqual({ field: "fees.currency", message: '"USD" differs from the policy\'s currency EUR: a settlement is in one currency' });
  });
});
