/**
 * Targets, clock rules, escalations and credits (SPEC §1, §2.5–2.14, §6): goal matrices checked
 * for completeness and units, clock rules for contradictions, all lowered to the IR.
 */
import type { CalendarIR, CalendarRuleIR, ClockIR, ConditionIR, CreditsIR, EscalationIR, Goal, GoalCell, RegionIR, TargetIR, TestIR } from "../runtime/ir.js";
import { isStrict } from "../runtime/ir-constants.js";
import type * as A from "./ast.js";
import { lowerAccountStanding } from "./account-standing.js";
import { checkClockEvents, checkFieldValue, lowerCondition } from "./attributes.js";
import { type CheckContext, sourceRef } from "./context.js";
import { checkZone } from "./calendars.js";
import { businessDaysOf, durationMs, goalFromCell } from "./durations.js";
import type { Plans } from "./plans.js";
import { lowerPercent } from "./percent.js";
import { missingRowText, type ReadTable, readTable, uniqueRows } from "./tables.js";
import { lowerCreditRule } from "./credit-rules.js";
import { lowerCreditStep } from "./credit-step.js";
import { isLatenessTable, lowerLatenessBands } from "./lateness-bands.js";
import { refuseReopenEvent, withReopen } from "./reopen.js";
import { lowerCapTermDays } from "./term-days.js";

export interface PolicyShape {
  readonly plans: readonly string[];
  readonly priorities: readonly string[];
  readonly plansModel: Plans;
  readonly calendars: ReadonlyMap<string, CalendarIR>;
  readonly regions: readonly RegionIR[];
  readonly defaultCalendar: string | null;
}

const calendarsForCache = new WeakMap<PolicyShape, Map<string, CalendarIR[]>>();

/** The calendars a plan's tickets may be counted on (all regions), for unit checks. Memoized per policy. */
function calendarsFor(shape: PolicyShape, plan: string | null, own: string | null): CalendarIR[] {
  let cache = calendarsForCache.get(shape);
  if (!cache) {
    cache = new Map();
    calendarsForCache.set(shape, cache);
  }
  const key = `${plan ?? ""}\u0000${own ?? ""}`;
  let found = cache.get(key);
  if (!found) {
    found = computeCalendarsFor(shape, plan, own);
    cache.set(key, found);
  }
  return found;
}

function computeCalendarsFor(shape: PolicyShape, plan: string | null, own: string | null): CalendarIR[] {
  const names = new Set<string>();
  if (own) names.add(own);
  else if (shape.regions.length === 0 && shape.defaultCalendar) names.add(shape.defaultCalendar);
  else for (const r of shape.regions) names.add((plan && r.planCalendars[plan]) || r.calendar);
  return [...names].flatMap((n) => shape.calendars.get(n) ?? []);
}

/** The clock rules that list events. */
type ClockEvents = Exclude<keyof ClockIR, "reopenWithinMs">;

