/**
 * The structural fallback (issue 13 follow-up): after the specific comparisons, the rest of the
 * normalized IR (`normalize.ts`) is compared field by field, and every difference no specific
 * comparison models is reported as a change of kind `other`, effect `unknown`, with its IR
 * path. So a construct the differ does not understand yet is never "no change in meaning".
 *
 * What counts as modeled is a list of IR paths below ({@link MODELED}): each is compared in
 * full by a specific comparison. A calendar named somewhere is compared by content: when the
 * contents differ and a specific change already cites that calendar (its open hours differ over
 * the horizon), nothing more is said; otherwise (a difference beyond the horizon, or a use no
 * comparison looks at) it is reported here.
 */
import type { CalendarIR, PolicyIR, SourceRef } from "../runtime/ir.js";
import { change } from "./cite.js";
import type { Change } from "./model.js";
import { CalendarRef, canonical, normalizePolicy, ORIGIN, UnknownCalendar } from "./normalize.js";

/** One field that differs: where, both values, and the nearest clause of each version. */
export interface IrDifference {
  readonly path: string;
  readonly was: unknown;
  readonly now: unknown;
  readonly origins: readonly [SourceRef | undefined, SourceRef | undefined];
}

const originOf = (x: unknown): SourceRef | undefined => (x !== null && typeof x === "object" ? ((x as Record<symbol, unknown>)[ORIGIN] as SourceRef | undefined) : undefined);

/** Every difference between two normalized values, at the deepest path where it shows. */
export function irDifferences(x: unknown, y: unknown, path = "", origins: readonly [SourceRef | undefined, SourceRef | undefined] = [undefined, undefined]): IrDifference[] {
  const here: [SourceRef | undefined, SourceRef | undefined] = [originOf(x) ?? origins[0], originOf(y) ?? origins[1]];
  if (x instanceof CalendarRef && y instanceof CalendarRef) {
    return canonical(x) === canonical(y) ? [] : [{ path, was: x, now: y, origins: [x.ir.origin, y.ir.origin] }];
  }
  const isObject = (v: unknown) => v !== null && typeof v === "object" && !(v instanceof CalendarRef) && !(v instanceof UnknownCalendar);
  if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
    return x.flatMap((v, i) => irDifferences(v, y[i], `${path}[${i}]`, here));
  }
  if (isObject(x) && isObject(y) && !Array.isArray(x) && !Array.isArray(y)) {
    const a = x as Record<string, unknown>;
    const b = y as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => irDifferences(a[k], b[k], path ? `${path}.${k}` : k, here));
  }
  return canonical(x) === canonical(y) ? [] : [{ path, was: x, now: y, origins: here }];
}

/** Path endings: a set of names (`[2]` when both versions have as many), a condition's tests, clock rules, calendar rules. */
const SET = String.raw`(\[\d+\])?`;
const CONDITION = String.raw`(\[\d+\](\.(on|field|flag)|\.values${SET})?)?`;
const CLOCK = String.raw`\.clock(\.(start|pause|resume|stop|restart)${SET}|\.reopenWithinMs)?`;
const CALENDAR_RULES = String.raw`\.calendarRules(\[\d+\](\.calendar|\.when${CONDITION})?)?`;
/** A whole path, from its parts. */
const whole = (...parts: string[]) => new RegExp(`^${parts.join("")}$`);

/**
 * IR paths, whole down to the field, the specific comparisons model (`goals.ts`, `calendars.ts`, `coverage.ts`,
 * `escalations.ts`, `credits.ts`, `commitments.ts`, `fees.ts`, `priority-caps.ts`, `declarations.ts`). Titles,
 * descriptions and reasons are deliberately absent: a changed title is reported here, as `other`.
 * So is any path not listed, which is how a field new to the IR shows before a comparison models it.
 */
