/**
 * The structural fallback: a policy against itself is no change; any single edit of an IR field
 * (except source refs and what carries no meaning, listed in diff/normalize.ts, such as a
 * calendar no goal counts on) is never "no
 * change in meaning"; an edit no specific comparison models comes back as `other`, `unknown`,
 * with its IR path and the clause of each version.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countsOnCalendar, ticketCalendarCounted } from "../../diff/calendar-use.js";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { propertyRuns } from "../property/budget.js";
import { AT, irOf, SEEDS } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const sources = { oldFile: "a", newFile: "b" };
const AGREEMENTS = readdirSync("examples/agreements").filter((f) => f.endsWith(".sla")).map((f) => `examples/agreements/${f}`);
const POLICIES = [...SEEDS.map((s) => `policies/${s}.sla`), ...AGREEMENTS, "test/diff/fixtures/goal-tightened/old.sla"];

type Path = Array<string | number>;

/**
 * Calendars something counts on (an unused calendar means nothing, so editing it changes
 * nothing): those of regions and commitments, a target's own when a goal of it is not elapsed
 * time, the default when such a target or an escalation uses it (diff/calendar-use.ts).
 */
function usedCalendars(p: PolicyIR): Set<string> {
  const names = [ticketCalendarCounted(p) ? p.defaultCalendar : null, ...p.regions.flatMap((r) => [r.calendar, ...Object.values(r.planCalendars), ...(r.calendarRules ?? []).map((x) => x.calendar)])];
  names.push(...p.targets.filter(countsOnCalendar).flatMap((t) => [t.calendar, ...(t.calendarRules ?? []).map((x) => x.calendar)]));
  names.push(...(p.availability ?? []).map((a) => (a.over.kind === "calendar" ? a.over.calendar : null)));
  return new Set(names.filter((n): n is string => n !== null));
}

/** Leaves an edit may touch: every field but source refs, examples, how a goal was written, names of calendars, roles and obligations, and meaningless ones. */
function editableLeaves(p: PolicyIR): Path[] {
  const used = usedCalendars(p);
  const out: Path[] = [];
  const walk = (x: unknown, path: Path) => {
    const last = path[path.length - 1];
    // `on` and `kind` choose a variant's shape: changing one alone makes no valid IR, not an edit.
    // A clause's source, as `origin` or beside its field as `…Origin` (IR 14), is not meaning.
    if (last === "origin" || (typeof last === "string" && last.endsWith("Origin")) || last === "text" || last === "on" || last === "kind") return;
    if (Array.isArray(x)) x.forEach((v, i) => walk(v, [...path, i]));
    else if (x !== null && typeof x === "object") for (const [k, v] of Object.entries(x)) walk(v, [...path, k]);
    else if (x !== null && x !== undefined) out.push(path);
  };
  for (const [k, v] of Object.entries(p)) if (!["id", "title", "irVersion", "examples", "calendars", "roles", "obligations"].includes(k)) walk(v, [k]);
  // A union's members are calendars too: their names are not meaning (diff/union-members.ts).
  p.calendars.forEach((c, i) => used.has(c.name) && walk({ ...c, name: undefined, members: c.members?.map((m) => ({ ...m, name: undefined })) }, ["calendars", i]));
  p.roles.forEach((r, i) => walk({ title: r.title, description: r.description }, ["roles", i]));
  // No clause names an obligation: renaming its identifier with the same words is no change (diff/declarations.ts).
  p.obligations.forEach((o, i) => walk({ title: o.title, description: o.description }, ["obligations", i]));
  // `resume on` of a clock that never pauses means nothing.
  const pauses = (path: Path) => {
    let o: unknown = p;
    for (const k of path.slice(0, path.indexOf("clock") + 1)) o = (o as Record<string | number, unknown>)[k];
    return (o as { pause: string[] }).pause.length > 0;
  };
  // The calendar an elapsed-only target, or a default nothing counts on, names: no goal counts on it.
  const uncounted = (path: Path) =>
    (path[0] === "defaultCalendar" && !ticketCalendarCounted(p)) || (path[0] === "targets" && (path[2] === "calendar" || path[2] === "calendarRules") && !countsOnCalendar(p.targets[path[1] as number]));
  // A band that credits days of the Term (`3 days of term`) carries `creditPercent` "0", which no answer reads.
  const dayBandPercent = (path: Path) => {
    if (path[path.length - 1] !== "creditPercent" || !path.includes("bands")) return false;
    let o: unknown = p;
    for (const k of path.slice(0, -1)) o = (o as Record<string | number, unknown>)[k];
    return (o as { termDays?: number }).termDays !== undefined;
  };
  // A monthly commitment's window starts every month: the month it starts in means nothing.
  const monthlyStart = (path: Path) => {
    if (path[path.length - 1] !== "startMonth") return false;
    let o: unknown = p;
    for (const k of path.slice(0, -1)) o = (o as Record<string | number, unknown>)[k];
    return (o as { unit?: string }).unit === "month";
  };
  return out.filter((path) => (!path.includes("resume") || pauses(path)) && !uncounted(path) && !dayBandPercent(path) && !monthlyStart(path));
}

/** Every string stored under the key `key` anywhere in the policy (other names a reference may take). */
function stringsAt(p: PolicyIR, key: string | number): string[] {
  const found = new Set<string>();
  const walk = (x: unknown, k: string | number | null) => {
    if (typeof x === "string" && k === key) found.add(x);
    else if (Array.isArray(x)) x.forEach((v) => walk(v, k));
    else if (x !== null && typeof x === "object") for (const [kk, v] of Object.entries(x)) if (kk !== "origin") walk(v, kk);
  };
  walk(p, null);
  return [...found];
}