/** SPEC §2.14 clock rules, checked; `defaults` fill what the block leaves out. */
export function lowerClock(ctx: CheckContext, rules: readonly A.ClockRule[], defaults: ClockIR, anchor: A.Name | null, span: A.Decl["span"], needsStop: boolean): ClockIR {
  const clock: Record<Exclude<keyof ClockIR, "restart" | "reopenWithinMs">, string[] | null> = { start: null, pause: null, resume: null, stop: null };
  const where = new Map<string, A.EventRef>();
  let restart: string[] | null = null;
  refuseReopenEvent(ctx, rules);
  for (const r of rules) {
    if (r.rule === "restart") {
      // Issue 11.5: a recurring obligation's next interval starts at each of these events.
      if (restart !== null) ctx.diagnostics.error("SLA103", r.span, "a second `restart on` rule", { help: "list all the events in one rule: `restart on respond, customer_update`" });
      const events = checkClockEvents(ctx, r.events);
      restart = [...(restart ?? []), ...events.map((e) => e.value)];
      for (const e of events) where.set(`restart:${e.value}`, e);
      continue;
    }
    if (clock[r.rule] !== null) ctx.diagnostics.error("SLA103", r.span, `a second \`${r.rule} on\` rule`, { help: "list all the events in one rule: `stop on respond, resolve`" });
    const events = checkClockEvents(ctx, r.events);
    clock[r.rule] = [...(clock[r.rule] ?? []), ...events.map((e) => e.value)];
    for (const e of events) where.set(`${r.rule}:${e.value}`, e);
  }
  const result: ClockIR = {
    start: clock.start ?? defaults.start,
    pause: clock.pause ?? defaults.pause,
    resume: clock.resume ?? defaults.resume,
    stop: clock.stop ?? defaults.stop,
    ...(restart ? { restart } : {}),
  };
  const clash = (a: ClockEvents, b: ClockEvents) => {
    for (const e of result[a] ?? []) {
      if (!(result[b] ?? []).includes(e)) continue;
      const at = where.get(`${b}:${e}`) ?? where.get(`${a}:${e}`);
      ctx.diagnostics.error("SLA401", at?.span ?? anchor?.span ?? span, `\`${e}\` both ${a}s and ${b}s the clock`, {
        help: `an event does one thing to a clock: remove \`${e}\` from one of the rules`,
      });
    }
  };
  clash("start", "stop");
  clash("pause", "resume");
  clash("pause", "stop");
  clash("restart", "stop");
  clash("restart", "pause");
  // Issue 11.5: only a target repeats (an escalation's levels are reached once per ticket).
  const restartRule = rules.find((r) => r.rule === "restart");
  if (restartRule && !needsStop) {
    ctx.diagnostics.error("SLA103", restartRule.span, "only a target restarts: an escalation's levels are reached once", {
      help: "remove `restart on …`, or write the recurring obligation as a target",
    });
  }
  if (result.pause.length > 0 && result.resume.length === 0) {
    const first = rules.find((r) => r.rule === "pause");
    ctx.diagnostics.error("SLA402", first?.span ?? anchor?.span ?? span, `the clock pauses on \`${result.pause.join("`, `")}\` but nothing resumes it`, {
      help: "add a rule such as `resume on resume`",
    });
  }
  if (needsStop && result.stop.length === 0) {
    ctx.diagnostics.error("SLA403", anchor?.span ?? span, `target \`${anchor?.text ?? "?"}\` never stops`, {
      help: "add a rule such as `stop on respond, resolve`",
    });
  }
  return result;
}

const TARGET_CLOCK: ClockIR = { start: ["open"], pause: [], resume: [], stop: [] };

