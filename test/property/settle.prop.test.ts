/**
 * Properties of settlement (SPEC §6) over random periods of the seed policies: the invoice adds
 * up to the cent, money is always written with two decimals, more work never costs less, and
 * the credit is the highest eligible percentage of the fees, never more.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { addDays, Dec, money, parsePeriod } from "../../runtime/period.js";
import { settle, type SettlementResult } from "../../runtime/settle.js";

const RUNS = 500;
const MONEY = /^\d+\.\d{2}$/;

function policy(name: string): PolicyIR {
  const file = `policies/${name}.sla`;
  const ir = compile(file, readFileSync(new URL(`../../${file}`, import.meta.url), "utf8")).ir;
  if (!ir) throw new Error(`${file} does not compile`);
  return ir;
}
const lucy = policy("lucy");
const promotron = policy("promotron");
const imagicle = policy("imagicle");

/** A decimal string built from an integer by string operations only (no float in between). */
const decimal = (min: number, max: number, maxPlaces: number): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: maxPlaces })).map(([n, places]) => {
    if (places === 0) return String(n);
    const digits = String(n).padStart(places + 1, "0");
    return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  });
const dayOf = (month: string, days: number) => fc.integer({ min: 1, max: days }).map((d) => `${month}-${String(d).padStart(2, "0")}`);

const lucyWork = fc.record({ date: dayOf("2026-03", 31), hours: decimal(1, 2000, 3), kind: fc.constantFrom("support", "bug_fix") });
const promotronWork = fc.record({
  date: dayOf("2026-05", 31),
  hours: decimal(1, 2000, 3),
  kind: fc.constantFrom("support", "onboarding", "customization", "bug_fix", "trial_assistance"),
  regime: fc.constantFrom("basic", "standard", "premium", "setting_assistance"),
});

/** A random valid period of LUCY or PromoTron, and an extra work entry for that period. */
const invoicePeriod = fc.oneof(
  fc.record({
    policy: fc.constant(lucy),
    period: fc.record(
      {
        period: fc.constant({ from: "2026-03-01", to: "2026-03-31" }),
        work: fc.array(lucyWork, { maxLength: 12 }),
        vatRate: fc.constantFrom("0.077", "0.2", "0.081"),
        paidOn: dayOf("2026-07", 31),
      },
      { requiredKeys: ["period", "work"] },
    ),
    extra: lucyWork,
  }),
  fc.record({
    policy: fc.constant(promotron),
    period: fc
      .record({
        trialOffset: fc.integer({ min: 0, max: 100 }),
        work: fc.array(promotronWork, { maxLength: 12 }),
        packages: fc.array(fc.record({ regime: fc.constantFrom("premium", "standard"), after: fc.integer({ min: 0, max: 120 }), used: fc.integer({ min: 0, max: 5 }) }), { maxLength: 3 }),
        vatRate: fc.constantFrom("0.21", "0.15", "0.12", "0"),
      })
      .map(({ trialOffset, work, packages, vatRate }) => {
        const trialStart = addDays("2026-02-01", trialOffset);
        const packagesJson = packages.map((p) => {
          const bought = addDays(trialStart, p.after);
          return { plan: "onboarding_package", regime: p.regime, purchasedOn: bought > "2026-05-31" ? "2026-05-31" : bought, usedHours: String(p.used) };
        });
        return { period: { from: "2026-05-01", to: "2026-05-31" }, trialStart, packages: packagesJson, work, vatRate };
      }),
    extra: promotronWork,
  }),
);

function run(p: PolicyIR, json: unknown): SettlementResult {
  const parsed = parsePeriod(json, p);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return settle(p, parsed.period);
}
const invoice = (r: SettlementResult) => {
  if (!r.invoice) throw new Error("no invoice");
  return r.invoice;
};

