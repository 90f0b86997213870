/**
 * The bundled binary evaluates with the holiday table for the years it holds and with date-holidays
 * itself beyond them (runtime/holiday-source.ts requires the package from node_modules at run
 * time, not from the bundle): both paths close the same kind of day.
 */
import { describe, expect, it } from "vitest";
import { slaBinary } from "./run-cli.js";

/** A LumApps P1 in APAC (1 business hour, Japan's holidays) opened at 17:30 on a Friday. */
const ticket = (openedAt: string) => JSON.stringify({ id: "jp", openedAt, events: [], asOf: `${openedAt.slice(0, 4)}-12-31T00:00:00Z`, priority: "P1", region: "apac" });

describe("holidays in the bundled binary", () => {
  it.each([
    // 2026 is in the table: Monday 21 September is Respect for the Aged Day, Tuesday 22 a citizens' holiday, Wednesday 23 the Autumnal Equinox Day.
    ["2026-09-18T17:30:00+09:00", "2026-09-24T09:30:00+09:00"],
    // 2061 is past the table: the Vernal Equinox falls on Sunday 20 March, so Monday 21 is its substitute holiday.
    ["2061-03-18T17:30:00+09:00", "2061-03-22T09:30:00+09:00"],
  ])("skips Japan's holidays after a Friday opened at %s", (openedAt, due) => {
    const r = slaBinary(["eval", "policies/lumapps.sla", "-"], { input: `${ticket(openedAt)}\n` });
    expect(r.stderr).toBe("");
    const result = JSON.parse(r.stdout) as { targets: { due: string }[] };
    expect(result.targets[0]!.due).toBe(due);
  });
});
