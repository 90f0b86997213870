/**
 * Settlement (SPEC §6): one test per rule, the error paths (each names its field), and the
 * example periods of `examples/periods/` against their `*.expected.json`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { addDecimalMonths, Dec, dayOfNextMonth, findRate, money, parsePeriod } from "../../runtime/period.js";
import { startedMonthsLate } from "../../runtime/settle-invoice.js";
import { settleInput, type SettlementResult } from "../../runtime/settle.js";

const root = new URL("../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");

function policy(name: string): PolicyIR {
  const file = `policies/${name}.sla`;
  const r = compile(file, read(file));
  if (!r.ir) throw new Error(`${file} does not compile: ${r.diagnostics.map((d) => d.message).join("; ")}`);
  return r.ir;
}
const lucy = policy("lucy");
const imagicle = policy("imagicle");
const promotron = policy("promotron");

function settled(p: PolicyIR, json: unknown): SettlementResult {
  const r = settleInput(p, json);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}
function errorOf(p: PolicyIR, json: unknown): { field: string; message: string } {
  const r = parsePeriod(json, p);
  if (r.ok) throw new Error("expected an input error");
  return r.error;
}
const invoiceOf = (p: PolicyIR, json: unknown) => {
  const inv = settled(p, json).invoice;
  if (!inv) throw new Error("no invoice");
  return inv;
};

const march = { period: { from: "2026-03-01", to: "2026-03-31" } };
const may = { period: { from: "2026-05-01", to: "2026-05-31" }, vatRate: "0.21" };
const gold = { ...march, plan: "gold", fees: { amount: "12000.00", currency: "EUR" } };
const goodClaim = { submittedAt: "2026-04-20T10:00:00+02:00", subject: "SLA Credit Request" };
/** A Gold Europe ticket opened on Tuesday 2026-03-10 10:00 Rome, answered `respondAt` (Rome, +01:00). */
const ticket = (id: string, priority: string, respondAt: string, extra: object = {}) => ({
  id,
  priority,
  region: "europe",
  channel: "portal",
  language: "en",
  openedAt: "2026-03-10T10:00:00+01:00",
  events: [{ at: `2026-03-10T${respondAt}:00+01:00`, type: "respond" }],
  ...extra,
});
const work = (date: string, hours: string, kind: string, regime?: string) => ({ date, hours, kind, ...(regime ? { regime } : {}) });

describe("money and dates (SPEC §6)", () => {
  it("rounds half away from zero to the cent, negatives included, with exactly two decimals", () => {
    expect(money(new Dec("0.005"))).toBe("0.01");
    expect(money(new Dec("-0.005"))).toBe("-0.01");
    expect(money(new Dec("2.675"))).toBe("2.68"); // 2.675 is 2.67499… as a binary float
    expect(money(new Dec("1.994999"))).toBe("1.99");
    expect(money(new Dec("-0.001"))).toBe("0.00");
    expect(money(new Dec("12"))).toBe("12.00");
  });

  it("reads 2.5 months as 2 calendar months then 15 days", () => {
    expect(addDecimalMonths("2026-01-20", new Dec("2.5"))).toBe("2026-04-04");
    expect(addDecimalMonths("2025-12-31", new Dec("2.5"))).toBe("2026-03-15"); // 02-28 (clamped) + 15
    expect(addDecimalMonths("2026-01-20", new Dec("3"))).toBe("2026-04-20");
  });

  it("clamps day D of the next month to its last day", () => {
    expect(dayOfNextMonth("2026-01-31", 10)).toBe("2026-02-10");
    expect(dayOfNextMonth("2026-01-15", 31)).toBe("2026-02-28");
    expect(dayOfNextMonth("2026-12-31", 10)).toBe("2027-01-10");
  });

  it("counts started months after the due date", () => {
    expect(startedMonthsLate("2026-05-01", "2026-05-01")).toBe(0);
    expect(startedMonthsLate("2026-05-01", "2026-04-20")).toBe(0);
    expect(startedMonthsLate("2026-05-01", "2026-05-02")).toBe(1);
    expect(startedMonthsLate("2026-05-01", "2026-06-01")).toBe(1);
    expect(startedMonthsLate("2026-05-01", "2026-06-02")).toBe(2);
    expect(startedMonthsLate("2026-01-31", "2026-02-28")).toBe(1); // 01-31 + 1 month = 02-28
    expect(startedMonthsLate("2026-01-31", "2026-03-01")).toBe(2);
    expect(startedMonthsLate("2026-05-01", "2027-05-02")).toBe(13);
  });

  it("picks the most specific rate: kind and regime, then kind, then regime, then neither", () => {
    const fees = promotron.fees!;
    expect(findRate(fees, "support", "standard")?.amount).toBe("39");
    expect(findRate(fees, "support", "premium")?.amount).toBe("49");
    expect(findRate(fees, "customization", "standard")?.amount).toBe("49"); // the kind wins
    expect(findRate(fees, "support", "basic")).toBeNull();
    const mixed = { ...fees, rates: [{ kind: null, regime: null, amount: "10", origin: fees.origin }, ...fees.rates, { kind: "support", regime: "premium", amount: "60", origin: fees.origin }] };
    expect(findRate(mixed, "support", "premium")?.amount).toBe("60");
    expect(findRate(mixed, "support", "basic")?.amount).toBe("10");
  });
});

