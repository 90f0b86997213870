/**
 * The issue 12 follow-up on availability: outages with a cause the policy excuses, maintenance
 * excused only inside a window and up to a length per outage, a commitment per plan, and the
 * account standing that voids a period's credit. Values, not shapes: each figure is worked out
 * in the comment beside it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { settleInput } from "../../runtime/settle.js";

const ROOT = new URL("../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, ROOT), "utf8");
const POLICY = "examples/periods/uptime-excuses.sla";

function policy(): PolicyIR {
  const r = compile(POLICY, read(POLICY));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ir!;
}

const march = (): Record<string, unknown> => JSON.parse(read("examples/periods/uptime-excuses-2026-03.json"));

function settled(input: Record<string, unknown>) {
  const r = settleInput(policy(), input);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.result;
}

describe("excused causes, a maintenance window, a limit per outage", () => {
  it("lowers the clauses to the IR", () => {
    const premium = policy().availability?.find((a) => a.name === "premium_uptime");
    expect(premium?.excusedCauses).toEqual(["force_majeure", "customer_equipment"]);
    expect(premium?.plans).toEqual(["premium"]);
    expect(premium?.excuse).toMatchObject({ announcedAheadMs: 48 * 3_600_000, capMs: null, within: "maintenance_window", eachMs: 2 * 3_600_000 });
    expect(policy().credits?.ineligibleAccount).toEqual(["overdue", "suspended"]);
  });

  it("excuses by cause, inside the window and up to two hours each: 3.5 hours down of 744", () => {
    const a = settled(march()).availability?.["premium_uptime"];
    // Counted: 1 h beyond 2 h each (Mar 7), 1 h outside the window (Wed Mar 11), 0.5 h the
    // provider's own cause, 1 h after the window closes (Mar 21) = 3.5 h; 6 h force majeure,
    // 2 h + 1 h maintenance excused = 9 h. (744 − 3.5) / 744 = 99.5295… % → 99.529.
    expect(a?.downtimeMs).toBe(3.5 * 3_600_000);
    expect(a?.excusedMs).toBe(9 * 3_600_000);
    expect(a?.availabilityPercent).toBe("99.529");
    expect(a?.outages.map((o) => [o.status, o.countedMs / 60_000, o.excusedMs / 60_000])).toEqual([
      ["excused", 0, 360],
      ["partly excused", 60, 120],
      ["counted", 60, 0],
      ["counted", 30, 0],
      ["partly excused", 60, 60],
    ]);
    expect(a?.outages[0]?.reason).toBe("cause force_majeure is excused");
    expect(a?.outages[2]?.reason).toBe("scheduled maintenance announced at least 48 hours ahead, outside calendar maintenance_window");
  });

  it("settles only the commitment of the period's plan", () => {
    const premium = settled(march());
    expect(Object.keys(premium.availability ?? {})).toEqual(["premium_uptime"]);
    const basic = settled({ ...march(), plan: "basic" });
    expect(Object.keys(basic.availability ?? {})).toEqual(["basic_uptime"]);
    // 99.529 % meets Basic's 99.5 %: no credit.
    expect(basic.availability?.["basic_uptime"]).toMatchObject({ availabilityPercent: "99.529", met: true, creditPercent: "0" });
    expect(basic.periodCredit).toBeNull();
  });

  it("gives no credit while the account is overdue or suspended", () => {
    expect(settled(march()).periodCredit).toMatchObject({ amount: "300.00", eligible: true });
    for (const account of [{ overdue: true }, { suspended: true }]) {
      const credit = settled({ ...march(), account }).periodCredit;
      expect(credit).toMatchObject({ amount: "0.00", eligible: false });
      expect(credit?.reason).toContain(`the account is ${Object.keys(account)[0]}`);
    }
    expect(settled({ ...march(), account: { overdue: false, suspended: false } }).periodCredit).toMatchObject({ amount: "300.00", eligible: true });
  });

  it("rejects an outage cause the policy does not declare, naming the field", () => {
    const input = march();
    (input["outages"] as Record<string, unknown>[])[3]!["cause"] = "weather";
    expect(settleInput(policy(), input)).toEqual({
      ok: false,
      error: { field: "outages[3].cause", message: 'unknown cause "weather" (valid: force_majeure, customer_equipment, provider)' },
    });
    expect(settleInput(policy(), { ...march(), account: { late: true } })).toMatchObject({ ok: false, error: { field: "account.late" } });
  });
});
