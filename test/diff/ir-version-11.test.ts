/**
 * The IR 11 fields compared by meaning, each in both directions: an availability credit as a
 * multiple of the downtime's fee, a commitment's own window, claims counted from each outage,
 * rollover hours expiring at the end of the Term. Every case asserts the whole list of changes,
 * so a field falling back to `other` (effect `unknown`) fails it.
 */
import { describe, expect, it } from "vitest";
import { claimWithinEffect } from "../../diff/claim-within.js";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { AvailabilityIR, PolicyIR, SettlementPeriodIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const changesOf = (a: PolicyIR, b: PolicyIR) => diffPolicies(a, b, H, { oldFile: "a", newFile: "b" }).changes.map((c) => [c.kind, c.subject, c.summary, c.effect]);
const edit = (p: PolicyIR, f: (copy: PolicyIR) => void): PolicyIR => {
  const copy = structuredClone(p);
  f(copy);
  return copy;
};
/** The policy with its availability block `name` changed by `f`. */
const withBlock = (p: PolicyIR, name: string, f: (a: AvailabilityIR) => void) => edit(p, (c) => f(c.availability!.find((a) => a.name === name)!));

describe("credit as a multiple of the downtime's fee", () => {
  const letsflo = irOf("examples/agreements/letsflo.sla");
  const times = (n: string) => withBlock(letsflo, "uptime", (a) => (a.downtimeFeeMultiple = n));

  it("a larger multiple is stricter, a smaller one looser", () => {
    expect(changesOf(letsflo, times("12.5"))).toEqual([["availability", "uptime", "credit when missed: 10 × downtime fee → 12.5 × downtime fee", "stricter"]]);
    expect(changesOf(letsflo, times("9"))).toEqual([["availability", "uptime", "credit when missed: 10 × downtime fee → 9 × downtime fee", "looser"]]);
  });

  /** Letsflo's block (commitment 99.9 %) crediting by `bands` instead of a multiple. */
  const banded = (bands: Array<[string, string]>) =>
    withBlock(letsflo, "uptime", (a) => {
      delete a.downtimeFeeMultiple;
      a.bands = bands.map(([belowPercent, creditPercent]) => ({ belowPercent, creditPercent, origin: a.origin }));
    });

  it("bands against a multiple: the share of the fees owed at every availability", () => {
    // 10 × the downtime's fee owes 10 × (100 − A) %: just below 99.9 % that is 1.000001 %, more
    // than a 1 % band, and more again the lower A falls: the multiple always owes more.
    expect(changesOf(banded([["99.9", "1"]]), letsflo)).toEqual([["availability", "uptime", "credit when missed: below 99.9% 1% → 10 × downtime fee", "stricter"]]);
    // A 10 % band owes more than the multiple just below 99.9 % (1 %) and less below 99 % (10 %+): mixed.
    expect(changesOf(banded([["99.9", "10"]]), letsflo)).toEqual([["availability", "uptime", "credit when missed: below 99.9% 10% → 10 × downtime fee", "mixed"]]);
    // A band owing 100 % below the commitment is never less than 0.5 × (100 − A) % ≤ 50 %.
    const half = times("0.5");
    expect(changesOf(half, banded([["99.9", "100"]]))).toEqual([["availability", "uptime", "credit when missed: 0.5 × downtime fee → below 99.9% 100%", "stricter"]]);
  });

  it("a band starting below the commitment leaves availabilities where only the multiple owes", () => {
    // Between 99 % and 99.9 % the multiple owes and the band nothing; below 99 % the band's 50 % is
    // more than 10 × (100 − A) % only down to 95 %: mixed. With a 100 % band, only looser.
    expect(changesOf(letsflo, banded([["99", "50"]]))[0]![3]).toBe("mixed");
    expect(changesOf(times("0.1"), banded([["99", "100"]]))[0]![3]).toBe("mixed");
    expect(changesOf(banded([["99.9", "100"]]), times("0.1"))[0]![3]).toBe("looser");
  });
});

describe("a commitment's own window", () => {
  const letsflo = irOf("examples/agreements/letsflo.sla");
  const windowed = (w: AvailabilityIR["window"]) => withBlock(letsflo, "uptime", (a) => (w ? (a.window = w) : delete a.window));
  const settledBy = (p: PolicyIR, unit: SettlementPeriodIR["unit"], startMonth = 1) => edit(p, (c) => (c.period = { unit, startMonth, origin: p.availability![0]!.origin }));

  it("without a declared period: a window removed is stricter, added looser, another shape mixed", () => {
    expect(changesOf(letsflo, windowed(undefined))).toEqual([["availability", "uptime", "judged in: quarters starting Jan 1 → every period", "stricter"]]);
    expect(changesOf(windowed(undefined), letsflo)).toEqual([["availability", "uptime", "judged in: every period → quarters starting Jan 1", "looser"]]);
    expect(changesOf(letsflo, windowed({ unit: "quarter", startMonth: 4 }))).toEqual([["availability", "uptime", "judged in: quarters starting Jan 1 → quarters starting Apr 1", "mixed"]]);
    expect(changesOf(letsflo, windowed({ unit: "year", startMonth: 1 }))).toEqual([["availability", "uptime", "judged in: quarters starting Jan 1 → years starting Jan 1", "mixed"]]);
  });

  it("under a declared period: the policy's own shape changes nothing it judges (neutral); another shape is never judged (looser)", () => {
    const quarterly = settledBy(letsflo, "quarter");
    const open = settledBy(windowed(undefined), "quarter");
    expect(changesOf(open, quarterly)).toEqual([["availability", "uptime", "judged in: every period → quarters starting Jan 1", "neutral"]]);
    const fiscal = settledBy(windowed({ unit: "quarter", startMonth: 2 }), "quarter");
    expect(changesOf(quarterly, fiscal)).toEqual([["availability", "uptime", "judged in: quarters starting Jan 1 → quarters starting Feb 1", "looser"]]);
    expect(changesOf(fiscal, quarterly)).toEqual([["availability", "uptime", "judged in: quarters starting Feb 1 → quarters starting Jan 1", "stricter"]]);
  });

  it("a month window's fiscal start means nothing: every month is one", () => {
    const monthly = windowed({ unit: "month", startMonth: 1 });
    expect(changesOf(monthly, withBlock(monthly, "uptime", (a) => (a.window = { unit: "month", startMonth: 7 })))).toEqual([]);
  });
});

describe("claims counted from each outage", () => {
  const month = { unit: "month", startMonth: 1, origin: { file: "a", line: 1, column: 1, text: "period month" } } as unknown as SettlementPeriodIR;
  const quarter = { ...month, unit: "quarter" } as SettlementPeriodIR;
  const within = (days: number, after: "period" | "breach" | "outage") => ({ days, after });

  it("from the period to each outage: stricter when the outage's days cover the period's and the longest period", () => {
    // A month spans at most 31 days: an outage ending on its first day, 45 days on, is on the 46th; 15 days after the 31st is the 46th.
    expect(claimWithinEffect(within(15, "period"), within(45, "outage"), [month, month])).toBe("stricter");
    expect(claimWithinEffect(within(15, "period"), within(44, "outage"), [month, month])).toBe("mixed");
    expect(claimWithinEffect(within(45, "outage"), within(15, "period"), [month, month])).toBe("looser");
    expect(claimWithinEffect(within(44, "outage"), within(15, "period"), [month, month])).toBe("mixed");
    // A quarter spans up to 92 days; either version's period counts.
    expect(claimWithinEffect(within(15, "period"), within(45, "outage"), [month, quarter])).toBe("mixed");
    expect(claimWithinEffect(within(15, "period"), within(106, "outage"), [quarter, quarter])).toBe("stricter");
    // Without a declared period a period file may span any dates: never covered.
    expect(claimWithinEffect(within(0, "period"), within(3000, "outage"), [undefined, undefined])).toBe("mixed");
  });

  it("between each breach and each outage the tickets and the commitments trade a deadline: mixed", () => {
    expect(claimWithinEffect(within(30, "breach"), within(300, "outage"), [month, month])).toBe("mixed");
    expect(claimWithinEffect(within(300, "outage"), within(30, "breach"), [month, month])).toBe("mixed");
  });

  it("more days after each outage is stricter; a deadline added looser, dropped stricter", () => {
    expect(claimWithinEffect(within(30, "outage"), within(45, "outage"), [month, month])).toBe("stricter");
    expect(claimWithinEffect(undefined, within(30, "outage"), [month, month])).toBe("looser");
    expect(claimWithinEffect(within(30, "outage"), undefined, [month, month])).toBe("stricter");
  });

  it("Cention's 30 days after each outage, against 30 days after the period (months of any dates): mixed", () => {
    const cention = irOf("examples/agreements/cention.sla");
    const byPeriod = edit(cention, (p) => (p.credits!.claimDaysAfter = within(30, "period")));
    expect(changesOf(cention, byPeriod)).toEqual([["credits", "credits", "claim within: 30 days after each outage → 30 days after the period", "mixed"]]);
  });
});

describe("rollover hours expiring at the end of the Term", () => {
  const qdabra = irOf("examples/agreements/qdabra.sla");
  const quota = (p: PolicyIR) => p.fees!.quotas!.find((q) => q.regime === "basic")!;
  const subject = "quota any work / basic per quarter";

  it("hours that roll over on are stricter than hours expiring with the Term, and those than hours renewed each period", () => {
    const forever = edit(qdabra, (p) => delete quota(p).rolloverExpires);
    const renewed = edit(forever, (p) => delete quota(p).rollover);
    const term = "unused hours roll over until the end of the term";
    expect(changesOf(qdabra, forever)).toEqual([["fees", subject, `${term} → unused hours roll over`, "stricter"]]);
    expect(changesOf(forever, qdabra)).toEqual([["fees", subject, `unused hours roll over → ${term}`, "looser"]]);
    expect(changesOf(renewed, qdabra)).toEqual([["fees", subject, `renewed each period → ${term}`, "stricter"]]);
    expect(changesOf(qdabra, renewed)).toEqual([["fees", subject, `${term} → renewed each period`, "looser"]]);
  });

  it("an expiry this version does not know is unknown, not a direction", () => {
    const other = edit(qdabra, (p) => Object.assign(quota(p), { rolloverExpires: "contract" }));
    expect(changesOf(qdabra, other)).toEqual([["fees", subject, "unused hours roll over until the end of the term → unused hours roll over until contract", "unknown"]]);
  });
});

describe("no edit of an IR 11 field falls back to `other`", () => {
  /** Every edit of the new fields in the agreements that use them, by name. */
  function edits(): Array<[string, PolicyIR, PolicyIR]> {
    const out: Array<[string, PolicyIR, PolicyIR]> = [];
    for (const file of ["letsflo", "arcustech", "cention", "qdabra"]) {
      const p = irOf(`examples/agreements/${file}.sla`);
      (p.availability ?? []).forEach((a, i) => {
        const block = (f: (b: AvailabilityIR) => void) => edit(p, (c) => f(c.availability![i]!));
        if (a.downtimeFeeMultiple !== undefined) out.push([`${file} ${a.name} multiple`, p, block((b) => (b.downtimeFeeMultiple = String(Number(a.downtimeFeeMultiple) + 1)))]);
        for (const unit of ["month", "quarter", "year"] as const) {
          for (let startMonth = 1; startMonth <= 12; startMonth++) {
            if (a.window?.unit === unit && (unit === "month" || a.window.startMonth === startMonth)) continue;
            if (unit === "month" && startMonth > 1) continue;
            out.push([`${file} ${a.name} window ${unit} ${startMonth}`, p, block((b) => (b.window = { unit, startMonth }))]);
          }
        }
        if (a.window) out.push([`${file} ${a.name} window removed`, p, block((b) => delete b.window)]);
      });
      const claim = p.credits?.claimDaysAfter;
      for (const after of ["period", "breach", "outage"] as const) {
        if (claim && claim.after !== after) out.push([`${file} claim after ${after}`, p, edit(p, (c) => (c.credits!.claimDaysAfter = { ...claim, after }))]);
      }
      (p.fees?.quotas ?? []).forEach((q, i) => {
        if (q.rolloverExpires) out.push([`${file} quota ${i} expiry removed`, p, edit(p, (c) => delete c.fees!.quotas![i]!.rolloverExpires)]);
      });
    }
    return out;
  }

  it("each is a change of its construct, with a direction or mixed, never `unknown`", () => {
    const all = edits();
    // Every window shape on every availability block of the four, their multiples, Cention's claim, QDABRA's four expiries.
    expect(all.length).toBeGreaterThan(40);
    for (const [what, a, b] of all) {
      const changes = changesOf(a, b);
      expect(changes.length, what).toBeGreaterThan(0);
      expect(changes.filter(([kind, , , effect]) => kind === "other" || effect === "unknown"), what).toEqual([]);
    }
  });
});