const MODELED: readonly RegExp[] = [
  /^(priorities|plans|regions|flags|causes|events|fields)\.[^.]+$/,
  // The calendar of a ticket without region: the `default` place of `calendars.ts` (absent: 24×7 UTC).
  /^defaultCalendar$/,
  /^fields\.[^.]+\.values\.[^.]+$/,
  whole(`channels${SET}`),
  whole(String.raw`regions\.[^.]+\.languages(\.(primary|optional)${SET})?`),
  whole(String.raw`regions\.[^.]+${CALENDAR_RULES}`),
  // A target's own calendar added or removed: compared with the region's calendars it replaces (`calendars.ts`).
  whole(String.raw`targets\.[^.]+(\.binding|\.calendar|${CLOCK}|${CALENDAR_RULES})?`),
  whole(String.raw`targets\.[^.]+\.goals(\[\d+\](\.priority|\.plan|\.goal(\.(kind|ms|days|strict))?|\.when${CONDITION})?)?`),
  whole(String.raw`exclusions\.(channels|causes)(\.[^.]+)?`),
  whole(String.raw`exclusions\.attributes(\[\d+\]\.when${CONDITION})?`),
  whole(String.raw`escalations\.[^.]+(\.calendarPlan|${CLOCK}|\.levels(\[\d+\](\.priority|\.role|\.after(\.(kind|ms|percent|target|days))?)?)?)?`),
  whole(
    String.raw`credits(\.(plans|targets|ineligibleChannels|ineligibleAccount|ineligibleObligations)${SET}|\.(claimMonthsAfter|claimSubject|claimRequired|capPercent|capTermDays|ineligibleOptionalLanguages|zone|mode)`,
    String.raw`|\.rows(\.[^.]+(\.(priority|creditPercent))?)?|\.ineligibleWhen(\[\d+\]${CONDITION})?|\.amountPerBreach(\.(amount|currency))?`,
    String.raw`|\.thresholds(\[\d+\](\.(aboveBreaches|creditPercent))?)?|\.claimDaysAfter(\.(days|after))?|\.lateStep(\.(ms|started))?|\.capPerTargetPercent`,
    String.raw`|\.afterBands(\[\d+\](\.(afterMs|creditPercent))?)?|\.noClaimPlans${SET}|\.onNextInvoice)?`,
  ),
  whole(
    String.raw`availability\.[^.]+(\.(commitPercent|over|decimals|downtimeFeeMultiple)|\.window(\.(unit|startMonth))?|\.(components|excusedCauses|plans)${SET}`,
    String.raw`|\.excuse(\.(announcedAheadMs|capMs|within|eachMs))?|\.bands(\[\d+\](\.(belowPercent|creditPercent|termDays))?)?`,
    String.raw`|\.stepCredit(\.(creditPercent|upToPercent)|\.step(\.(ms|started))?)?)?`,
  ),
  whole(String.raw`objectives\.[^.]+(\.(sharePercent|target|creditPercent|decimals)|\.when${CONDITION})?`),
  // Packages and the invoice are compared whole (any field of theirs is a change there).
  whole(
    String.raw`fees(\.(currency|zone|lateCharge|lateCharge\.chargePercent)|\.free${SET}|\.vat(\.(applies|vatPercent))?|\.rates(\.[^.]+(\.(kind|regime|amount))?)?`,
    String.raw`|\.allowances(\.[^.]+(\.(regime|hours|excessRegime))?)?|\.packages(\.[^.]+(\..*)?)?|\.invoice(\..*)?|\.(workAllowances|quotas)(\[\d+\](\.(kind|regime|hours|per|rollover|rolloverExpires))?)?)?`,
  ),
  // Kinds of work and obligations, with their words (`declarations.ts`).
  /^(works|obligations)\.[^.]+(\.(title|description))?$/,
  /^fees\.charges($|\.[^.]+$|\.[^.]+\.(amount|chargePercent|base|minimum)$)/,
  /^period($|\.(unit|startMonth)$)/,
  // A cap's level and condition (`priority-caps.ts`); its reason is words, reported here.
  whole(String.raw`priorityCaps(\.[^.]+(\.level|\.when${CONDITION})?)?`),
];

const clauseKey = (r: { file: string; line: number }) => `${r.file}:${r.line}`;

/** A value in a summary: short JSON, calendars by name. */
function shown(x: unknown): string {
  if (x === undefined) return "absent";
  if (x instanceof CalendarRef) return `calendar \`${x.ir.name}\``;
  if (x instanceof UnknownCalendar) return `unknown calendar \`${x.name}\``;
  const text = canonical(x);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * The differences between `a` and `b` that `specific` (the changes the specific comparisons
 * found) does not account for, as changes of kind `other`.
 */
export function structuralChanges(a: PolicyIR, b: PolicyIR, specific: readonly Change[], sameMeaning: (x: CalendarIR, y: CalendarIR) => boolean = () => false): Change[] {
  const cited = new Set(specific.flatMap((c) => [c.old, c.new]).filter((c) => c !== null).map(clauseKey));
  const calendarUses = new Map<string, { was: CalendarRef; now: CalendarRef; paths: string[] }>();
  const out: Change[] = [];
  for (const d of irDifferences(normalizePolicy(a), normalizePolicy(b))) {
    if (d.was instanceof CalendarRef && d.now instanceof CalendarRef) {
      // Open hours that differ over the horizon were reported, citing the calendar.
      // (A change of a union's members cites its `open during` line.)
      const clauses = [d.was.ir.origin, d.now.ir.origin, d.was.ir.duringOrigin, d.now.ir.duringOrigin];
      if (clauses.some((c) => c !== undefined && cited.has(clauseKey(c)))) continue;
      // Written differently, meaning the same (a union of the same open time as a plain calendar).
      if (sameMeaning(d.was.ir, d.now.ir)) continue;
      const key = `${d.was.ir.name}|${d.now.ir.name}`;
      const use = calendarUses.get(key);
      if (use) use.paths.push(d.path);
      else calendarUses.set(key, { was: d.was, now: d.now, paths: [d.path] });
      continue;
    }
    // A name no calendar answers to is invisible to the comparisons, which look calendars up.
    const unresolved = d.was instanceof UnknownCalendar || d.now instanceof UnknownCalendar;
    if (!unresolved && MODELED.some((m) => m.test(d.path))) continue;
    out.push({ ...change("other", d.path, `\`${d.path}\`: ${shown(d.was)} → ${shown(d.now)}`, "unknown", d.origins[0], d.origins[1]), path: d.path });
  }
  for (const use of calendarUses.values()) {
    const fields = irDifferences(use.was.content, use.now.content).map((d) => `${d.path}: ${shown(d.was)} → ${shown(d.now)}`);
    const summary = `calendar \`${use.was.ir.name}\` → \`${use.now.ir.name}\` differs where no comparison over the horizon shows it`;
    out.push({ ...change("other", use.paths.join(", "), summary, "unknown", use.was.ir.origin, use.now.ir.origin, fields), path: use.paths.join(", ") });
  }
  return out;
}
