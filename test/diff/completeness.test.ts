/**
 * The structural fallback compares every IR field it does not normalize itself: a field new to
 * the IR (one no comparison and no normalization knows) is reported as `other` with its path, at
 * the top level and inside every object the normalization builds by hand. And a calendar name that
 * names no calendar is reported, even where a specific comparison models the field.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const sources = { oldFile: "a", newFile: "b" };

/** Both versions of `p` with an unknown field `future` set to 1 and 2 on the object `at` picks. */
function withFuture(p: PolicyIR, at: (copy: PolicyIR) => object): [PolicyIR, PolicyIR] {
  const [x, y] = [structuredClone(p), structuredClone(p)];
  Object.assign(at(x), { future: 1 });
  Object.assign(at(y), { future: 2 });
  return [x, y];
}

describe("a field new to the IR", () => {
  const imagicle = irOf("policies/imagicle.sla");
  const escalated = irOf("test/diff/fixtures/escalation/old.sla");
  const cases: Array<[string, PolicyIR, (p: PolicyIR) => object, string]> = [
    ["at the top level", imagicle, (p) => p, "future"],
    ["in a target", imagicle, (p) => p.targets[0]!, `targets.${imagicle.targets[0]!.name}.future`],
    ["in a goal cell", imagicle, (p) => p.targets[0]!.goals[0]!, `targets.${imagicle.targets[0]!.name}.goals[0].future`],
    ["in a region", imagicle, (p) => p.regions[0]!, `regions.${imagicle.regions[0]!.name}.future`],
    ["in the exclusions", imagicle, (p) => p.exclusions, "exclusions.future"],
    ["in an escalation block", escalated, (p) => p.escalations[0]!, `escalations.${escalated.escalations[0]!.plans?.join(",") ?? "*"}.future`],
    ["in an escalation level", escalated, (p) => p.escalations[0]!.levels[0]!, `escalations.${escalated.escalations[0]!.plans?.join(",") ?? "*"}.levels[0].future`],
  ];
  for (const [where, base, at, path] of cases) {
    it(`${where} is \`other\` at \`${path}\``, () => {
      const [x, y] = withFuture(base, at);
      const r = diffPolicies(x, y, H, sources);
      expect(r.changes.map((c) => [c.kind, c.effect, c.path, c.summary])).toEqual([["other", "unknown", path, `\`${path}\`: 1 → 2`]]);
    });
  }
});

describe("a calendar name that names no calendar", () => {
  it("in a maintenance window is reported though the window is modeled", () => {
    const centage = irOf("examples/agreements/centage.sla");
    const next = structuredClone(centage);
    next.availability![0]!.excuse!.within = "nowhere";
    const r = diffPolicies(centage, next, H, sources);
    const path = `availability.${centage.availability![0]!.name}.excuse.within`;
    expect(r.changes.map((c) => [c.kind, c.effect, c.path, c.summary])).toEqual([["other", "unknown", path, `\`${path}\`: calendar \`maintenance_window\` → unknown calendar \`nowhere\``]]);
  });

  it("renaming the window's calendar everywhere is still no change", () => {
    const text = readFileSync("examples/agreements/centage.sla", "utf8");
    const centage = irOf("examples/agreements/centage.sla", text);
    const next = irOf("examples/agreements/centage.sla", text.replaceAll("maintenance_window", "upkeep"));
    expect(next.availability![0]!.excuse!.within).toBe("upkeep");
    expect(diffPolicies(centage, next, H, sources).changes).toEqual([]);
  });
});
