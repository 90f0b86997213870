/**
 * Availability (uptime) commitments (issue 12.3): `availability platform "…" { commit 99.9% …
 * credits { | below | credit | … } }` lowered to the IR, with the checks that keep its settlement
 * exact and monotone: bands fall in availability and rise in credit (SLA507), and a commitment
 * says what it commits to (SLA508).
 */
import type { AvailabilityIR, CalendarIR, SettlementPeriodIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";
import { durationMs } from "./durations.js";
import { lowerCreditStep } from "./credit-step.js";
import { lowerPercent } from "./percent.js";
import { lowerPeriodShape } from "./settlement-period.js";
import { didYouMean } from "./suggest.js";
import { termDaysOfCell } from "./term-days.js";

/** Decimals shown when the policy does not say (`shown to 3 decimals`), and the most it may say. */
export const DEFAULT_DECIMALS = 3;
const MAX_DECIMALS = 6;

/** The decimals a percentage text was written with (`"99.95"` → 2). */
export function decimalsOf(percent: string): number {
  return percent.split(".")[1]?.length ?? 0;
}

/** `shown to N decimals`: a whole number up to 6, or `null` (reported as SLA508). */
export function lowerShown(ctx: CheckContext, item: { decimals: A.Lit<string> | null }): number | null {
  const lit = item.decimals;
  if (!lit) return null;
  if (!/^\d+$/.test(lit.value) || Number(lit.value) > MAX_DECIMALS) {
    ctx.diagnostics.error("SLA510", lit.span, `\`${lit.value}\` decimals cannot be shown`, { help: `write a whole number from 0 to ${MAX_DECIMALS}` });
    return null;
  }
  return Number(lit.value);
}

/** The first of several clauses of one kind wins; the others are reported (SLA103). */
export function once<T extends { span: A.Decl["span"] }>(ctx: CheckContext, items: readonly T[], what: string): T | undefined {
  for (const extra of items.slice(1)) ctx.diagnostics.error("SLA103", extra.span, `a second \`${what}\` clause`, { labels: [{ span: items[0]!.span, message: "the first one" }], help: "keep one" });
  return items[0];
}

const itemsOf = <K extends A.AvailabilityItem["kind"]>(d: A.AvailabilityDecl, kind: K) => d.items.filter((i): i is Extract<A.AvailabilityItem, { kind: K }> => i.kind === kind);

/** An elapsed duration in ms for the excuse clause; business time or months are SLA304 (`durationMs`). */
function elapsedMs(ctx: CheckContext, d: A.Duration | null, calendars: readonly CalendarIR[]): number | null {
  if (!d) return null;
  if (d.business) {
    ctx.diagnostics.error("SLA304", d.span, "maintenance notice and allowance are elapsed time", { help: `write \`${d.amountText} ${d.unit}s\`` });
    return null;
  }
  const ms = durationMs(ctx, d, calendars);
  return ms && Number.isSafeInteger(ms.ms) ? ms.ms : null;
}

/** `| below | credit |` then one row per band: each `below` and `credit` a percentage. */
function lowerBands(ctx: CheckContext, table: A.Table): AvailabilityIR["bands"] {
  const [header, ...rows] = table.rows;
  const words = header?.cells.map((c) => (c.kind === "word" ? c.word : "")) ?? [];
  if (words.join(",") !== "below,credit") {
    ctx.diagnostics.error("SLA303", header?.span ?? table.span, "an availability's credit table has the header `| below | credit |`", { help: "write `| below | credit |`, then a row such as `| 99.9% | 10% |`" });
    return [];
  }
  const bands: AvailabilityIR["bands"] = [];
  // `3 days of term`: the first band's credit decides whether the table credits days or money.
  const inDays = rows[0]?.cells[1]?.kind === "termDays";
  for (const row of rows) {
    const [below, credit] = row.cells;
    if (row.cells.length !== 2 || below?.kind !== "percent" || below.of || (credit?.kind !== "percent" && credit?.kind !== "termDays") || (credit.kind === "percent" && credit.of)) {
      ctx.diagnostics.error("SLA306", row.span, "a band is an availability and a credit, a percentage or days of the Term", { help: "write `| 99% | 15% |` or `| 99% | 3 days of term |`" });
      continue;
    }
    if ((credit.kind === "termDays") !== inDays) {
      ctx.diagnostics.error("SLA306", credit.span, `a band table credits either percentages of the fees or days of the Term, and this one began with ${inDays ? "days" : "percentages"}`, { help: inDays ? "write this band's credit as `N days of term`" : "write this band's credit as a percentage" });
      continue;
    }
    const belowPercent = lowerPercent(ctx, below.span);
    const termDays = credit.kind === "termDays" ? termDaysOfCell(ctx, credit) : null;
    const creditPercent = credit.kind === "percent" ? lowerPercent(ctx, credit.span) : termDays !== null ? "0" : null;
    if (belowPercent !== null && creditPercent !== null) bands.push({ belowPercent, creditPercent, ...(termDays !== null ? { termDays } : {}), origin: sourceRef(ctx, row.span) });
  }
  return bands;
}

/** Compare two percentage texts exactly (at most 6 decimals each). */
function comparePercent(a: string, b: string): number {
  const scaled = (p: string) => {
    const [w = "0", f = ""] = p.split(".");
    return BigInt(w) * 1_000_000n + BigInt(f.padEnd(6, "0") || "0");
  };
  const [x, y] = [scaled(a), scaled(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Bands fall in availability and rise in credit (so less availability never earns less), lie at
 * or below the commitment, and are written with no more decimals than the availability is shown
 * to (a band finer than the shown figure would look met while it is not).
 */
function checkBands(ctx: CheckContext, bands: AvailabilityIR["bands"], rows: readonly A.Row[], commit: string | null, decimals: number): void {
  bands.forEach((band, i) => {
    const span = rows[i + 1]?.span ?? rows[0]!.span;
    const prev = bands[i - 1];
    if (commit !== null && comparePercent(band.belowPercent, commit) > 0) {
      ctx.diagnostics.error("SLA509", span, `a band below ${band.belowPercent}% lies above the commitment of ${commit}%`, { help: "a credit is owed only when the commitment is missed: start the bands at the commitment" });
    } else if (prev && comparePercent(band.belowPercent, prev.belowPercent) >= 0) {
      ctx.diagnostics.error("SLA509", span, `bands must fall: below ${band.belowPercent}% comes after below ${prev.belowPercent}%`, { help: "write the bands from the highest availability to the lowest" });
    } else if (prev && comparePercent(band.creditPercent, prev.creditPercent) < 0) {
      ctx.diagnostics.error("SLA509", span, `less availability earns less: ${band.creditPercent}% below ${band.belowPercent}% is under ${prev.creditPercent}% below ${prev.belowPercent}%`, { help: "a lower availability earns at least the credit of a higher one" });
    } else if (prev && (band.termDays ?? 0) < (prev.termDays ?? 0)) {
      ctx.diagnostics.error("SLA509", span, `less availability earns less: ${band.termDays} days below ${band.belowPercent}% is under ${prev.termDays} days below ${prev.belowPercent}%`, { help: "a lower availability earns at least the days of a higher one" });
    } else if (decimalsOf(band.belowPercent) > decimals) {
      ctx.diagnostics.error("SLA509", span, `${band.belowPercent}% has more decimals than the availability is shown to (${decimals})`, { help: `write \`shown to ${decimalsOf(band.belowPercent)} decimals\`` });
    }
  });
}

/** Lower one `availability` block, or `null` when it lacks what it needs (reported). */
export function lowerAvailability(ctx: CheckContext, d: A.AvailabilityDecl, calendars: ReadonlyMap<string, CalendarIR>): AvailabilityIR | null {
  if (!d.name) return null;
  const commit = once(ctx, itemsOf(d, "commit"), "commit");
  const commitPercent = commit?.percent ? lowerPercent(ctx, commit.percent.span) : null;
  if (!commit) ctx.diagnostics.error("SLA510", d.name.span, `availability \`${d.name.text}\` commits to nothing`, { help: "add `commit 99.9%`" });
  const shown = once(ctx, itemsOf(d, "shown"), "shown to");
  const decimals = shown ? (lowerShown(ctx, shown) ?? DEFAULT_DECIMALS) : DEFAULT_DECIMALS;
  if (commitPercent !== null && decimalsOf(commitPercent) > decimals && commit) {
    ctx.diagnostics.error("SLA509", commit.span, `${commitPercent}% has more decimals than the availability is shown to (${decimals})`, { help: `write \`shown to ${decimalsOf(commitPercent)} decimals\`` });
  }
  const overs = [...itemsOf(d, "overElapsed"), ...itemsOf(d, "overCalendar")].sort((a, b) => a.span.start - b.span.start);
  const over = once(ctx, overs, "over");
  let overIR: AvailabilityIR["over"] = { kind: "elapsed" };
  if (over?.kind === "overCalendar") {
    const entry = ctx.symbols.resolve("calendar", over.calendar);
    if (!entry || !over.calendar) return null;
    if (!periodCalendar(ctx, over.calendar, calendars, "measure availability")) return null;
    overIR = { kind: "calendar", calendar: over.calendar.text };
  }
  const excuse = once(ctx, itemsOf(d, "excuse"), "excuse scheduled");
  const excuseIR = excuse ? lowerExcuse(ctx, excuse, calendars) : null;
  const causeItems = itemsOf(d, "excuseCause");
  // Every name resolves (SLA101 with a suggestion otherwise); the order written is kept, once each.
  const excusedCauses = [...new Set(causeItems.flatMap((c) => c.causes.filter((n) => ctx.symbols.resolve("cause", n)).map((n) => n.text)))];
  const plans = [...new Set(d.plans.filter((p) => ctx.symbols.resolve("plan", p)).map((p) => p.text))];
  const components = itemsOf(d, "components").flatMap((c) => c.components.map((n) => n.text));
  const bandItem = once(ctx, itemsOf(d, "bands"), "credits");
  const bands = bandItem ? lowerBands(ctx, bandItem.table) : [];
  if (bandItem) checkBands(ctx, bands, bandItem.table.rows, commitPercent, decimals);
  const downtimeFee = lowerDowntimeCredit(ctx, d, bandItem);
  const stepCredit = lowerStepCredit(ctx, d, bandItem ?? itemsOf(d, "downtimeCredit")[0]);
  const window = commit?.window ? lowerPeriodShape(ctx, commit.window, "window") : null;
  if (commitPercent === null) return null;
  return {
    name: d.name.text,
    title: d.title?.value ?? null,
    commitPercent,
    components: components.length > 0 ? [...new Set(components)] : null,
    over: overIR,
    excuse: excuseIR,
    decimals,
    bands,
    ...(excusedCauses.length > 0 ? { excusedCauses } : {}),
    ...(plans.length > 0 ? { plans } : {}),
    ...(window ? { window: { unit: window.unit, startMonth: window.startMonth } } : {}),
    ...(commit ? { commitOrigin: sourceRef(ctx, commit.span) } : {}),
    ...(downtimeFee ?? {}),
    ...(stepCredit !== null ? { stepCredit } : {}),
    origin: sourceRef(ctx, d.name.span),
  };
}

/** SLA505 when an availability's credit rule is written beside another (`other`, labelled): true when reported. */
function secondCreditRule(ctx: CheckContext, item: { span: A.Decl["span"] }, other: { span: A.Decl["span"] } | undefined, message: string, label: string, help: string): boolean {
  if (!other) return false;
  ctx.diagnostics.error("SLA505", item.span, message, { labels: [{ span: other.span, message: label }], help });
  return true;
}

/** The most a multiple of the downtime's fee may be, and its decimals (the IR's decimal text). */
const MULTIPLE_TEXT = /^\d{1,6}(\.\d{1,6})?$/;

/**
 * `credit 10 × downtime fee`: the multiple as decimal text with its clause, or `null`. It replaces the band
 * table (two ways of settling one credit are SLA505) and is more than zero (SLA506).
 */
function lowerDowntimeCredit(ctx: CheckContext, d: A.AvailabilityDecl, bands: { span: A.Decl["span"] } | undefined): Pick<AvailabilityIR, "downtimeFeeMultiple" | "downtimeFeeMultipleOrigin"> | null {
  const item = once(ctx, itemsOf(d, "downtimeCredit"), "credit … × downtime fee");
  if (!item?.multiple) return null;
  if (secondCreditRule(ctx, item, bands, "an availability's credit is either its bands or a multiple of the downtime fee", "the bands", "keep `credits { … }` or `credit N × downtime fee`")) return null;
  const text = item.multiple.value;
  if (!MULTIPLE_TEXT.test(text) || !/[1-9]/.test(text)) {
    ctx.diagnostics.error("SLA506", item.multiple.span, `\`${text}\` is not a multiple a credit can be`, { help: "write a number above zero with at most 6 digits and 6 decimals, e.g. `credit 10 × downtime fee`" });
    return null;
  }
  return { downtimeFeeMultiple: text.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, ""), downtimeFeeMultipleOrigin: sourceRef(ctx, item.span) };
}

/**
 * A step credit's percentage or its limit, above zero like a multiple of the downtime fee (SLA506):
 * `0%` would owe nothing whatever the downtime, which is a slip, not a credit.
 */
function nonZeroPercent(ctx: CheckContext, span: A.Decl["span"], message: (text: string) => string): string | null {
  const text = lowerPercent(ctx, span);
  if (text === null || /[1-9]/.test(text)) return text;
  ctx.diagnostics.error("SLA506", span, message(text), { help: "write a percentage above zero, e.g. `credit 5% per started 30 minutes, up to 100%`" });
  return null;
}

/**
 * `credit 5% per started 30 minutes, up to 100%`: a percentage of the fees per step of counted
 * downtime, or `null`. It replaces the bands or a multiple of the downtime fee (SLA505: two ways of
 * settling one credit).
 */
function lowerStepCredit(ctx: CheckContext, d: A.AvailabilityDecl, other: { span: A.Decl["span"] } | undefined): NonNullable<AvailabilityIR["stepCredit"]> | null {
  const item = once(ctx, itemsOf(d, "stepCredit"), "credit … per …");
  if (!item?.percent) return null;
  if (secondCreditRule(ctx, item, other, "an availability's credit is one rule: its bands, a multiple of the downtime fee, or a percentage per step of downtime", "the other rule", "keep one of them")) return null;
  const creditPercent = nonZeroPercent(ctx, item.percent.span, (t) => `a credit of ${t}% per step owes nothing`);
  const step = lowerCreditStep(ctx, item.step);
  const upToPercent = item.upTo ? nonZeroPercent(ctx, item.upTo.span, (t) => `a credit up to ${t}% owes nothing`) : null;
  if (creditPercent === null || step === null || (item.upTo && upToPercent === null)) return null;
  return { creditPercent, step, ...(upToPercent !== null ? { upToPercent } : {}), origin: sourceRef(ctx, item.span) };
}

/** A calendar an outage is measured or excused by: its own zone and holidays (SLA510 otherwise). */
function periodCalendar(ctx: CheckContext, ref: A.Name, calendars: ReadonlyMap<string, CalendarIR>, use: "measure availability" | "bound maintenance"): CalendarIR | null {
  const cal = calendars.get(ref.text);
  if (!cal) return null;
  if (cal.zoneFromTicket || cal.holidaysFromTicket) {
    // A period has outages, not a ticket: there is no customer to take the zone or holidays from.
    ctx.diagnostics.error("SLA510", ref.span, `calendar \`${cal.name}\` takes its zone or holidays from each ticket, so it cannot ${use}`, { help: `${use === "measure availability" ? "measure over" : "bound maintenance by"} a calendar with its own zone and holidays` });
    return null;
  }
  return cal;
}

/**
 * `excuse scheduled [within calendar w] [announced D ahead] [, up to D each] [, up to D per period]`:
 * each limit at most once (SLA103), every length elapsed time (SLA304).
 */
function lowerExcuse(ctx: CheckContext, excuse: Extract<A.AvailabilityItem, { kind: "excuse" }>, calendars: ReadonlyMap<string, CalendarIR>): NonNullable<AvailabilityIR["excuse"]> {
  const cals = [...calendars.values()];
  const each = once(ctx, excuse.limits.filter((l) => l.per === "outage"), "up to … each");
  const perPeriod = once(ctx, excuse.limits.filter((l) => l.per === "period"), "up to … per period");
  const within = excuse.within && ctx.symbols.resolve("calendar", excuse.within) ? periodCalendar(ctx, excuse.within, calendars, "bound maintenance") : null;
  const eachMs = each ? elapsedMs(ctx, each.duration, cals) : null;
  return {
    announcedAheadMs: elapsedMs(ctx, excuse.ahead, cals),
    capMs: perPeriod ? elapsedMs(ctx, perPeriod.duration, cals) : null,
    ...(within ? { within: within.name } : {}),
    ...(eachMs !== null ? { eachMs } : {}),
    origin: sourceRef(ctx, excuse.span),
  };
}

/** Two blocks of one kind (availability, objective) with one name: the second is SLA102. */
export function checkUniqueNames(ctx: CheckContext, decls: readonly { name: A.Name | null }[], kind: string): void {
  const seen = new Map<string, A.Name>();
  for (const d of decls) {
    if (!d.name) continue;
    const first = seen.get(d.name.text);
    if (first) ctx.diagnostics.error("SLA102", d.name.span, `${kind} \`${d.name.text}\` is declared twice`, { labels: [{ span: first.span, message: "first declared here" }], help: "give each a name of its own" });
    else seen.set(d.name.text, d.name);
  }
}

/**
 * `expect availability NAME …` and `expect objective NAME …` name a block of the policy: an unknown
 * name is SLA101 with a suggestion (the example would otherwise fail at `sla test` only).
 */
export function checkCommitmentExpectations(ctx: CheckContext, examples: readonly A.ExampleDecl[], availability: readonly string[], objectives: readonly string[]): void {
  for (const ex of examples) {
    for (const item of ex.items) {
      if (item.kind !== "expectAvailability" && item.kind !== "expectObjective") continue;
      const [kind, names] = item.kind === "expectAvailability" ? (["availability", availability] as const) : (["objective", objectives] as const);
      if (!item.name || names.includes(item.name.text)) continue;
      const suggestion = didYouMean(item.name.text, names);
      const span = item.name.span;
      ctx.diagnostics.error("SLA101", span, `unknown ${kind} \`${item.name.text}\``, {
        help: suggestion ? `did you mean \`${suggestion}\`?` : names.length > 0 ? `declared: ${names.map((n) => `\`${n}\``).join(", ")}` : `no ${kind} is declared`,
        ...(suggestion ? { fixes: [{ title: `change to \`${suggestion}\``, edits: [{ span, newText: suggestion }] }] } : {}),
      });
    }
  }
}

