/**
 * A support week whose edges lie in two zones, "from Monday 08:00 Sydney to Friday 17:00 Pacific",
 * written as a calendar open during a Sydney week and a Pacific Friday (docs/language.md). The two
 * zones change their clocks in opposite seasons; the cover stays continuous and its edges stay at
 * those local times in both. Values hand-computed.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { calendarFromIR } from "../../runtime/calendar.js";

const SOURCE = `policy two_zone_week "Two-zone week"
calendar sydney_week { zone "Australia/Sydney"  Mon 08:00-24:00  Tue-Fri 00:00-24:00 }
calendar pacific_friday { zone "America/Los_Angeles"  Fri 00:00-17:00 }
calendar support_week {
  zone "UTC"
  open during sydney_week, pacific_friday
}
`;

function supportWeek() {
  const r = compile("week.sla", SOURCE);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return calendarFromIR(r.ir!.calendars.find((c) => c.name === "support_week")!);
}

const UTC = (text: string) => Date.parse(text);

describe("a week from Monday 08:00 Sydney to Friday 17:00 Pacific", () => {
  it.each([
    // January: Sydney on AEDT (UTC+11), Los Angeles on PST (UTC−8). Monday 08:00 AEDT = Sunday 21:00 UTC;
    // Friday 17:00 PST = Saturday 01:00 UTC.
    ["2026-01-11T21:00:00Z", "2026-01-17T01:00:00Z"],
    // July: AEST (UTC+10) and PDT (UTC−7). Monday 08:00 AEST = Sunday 22:00 UTC; Friday 17:00 PDT = Saturday 00:00 UTC.
    ["2026-07-12T22:00:00Z", "2026-07-18T00:00:00Z"],
  ])("opens at %s and closes at %s without a gap", (opens, closes) => {
    const cal = supportWeek();
    const week = cal.openIntervals(UTC(opens) - 86_400_000, UTC(closes) + 86_400_000);
    expect(week).toEqual([[UTC(opens), UTC(closes)]]);
    expect(cal.isOpen(UTC(opens) - 60_000)).toBe(false);
    expect(cal.isOpen(UTC(closes) - 60_000)).toBe(true);
    expect(cal.isOpen(UTC(closes))).toBe(false);
  });
});