export function lowerTarget(ctx: CheckContext, t: A.TargetDecl, shape: PolicyShape): TargetIR | null {
  if (!t.name) return null;
  const clock = withReopen(ctx, t, lowerClock(ctx, t.clock, TARGET_CLOCK, t.name, t.span, true));
  let calendar: string | null = null;
  const calendarRules: CalendarRuleIR[] = [];
  for (const ref of t.calendars) {
    if (!ref.calendar) {
      ctx.diagnostics.error("SLA103", ref.span, "a target names one calendar: `calendar <name>`", { help: "choose calendars per plan in the regions instead" });
    } else if (ref.when) {
      // `calendar always for priority P1`: this target's calendar for some tickets (issue 11).
      const when = lowerCondition(ctx, ref.when, shape.plansModel, shape.plans);
      if (ctx.symbols.resolve("calendar", ref.calendar) && when) calendarRules.push({ calendar: ref.calendar.text, when, origin: sourceRef(ctx, ref.span) });
    } else if (ctx.symbols.resolve("calendar", ref.calendar)) calendar = ref.calendar.text;
  }
  const goals: GoalCell[] = [];
  if (t.goals.length === 0) {
    ctx.diagnostics.error("SLA301", t.name.span, `target \`${t.name.text}\` has no goals`, { help: "add a goal matrix: `goals { | priority | goal | … }`" });
  }
  // `| product | goal |`: a matrix keyed by a field's values is a set of sections, one per row;
  // so is one whose columns are a field's values (`| priority | product x | product y |`).
  const byField = t.goals.filter((g) => fieldKeyOf(ctx, g) !== null || hasAttributeColumns(g));
  const everyTicket = t.goals.filter((g) => g.when === null && !byField.includes(g));
  for (const table of everyTicket.slice(0, 1)) goals.push(...lowerGoalTable(ctx, table, shape, calendar, null));
  for (const extra of everyTicket.slice(1)) ctx.diagnostics.error("SLA103", extra.span, "a second goal matrix in one target", { help: "merge the tables, or make one a section: `goals for product a, b { … }`" });
  // Sections first: the runtime takes the first cell that fits, so a section beats the main table.
  const sections: GoalCell[] = [];
  for (const table of t.goals.filter((g) => g.when !== null && !byField.includes(g))) {
    const when = lowerCondition(ctx, table.when!, shape.plansModel, shape.plans);
    if (when) sections.push(...lowerGoalTable(ctx, table, shape, calendar, when));
  }
  for (const table of byField) {
    const when = table.when ? lowerCondition(ctx, table.when, shape.plansModel, shape.plans) : [];
    const field = fieldKeyOf(ctx, table);
    if (when && field) sections.push(...lowerFieldGoalTable(ctx, table, field, shape, calendar, when));
    else if (when) sections.push(...lowerGoalTable(ctx, table, shape, calendar, when));
  }
  if (!calendar && shape.regions.length === 0 && !shape.defaultCalendar) checkCalendarNeeded(ctx, t.name, [...sections, ...goals]);
  // `< 1 hour` in a recurring target: each interval would need its own strict reading of a miss.
  if (clock.restart !== undefined) {
    const strict = [...sections, ...goals].find((cell) => isStrict(cell.goal));
    if (strict) {
      ctx.diagnostics.error("SLA306", t.name.span, `recurring target \`${t.name.text}\` has the goal \`${strict.goal.text}\` (line ${strict.origin.line})`, {
        help: "a recurring target's intervals are met at their due: write the goal without `<` (`1 hour`)",
      });
    }
  }
  return {
    name: t.name.text,
    title: t.title?.value ?? null,
    binding: t.kpi === null,
    clock,
    calendar,
    ...(calendarRules.length > 0 ? { calendarRules } : {}),
    goals: [...sections, ...goals],
    origin: sourceRef(ctx, t.name.span),
  };
}

/**
 * A target with no calendar of its own, no region and no default calendar counts its goals on
 * elapsed time (the runtime's 24×7 UTC): fine while every goal is elapsed time or none ("a Severity
 * 1 response within 1 hour"), SLA207 at the first goal that counts business time or days.
 */
function checkCalendarNeeded(ctx: CheckContext, name: A.Name, cells: readonly GoalCell[]): void {
  const needs = cells.find((c) => c.goal.kind !== "elapsed" && c.goal.kind !== "none");
  if (!needs) return;
  ctx.diagnostics.error("SLA207", name.span, `target \`${name.text}\` has no calendar for its goal \`${needs.goal.text}\` (line ${needs.origin.line})`, {
    help: "business time needs business hours: declare a calendar, regions with calendars, or add `calendar <name>` to the target; elapsed goals (`4 hours`) need none",
  });
}

/** Whether a goal matrix's header names a field's values as columns (`| priority | product x |`). */
function hasAttributeColumns(table: A.Table): boolean {
  return table.rows[0]?.cells.some((c) => c.kind === "attribute") ?? false;
}

/**
 * The tests of a header's field-value columns (`product x`), checked: every column names a
 * declared field and one of its values. Null when one does not (reported).
 */
function attributeColumnTests(ctx: CheckContext, table: A.Table, columns: ReadTable["columns"]): TestIR[] | null {
  if (!columns.every((c) => c.attribute)) {
    ctx.diagnostics.error("SLA303", table.rows[0]!.span, "a goal matrix's columns are plans or values of a field, not both", {
      help: "make one matrix per kind of column, or a section: `goals for product x { … }`",
    });
    return null;
  }
  const tests: TestIR[] = [];
  for (const c of columns) {
    const { field, value } = c.attribute!;
    if (!ctx.symbols.has("field", field.text)) {
      ctx.symbols.resolve("field", field);
      return null;
    }
    if (!checkFieldValue(ctx, field, value)) return null;
    tests.push({ on: "field", field: field.text, values: [value.text] });
  }
  return tests;
}

/** The field a goal matrix is keyed by (`| product | goal |`), or null for a priority/plan matrix. */
function fieldKeyOf(ctx: CheckContext, table: A.Table): A.Name | null {
  const first = table.rows[0]?.cells[0];
  return first?.kind === "name" && ctx.symbols.has("field", first.name.text) ? first.name : null;
}

