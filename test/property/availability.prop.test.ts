/**
 * Properties of availability commitments (issue 12.3) against a naive reference: outages on a
 * minute grid are replayed minute by minute (a minute is down when any counting outage covers it;
 * a minute only announced maintenance covers is excused while the cap lasts, earliest first), and
 * the availability is the BigInt ratio truncated to the shown decimals. The runtime's interval
 * arithmetic must agree exactly, over elapsed time and over a business-hours calendar; merged
 * outages never exceed the period, availability lies in [0, 100], and bands are monotone.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { settleAvailability, type AvailabilityPeriod, type Outage } from "../../runtime/availability.js";
import type { AvailabilityIR, CalendarIR, PolicyIR } from "../../runtime/ir.js";
import { propertyRuns } from "./budget.js";

const RUNS = { numRuns: propertyRuns(2) };
const MINUTE = 60_000;
const origin = { file: "p.sla", line: 1, column: 1, text: "" };
/** Monday 2026-03-02 00:00 UTC; the period spans four days of minutes from here. */
const START = Date.UTC(2026, 2, 2);
const PERIOD_MINUTES = 4 * 24 * 60;

/** Mon–Fri 09:00–17:00 UTC, no holidays. */
const businessHours: CalendarIR = {
  name: "office",
  kind: "hours",
  zone: "UTC",
  week: [0, 1, 2, 3, 4].map(() => [{ from: 540, to: 1020 }]).concat([[], []]),
  holidays: [],
  closures: [],
  openings: [],
  origin,
};
/** A maintenance window every day 02:00–06:00 UTC (`excuse scheduled within calendar window`). */
const maintenanceWindow: CalendarIR = { ...businessHours, name: "window", week: [0, 1, 2, 3, 4, 5, 6].map(() => [{ from: 120, to: 360 }]) };
const policy = (a: AvailabilityIR): PolicyIR => ({ calendars: [businessHours, maintenanceWindow], availability: [a] }) as unknown as PolicyIR;

/** Is minute `m` of the period open on {@link businessHours}? (The reference's own reading.) */
function openMinute(m: number): boolean {
  const minuteOfDay = m % 1440;
  const weekday = Math.floor(m / 1440) % 7; // START is a Monday
  return weekday < 5 && minuteOfDay >= 540 && minuteOfDay < 1020;
}

interface GenOutage {
  readonly from: number;
  readonly minutes: number;
  readonly scheduled: boolean;
  /** Minutes of notice before the start (`null`: never announced). */
  readonly notice: number | null;
  /** What caused it (the excuse property only); `force_majeure` is the excused cause. */
  readonly cause?: string | null;
}

const outageArb: fc.Arbitrary<GenOutage> = fc.record({
  // Some start before the period or end after it, to exercise clipping.
  from: fc.integer({ min: -300, max: PERIOD_MINUTES + 100 }),
  minutes: fc.integer({ min: 1, max: 900 }),
  scheduled: fc.boolean(),
  notice: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
});

function toOutage(g: GenOutage): Outage {
  const startMs = START + g.from * MINUTE;
  const endMs = startMs + g.minutes * MINUTE;
  const announcedAtMs = g.scheduled && g.notice !== null ? startMs - g.notice * MINUTE : null;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { component: null, start: iso(startMs), end: iso(endMs), startMs, endMs, scheduled: g.scheduled, announcedAt: announcedAtMs === null ? null : iso(announcedAtMs), announcedAtMs, cause: g.cause ?? null };
}

const period = (outages: readonly GenOutage[]): AvailabilityPeriod => ({ startMs: START, endMs: START + PERIOD_MINUTES * MINUTE, outages: outages.map(toOutage) });

/** The reference: minute by minute, in BigInt-free integer counts. */
function reference(outages: readonly GenOutage[], aheadMinutes: number | null, capMinutes: number | null, overCalendar: boolean) {
  let up = 0;
  let total = 0;
  let down = 0;
  let excused = 0;
  for (let m = 0; m < PERIOD_MINUTES; m++) {
    if (overCalendar && !openMinute(m)) continue;
    total++;
    const covering = outages.filter((o) => o.from <= m && m < o.from + o.minutes);
    const excusable = (o: GenOutage) => o.scheduled && (aheadMinutes === null || (o.notice !== null && o.notice >= aheadMinutes));
    if (covering.length === 0) up++;
    else if (covering.some((o) => !excusable(o))) down++;
    else if (capMinutes === null || excused < capMinutes) {
      excused++;
      up++;
    } else down++;
  }
  return { up, total, down, excused };
}

