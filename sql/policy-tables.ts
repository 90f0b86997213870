/**
 * A policy's matrices as SQL tables (issue 15): priorities numbered, goal cells resolved per
 * priority and plan, escalation levels per priority, credit rows per priority, the clock rules
 * told apart. The query (`query.ts`) joins on these instead of spelling the policy in CASEs.
 *
 * Design: every lookup the evaluator does through `compiled.ts` (`findCell`, levels by priority,
 * credit row by priority) is done here once, at compile time, with the runtime's own functions,
 * so the SQL only looks rows up by equality.
 */
import { findCell } from "../runtime/compiled.js";
import type { ClockIR, ConditionIR, GoalCell, PolicyIR, TargetIR } from "../runtime/ir.js";
import { isStrict } from "../runtime/ir-constants.js";

/** A SQL value of a policy table. */
export type SqlValue = number | string | boolean | null;

/** A policy table: its name, DDL and rows. */
export interface PolicyTable {
  readonly name: string;
  readonly ddl: string;
  readonly rows: ReadonlyArray<readonly SqlValue[]>;
}

/** The clock rules of a policy, deduplicated: targets and escalations sharing a rule share a walk. */
export interface Clocks {
  readonly rules: readonly ClockIR[];
  /** Clock index of each target, in declaration order. */
  readonly ofTarget: readonly number[];
  /** Clock index of each escalation matrix. */
  readonly ofEscalation: readonly number[];
  /** The escalation levels at a share of a target's goal, numbered as `sla_levels.share`. */
  readonly shares: readonly ShareLevel[];
}

/**
 * An escalation level at a share of a target's goal (`50% of response`): the target's goal cell
 * at the escalation's judging priority, scaled, counted on the target's calendar and on the
 * target's clock with the escalation's stop events (`compiled.ts` `targetMasks`).
 */
export interface ShareLevel {
  /** The escalation matrix and the level's index in it. */
  readonly matrix: number;
  readonly level: number;
  /** Index of the target whose goal it shares. */
  readonly target: number;
  /** `percent / 100` as the evaluator computes it (a double, multiplied then rounded). */
  readonly scale: number;
  /** Clock index of the target's clock stopped by the escalation's stop events. */
  readonly clock: number;
}

/** Number the distinct clock rules of the targets, the escalations and the shares of goals. */
export function clocksOf(ir: PolicyIR): Clocks {
  const rules: ClockIR[] = [];
  const keys: string[] = [];
  const indexOf = (c: ClockIR): number => {
    const key = JSON.stringify([c.start, c.pause, c.resume, c.stop].map((s) => [...s].sort()));
    let i = keys.indexOf(key);
    if (i < 0) {
      i = keys.push(key) - 1;
      rules.push(c);
    }
    return i;
  };
  const ofTarget = ir.targets.map((t) => indexOf(t.clock));
  const ofEscalation = ir.escalations.map((e) => indexOf(e.clock));
  return { rules, ofTarget, ofEscalation, shares: shareLevels(ir, indexOf) };
}

/** The levels at a share of a goal, in matrix and level order, each with its clock numbered by `indexOf`. */
function shareLevels(ir: PolicyIR, indexOf: (c: ClockIR) => number): ShareLevel[] {
  const out: ShareLevel[] = [];
  ir.escalations.forEach((e, matrix) =>
    e.levels.forEach((l, level) => {
      if (l.after.kind !== "percent") return;
      const name = l.after.target;
      const target = ir.targets.findIndex((t) => t.name === name);
      if (target < 0) throw new Error(`escalation names unknown target \`${name}\``);
      const clock = indexOf({ ...ir.targets[target]!.clock, stop: e.clock.stop });
      out.push({ matrix, level, target, scale: l.after.percent / 100, clock });
    }),
  );
  return out;
}

/**
 * Priority codes: 0 for "no priority" (a policy without priorities, or a ticket without one),
 * then 1.. in declaration order. Codes, not names, flow through the walk: the last
 * `reprioritize` is found with one `max` over `pos * PRIORITY_RADIX + code`.
 */
export const PRIORITY_RADIX = 1000;

/** Code of each declared priority. */
export function priorityCodes(ir: PolicyIR): ReadonlyMap<string, number> {
  if (ir.priorities.length >= PRIORITY_RADIX) throw new RangeError(`a policy compiled to SQL has fewer than ${PRIORITY_RADIX} priorities`);
  return new Map(ir.priorities.map((p, i) => [p.name, i + 1]));
}

/** Every priority value an evaluation can judge with: `null` (code 0) and the declared ones. */
function priorityAxis(ir: PolicyIR): Array<[string | null, number]> {
  return [[null, 0], ...ir.priorities.map((p, i): [string, number] => [p.name, i + 1])];
}

/** Plans as the query sees them: `''` stands for "no plan". */
function planAxis(ir: PolicyIR): Array<[string | null, string]> {
  return [[null, ""], ...ir.plans.map((p): [string, string] => [p.name, p.name])];
}

/** `sla_priorities(prio, name)`. */
function priorities(ir: PolicyIR): PolicyTable {
  return {
    name: "sla_priorities",
    ddl: "CREATE TABLE sla_priorities (prio INTEGER PRIMARY KEY, name TEXT)",
    rows: priorityAxis(ir).map(([name, code]) => [code, name]),
  };
}