/**
 * `| product | goal |` (issue 11): one goal per value of a field, for every priority and plan;
 * each row is a section for the tickets with that value. Values left out keep the main matrix.
 */
function lowerFieldGoalTable(ctx: CheckContext, table: A.Table, field: A.Name, shape: PolicyShape, calendar: string | null, when: ConditionIR): GoalCell[] {
  ctx.symbols.resolve("field", field);
  const [header, ...body] = table.rows;
  const columns = header!.cells.slice(1);
  if (columns.length !== 1 || columns[0]!.kind !== "word" || columns[0]!.word !== "goal") {
    ctx.diagnostics.error("SLA303", header!.span, `a table keyed by field \`${field.text}\` has one \`goal\` column`, { help: `write the header as \`| ${field.text} | goal |\`` });
    return [];
  }
  const cells: GoalCell[] = [];
  const seen = new Set<string>();
  for (const row of body) {
    const [key, cell] = row.cells;
    if (!key || !cell || row.cells.length !== 2) {
      ctx.diagnostics.error("SLA302", row.span, "row has the wrong number of cells", { help: `write \`| <value of ${field.text}> | <goal> |\``, labels: [{ span: header!.span, message: "the header" }] });
      continue;
    }
    if (key.kind !== "name") {
      ctx.diagnostics.error("SLA306", key.span, `a row starts with the value of \`${field.text}\` it is for`, { help: "write the value's name in the first column" });
      continue;
    }
    if (!checkFieldValue(ctx, field, key.name)) continue;
    if (seen.has(key.name.text)) {
      ctx.diagnostics.error("SLA302", row.span, `a second row for \`${key.name.text}\``, { help: "keep one row per value" });
      continue;
    }
    seen.add(key.name.text);
    const goal = goalFromCell(ctx, cell, calendarsFor(shape, null, calendar));
    if (goal) cells.push({ priority: null, plan: null, goal, when: [...when, { on: "field", field: field.text, values: [key.name.text] }], origin: sourceRef(ctx, row.span) });
  }
  return cells;
}

/**
 * One goal matrix. A section (`when` set) may leave rows out (those tickets keep the main
 * table's goals), so only the main matrix is checked for completeness.
 */