/** The policy with the leaf at `path` changed: a flag flipped, a number moved by one, a name swapped for another. */
function edited(p: PolicyIR, path: Path, pick: number): PolicyIR {
  const copy = structuredClone(p);
  let o = copy as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const k = path[path.length - 1]!;
  const v = o[k];
  if (typeof v === "boolean") o[k] = !v;
  else if (typeof v === "number") o[k] = v >= 1440 || (k === "month" && v >= 12) || (k === "day" && v >= 28) || (k === "weekday" && v >= 6) || (k === "nth" && v >= 4) ? v - 1 : v + 1;
  else if (typeof v === "string") {
    // A number or percentage written as text moves by one; a name becomes another of its kind.
    if (/^\d+(\.\d+)?$/.test(v)) o[k] = String(Number(v) >= 100 ? Number(v) - 1 : Number(v) + 1);
    // Zones and holiday codes must stay ones the calendar engine knows.
    else if (k === "zone") o[k] = v === "UTC" ? "Asia/Tokyo" : "UTC";
    else if (k === "country") Object.assign(o, { country: v === "US" ? "DE" : "US", region: null });
    else if (k === "region" && path.includes("holidays")) o[k] = null;
    else {
      const others = stringsAt(p, typeof k === "number" ? path[path.length - 2]! : k).filter((s) => s !== v);
      o[k] = others.length > 0 ? others[pick % others.length] : `${v}_edited`;
    }
  }
  return copy;
}

describe("structural fallback", () => {
  for (const path of POLICIES) {
    it(`${path}: against itself, no change`, () => {
      const text = readFileSync(path, "utf8");
      expect(diffPolicies(irOf(path, text), irOf(path, text), H, sources).changes).toEqual([]);
    });
  }

  it("a random single edit of any IR field is never `no change in meaning`", () => {
    const irs = POLICIES.map((p) => irOf(p));
    const leaves = irs.map(editableLeaves);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (i, j, pick) => {
        const base = irs[i % irs.length]!;
        const ls = leaves[i % irs.length]!;
        const leaf = ls[j % ls.length]!;
        const next = edited(base, leaf, pick);
        const r = diffPolicies(base, next, H, sources);
        expect(r.same, `edit of ${leaf.join(".")} in ${base.id}`).toBe(false);
      }),
      // A cheap diff per run: the ordinary budget (100 in `npm test`, 2000 in `npm run test:deep`).
      { numRuns: propertyRuns() },
    );
  });

  it("an edit no comparison models is `other`, `unknown`, with its IR path and both clauses", () => {
    const base = irOf("policies/imagicle.sla");
    const next = structuredClone(base);
    next.targets[0]!.title = "Maximum Response Time (amended)";
    const r = diffPolicies(base, next, H, sources);
    expect(r.changes).toHaveLength(1);
    const c = r.changes[0]!;
    expect([c.kind, c.effect, c.path]).toEqual(["other", "unknown", `targets.${base.targets[0]!.name}.title`]);
    expect(c.summary).toBe(`\`targets.${base.targets[0]!.name}.title\`: "Maximum Response Time" → "Maximum Response Time (amended)"`);
    expect(c.old?.line).toBe(base.targets[0]!.origin.line);
    expect(c.new?.line).toBe(base.targets[0]!.origin.line);
    expect(r.counts.unknown).toBe(1);
  });

  it("a calendar closure beyond the horizon is reported, not lost", () => {
    const base = irOf("policies/imagicle.sla");
    const next = structuredClone(base);
    const cal = next.calendars.find((c) => c.name === base.regions[0]!.calendar)!;
    cal.closures.push({ date: "2031-06-01", windows: null, origin: cal.origin });
    const r = diffPolicies(base, next, H, sources);
    expect(r.changes.map((c) => [c.kind, c.effect])).toEqual([["other", "unknown"]]);
    expect(r.changes[0]!.details).toHaveLength(1);
    expect(r.changes[0]!.details[0]).toMatch(/^closures: \[.*→ \[/);
    expect(r.changes[0]!.summary).toBe(`calendar \`${cal.name}\` → \`${cal.name}\` differs where no comparison over the horizon shows it`);
  });
});

describe("goals that set no due", () => {
  it("`best effort` → `none` is a neutral change of the goal the result names, not no change (found by the structural property on Advance2000)", async () => {
    const { compile } = await import("../../compiler/index.js");
    const { diffPolicies } = await import("../../diff/semantic.js");
    const { horizonFrom } = await import("../../diff/horizon.js");
    const source = (goal: string) => `policy p "P"\npriority P1 "Critical"\ntarget fix "Fix" {\n  start on open\n  stop on resolve\n  goals {\n    | priority | goal |\n    | P1       | ${goal} |\n  }\n}\n`;
    const ir = (goal: string) => compile("p.sla", source(goal)).ir!;
    const r = diffPolicies(ir("best effort"), ir("none"), horizonFrom(Date.UTC(2026, 3, 1)), { oldFile: "a", newFile: "b" });
    expect(r.same).toBe(false);
    expect(r.changes.map((c) => [c.kind, c.effect])).toEqual([["goal", "neutral"]]);
  });
});