/** `sla_targets(target, name, binding)`: targets by declaration index. */
function targets(ir: PolicyIR): PolicyTable {
  return {
    name: "sla_targets",
    ddl: "CREATE TABLE sla_targets (target INTEGER PRIMARY KEY, name TEXT NOT NULL, binding BOOLEAN NOT NULL)",
    rows: ir.targets.map((t, i) => [i, t.name, t.binding]),
  };
}

/** A `goals for …` section of a target: its condition and its cells (the runtime's `CompiledSection`). */
export interface GoalSection {
  readonly when: ConditionIR;
  readonly cells: readonly GoalCell[];
}

/** The sections of a target in the order the runtime tries them: grouped by condition, by first appearance. */
export function goalSections(t: TargetIR): GoalSection[] {
  const groups = new Map<string, GoalSection & { cells: GoalCell[] }>();
  for (const cell of t.goals) {
    if (cell.when === undefined) continue;
    const key = JSON.stringify(cell.when);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { when: cell.when, cells: [] }));
    group.cells.push({ ...cell, when: undefined });
  }
  return [...groups.values()];
}

/**
 * `sla_goals`: the goal cell of each target for each section (0: the cells without a condition,
 * then each `goals for …` section from 1), priority and plan (`findCell`, the evaluator's own
 * choice), with its kind, amount and whether it is met only strictly before its due. No row:
 * the target has no goal there.
 */
function goals(ir: PolicyIR): PolicyTable {
  const rows: SqlValue[][] = [];
  ir.targets.forEach((t, i) => {
    [t.goals, ...goalSections(t).map((s) => s.cells)].forEach((cells, section) => {
      for (const [p, code] of priorityAxis(ir)) {
        for (const [plan, planKey] of planAxis(ir)) {
          const cell = findCell(cells, p, plan);
          if (!cell) continue;
          const g = cell.goal;
          const ms = g.kind === "business" || g.kind === "elapsed" ? g.ms : null;
          const days = g.kind === "businessDays" || g.kind === "supportDays" ? g.days : null;
          // `< 1 hour` (IR 16): the same due, met only strictly before it (`query-results.ts`).
          const strict = isStrict(g);
          rows.push([i, section, code, planKey, g.kind, ms, days, g.text, strict]);
        }
      }
    });
  });
  return {
    name: "sla_goals",
    ddl: "CREATE TABLE sla_goals (target INTEGER NOT NULL, section INTEGER NOT NULL, prio INTEGER NOT NULL, plan TEXT NOT NULL, kind TEXT NOT NULL, ms BIGINT, days INTEGER, goal TEXT NOT NULL, strict BOOLEAN NOT NULL, PRIMARY KEY (target, section, prio, plan))",
    rows,
  };
}

/**
 * `sla_levels`: per escalation matrix and priority code, the levels that apply (a level of no
 * priority applies to every priority, as in `compiled.ts`), with the role's title. A level is
 * obligation `targets + level` in the query. A level at a share of a goal has kind `percent`,
 * `ms` 0, its number in {@link Clocks.shares} and its scale; a level after business days has
 * kind `businessDays`, `ms` 0 and its `days` (its budget is looked up per ticket, as a goal's).
 */
function levels(ir: PolicyIR, shares: readonly ShareLevel[]): PolicyTable {
  const roles = new Map(ir.roles.map((r) => [r.name, r.title ?? r.name]));
  const rows: SqlValue[][] = [];
  ir.escalations.forEach((e, m) => {
    for (const [p, code] of priorityAxis(ir)) {
      e.levels.forEach((l, order) => {
        if (l.priority !== null && l.priority !== p) return;
        const head = [rows.length, m, code, order, roles.get(l.role) ?? l.role, l.after.text, l.after.kind];
        if (l.after.kind === "businessDays") rows.push([...head, 0, null, null, l.after.days]);
        else if (l.after.kind !== "percent") rows.push([...head, l.after.ms, null, null, null]);
        else {
          const share = shares.findIndex((s) => s.matrix === m && s.level === order);
          rows.push([...head, 0, share, shares[share]!.scale, null]);
        }
      });
    }
  });
  return {
    name: "sla_levels",
    ddl: "CREATE TABLE sla_levels (level INTEGER PRIMARY KEY, matrix INTEGER NOT NULL, prio INTEGER NOT NULL, level_order INTEGER NOT NULL, role TEXT NOT NULL, after_text TEXT NOT NULL, kind TEXT NOT NULL, ms BIGINT NOT NULL, share INTEGER, scale DOUBLE PRECISION, days INTEGER)",
    rows,
  };
}

/** `sla_credit_rows`: the credit percentage (exact text) per priority code, as `compiled.ts` picks it. */
function creditRows(ir: PolicyIR): PolicyTable {
  const rows: SqlValue[][] = [];
  const cr = ir.credits;
  if (cr) {
    for (const [p, code] of priorityAxis(ir)) {
      const row = cr.rows.find((r) => r.priority === p) ?? cr.rows.find((r) => r.priority === null);
      if (row) rows.push([code, row.creditPercent]);
    }
  }
  return { name: "sla_credit_rows", ddl: "CREATE TABLE sla_credit_rows (prio INTEGER PRIMARY KEY, credit_percent TEXT NOT NULL)", rows };
}

/** Every policy table of `ir`. */
export function policyTables(ir: PolicyIR, clocks: Clocks = clocksOf(ir)): PolicyTable[] {
  return [priorities(ir), targets(ir), goals(ir), levels(ir, clocks.shares), creditRows(ir)];
}