function lowerGoalTable(ctx: CheckContext, table: A.Table, shape: PolicyShape, calendar: string | null, when: ConditionIR | null): GoalCell[] {
  const read = readTable(ctx, table, "goal", null);
  if (!read) return [];
  const single = read.columns.length === 1 && read.columns[0]!.text === "goal";
  const columnPlans: (string | null)[] = [];
  // `| priority | product x | product y |`: each column is a condition on the ticket (a section)
  const attributes = read.columns.some((c) => c.attribute) ? attributeColumnTests(ctx, table, read.columns) : null;
  if (read.columns.some((c) => c.attribute) && !attributes) return [];
  if (single) columnPlans.push(null);
  else if (attributes) columnPlans.push(...attributes.map(() => null));
  else if (read.keyKind === "plan") {
    ctx.diagnostics.error("SLA303", table.rows[0]!.span, "a table keyed by plan has one `goal` column", { help: "write the header as `| plan | goal |`" });
    return [];
  } else {
    for (const c of read.columns) {
      const ok = ctx.symbols.resolve("plan", { text: c.text, span: c.span });
      columnPlans.push(ok ? c.text : null);
      if (!ok) return [];
    }
  }
  const rows = uniqueRows(ctx, read.rows);
  const keys = read.keyKind === "priority" ? shape.priorities : shape.plans;
  const missing = when ? [] : keys.filter((k) => !rows.has(k) && !read.malformedKeys.has(k));
  if (missing.length > 0) {
    const width = read.columns.length;
    const insertAt = { start: table.span.end - 1, end: table.span.end - 1 };
    ctx.diagnostics.error("SLA301", table.span.start === table.span.end ? table.span : { start: table.span.start, end: table.span.start + 1 }, `the goal matrix has no row for ${read.keyKind} ${missing.map((m) => `\`${m}\``).join(", ")}`, {
      help: `add ${missing.length === 1 ? "a row" : "rows"} such as \`${missingRowText(missing[0]!, width, "best effort")}\``,
      fixes: [{ title: "add the missing rows", edits: [{ span: insertAt, newText: missing.map((m) => `  ${missingRowText(m, width, "best effort")}\n`).join("") }] }],
    });
  }
  if (!single && !when) {
    const covered = new Set(columnPlans.filter((p): p is string => p !== null));
    const uncovered = shape.plans.filter((p) => !shape.plansModel.chain(p).some((q) => covered.has(q)));
    if (uncovered.length > 0) {
      ctx.diagnostics.error("SLA301", table.rows[0]!.span, `the goal matrix has no column for plan ${uncovered.map((m) => `\`${m}\``).join(", ")}`, {
        help: "add a column per plan, or make the plan extend one that has a column",
      });
    }
  }
  const cells: GoalCell[] = [];
  for (const [key, row] of rows) {
    row.cells.forEach((cell, i) => {
      const plan = read.keyKind === "plan" ? key : (columnPlans[i] ?? null);
      const priority = read.keyKind === "priority" ? key : null;
      const goal: Goal | null = goalFromCell(ctx, cell, calendarsFor(shape, plan, calendar));
      const column = attributes?.[i];
      const cellWhen = column ? [...(when ?? []), column] : when;
      if (goal) cells.push({ priority, plan, goal, ...(cellWhen ? { when: cellWhen } : {}), origin: sourceRef(ctx, row.row.span) });
    });
  }
  // Plans without a column of their own take their parent's (SPEC: "Platinum, on top of Gold").
  if (!single && read.keyKind === "priority") {
    const own = new Set(columnPlans.filter((p): p is string => p !== null));
    for (const plan of shape.plans.filter((p) => !own.has(p))) {
      const parent = shape.plansModel.chain(plan).find((q) => own.has(q));
      if (parent) for (const c of cells.filter((x) => x.plan === parent)) cells.push({ ...c, plan });
    }
  }
  return cells;
}

const ESCALATION_CLOCK: ClockIR = { start: ["open"], pause: [], resume: [], stop: ["resolve"] };

export function lowerEscalation(ctx: CheckContext, e: A.EscalationDecl, shape: PolicyShape, targets: readonly TargetIR[]): EscalationIR {
  const plans = e.plans.filter((p) => ctx.symbols.resolve("plan", p)).map((p) => p.text);
  let calendarPlan: string | null = null;
  for (const ref of e.calendars) {
    if (ref.calendar || ref.plans.length !== 1) {
      ctx.diagnostics.error("SLA103", ref.span, "an escalation counts on the calendar a plan gets in the ticket's region: `calendar for <plan>`", {
        help: "write `calendar for gold`",
      });
    } else if (ctx.symbols.resolve("plan", ref.plans[0]!)) calendarPlan = ref.plans[0]!.text;
  }
  const clock = lowerClock(ctx, e.clock, ESCALATION_CLOCK, null, e.span, false);
  const calendars = calendarsFor(shape, calendarPlan ?? plans[0] ?? null, null);
  const levels: EscalationIR["levels"] = [];
  if (e.tables.length === 0) ctx.diagnostics.error("SLA303", e.span, "the escalation has no table", { help: "add `{ | priority | after | to | … }`" });
  for (const table of e.tables) {
    const read = readTable(ctx, table, "escalation", ["after", "to"]);
    if (!read) continue;
    for (const row of read.rows) {
      const [after, to] = row.cells;
      if (!after || !to) continue;
      const role = to.kind === "name" ? ctx.symbols.resolve("role", to.name) : null;
      if (to.kind !== "name") ctx.diagnostics.error("SLA306", to.span, "the `to` column names a role", { help: "declare `role support_team \"Support Team\"` and name it here" });
      const threshold = lowerAfter(ctx, after, calendars, targets);
      if (threshold && role) {
        levels.push({ priority: read.keyKind === "priority" ? row.key.text : null, after: threshold, role: role.name.text, origin: sourceRef(ctx, row.row.span) });
      }
    }
  }
  return {
    plans: plans.length > 0 ? shape.plansModel.expand(plans, shape.plans) : null,
    calendarPlan,
    clock,
    levels,
    origin: sourceRef(ctx, e.span.start === e.span.end ? e.span : { start: e.span.start, end: e.span.start + "escalation".length }),
  };
}