/**
 * A commitment `per quarter starting Apr 1` is judged only in a period that is one of its windows:
 * under a declared settlement period of another shape no period ever is, so the commitment would
 * never be judged (SLA507). Without a declared period any dates settle, and nothing is reported.
 */
export function checkWindowsFitPeriod(ctx: CheckContext, decls: readonly A.AvailabilityDecl[], lowered: readonly AvailabilityIR[], period: SettlementPeriodIR | undefined): void {
  if (!period) return;
  for (const a of lowered) {
    const w = a.window;
    if (!w || (w.unit === period.unit && (w.unit === "month" || w.startMonth === period.startMonth))) continue;
    const commit = decls.find((d) => d.name?.text === a.name)?.items.find((i) => i.kind === "commit");
    const span = commit?.kind === "commit" && commit.window ? commit.window.span : (commit?.span ?? decls[0]!.span);
    // `quarter starting Feb 1`, or `quarters starting Feb 1` after "settles by".
    const shape = (u: string, m: number, plural: "" | "s") => (u === "month" ? `month${plural}` : `${u}${plural} starting ${MONTH_NAMES[m - 1]} 1`);
    ctx.diagnostics.error("SLA507", span, `availability \`${a.name}\` is judged per ${shape(w.unit, w.startMonth, "")}, and the policy settles by ${shape(period.unit, period.startMonth, "s")}: no period is one of its windows`, {
      help: "give the commitment the policy's period, or remove `per …` to judge it in every period",
    });
  }
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * `claim within N days after outage` counts from the outages of the availability commitments: in
 * a policy that commits to no availability there is no outage to count from (SLA506).
 */
export function checkClaimAfterOutage(ctx: CheckContext, credits: A.CreditsDecl | undefined, availabilityCount: number): void {
  if (availabilityCount > 0 || !credits) return;
  for (const item of credits.items) {
    if (item.kind !== "claimWithinDays" || item.after !== "outage") continue;
    ctx.diagnostics.error("SLA506", item.span, "`after outage` counts from the outages of an availability commitment, and the policy has none", {
      help: "write `claim within N days after period` or `… after breach`, or add an `availability` block",
    });
  }
}
