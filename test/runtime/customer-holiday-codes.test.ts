/**
 * A ticket's holiday codes (`customer.holidays`) get the suggestions a policy's codes get
 * (issue 11 follow-up, item 5): ISO-3 codes and country names before edit distance, so `USA`
 * suggests `US` rather than `SA` (Saudi Arabia), and a region's typo its country's region.
 */
import { describe, expect, it } from "vitest";
import { suggestHolidayCode } from "../../runtime/holiday-code-suggestion.js";
import { parseTicket } from "../../runtime/io.js";
import { compiledPolicy } from "./repo-policy.js";

/** Accelerite's local business hours take the customer's zone and holidays from the ticket. */
const policy = compiledPolicy("examples/agreements/accelerite.sla");

function holidayError(codes: string[]): { field: string; message: string } {
  const r = parseTicket({ id: "T", priority: "S2", plan: "standard", region: "customer", openedAt: "2026-03-27T16:30:00-05:00", customer: { zone: "America/Chicago", holidays: codes } }, policy);
  if (r.ok) throw new Error("expected an input error");
  return r.error;
}

describe("suggestions for a ticket's holiday codes", () => {
  it("an ISO-3 code names its country, not the nearest two letters", () => {
    expect(holidayError(["USA"])).toEqual({
      field: "customer.holidays[0]",
      message: 'unknown holiday code "USA" (did you mean "US"?) (a country or country-region code of date-holidays, such as US or DE-BY)',
    });
  });

  it("a country's English name, in any case, names its code", () => {
    expect(holidayError(["DE-BY", "Germany"])).toEqual(expect.objectContaining({ field: "customer.holidays[1]", message: expect.stringContaining('(did you mean "DE"?)') }));
    expect(suggestHolidayCode("united kingdom")).toBe("GB");
    expect(suggestHolidayCode("FRA")).toBe("FR");
  });

  it("an ISO-3 country with a region keeps the region out of the alias", () => {
    expect(suggestHolidayCode("DEU-BY")).toBe("DE");
  });

  it("a known country with a mistyped region gets the nearest region", () => {
    expect(suggestHolidayCode("DE-BYY")).toBe("DE-BY");
  });

  it("nothing close gets no suggestion, and the message still says what a code is", () => {
    expect(holidayError(["XX"]).message).toBe('unknown holiday code "XX" (a country or country-region code of date-holidays, such as US or DE-BY)');
    expect(suggestHolidayCode("QQQQQQQQ")).toBeUndefined();
  });
});