function lowerAfter(ctx: CheckContext, cell: A.Cell, calendars: readonly CalendarIR[], targets: readonly TargetIR[]): EscalationIR["levels"][number]["after"] | null {
  const text = ctx.file.text.slice(cell.span.start, cell.span.end).replace(/\s+/g, " ").trim();
  if (cell.kind === "duration") {
    if (cell.business && cell.unit === "day") {
      const days = businessDaysOf(ctx, cell, calendars);
      return days === null ? null : { kind: "businessDays", days, text };
    }
    const d = durationMs(ctx, cell, calendars);
    return d ? { ...d, text } : null;
  }
  if (cell.kind === "percent") {
    if (!checkPercent(ctx, cell.value, cell.span)) return null;
    if (!cell.of) {
      ctx.diagnostics.error("SLA306", cell.span, "a percentage escalation names its target", { help: "write `50% of response`" });
      return null;
    }
    if (!ctx.symbols.resolve("target", cell.of)) return null;
    if (!targets.some((t) => t.name === cell.of!.text)) return null;
    return { kind: "percent", percent: cell.value, target: cell.of.text, text };
  }
  ctx.diagnostics.error("SLA306", cell.span, `\`${text}\` is not an escalation threshold`, { help: "write a duration (`4 business hours`) or a share of a goal (`50% of response`)" });
  return null;
}

export function checkPercent(ctx: CheckContext, value: number, span: A.Decl["span"]): boolean {
  if (value >= 0 && value <= 100) return true;
  ctx.diagnostics.error("SLA305", span, `${value}% is outside 0–100%`, { help: "a percentage lies between 0% and 100%" });
  return false;
}

