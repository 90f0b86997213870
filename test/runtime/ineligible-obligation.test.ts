/**
 * Credits void while the customer has not met an obligation (AllSpice: a Service Credit only "if
 * Customer meets its obligations under this Agreement"): `ineligible obligation keep_updated`
 * names declared obligations; a period file listing one of them in `obligationsUnmet` earns no
 * credit. Values hand-computed.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const SOURCE = (rule: string) => `policy duties "Customer duties"
obligation keep_updated "Customer shall keep the software updated to the most recent release."
obligation give_access "Customer shall give remote access when asked."
availability service "Service" {
  commit 99.9%
  over elapsed time
  credits {
    | below | credit |
    | 99.9% | 10%    |
  }
}
credits {
  zone "UTC"
  ${rule}
}
`;

function policy(rule = "ineligible obligation keep_updated"): PolicyIR {
  const r = compile("o.sla", SOURCE(rule));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

// April 2026: 2 hours down of 720 (99.72 %), below 99.9 %: 10 % of 1,000.00.
const period = (unmet?: string[]) => ({
  period: { from: "2026-04-01", to: "2026-04-30" },
  fees: { amount: "1000.00", currency: "USD" },
  outages: [{ start: "2026-04-10T10:00:00Z", end: "2026-04-10T12:00:00Z" }],
  ...(unmet ? { obligationsUnmet: unmet } : {}),
});

function settled(ir: PolicyIR, input: ReturnType<typeof period>) {
  const r = settleInput(ir, input);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

describe("ineligible obligation", () => {
  it("lowers the declared obligations it names", () => {
    expect(policy().credits!.ineligibleObligations).toEqual(["keep_updated"]);
    expect(policy("ineligible obligation keep_updated, give_access").credits!.ineligibleObligations).toEqual(["keep_updated", "give_access"]);
  });

  it("owes the credit when the obligations were met, nothing when one it names was not", () => {
    expect(settled(policy(), period()).periodCredit?.amount).toBe("100.00");
    expect(settled(policy(), period([])).periodCredit?.amount).toBe("100.00");
    const missed = settled(policy(), period(["keep_updated"]));
    expect(missed.periodCredit?.amount).toBe("0.00");
    expect(JSON.stringify(missed)).toContain("the customer did not meet obligation keep_updated: no credit (ineligible obligation keep_updated)");
    // An obligation the rule does not name changes nothing.
    expect(settled(policy(), period(["give_access"])).periodCredit?.amount).toBe("100.00");
  });

  it("is checked: an unknown obligation in the policy or in the period file", () => {
    const r = compile("o.sla", SOURCE("ineligible obligation keep_update"));
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["SLA101"]);
    const bad = settleInput(policy(), period(["keep_update"]));
    expect(bad.ok ? null : bad.error.field).toBe("obligationsUnmet[0]");
  });
});
