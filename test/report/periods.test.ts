/** The report's months and ranges: `--period`, `--from`/`--to`, and months read in the billing zone. */
import { describe, expect, it } from "vitest";
import { MonthFinder, monthLabel, periodRange, PeriodArgumentError, rangeEnd, selectRange } from "../../report/periods.js";

describe("period arguments", () => {
  it("a month, a quarter and a year are the local dates they cover", () => {
    expect(periodRange("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodRange("2026-Q4")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodRange("2026")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("refuses what is not a period in the supported years, naming the option", () => {
    for (const bad of ["2026-13", "2026-Q5", "26-03", "2300", "1899-12", "March", "2026-03-01"]) {
      expect(() => periodRange(bad)).toThrow(PeriodArgumentError);
    }
    expect(() => periodRange("2026-13")).toThrow("`--period 2026-13` is not a month in the years 1900–2199");
  });

  it("--from and --to take dates or months; a month is its first or last day", () => {
    expect(rangeEnd("2026-02", "from")).toBe("2026-02-01");
    expect(rangeEnd("2026-02", "to")).toBe("2026-02-28");
    expect(rangeEnd("2026-02-10", "to")).toBe("2026-02-10");
    expect(() => rangeEnd("2026-02-30", "to")).toThrow("`--to` is a local date (2026-03-01) or a month (2026-03) in the years 1900–2199, not `2026-02-30`");
    expect(selectRange(null, "2026-03", null)).toEqual({ from: "2026-03-01", to: null });
    expect(() => selectRange("2026-03", "2026-01", null)).toThrow("`--period` and `--from`/`--to` exclude each other");
    expect(() => selectRange(null, "2026-04", "2026-03")).toThrow("`--from 2026-04-01` is after `--to 2026-03-31`");
  });
});

describe("months in the billing zone", () => {
  const at = (iso: string) => Date.parse(iso);

  it("a ticket belongs to the month of its local opening date", () => {
    const rome = new MonthFinder("Europe/Rome", { from: null, to: null });
    expect(monthLabel(rome.monthOf(at("2026-03-31T21:59:59Z"))!)).toBe("2026-03");
    expect(monthLabel(rome.monthOf(at("2026-03-31T22:00:00Z"))!)).toBe("2026-04"); // CEST: +02:00
    expect(monthLabel(rome.monthOf(at("2026-12-31T23:00:00Z"))!)).toBe("2027-01"); // CET: +01:00
    const ny = new MonthFinder("America/New_York", { from: null, to: null });
    expect(monthLabel(ny.monthOf(at("2026-11-01T03:30:00Z"))!)).toBe("2026-10");
    expect(monthLabel(new MonthFinder("UTC", { from: null, to: null }).monthOf(at("2026-11-01T03:30:00Z"))!)).toBe("2026-11");
  });

  it("a range's ends are local days, inclusive", () => {
    const march = new MonthFinder("Europe/Rome", periodRange("2026-03"));
    expect(march.monthOf(at("2026-02-28T22:59:59Z"))).toBeNull();
    expect(march.monthOf(at("2026-02-28T23:00:00Z"))).not.toBeNull();
    expect(march.monthOf(at("2026-03-31T21:59:59Z"))).not.toBeNull();
    expect(march.monthOf(at("2026-03-31T22:00:00Z"))).toBeNull();
  });
});
