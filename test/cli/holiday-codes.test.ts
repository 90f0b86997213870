/**
 * `runtime/holiday-codes.generated.ts` is date-holidays' own list of country and region codes,
 * precomputed so that `sla check` need not load date-holidays. Fails when the pinned
 * date-holidays changes and the file was not regenerated (`npm run gen:holidays`).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { HOLIDAY_REGIONS } from "../../runtime/holiday-codes.generated.js";

describe("the precomputed holiday codes", () => {
  it("are byte for byte what the generator writes from the installed date-holidays", () => {
    const fresh = execFileSync(process.execPath, ["scripts/gen-holiday-codes.mjs", "--print"], { encoding: "utf8" });
    expect(readFileSync("runtime/holiday-codes.generated.ts", "utf8")).toBe(fresh);
  });

  it("hold every country and every region date-holidays knows, and nothing else", () => {
    const hd = new Holidays();
    const countries = Object.keys(hd.getCountries() ?? {});
    expect([...HOLIDAY_REGIONS.keys()]).toEqual(countries);
    for (const c of countries) expect(HOLIDAY_REGIONS.get(c)).toEqual(Object.keys(hd.getStates(c) ?? {}));
    expect(HOLIDAY_REGIONS.get("DE")).toContain("BY");
    expect(HOLIDAY_REGIONS.has("constructor")).toBe(false);
  });
});
