/**
 * Golden diffs: one fixture per kind of change under `test/diff/fixtures/<case>/`, `old.sla`
 * and `new.sla`, with what `sla diff` prints in `expected.txt`. Regenerate after a deliberate
 * change with `npx vitest run test/diff -u` and review with `git diff`.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffCli } from "./helpers.js";

const ROOT = "test/diff/fixtures";
/** Cases that change nothing in meaning: exit 0. */
const SAME = new Set(["rename-reorder", "availability-calendar-rename", "target-calendar-elapsed"]);

describe("sla diff golden files", () => {
  const cases = readdirSync(ROOT).filter((c) => !c.startsWith("."));
  it("has a case for each kind of change", () => {
    expect(cases).toEqual(expect.arrayContaining(["goal-tightened", "calendar-date", "calendar-week", "holidays", "clock", "kpi", "escalation", "exclusion", "languages", "credits", "fees", "rename-reorder"]));
    // The constructs of issues 11 and 12, and the calendar comparisons of the issue 13 follow-up.
    expect(cases).toEqual(
      expect.arrayContaining([
        "goal-section", "goal-field-matrix", "calendar-rule", "customer-calendar", "exclusion-attribute", "credit-ineligible-attribute",
        "credit-sum-cap", "credit-amount", "credit-threshold", "claim-within", "settlement-period", "fees-charges", "calendar-yearly",
        "calendar-range", "calendar-holiday-rule", "recurring-target", "availability", "availability-excuses", "availability-calendar-rename",
        "availability-calendar-hours", "objective", "target-calendar-added",
        // The issue 11/12 follow-up: caps on the priority, quotas that roll over.
        "priority-cap", "quota-rollover",
        // A cap's condition edited (one change of that cap), works and obligations compared by meaning.
        "priority-cap-condition", "works", "obligations",
        // IR 11: a credit as a multiple of the downtime's fee, a commitment's own window, claims
        // counted from each outage, rollover hours expiring at the end of the Term.
        "availability-downtime-fee", "availability-window", "claim-after-outage", "quota-rollover-expiry",
        // Credits in steps: per step of downtime, per step of a breach's lateness, a cap per target.
        "availability-step-credit", "credit-late-steps",
        // The rest of IR 12: a table graded by time taken, plans needing no claim, the credit on
        // the next invoice, and an elapsed-only target's calendar (no goal counts on it).
        "credit-after-table", "credit-no-claim", "credit-next-invoice", "target-calendar-elapsed",
      ]),
    );
  });
  for (const c of cases) {
    it(c, async () => {
      const r = await diffCli({ paths: [join(ROOT, c, "old.sla"), join(ROOT, c, "new.sla")] });
      expect(r.err).toBe("");
      expect(r.code).toBe(SAME.has(c) ? 0 : 3);
      await expect(r.out).toMatchFileSnapshot(join("fixtures", c, "expected.txt"));
    });
  }
});
