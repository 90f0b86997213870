/**
 * Did-you-mean for a ticket's holiday codes (`customer.holidays`), as the checker gives for a
 * policy's: an ISO 3166-1 alpha-3 code or a country's English name maps to its code first
 * (`USA` → `US`, where edit distance alone would say `SA`, Saudi Arabia), then the nearest
 * country code; a known country with an unknown region gets the nearest of its regions.
 */
import { HOLIDAY_COUNTRY_ALIASES, HOLIDAY_REGIONS } from "./holiday-codes.generated.js";
import { suggestName } from "./suggest-name.js";

/** The code `code` most likely meant, or undefined when nothing is close. */
export function suggestHolidayCode(code: string): string | undefined {
  const alias = HOLIDAY_COUNTRY_ALIASES.get(code.toLowerCase());
  if (alias !== undefined) return alias;
  const dash = code.indexOf("-");
  const country = (dash < 0 ? code : code.slice(0, dash)).toUpperCase();
  const regions = HOLIDAY_REGIONS.get(country);
  if (regions === undefined) return HOLIDAY_COUNTRY_ALIASES.get(country.toLowerCase()) ?? suggestName(country, [...HOLIDAY_REGIONS.keys()]);
  if (dash < 0) return undefined;
  // Region codes are short (`BY`, `NSW`): the nearest one by the same edit distance, else none.
  const region = suggestName(code.slice(dash + 1).toUpperCase(), regions);
  return region === undefined ? undefined : `${country}-${region}`;
}