describe("service credits (SPEC §6, seed 001 §8)", () => {
  it("takes the highest percentage among breached tickets, never the sum", () => {
    // P1 gold: 60 business minutes, due 11:00, answered 11:30 → 20 %; P3: 4 business hours, due 14:00, answered 15:00 → 5 %.
    const c = settled(imagicle, { ...gold, tickets: [ticket("T-1", "P1", "11:30"), ticket("T-2", "P3", "15:00")], claim: goodClaim }).credit;
    expect(c).toMatchObject({ percent: 20, amount: "2400.00", currency: "EUR", tickets: ["T-1"], claimDeadline: "2026-04-30", eligible: true });
    expect(c?.reason).toContain("not cumulative");
  });

  it("lists every ticket at the chosen percentage", () => {
    const c = settled(imagicle, { ...gold, tickets: [ticket("T-1", "P3", "15:00"), ticket("T-2", "P2", "13:00"), ticket("T-3", "P3", "14:30")], claim: goodClaim }).credit;
    expect(c).toMatchObject({ percent: 10, tickets: ["T-2"] });
    const same = settled(imagicle, { ...gold, tickets: [ticket("T-1", "P3", "15:00"), ticket("T-3", "P3", "14:30")], claim: goodClaim }).credit;
    expect(same).toMatchObject({ percent: 5, amount: "600.00", tickets: ["T-1", "T-3"] });
  });

  it("rounds the amount to the cent and applies a cap", () => {
    const fees = { amount: "999.99", currency: "EUR" };
    expect(settled(imagicle, { ...gold, fees, tickets: [ticket("T-1", "P3", "15:00")], claim: goodClaim }).credit?.amount).toBe("50.00"); // 49.9995
    const capped = { ...imagicle, credits: { ...imagicle.credits!, capPercent: "15" } };
    const c = settled(capped, { ...gold, tickets: [ticket("T-1", "P1", "11:30")], claim: goodClaim }).credit;
    expect(c).toMatchObject({ percent: 20, amount: "1800.00" });
    expect(c?.reason).toContain("capped at 15%");
  });

  it("gives a 0 % row a credit object of 0.00", () => {
    const c = settled(imagicle, { ...gold, tickets: [ticket("T-4", "P4", "19:00", { openedAt: "2026-03-10T09:00:00+01:00" })], claim: goodClaim }).credit;
    expect(c).toMatchObject({ percent: 0, amount: "0.00", tickets: ["T-4"], eligible: true });
  });

  it("is null when no eligible ticket breached", () => {
    expect(settled(imagicle, { ...gold, tickets: [ticket("T-1", "P1", "10:30")], claim: goodClaim }).credit).toBeNull();
    expect(settled(imagicle, { ...gold, tickets: [], claim: goodClaim }).credit).toBeNull();
    // email tickets and optional languages are ineligible
    expect(settled(imagicle, { ...gold, tickets: [ticket("T-1", "P1", "15:00", { channel: "email" })] }).credit).toBeNull();
    expect(settled(imagicle, { ...gold, tickets: [ticket("T-1", "P1", "15:00", { language: "fr" })] }).credit).toBeNull();
    // Basic earns no credits; a ticket's own plan wins over the period's
    expect(settled(imagicle, { ...gold, plan: "basic", tickets: [ticket("T-1", "P1", "15:00")] }).credit).toBeNull();
    expect(settled(imagicle, { ...gold, tickets: [ticket("T-1", "P1", "15:00", { plan: "basic" })] }).credit).toBeNull();
    // policies without credits
    expect(settled(lucy, { ...march, tickets: [] }).credit).toBeNull();
  });

  it("names ineligible tickets in the reason when a credit is owed", () => {
    const c = settled(imagicle, { ...gold, tickets: [ticket("T-1", "P3", "15:00"), ticket("T-2", "P1", "15:00", { channel: "email" })], claim: goodClaim }).credit;
    expect(c).toMatchObject({ percent: 5, tickets: ["T-1"] });
    expect(c?.reason).toContain("T-2 (channel email is ineligible)");
  });

  it("evaluates tickets as of the local midnight after the period (a later breach does not count)", () => {
    // P2 gold opened Tue 31 Mar 17:00 Rome: 1 business hour that day, due Wed 1 Apr 10:00 — after the period.
    const late = { ...ticket("T-9", "P2", "00:00"), openedAt: "2026-03-31T17:00:00+02:00", events: [] };
    expect(settled(imagicle, { ...gold, tickets: [late], claim: goodClaim }).credit).toBeNull();
  });

  it("requires a claim: missing, late or mistitled claims earn 0.00 with a reason", () => {
    const tickets = [ticket("T-1", "P1", "11:30")];
    const none = settled(imagicle, { ...gold, tickets }).credit;
    expect(none).toMatchObject({ percent: 20, amount: "0.00", eligible: false });
    expect(none?.reason).toContain("no claim was submitted");
    const late = settled(imagicle, { ...gold, tickets, claim: { ...goodClaim, submittedAt: "2026-05-01T10:00:00+02:00" } }).credit;
    expect(late).toMatchObject({ amount: "0.00", eligible: false });
    expect(late?.reason).toContain("after the deadline 2026-04-30");
    const subject = settled(imagicle, { ...gold, tickets, claim: { ...goodClaim, subject: "Credit please" } }).credit;
    expect(subject).toMatchObject({ amount: "0.00", eligible: false });
    expect(subject?.reason).toContain('does not contain "SLA Credit Request"');
  });

  it("reads the claim subject as containing the words, in any letter case", () => {
    const c = settled(imagicle, { ...gold, tickets: [ticket("T-1", "P1", "11:30")], claim: { ...goodClaim, subject: "RE: sla credit request (March)" } }).credit;
    expect(c).toMatchObject({ eligible: true, amount: "2400.00" });
  });

  it("dates the claim in the billing zone; a local date is taken as is", () => {
    // Imagicle has no fees block: its credits block sets the billing zone, Europe/Rome.
    const tickets = [ticket("T-1", "P1", "11:30")];
    const claimAt = (submittedAt: string) => settled(imagicle, { ...gold, tickets, claim: { ...goodClaim, submittedAt } }).credit?.eligible;
    expect(claimAt("2026-04-30T23:30:00+02:00")).toBe(true); // 2026-04-30 in Rome
    expect(claimAt("2026-04-30T19:30:00-04:00")).toBe(false); // still April in New York, already 2026-05-01 in Rome
    expect(claimAt("2026-04-30")).toBe(true);
    expect(claimAt("2026-05-01")).toBe(false);
  });

  it("sets the claim deadline at the end of the calendar month after the period", () => {
    const jan = { ...gold, period: { from: "2026-01-01", to: "2026-01-31" }, tickets: [{ ...ticket("T-1", "P1", "11:30"), openedAt: "2026-01-13T10:00:00+01:00", events: [{ at: "2026-01-13T11:30:00+01:00", type: "respond" }] }] };
    expect(settled(imagicle, jan).credit?.claimDeadline).toBe("2026-02-28");
    const dec = { ...jan, period: { from: "2025-12-01", to: "2025-12-31" }, tickets: [{ ...jan.tickets[0]!, openedAt: "2025-12-16T10:00:00+01:00", events: [{ at: "2025-12-16T11:30:00+01:00", type: "respond" }] }] };
    expect(settled(imagicle, dec).credit?.claimDeadline).toBe("2026-01-31");
  });
});

