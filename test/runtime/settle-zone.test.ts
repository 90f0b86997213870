/** Which zone a policy's periods and claims are read in (SPEC §6 "the policy's billing zone"). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { billingZone } from "../../runtime/period.js";

const zoneOf = (name: string) => billingZone(compile(`policies/${name}.sla`, readFileSync(`policies/${name}.sla`, "utf8")).ir!);

describe("billing zone", () => {
  it("is the fees block's zone", () => {
    expect(zoneOf("lucy")).toBe("Europe/Zurich");
    expect(zoneOf("promotron")).toBe("Europe/Prague");
  });

  it("is the credits block's zone when there are no fees: Imagicle's claims are received in Italy", () => {
    expect(zoneOf("imagicle")).toBe("Europe/Rome");
  });

  it("falls back to the policy's calendar zone", () => {
    expect(zoneOf("kustomer")).toBe("UTC");
  });
});