export function lowerCredits(ctx: CheckContext, c: A.CreditsDecl, shape: PolicyShape): CreditsIR {
  const plans = c.plans.filter((p) => ctx.symbols.resolve("plan", p)).map((p) => p.text);
  const ir: CreditsIR = {
    plans: plans.length > 0 ? shape.plansModel.expand(plans, shape.plans) : null,
    targets: [],
    rows: [],
    claimMonthsAfter: null,
    claimSubject: null,
    capPercent: null,
    ineligibleChannels: [],
    ineligibleOptionalLanguages: false,
    zone: null,
    origin: sourceRef(ctx, { start: c.span.start, end: Math.min(c.span.end, c.span.start + "credits".length) }),
  };
  // `credits for gold, platinum`: the plans are the header's own words, cited up to the last plan.
  const lastPlan = c.plans[c.plans.length - 1];
  if (ir.plans && lastPlan) ir.plansOrigin = sourceRef(ctx, { start: c.span.start, end: lastPlan.span.end });
  // A clause written twice is the last one's value (and line); a flag or a list that adds up cites its first clause.
  for (const item of c.items) {
    switch (item.kind) {
      case "targets":
        ir.targets = item.targets.filter((t) => ctx.symbols.resolve("target", t)).map((t) => t.text);
        ir.targetsOrigin = sourceRef(ctx, item.span);
        break;
      case "table": {
        if (isLatenessTable(item)) {
          const bands = lowerLatenessBands(ctx, item);
          if (bands.length > 0) ir.afterBands = bands;
          break;
        }
        const read = readTable(ctx, item, "credit", ["credit"]);
        if (!read) break;
        for (const row of uniqueRows(ctx, read.rows).values()) {
          const cell = row.cells[0]!;
          if (cell.kind !== "percent" || cell.of) {
            ctx.diagnostics.error("SLA306", cell.span, "a credit is a percentage of the period's fees", {
              help: cell.kind === "termDays" ? "days added to the Term are credited by an availability's bands (`| below | credit |`) only; here write `20%`" : "write `20%`",
            });
          } else {
            const creditPercent = lowerPercent(ctx, cell.span);
            if (creditPercent !== null) ir.rows.push({ priority: read.keyKind === "priority" ? row.key.text : null, creditPercent, origin: sourceRef(ctx, row.row.span) });
          }
        }
        break;
      }
      case "claimByEndOfNextMonth":
        ir.claimMonthsAfter = 1;
        ir.claimMonthsAfterOrigin = sourceRef(ctx, item.span);
        break;
      case "claimSubject":
        ir.claimSubject = item.subject?.value ?? null;
        ir.claimSubjectOrigin = sourceRef(ctx, item.span);
        break;
      case "claimRequired":
        ir.claimRequired = true;
        ir.claimRequiredOrigin = sourceRef(ctx, item.span);
        break;
      case "ineligibleChannels":
        ir.ineligibleChannels = item.channels.filter((ch) => ctx.symbols.resolve("channel", ch)).map((ch) => ch.text);
        ir.ineligibleChannelsOrigin = sourceRef(ctx, item.span);
        break;
      case "ineligibleOptionalLanguages":
        ir.ineligibleOptionalLanguages = true;
        ir.ineligibleOptionalLanguagesOrigin ??= sourceRef(ctx, item.span);
        break;
      case "ineligibleObligations": {
        const known = item.obligations.filter((o) => ctx.symbols.resolve("obligation", o)).map((o) => o.text);
        if (known.length > 0) {
          ir.ineligibleObligations = [...new Set([...(ir.ineligibleObligations ?? []), ...known])];
          ir.ineligibleObligationsOrigin ??= sourceRef(ctx, item.span);
        }
        break;
      }
      case "ineligibleAccount":
        lowerAccountStanding(ctx, item, ir);
        if (ir.ineligibleAccount) ir.ineligibleAccountOrigin ??= sourceRef(ctx, item.span);
        break;
      case "ineligibleWhen": {
        const when = lowerCondition(ctx, item.when, shape.plansModel, shape.plans);
        if (when) {
          ir.ineligibleWhen = [...(ir.ineligibleWhen ?? []), when];
          ir.ineligibleWhenOrigin = [...(ir.ineligibleWhenOrigin ?? []), sourceRef(ctx, item.span)];
        }
        break;
      }
      case "zone":
        if (item.fromTicket) ctx.diagnostics.error("SLA103", item.span, "only a calendar takes its zone from the ticket", { help: 'credits are read in one zone: write `zone "Europe/Rome"`' });
        if (item.zone && checkZone(ctx, item.zone)) {
          ir.zone = item.zone.value;
          ir.zoneOrigin = sourceRef(ctx, item.span);
        }
        break;
      case "capTermDays": {
        const days = lowerCapTermDays(ctx, item);
        if (days !== null) {
          ir.capTermDays = days;
          ir.capTermDaysOrigin = sourceRef(ctx, item.span);
        }
        break;
      }
      case "cap": {
        const percent = item.percent ? lowerPercent(ctx, item.percent.span) : null;
        if (item.perTarget) {
          if (percent !== null) {
            ir.capPerTargetPercent = percent;
            ir.capPerTargetOrigin = sourceRef(ctx, item.span);
          }
        } else {
          ir.capPercent = percent;
          if (percent !== null) ir.capPercentOrigin = sourceRef(ctx, item.span);
          else delete ir.capPercentOrigin;
        }
        break;
      }
      case "creditOnNextInvoice":
        ir.onNextInvoice = true;
        ir.onNextInvoiceOrigin = sourceRef(ctx, item.span);
        break;
      case "noClaimFor": {
        const named = item.plans.filter((p) => ctx.symbols.resolve("plan", p)).map((p) => p.text);
        // A plan's sub-plans (`extends`) inherit it, as they inherit `credits for`.
        if (named.length > 0) {
          ir.noClaimPlans = [...new Set([...(ir.noClaimPlans ?? []), ...shape.plansModel.expand(named, shape.plans)])];
          // Several clauses add up to one set: the first one written is cited.
          ir.noClaimPlansOrigin ??= sourceRef(ctx, item.span);
        }
        break;
      }
      case "lateCredit": {
        const step = lowerCreditStep(ctx, item.step);
        if (step) {
          ir.lateStep = step;
          ir.lateStepOrigin = sourceRef(ctx, item.span);
        }
        break;
      }
      case "claimWithinDays":
      case "sumPerBreach":
      case "amountPerBreach":
      case "breachThreshold":
        lowerCreditRule(ctx, item, ir);
        break;
    }
  }
  return ir;
}
