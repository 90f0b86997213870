/**
 * `runtime/calendar-export.ts` (issue 15): the rows the SQL target's calendar tables are made of
 * answer as the calendar engine does: open time before an instant, and the close of the n-th
 * business day after it, for every calendar of the seed policies over three years, at random
 * instants and at the New Year seams.
 */
import { describe, expect, it } from "vitest";
import { generator, seedPolicy } from "../../bench/workloads.js";
import { calendarFromIR } from "../../runtime/calendar.js";
import { calendarRows, type CalendarRows } from "../../runtime/calendar-export.js";
import { UTC_ALWAYS } from "../../runtime/compiled.js";

/** Open ms of the rows before `t`, as the SQL computes it (first window ending after t). */
function openBefore(rows: CalendarRows, t: number): number {
  const w = rows.windows.find((x) => x.toMs > t);
  if (!w) {
    const last = rows.windows[rows.windows.length - 1]!;
    return last.cumMs + (last.toMs - last.fromMs);
  }
  return w.cumMs + Math.max(t - w.fromMs, 0);
}

/** Close of the n-th business day after t's date, as the SQL finds it (first day starting after t). */
function businessDayClose(rows: CalendarRows, t: number, n: number): number | undefined {
  const first = rows.businessDays.find((d) => d.dayStartMs > t);
  return first && rows.businessDays[first.ordinal + n - 1]?.closeMs;
}

const calendars = ["imagicle", "kustomer", "lucy", "lumapps", "promotron"].flatMap((p) => seedPolicy(p).calendars).concat([UTC_ALWAYS]);

describe("calendar rows for SQL", () => {
  for (const ir of calendars) {
    it(`${ir.name} (${ir.zone}): open time and business-day closes as the engine's`, () => {
      const rows = calendarRows(ir, 2025, 2027);
      const cal = calendarFromIR(ir);
      const rnd = generator(7);
      const seams = [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)].flatMap((t) => [t - 86_400_000, t - 3_600_000, t, t + 3_600_000]);
      const instants = [...seams, ...Array.from({ length: 300 }, () => Date.UTC(2025, 0, 2) + Math.floor(rnd() * 1000 * 86_400) * 1000)];
      for (const t of instants) {
        expect(openBefore(rows, t)).toBe(cal.openBetween(rows.startMs, t));
        for (const n of [1, 3]) {
          const close = cal.businessDayClose(t, n);
          if (close < rows.endMs) expect(businessDayClose(rows, t, n)).toBe(close);
        }
      }
      // Windows are sorted, disjoint, merged across New Year, with a running total.
      for (let i = 1; i < rows.windows.length; i++) {
        const [a, b] = [rows.windows[i - 1]!, rows.windows[i]!];
        expect(b.fromMs).toBeGreaterThan(a.toMs);
        expect(b.cumMs).toBe(a.cumMs + (a.toMs - a.fromMs));
      }
    });
  }

  it("a 24x7 calendar is one window over the whole range", () => {
    const rows = calendarRows(UTC_ALWAYS, 2025, 2027);
    expect(rows.windows).toEqual([{ fromMs: Date.UTC(2025, 0, 1), toMs: Date.UTC(2028, 0, 1), cumMs: 0 }]);
    expect(rows.businessDays.length).toBe(365 + 365 + 365);
  });

  it("refuses a range that is not whole years in order", () => {
    expect(() => calendarRows(UTC_ALWAYS, 2027, 2025)).toThrow(/^year range must be whole years, first <= last, got 2027-2025$/);
  });
});