describe("invoice: rates, free work, VAT, dates, late charge (SPEC §6, seed 000)", () => {
  it("bills work per hour and shows free work as 0.00 lines", () => {
    const inv = invoiceOf(lucy, { ...march, work: [{ ...work("2026-03-03", "1.5", "support"), ticket: "T-1" }, work("2026-03-04", "2", "bug_fix")] });
    expect(inv.lines).toEqual([
      { description: "Support, 2026-03-03, T-1", hours: "1.50", rate: "130.00", amount: "195.00" },
      { description: "Bug fix, 2026-03-04 (free of charge)", hours: "2.00", rate: "0.00", amount: "0.00" },
    ]);
    expect(inv).toMatchObject({ currency: "USD", subtotal: "195.00", vat: "0.00", total: "195.00", issuedOn: "2026-04-01", dueOn: "2026-05-01" });
  });

  it("adds VAT only when the period gives a rate, for a policy without `plus vat`", () => {
    const inv = invoiceOf(lucy, { ...march, vatRate: "0.077", work: [work("2026-03-03", "1.5", "support")] });
    expect(inv).toMatchObject({ subtotal: "195.00", vat: "15.02", total: "210.02" }); // 15.015 → 15.02
  });

  it("computes VAT on the subtotal, not per line", () => {
    // three lines of 0.03 h × 39 = 1.17: VAT on 3.51 is 0.7371 → 0.74 (per line it would be 3 × 0.25)
    const inv = invoiceOf(promotron, { ...may, work: ["2026-05-04", "2026-05-05", "2026-05-06"].map((d) => work(d, "0.03", "support", "standard")) });
    expect(inv).toMatchObject({ subtotal: "3.51", vat: "0.74", total: "4.25" });
  });

  it("rounds each line to the cent", () => {
    const inv = invoiceOf(promotron, { ...may, work: [work("2026-05-04", "0.333", "support", "standard"), work("2026-05-05", "0.333", "support", "standard")] });
    expect(inv.lines.map((l) => [l.hours, l.amount])).toEqual([["0.333", "12.99"], ["0.333", "12.99"]]); // 12.987 each
    expect(inv.subtotal).toBe("25.98");
  });

  it("charges 1.5 % per started month after the due date, simple, rounded once", () => {
    const base = { ...march, work: [work("2026-03-03", "4.7", "support")] }; // 611.00, due 2026-05-01
    expect(invoiceOf(lucy, base).lateCharge).toBe("0.00");
    expect(invoiceOf(lucy, { ...base, paidOn: "2026-05-01" }).lateCharge).toBe("0.00");
    expect(invoiceOf(lucy, { ...base, paidOn: "2026-05-02" }).lateCharge).toBe("9.17"); // 9.165
    expect(invoiceOf(lucy, { ...base, paidOn: "2026-06-01" }).lateCharge).toBe("9.17");
    expect(invoiceOf(lucy, { ...base, paidOn: "2026-07-15" }).lateCharge).toBe("27.50"); // 3 × 9.165 = 27.495, not 3 × 9.17
    const thousand = { ...march, work: [work("2026-03-03", "100", "support")] }; // 13000.00
    expect(invoiceOf(lucy, { ...thousand, paidOn: "2026-07-15" }).lateCharge).toBe("585.00"); // 4.5 %, not compounded (593.78)
    expect(invoiceOf(promotron, { ...may, work: [work("2026-05-04", "1", "support", "standard")], paidOn: "2026-09-01" }).lateCharge).toBe("0.00");
  });

  it("issues on day 10 of the next month, due at the end of that month", () => {
    expect(invoiceOf(promotron, may)).toMatchObject({ issuedOn: "2026-06-10", dueOn: "2026-06-30", lines: [], subtotal: "0.00", total: "0.00" });
  });

  it("has no invoice for a policy without fees", () => {
    expect(settled(imagicle, { ...gold, tickets: [] }).invoice).toBeNull();
  });
});