describe("invoice properties (SPEC §6)", () => {
  it("total = subtotal + VAT, and the lines sum to the subtotal to the cent", () => {
    fc.assert(
      fc.property(invoicePeriod, ({ policy: p, period }) => {
        const inv = invoice(run(p, period));
        expect(new Dec(inv.subtotal).plus(inv.vat).eq(inv.total)).toBe(true);
        const sum = inv.lines.reduce((acc, l) => acc.plus(l.amount), new Dec(0));
        expect(money(sum)).toBe(inv.subtotal);
      }),
      { numRuns: RUNS },
    );
  });

  it("writes every amount with exactly two decimals", () => {
    fc.assert(
      fc.property(invoicePeriod, ({ policy: p, period }) => {
        const inv = invoice(run(p, period));
        for (const v of [inv.subtotal, inv.vat, inv.total, inv.lateCharge]) expect(v).toMatch(MONEY);
        for (const l of inv.lines) {
          expect(l.amount).toMatch(MONEY);
          if (l.rate !== null) expect(l.rate).toMatch(MONEY);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("never lowers the total when a work entry is added", () => {
    fc.assert(
      fc.property(invoicePeriod, fc.nat(), ({ policy: p, period, extra }, at) => {
        const work = [...period.work];
        work.splice(at % (work.length + 1), 0, extra);
        const before = invoice(run(p, period));
        const after = invoice(run(p, { ...period, work }));
        expect(new Dec(after.total).gte(before.total)).toBe(true);
        expect(new Dec(after.lateCharge).gte(before.lateCharge)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

// March 2026 in Imagicle's billing zone (Europe/Rome, SPEC §6): tickets open inside the period.
const MARCH_START = Date.parse("2026-03-01T00:00:00+01:00");
const MARCH_MINUTES = (Date.parse("2026-04-01T00:00:00+02:00") - MARCH_START) / 60_000;
const imagicleTicket = fc
  .record({
    priority: fc.constantFrom("P1", "P2", "P3", "P4"),
    plan: fc.constantFrom("basic", "gold", "platinum", undefined),
    region: fc.constantFrom("europe", "americas"),
    channel: fc.constantFrom("portal", "phone", "email"),
    language: fc.constantFrom("en", "es", "fr"),
    openedMinute: fc.integer({ min: 0, max: MARCH_MINUTES - 1 }),
    respondAfter: fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 })),
  })
  .map((t) => ({
    ...(t.plan ? { plan: t.plan } : {}),
    priority: t.priority,
    region: t.region,
    channel: t.channel,
    language: t.language,
    openedAt: new Date(MARCH_START + t.openedMinute * 60_000).toISOString(),
    events: t.respondAfter === null ? [] : [{ type: "respond", at: new Date(MARCH_START + (t.openedMinute + t.respondAfter) * 60_000).toISOString() }],
  }));
const claim = fc.constantFrom(
  undefined,
  { submittedAt: "2026-04-15T10:00:00+02:00", subject: "SLA Credit Request" },
  { submittedAt: "2026-05-03T10:00:00+02:00", subject: "SLA Credit Request" },
  { submittedAt: "2026-04-15", subject: "credit" },
);

describe("credit properties (SPEC §6)", () => {
  it("is the highest eligible percentage of the fees, never more than fees × that percentage", () => {
    fc.assert(
      fc.property(
        fc.array(imagicleTicket, { maxLength: 5 }),
        decimal(0, 10_000_000, 2),
        fc.option(fc.integer({ min: 0, max: 25 })),
        claim,
        (raw, amount, cap, claimJson) => {
          const p: PolicyIR = { ...imagicle, credits: { ...imagicle.credits!, capPercent: cap === null ? null : String(cap) } };
          const tickets = raw.map((t, i) => ({ id: `T-${i}`, ...t }));
          const json = { plan: "gold", period: { from: "2026-03-01", to: "2026-03-31" }, fees: { amount, currency: "EUR" }, tickets, ...(claimJson ? { claim: claimJson } : {}) };
          const parsed = parsePeriod(json, p);
          if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
          const { credit } = settle(p, parsed.period);
          const percents = parsed.period.tickets.flatMap((t) => evaluateTicket(p, t, { asOf: parsed.period.endMs }).credit?.percent ?? []);
          if (percents.length === 0) {
            expect(credit).toBeNull();
            return;
          }
          const highest = Math.max(...percents);
          expect(credit?.percent).toBe(highest);
          expect(credit?.amount).toMatch(MONEY);
          expect(new Dec(credit?.amount ?? "0").lte(money(new Dec(amount).times(highest).dividedBy(100)))).toBe(true);
          if (!credit?.eligible) expect(credit?.amount).toBe("0.00");
        },
      ),
      { numRuns: RUNS },
    );
  });
});
