/**
 * AST → checked IR: resolves every name, runs each concern's checks, and assembles the IR.
 * The concerns live in their own modules (calendars, targets, fees, examples); this one holds
 * the declarations that are plain lists (plans, priorities, regions, channels, exclusions).
 */
import { IR_VERSION } from "../runtime/ir-constants.js";
import type { CalendarRuleIR, Named, PolicyIR, RegionIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { lowerAttributes, lowerCondition } from "./attributes.js";
import { lowerCalendars } from "./calendars.js";
import { type CheckContext, sourceRef } from "./context.js";
import { lowerExample } from "./examples.js";
import { lowerFees } from "./fees.js";
import { checkInvoiceSchedule, lowerSettlementPeriod } from "./settlement-period.js";
import { Plans } from "./plans.js";
import type { SymbolKind } from "./symbols.js";
import { lowerCredits, lowerEscalation, lowerTarget, type PolicyShape } from "./targets.js";
import { checkCreditRules } from "./credit-rules.js";
import { checkTermDayCredits } from "./term-days.js";
import { checkClaimAfterOutage, checkCommitmentExpectations, checkWindowsFitPeriod, checkUniqueNames, lowerAvailability } from "./availability.js";
import { lowerObjective } from "./objectives.js";
import { lowerPriorityCaps } from "./priority-caps.js";

function ofKind<K extends A.Decl["kind"]>(file: A.PolicyFile, kind: K): Extract<A.Decl, { kind: K }>[] {
  return file.decls.filter((d): d is Extract<A.Decl, { kind: K }> => d.kind === kind);
}

function named(ctx: CheckContext, kind: SymbolKind): Named[] {
  return ctx.symbols.all(kind).map((e) => {
    const d = e.decl as A.NamedDecl | A.ExcludeDecl;
    return { name: e.name.text, title: kind === "role" || kind === "plan" ? (d.text?.value ?? null) : null, description: d.text?.value ?? null, origin: sourceRef(ctx, d.span) };
  });
}

function lowerRegion(ctx: CheckContext, r: A.RegionDecl, plans: Plans, allPlans: readonly string[]): RegionIR | null {
  if (!r.name) return null;
  let calendar: string | null = null;
  /** A `calendar <name>` line was written, even if its name is unknown (then SLA101 says so). */
  let calendarWritten = false;
  const perPlan = new Map<string, string>();
  const calendarRules: CalendarRuleIR[] = [];
  let languages: { primary: string[]; optional: string[] } | null = null;
  for (const item of r.items) {
    if (item.kind === "languages") {
      languages ??= { primary: [], optional: [] };
      for (const code of item.codes) {
        if (!/^[a-z]{2}$/.test(code.text)) {
          ctx.diagnostics.error("SLA101", code.span, `\`${code.text}\` is not an ISO 639-1 language code`, { help: "write two lowercase letters such as `en`, `it`, `ar`" });
        }
        (item.optional ? languages.optional : languages.primary).push(code.text);
      }
      continue;
    }
    if (!item.calendar) {
      ctx.diagnostics.error("SLA103", item.span, "a region names its calendar: `calendar <name>`", { help: "write `calendar europe_hours` or `calendar europe_gold for gold`" });
      continue;
    }
    if (item.when && !isPlanList(ctx, item.when)) {
      // `calendar always for priority P1`, `… for phone_escalated` (issue 11): a rule, not a plan's hours.
      const when = lowerCondition(ctx, item.when, plans, allPlans);
      if (ctx.symbols.resolve("calendar", item.calendar) && when) calendarRules.push({ calendar: item.calendar.text, when, origin: sourceRef(ctx, item.span) });
      continue;
    }
    if (item.plans.length === 0) calendarWritten = true;
    if (!ctx.symbols.resolve("calendar", item.calendar)) continue;
    if (item.plans.length === 0) {
      if (calendar) ctx.diagnostics.error("SLA103", item.span, "the region's calendar is given twice", { help: "use `calendar <name> for <plan>` for plan-specific hours" });
      calendar = item.calendar.text;
    }
    for (const p of item.plans) if (ctx.symbols.resolve("plan", p)) perPlan.set(p.text, item.calendar.text);
  }
  for (const code of languages?.optional ?? []) {
    if (!languages!.primary.includes(code)) continue;
    const spans = r.items.flatMap((i) => (i.kind === "languages" ? i.codes.filter((c) => c.text === code) : []));
    ctx.diagnostics.error("SLA102", spans[spans.length - 1]!.span, `language \`${code}\` is both primary and optional in region \`${r.name.text}\``, {
      labels: [{ span: spans[0]!.span, message: "listed as primary here" }],
      help: "a language either has an SLA (primary) or not (optional): keep one",
    });
  }
  if (!calendar) {
    if (calendarWritten) return null;
    ctx.diagnostics.error("SLA207", r.name.span, `region \`${r.name.text}\` has no calendar`, { help: "add `calendar <name>` to the region" });
    return null;
  }
  const planCalendars: Record<string, string> = {};
  for (const p of allPlans) {
    const c = plans.lookup(p, perPlan);
    if (c) planCalendars[p] = c;
  }
  return {
    name: r.name.text,
    title: r.title?.value ?? null,
    calendar,
    planCalendars,
    ...(calendarRules.length > 0 ? { calendarRules } : {}),
    languages,
    origin: sourceRef(ctx, r.name.span),
  };
}

/** `for gold, platinum`: a list of plans (no axis, and not a single flag). */
function isPlanList(ctx: CheckContext, when: A.Condition): boolean {
  return when.axis === null && !when.also && !(when.values.length === 1 && ctx.symbols.has("flag", when.values[0]!.text));
}

/** `exclude product beta` / `exclude beta_feature` (issue 11): the condition that excludes. */
function attributeExclusion(ctx: CheckContext, e: A.ExcludeDecl, plans: Plans): NonNullable<PolicyIR["exclusions"]["attributes"]>[number] | null {
  if (!e.name) return null;
  const condition: A.Condition = e.field
    ? { axis: { kind: "field", field: e.field, span: e.field.span }, values: [e.name], span: e.span }
    : { axis: null, values: [e.name], span: e.span };
  if (!e.field && !ctx.symbols.has("flag", e.name.text)) {
    ctx.symbols.resolve("flag", e.name);
    return null;
  }
  const when = lowerCondition(ctx, condition, plans, []);
  return when ? { when, reason: e.text?.value ?? null, origin: sourceRef(ctx, e.span) } : null;
}

/** Report declarations nothing refers to (warnings). */
function reportUnused(ctx: CheckContext, kinds: readonly SymbolKind[]): void {
  const used = new Set(ctx.symbols.references.map((r) => `${r.kind}:${r.name.text}`));
  for (const kind of kinds) {
    for (const e of ctx.symbols.all(kind)) {
      if (!used.has(`${kind}:${e.name.text}`)) ctx.diagnostics.warning("SLA901", e.name.span, `${kind} \`${e.name.text}\` is never used`, { help: `remove it, or refer to it` });
    }
  }
}

export function lowerPolicy(ctx: CheckContext, file: A.PolicyFile): PolicyIR {
  const id = file.header?.id?.text ?? "policy";
  if (!file.header?.id) {
    // Point at the first word of the first declaration (not at a leading comment).
    const at = file.decls[0]?.span.start ?? 0;
    const word = file.decls.length > 0 ? (/^[^\s{]*/.exec(ctx.file.text.slice(at, at + 64))?.[0] ?? "") : "";
    ctx.diagnostics.error("SLA003", { start: at, end: at + word.length }, "the file does not start with `policy <id>`", { help: 'add a first line such as `policy acme "ACME Support Policy"`' });
  }
  const plansModel = new Plans(ctx);
  const plans = named(ctx, "plan");
  const planNames = plans.map((p) => p.name);
  const calendars = lowerCalendars(ctx, ofKind(file, "calendar"));
  const regions = ofKind(file, "region").flatMap((r) => lowerRegion(ctx, r, plansModel, planNames) ?? []);
  const calendarDecls = [...calendars.values()];
  const defaultCalendar = regions.length === 0 && calendarDecls.length === 1 ? calendarDecls[0]!.name : null;
  const shape: PolicyShape = {
    plans: planNames,
    priorities: ctx.symbols.names("priority"),
    plansModel,
    calendars,
    regions,
    defaultCalendar,
  };
  const targets = ofKind(file, "target").flatMap((t) => lowerTarget(ctx, t, shape) ?? []);
  const escalations = ofKind(file, "escalation").map((e) => lowerEscalation(ctx, e, shape, targets));
  const creditDecls = ofKind(file, "credits");
  for (const extra of creditDecls.slice(1)) ctx.diagnostics.error("SLA103", extra.span, "a second `credits` block", { help: "a policy has one credit table" });
  const credits = creditDecls[0] ? lowerCredits(ctx, creditDecls[0], shape) : null;
  const feeDecls = ofKind(file, "fees");
  for (const extra of feeDecls.slice(1)) ctx.diagnostics.error("SLA103", extra.span, "a second `fees` block", { help: "a policy has one fee schedule" });
  const zone = (defaultCalendar ? calendars.get(defaultCalendar)?.zone : calendarDecls[0]?.zone) ?? "UTC";
  const fees = feeDecls[0] ? lowerFees(ctx, feeDecls[0], zone) : null;
  if (credits && creditDecls[0]) checkCreditRules(ctx, creditDecls[0], credits, fees);
  const period = lowerSettlementPeriod(ctx, ofKind(file, "period"));
  checkInvoiceSchedule(ctx, period, feeDecls[0]);
  // Issue 12.3–12.4 commitments: only policies that have them carry the fields (the seeds' IR keeps its shape).
  const availabilityDecls = ofKind(file, "availability");
  const objectiveDecls = ofKind(file, "objective");
  checkUniqueNames(ctx, availabilityDecls, "availability");
  checkUniqueNames(ctx, objectiveDecls, "objective");
  checkClaimAfterOutage(ctx, creditDecls[0], availabilityDecls.length);
  const availability = availabilityDecls.flatMap((d) => lowerAvailability(ctx, d, calendars) ?? []);
  checkWindowsFitPeriod(ctx, availabilityDecls, availability, period);
  const objectives = objectiveDecls.flatMap((d) => lowerObjective(ctx, d, targets, plansModel, planNames) ?? []);
  checkTermDayCredits(ctx, creditDecls[0], credits, availability, availabilityDecls, objectives);
  const excludes = ofKind(file, "exclude");
  const attributes = lowerAttributes(ctx, ofKind(file, "field"));
  const excludedCauses = new Set(excludes.filter((e) => e.what === "cause" && e.name).map((e) => e.name!.text));
  const priorityCaps = lowerPriorityCaps(ctx, ofKind(file, "priorityCap"), plansModel, planNames);
  const attributeExclusions = excludes.filter((e) => e.what === "attribute").flatMap((e) => attributeExclusion(ctx, e, plansModel) ?? []);
  const exclusionChannels = excludes
    .filter((e) => e.what === "channel" && ctx.symbols.resolve("channel", e.name))
    .map((e) => ({ channel: e.name!.text, reason: e.text?.value ?? null, origin: sourceRef(ctx, e.span) }));
  const targetNames = targets.map((t) => t.name);
  const examples = ofKind(file, "example").flatMap((e) => lowerExample(ctx, e, targetNames) ?? []);
  checkCommitmentExpectations(ctx, ofKind(file, "example"), availabilityDecls.flatMap((d) => d.name?.text ?? []), objectiveDecls.flatMap((d) => d.name?.text ?? []));
  reportUnused(ctx, ["role", ...(regions.length > 0 ? (["calendar"] as const) : [])]);
  return {
    irVersion: IR_VERSION,
    id,
    title: file.header?.title?.value ?? null,
    calendars: calendarDecls,
    defaultCalendar,
    regions,
    plans,
    priorities: named(ctx, "priority"),
    roles: named(ctx, "role"),
    channels: ctx.symbols.names("channel"),
    targets,
    exclusions: {
      channels: exclusionChannels,
      causes: attributes.causes.filter((c) => excludedCauses.has(c.name)),
      ...(attributeExclusions.length > 0 ? { attributes: attributeExclusions } : {}),
    },
    ...(priorityCaps.length > 0 ? { priorityCaps } : {}),
    // Only policies that declare attributes carry them: the seeds' IR keeps its shape.
    ...(attributes.fields.length > 0 ? { fields: attributes.fields } : {}),
    ...(attributes.flags.length > 0 ? { flags: attributes.flags } : {}),
    ...(attributes.causes.length > 0 ? { causes: attributes.causes } : {}),
    ...(attributes.events.length > 0 ? { events: attributes.events } : {}),
    escalations,
    credits,
    ...(availabilityDecls.length > 0 ? { availability } : {}),
    ...(objectiveDecls.length > 0 ? { objectives } : {}),
    fees,
    ...(period ? { period } : {}),
    works: named(ctx, "work"),
    obligations: named(ctx, "obligation"),
    examples,
  };
}