describe("invoice: allowances and packages (SPEC §6, seed 003 4b, 4c)", () => {
  it("gives the basic regime 1 free hour a month, consumed in date order, the rest at the standard rate", () => {
    const entries = [work("2026-05-20", "0.75", "support", "basic"), work("2026-05-04", "0.5", "support", "basic")];
    const inv = invoiceOf(promotron, { ...may, work: entries });
    expect(inv.lines.map((l) => [l.description, l.hours, l.rate, l.amount])).toEqual([
      ["Basic support, 2026-05-04 (monthly allowance of 1 hour)", "0.50", "0.00", "0.00"],
      ["Basic support, 2026-05-20 (monthly allowance of 1 hour)", "0.50", "0.00", "0.00"],
      ["Basic support, 2026-05-20 (beyond the monthly allowance, at the standard rate)", "0.25", "39.00", "9.75"],
    ]);
  });

  it("renews allowances each calendar month", () => {
    const inv = invoiceOf(promotron, { ...may, period: { from: "2026-04-01", to: "2026-05-31" }, work: [work("2026-04-30", "2", "support", "setting_assistance"), work("2026-05-01", "2", "support", "setting_assistance")] });
    expect(inv.subtotal).toBe("0.00");
    expect(inv.lines).toHaveLength(2);
  });

  it("takes the work regime from the period's plan when the entry has none", () => {
    expect(invoiceOf(promotron, { ...may, plan: "premium", work: [work("2026-05-04", "1", "support")] }).subtotal).toBe("49.00");
  });

  const pkg = (purchasedOn: string, regime = "premium", extra: object = {}) => ({ plan: "onboarding_package", regime, purchasedOn, ...extra });
  const trial = { trialStart: "2026-01-20" }; // buy by 2026-04-04, hours usable through 2026-04-20
  const april = { period: { from: "2026-04-01", to: "2026-04-30" }, vatRate: "0.21", ...trial };

  it("invoices a package when bought and draws onboarding work from it in its regime", () => {
    const inv = invoiceOf(promotron, { ...april, packages: [pkg("2026-04-02")], work: [work("2026-04-03", "6", "onboarding", "premium")] });
    expect(inv.lines.map((l) => [l.description, l.hours, l.rate, l.amount])).toEqual([
      ["Onboarding package: 5 premium hours, bought 2026-04-02", null, null, "199.00"],
      ["Premium onboarding, 2026-04-03 (prepaid: onboarding package bought 2026-04-02)", "5.00", "0.00", "0.00"],
      ["Premium onboarding, 2026-04-03 (beyond the prepaid hours)", "1.00", "49.00", "49.00"],
    ]);
  });

  it("reads 'buy within 2.5 months' as 2 months and 15 days, inclusive", () => {
    const ok = invoiceOf(promotron, { ...april, packages: [pkg("2026-04-04")], work: [work("2026-04-06", "1", "onboarding", "premium")] });
    expect(ok.subtotal).toBe("199.00");
    const late = invoiceOf(promotron, { ...april, packages: [pkg("2026-04-05")], work: [work("2026-04-06", "1", "onboarding", "premium")] });
    expect(late.lines[0]?.description).toContain("after the purchase deadline 2026-04-04");
    expect(late.subtotal).toBe("248.00"); // the package is invoiced, the hour is billed
  });

  it("expires package hours 3 months after the trial start (usable on that day)", () => {
    const inv = invoiceOf(promotron, { ...april, packages: [pkg("2026-03-01")], work: [work("2026-04-20", "1", "onboarding", "premium"), work("2026-04-21", "1", "onboarding", "premium")] });
    expect(inv.lines.map((l) => l.amount)).toEqual(["0.00", "49.00"]); // bought in March: not invoiced in April
    expect(inv.lines[1]?.description).toContain("expired after 2026-04-20");
  });

  it("draws oldest package first, respects hours used earlier, and only the regime bought", () => {
    const inv = invoiceOf(promotron, {
      ...april,
      packages: [pkg("2026-04-02", "standard"), pkg("2026-03-01", "premium", { usedHours: "4.5" }), pkg("2026-04-01", "premium")],
      work: [work("2026-04-03", "1", "onboarding", "premium"), work("2026-04-03", "10", "onboarding", "standard"), work("2026-04-04", "1", "support", "premium")],
    });
    expect(inv.lines.map((l) => [l.description, l.hours, l.amount])).toEqual([
      ["Onboarding package: 5 premium hours, bought 2026-04-01", null, "199.00"],
      ["Onboarding package: 9 standard hours, bought 2026-04-02", null, "199.00"],
      ["Premium onboarding, 2026-04-03 (prepaid: onboarding package bought 2026-03-01)", "0.50", "0.00"],
      ["Premium onboarding, 2026-04-03 (prepaid: onboarding package bought 2026-04-01)", "0.50", "0.00"],
      ["Standard onboarding, 2026-04-03 (prepaid: onboarding package bought 2026-04-02)", "9.00", "0.00"],
      ["Standard onboarding, 2026-04-03 (beyond the prepaid hours)", "1.00", "39.00"],
      ["Premium support, 2026-04-04", "1.00", "49.00"], // support never draws from a package
    ]);
  });

  it("keeps bug fixing and trial assistance free", () => {
    const inv = invoiceOf(promotron, { ...may, work: [work("2026-05-04", "3", "bug_fix", "bug_fixing"), work("2026-05-05", "2", "trial_assistance", "standard")] });
    expect(inv.lines.map((l) => l.description)).toEqual(["Bug fix, 2026-05-04 (free of charge)", "Trial assistance, 2026-05-05 (free of charge)"]);
    expect(inv.total).toBe("0.00");
  });
});

