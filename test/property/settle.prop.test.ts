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
import { DECIMAL_TEXT } from "../../runtime/decimal-text.js";
import { addDays, addMonths, Dec, money, parsePeriod } from "../../runtime/period.js";
import { settle, settleInput, type SettlementResult } from "../../runtime/settle.js";
import { DECIMAL_FIELDS } from "../runtime/settle-fields.js";
import { propertyRuns } from "./budget.js";

/** Settling is costly: the ordinary budget of budget.ts (`SLA_PROPERTY_RUNS`). */
const RUNS = propertyRuns(1);
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

describe("malformed input (issue 9.3)", () => {
  // Digits, points, signs, spaces, commas and letters: near-decimals as well as noise.
  const nearDecimal = fc.stringMatching(/^[0-9., +\-eE_a]{0,12}$/);
  it("any string in any decimal field gives a result or an error naming that field, never a throw", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DECIMAL_FIELDS), fc.oneof(fc.string(), nearDecimal, decimal(0, 10_000, 3)), (f, value) => {
        const r = settleInput(f.policy, f.period(value));
        if (!r.ok) expect(r.error.field).toBe(f.field);
        else expect(DECIMAL_TEXT.test(value)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * An independent reference for rounding a percentage of an amount: integers only (BigInt), no
 * decimal library. `cents` × `milliPercent` / 100 000, rounded half up, in cents.
 */
function percentOfCents(cents: bigint, milliPercent: bigint, times = 1n): bigint {
  const num = cents * milliPercent * times;
  const [q, r] = [num / 100_000n, num % 100_000n];
  return 2n * r >= 100_000n ? q + 1n : q;
}
/** Cents of a decimal text with at most two decimals. */
const cents = (m: string): bigint => {
  const [whole = "0", fraction = ""] = m.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
};
const asMoney = (c: bigint): string => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`;
/** A percentage up to `max` with up to three decimals, as text, and its value in thousandths. */
const percent3 = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 })).map(([whole, thousandths, places]) => {
    const milli = whole === max ? 0 : Math.trunc(thousandths / 10 ** (3 - places)) * 10 ** (3 - places);
    const fraction = String(milli).padStart(3, "0").slice(0, places);
    return { text: places === 0 ? String(whole) : `${whole}.${fraction}`, milli: BigInt(whole) * 1000n + BigInt(milli) };
  });

const lucySource = readFileSync(new URL("../../policies/lucy.sla", import.meta.url), "utf8");
const imagicleSource = readFileSync(new URL("../../policies/imagicle.sla", import.meta.url), "utf8");
/** LUCY with `vat V%` and `late charge L%`, compiled from policy text (the compiler is under test too). */
function lucyWith(vat: string, late: string): PolicyIR {
  const text = lucySource.replace("late charge 1.5% per started month", `late charge ${late}% per started month\n  vat ${vat}%`);
  const ir = compile("lucy.sla", text).ir;
  if (!ir) throw new Error(`lucy with vat ${vat}% and late charge ${late}% does not compile`);
  return ir;
}

describe("percentages are exact, compiler included (issue 9.10)", () => {
  it("VAT and late charge at random rates with up to three decimals equal an integer reference", () => {
    fc.assert(
      fc.property(percent3(100), percent3(100), fc.array(decimal(1, 2000, 2), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 40 }), (vat, late, hours, monthsLate) => {
        const p = lucyWith(vat.text, late.text);
        // Issued 2026-04-01, due net 30 days on 2026-05-01: paid `monthsLate` months after it.
        const paidOn = addMonths("2026-05-01", monthsLate);
        const work = hours.map((h, i) => ({ date: `2026-03-${String(i + 2).padStart(2, "0")}`, hours: h, kind: "support" }));
        const inv = invoice(run(p, { period: { from: "2026-03-01", to: "2026-03-31" }, work, paidOn }));
        // Each line rounded to the cent (130 USD an hour), then VAT on the subtotal.
        const subtotal = hours.reduce((acc, h) => acc + cents(h) * 130n, 0n);
        const vatCents = percentOfCents(subtotal, vat.milli);
        expect(inv.subtotal).toBe(asMoney(subtotal));
        expect(inv.vat).toBe(asMoney(vatCents));
        expect(inv.lateCharge).toBe(asMoney(percentOfCents(subtotal + vatCents, late.milli, BigInt(monthsLate))));
      }),
      // Each run compiles the policy (lucy, ~15 ms): the ordinary budget, not twice it.
      { numRuns: propertyRuns(1) },
    );
  });

  it("a credit at a random percentage with up to three decimals equals an integer reference", () => {
    fc.assert(
      fc.property(percent3(100), decimal(0, 10_000_000, 2), (credit, fees) => {
        const ir = compile("imagicle.sla", imagicleSource.replace("| P1       | 20%    |", `| P1       | ${credit.text}% |`)).ir;
        if (!ir) throw new Error(`imagicle with a ${credit.text}% credit does not compile`);
        const t = { id: "T-1", priority: "P1", region: "europe", channel: "portal", language: "en", openedAt: "2026-03-10T10:00:00+01:00", events: [{ at: "2026-03-10T11:30:00+01:00", type: "respond" }] };
        const claim = { submittedAt: "2026-04-20T10:00:00+02:00", subject: "SLA Credit Request" };
        const r = run(ir, { period: { from: "2026-03-01", to: "2026-03-31" }, plan: "gold", fees: { amount: fees, currency: "EUR" }, tickets: [t], claim });
        expect(r.credit?.amount).toBe(asMoney(percentOfCents(cents(fees), credit.milli)));
      }),
      // Each run compiles imagicle (~50 ms, most of the file's time at 200 runs): half the budget.
      { numRuns: propertyRuns(0.5) },
    );
  });
});