/** `up / total × 100` truncated to `decimals`, by BigInt long division (the reference's own). */
function truncatedPercent(up: number, total: number, decimals: number): string {
  if (total === 0) return "100";
  const digits = ((BigInt(up) * 100n * 10n ** BigInt(decimals)) / BigInt(total)).toString().padStart(decimals + 1, "0");
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

function commitment(over: "elapsed" | "calendar", ahead: number | null, cap: number | null, decimals: number, bands: AvailabilityIR["bands"] = []): AvailabilityIR {
  return {
    name: "platform",
    title: null,
    commitPercent: "99.9",
    components: null,
    over: over === "elapsed" ? { kind: "elapsed" } : { kind: "calendar", calendar: "office" },
    excuse: { announcedAheadMs: ahead === null ? null : ahead * MINUTE, capMs: cap === null ? null : cap * MINUTE, origin },
    decimals,
    bands,
    origin,
  };
}

describe("availability against a minute-by-minute reference", () => {
  it("agrees exactly on downtime, excused time and the shown availability, over elapsed time and open time", () => {
    fc.assert(
      fc.property(
        fc.array(outageArb, { maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
        fc.constantFrom("elapsed" as const, "calendar" as const),
        fc.integer({ min: 0, max: 6 }),
        (outages, ahead, cap, over, decimals) => {
          const ir = commitment(over, ahead, cap, decimals);
          const r = settleAvailability(policy(ir), ir, period(outages));
          const ref = reference(outages, ahead, cap, over === "calendar");
          expect(r.periodMs).toBe(ref.total * MINUTE);
          expect(r.downtimeMs).toBe(ref.down * MINUTE);
          expect(r.excusedMs).toBe(ref.excused * MINUTE);
          expect(r.availabilityPercent).toBe(truncatedPercent(ref.up, ref.total, decimals));
        },
      ),
      RUNS,
    );
  });

  it("never counts more than the period, counts each instant once, and lies in [0, 100]", () => {
    fc.assert(
      fc.property(fc.array(outageArb, { maxLength: 10 }), fc.constantFrom("elapsed" as const, "calendar" as const), (outages, over) => {
        const ir = commitment(over, 2880, 240, 3);
        const r = settleAvailability(policy(ir), ir, period(outages));
        expect(r.downtimeMs + r.excusedMs).toBeLessThanOrEqual(r.periodMs);
        // Each outage reports only the time no earlier outage already counted: the parts add up.
        expect(r.outages.reduce((s, o) => s + o.countedMs, 0)).toBe(r.downtimeMs);
        expect(r.outages.reduce((s, o) => s + o.excusedMs, 0)).toBe(r.excusedMs);
        const shown = Number(r.availabilityPercent);
        expect(shown).toBeGreaterThanOrEqual(0);
        expect(shown).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });
});

/** Valid bands: thresholds falling, credits rising (as the checker demands), at most 6 decimals. */
const bandsArb: fc.Arbitrary<AvailabilityIR["bands"]> = fc
  .uniqueArray(fc.integer({ min: 90_000, max: 99_900 }), { minLength: 1, maxLength: 5 })
  .chain((thresholds) =>
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: thresholds.length, maxLength: thresholds.length }).map((credits) => {
      const below = [...thresholds].sort((a, b) => b - a).map((t) => `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, "0")}`);
      const rising = [...credits].sort((a, b) => a - b).map(String);
      return below.map((b, i) => ({ belowPercent: b, creditPercent: rising[i]!, origin }));
    }),
  );

describe("credit bands", () => {
  it("are monotone: more outages (less availability) never earn less credit", () => {
    fc.assert(
      fc.property(fc.array(outageArb, { maxLength: 6 }), fc.array(outageArb, { maxLength: 4 }), bandsArb, (some, more, bands) => {
        const ir = commitment("elapsed", null, null, 3, bands);
        const fewer = settleAvailability(policy(ir), ir, period(some.map((o) => ({ ...o, scheduled: false }))));
        const all = settleAvailability(policy(ir), ir, period([...some, ...more].map((o) => ({ ...o, scheduled: false }))));
        expect(all.downtimeMs).toBeGreaterThanOrEqual(fewer.downtimeMs);
        expect(BigInt(all.creditPercent)).toBeGreaterThanOrEqual(BigInt(fewer.creditPercent));
      }),
      RUNS,
    );
  });

  it("choose the band whose threshold the exact availability lies below, never the rounded one", () => {
    // 1 minute down of 1000: exactly 99.9% is not below 99.9%; 2 minutes are (99.8%).
    const bands = [{ belowPercent: "99.9", creditPercent: "10", origin }];
    const ir = { ...commitment("elapsed", null, null, 1, bands) };
    const p = (down: number): AvailabilityPeriod => ({
      startMs: START,
      endMs: START + 1000 * MINUTE,
      outages: [toOutage({ from: 10, minutes: down, scheduled: false, notice: null })],
    });
    expect(settleAvailability(policy(ir), ir, p(1))).toMatchObject({ availabilityPercent: "99.9", met: true, creditPercent: "0", band: null });
    expect(settleAvailability(policy(ir), ir, p(2))).toMatchObject({ availabilityPercent: "99.8", met: false, creditPercent: "10" });
  });
});

/** The excuse limits of the issue 12 follow-up: a cause, a window, a length per outage. */
interface Excuses {
  readonly ahead: number | null;
  readonly cap: number | null;
  readonly each: number | null;
  readonly window: boolean;
}

/**
 * The reference with causes and limits, minute by minute: a minute a counting outage covers is
 * down; else one an outage of the excused cause covers is excused (no allowance used); else it
 * belongs to the earliest covering maintenance (by start in the period, then input order) and is
 * excused when inside the window, under that outage's own limit and under the period's cap.
 */
function referenceWithCauses(outages: readonly GenOutage[], x: Excuses, overCalendar: boolean) {
  let up = 0;
  let total = 0;
  let down = 0;
  let excused = 0;
  const usedBy = outages.map(() => 0);
  for (let m = 0; m < PERIOD_MINUTES; m++) {
    if (overCalendar && !openMinute(m)) continue;
    total++;
    const covering = outages.map((o, i) => ({ o, i })).filter(({ o }) => o.from <= m && m < o.from + o.minutes);
    const byCause = ({ o }: { o: GenOutage }) => o.cause === "force_majeure";
    const excusable = ({ o }: { o: GenOutage }) => o.scheduled && (x.ahead === null || (o.notice !== null && o.notice >= x.ahead));
    if (covering.length === 0) {
      up++;
      continue;
    }
    if (covering.some((c) => !byCause(c) && !excusable(c))) {
      down++;
      continue;
    }
    if (covering.some(byCause)) {
      excused++;
      up++;
      continue;
    }
    const owner = covering.sort((a, b) => Math.max(a.o.from, 0) - Math.max(b.o.from, 0) || a.i - b.i)[0]!.i;
    const inWindow = !x.window || (m % 1440 >= 120 && m % 1440 < 360);
    const capUsed = usedBy.reduce((s, n) => s + n, 0);
    if (inWindow && (x.cap === null || capUsed < x.cap) && (x.each === null || usedBy[owner]! < x.each)) {
      usedBy[owner]!++;
      excused++;
      up++;
    } else down++;
  }
  return { up, total, down, excused };
}

describe("excused causes, a maintenance window and a limit per outage (issue 12 follow-up)", () => {
  const withCause = outageArb.chain((o) => fc.constantFrom(null, "force_majeure", "customer").map((cause) => ({ ...o, cause })));
  it("agree exactly with the minute-by-minute reference", () => {
    fc.assert(
      fc.property(
        fc.array(withCause, { maxLength: 8 }),
        fc.record({
          ahead: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
          cap: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
          each: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
          window: fc.boolean(),
        }),
        fc.constantFrom("elapsed" as const, "calendar" as const),
        (outages, x, over) => {
          const base = commitment(over, x.ahead, x.cap, 3);
          const ir: AvailabilityIR = {
            ...base,
            excuse: { ...base.excuse!, ...(x.each !== null ? { eachMs: x.each * MINUTE } : {}), ...(x.window ? { within: "window" } : {}) },
            excusedCauses: ["force_majeure"],
          };
          const r = settleAvailability(policy(ir), ir, period(outages));
          const ref = referenceWithCauses(outages, x, over === "calendar");
          expect(r.downtimeMs).toBe(ref.down * MINUTE);
          expect(r.excusedMs).toBe(ref.excused * MINUTE);
          expect(r.availabilityPercent).toBe(truncatedPercent(ref.up, ref.total, 3));
          expect(r.outages.reduce((s, o) => s + o.countedMs, 0)).toBe(r.downtimeMs);
          expect(r.outages.filter((o) => o.status === "excused" && o.reason.startsWith("cause")).every((o) => o.countedMs === 0)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