describe("period input errors name their field", () => {
  const cases: [string, PolicyIR, unknown, string, RegExp][] = [
    ["not an object", lucy, 42, "period", /object/],
    ["missing period", lucy, {}, "period", /required/],
    ["bad date", lucy, { period: { from: "2026-02-30", to: "2026-03-31" } }, "period.from", /YYYY-MM-DD/],
    ["to before from", lucy, { period: { from: "2026-03-31", to: "2026-03-01" } }, "period.to", /before/],
    ["unknown field", lucy, { ...march, vatrate: "0.2" }, "vatrate", /not a field/],
    ["unknown plan", imagicle, { ...gold, plan: "silver" }, "plan", /basic, gold, platinum/],
    ["fees missing with credits", imagicle, { ...march, plan: "gold" }, "fees", /required/],
    ["fees as a number", imagicle, { ...gold, fees: { amount: 12000, currency: "EUR" } }, "fees.amount", /not a number/],
    ["fees currency missing", imagicle, { ...gold, fees: { amount: "1.00" } }, "fees.currency", /required/],
    ["bad ticket priority", imagicle, { ...gold, tickets: [ticket("T-1", "P1", "11:00"), ticket("T-2", "P9", "11:00")] }, "tickets[1].priority", /P1, P2, P3, P4/],
    ["ticket without plan", imagicle, { ...gold, plan: undefined, tickets: [ticket("T-1", "P1", "11:00")] }, "tickets[0].plan", /required/],
    ["ticket not an object", imagicle, { ...gold, tickets: [7] }, "tickets[0]", /./],
    ["duplicate ticket", imagicle, { ...gold, tickets: [ticket("T-1", "P1", "11:00"), ticket("T-1", "P2", "11:00")] }, "tickets[1].id", /duplicate/],
    ["ticket after the period", imagicle, { ...gold, tickets: [ticket("T-1", "P1", "11:00", { openedAt: "2026-04-01T10:00:00+02:00", events: [] })] }, "tickets[0].openedAt", /after the period/],
    ["bad claim date", imagicle, { ...gold, claim: { submittedAt: "April 20", subject: "x" } }, "claim.submittedAt", /instant/],
    ["hours as a number", lucy, { ...march, work: [{ date: "2026-03-03", hours: 1.5, kind: "support" }] }, "work[0].hours", /not a number/],
    ["zero hours", lucy, { ...march, work: [work("2026-03-03", "0", "support")] }, "work[0].hours", /more than 0/],
    ["work outside the period", lucy, { ...march, work: [work("2026-04-01", "1", "support")] }, "work[0].date", /outside the period/],
    ["work without fees", imagicle, { ...gold, work: [work("2026-03-03", "1", "support")] }, "work", /no fees/],
    ["unknown regime", promotron, { ...may, work: [work("2026-05-04", "1", "support", "turbo")] }, "work[0].regime", /basic, standard, premium, setting_assistance, bug_fixing/],
    ["package as regime", promotron, { ...may, work: [work("2026-05-04", "1", "onboarding", "onboarding_package")] }, "work[0].regime", /prepaid package/],
    ["no regime, no rate", promotron, { ...may, work: [work("2026-05-04", "1", "support")] }, "work[0].regime", /required/],
    ["VAT rate missing", promotron, { period: may.period }, "vatRate", /required/],
    ["VAT rate as percent", promotron, { ...may, vatRate: "21" }, "vatRate", /fraction/],
    ["VAT rate as a number", lucy, { ...march, vatRate: 0.2 }, "vatRate", /not a number/],
    ["unknown package", promotron, { ...may, trialStart: "2026-03-01", packages: [{ plan: "gold", regime: "premium", purchasedOn: "2026-05-02" }] }, "packages[0].plan", /onboarding_package/],
    ["package regime", promotron, { ...may, trialStart: "2026-03-01", packages: [{ plan: "onboarding_package", regime: "basic", purchasedOn: "2026-05-02" }] }, "packages[0].regime", /premium, standard/],
    ["package without trialStart", promotron, { ...may, packages: [{ plan: "onboarding_package", regime: "premium", purchasedOn: "2026-05-02" }] }, "trialStart", /required/],
    ["package after the period", promotron, { ...may, trialStart: "2026-03-01", packages: [{ plan: "onboarding_package", regime: "premium", purchasedOn: "2026-06-02" }] }, "packages[0].purchasedOn", /after the period/],
    ["package used too much", promotron, { ...may, trialStart: "2026-03-01", packages: [{ plan: "onboarding_package", regime: "premium", purchasedOn: "2026-03-02", usedHours: "6" }] }, "packages[0].usedHours", /more than/],
    ["bad paidOn", lucy, { ...march, paidOn: "soon" }, "paidOn", /YYYY-MM-DD/],
  ];
  it.each(cases)("%s", (_name, p, input, field, message) => {
    const e = errorOf(p, input);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it("names an unknown kind with the valid ones once the IR lists the policy's kinds", () => {
    const withWorks = { ...lucy, works: [{ name: "bug_fix" }, { name: "support" }] } as PolicyIR;
    expect(errorOf(withWorks, { ...march, work: [work("2026-03-03", "1", "suport")] })).toEqual({ field: "work[0].kind", message: 'unknown kind "suport" (valid: bug_fix, support)' });
  });

  it("does not let __proto__ keys reach a prototype", () => {
    const json = '{"period":{"from":"2026-03-01","to":"2026-03-31"},"plan":"gold","fees":{"amount":"1.00","currency":"EUR"},' +
      '"tickets":[{"id":"T-1","priority":"P1","region":"europe","channel":"portal","language":"en","openedAt":"2026-03-10T10:00:00+01:00","__proto__":{"polluted":true}}]}';
    const r = settleInput(imagicle, JSON.parse(json));
    expect(r.ok).toBe(true);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const top = errorOf(lucy, JSON.parse('{"period":{"from":"2026-03-01","to":"2026-03-31"},"__proto__":{"polluted":true}}'));
    expect(top.field).toBe("__proto__");
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("example periods equal their expected results", () => {
  // Hand computations:
  // lucy-2026-03: support 1.5 + 0.25 + 2.75 + 0.2 = 4.7 h × 130 = 195.00 + 32.50 + 357.50 + 26.00 = 611.00;
  //   bug fixes free; no VAT; issued 04-01, due 05-01; paid 06-10 → 2 started months → 611 × 3 % = 18.33.
  // imagicle-gold-2026-03: T-1 P1 due 11:00 answered 11:30 (20 %), T-2 P3 due 13:00 answered 14:00 (5 %),
  //   T-3 email and T-5 French not eligible, T-4 met → 20 % × 12000.00 = 2400.00, claim 04-20 ≤ 04-30.
  // imagicle-late-claim-2026-03: T-21 P2 due 11:00 answered 12:00 (10 %), T-22 P1 platinum met in 40 min;
  //   claim 2026-05-01 > 2026-04-30 → eligible false, 0.00.
  // promotron-2026-05: package 199.00; basic 0.5 + 0.75 + 0.4 → 1 h free, 0.25 × 39 = 9.75 and 0.4 × 39 = 15.60;
  //   standard 2.5 × 39 = 97.50 and 0.333 × 39 = 12.987 → 12.99; premium 1.25 × 49 = 61.25; customization
  //   2 × 49 = 98.00; setting assistance 1.5 + 1.25 → 2 h free, 0.75 × 39 = 29.25; onboarding 3 h (1 from the
  //   March package, 2 from May's) + 1.5 h (May's) prepaid, 2 h on 05-21 after expiry (05-20) × 49 = 98.00;
  //   subtotal 621.34, VAT 21 % = 130.4814 → 130.48, total 751.82; issued 06-10, due 06-30.
  const examples: [string, PolicyIR][] = [
    ["lucy-2026-03", lucy],
    ["imagicle-gold-2026-03", imagicle],
    ["imagicle-late-claim-2026-03", imagicle],
    ["promotron-2026-05", promotron],
  ];
  it.each(examples)("%s", (name, p) => {
    const input: unknown = JSON.parse(read(`examples/periods/${name}.json`));
    const expected: unknown = JSON.parse(read(`examples/periods/${name}.expected.json`));
    expect(settled(p, input)).toEqual(expected);
  });

  it("pins the headline numbers of the examples", () => {
    const get = (name: string, p: PolicyIR) => settled(p, JSON.parse(read(`examples/periods/${name}.json`)));
    expect(get("lucy-2026-03", lucy).invoice).toMatchObject({ subtotal: "611.00", total: "611.00", lateCharge: "18.33" });
    expect(get("imagicle-gold-2026-03", imagicle).credit).toMatchObject({ percent: 20, amount: "2400.00", eligible: true });
    expect(get("imagicle-late-claim-2026-03", imagicle).credit).toMatchObject({ percent: 10, amount: "0.00", eligible: false });
    expect(get("promotron-2026-05", promotron).invoice).toMatchObject({ subtotal: "621.34", vat: "130.48", total: "751.82" });
  });
});
