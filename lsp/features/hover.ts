/**
 * Hovers: what a name stands for (a priority's description, a plan's or calendar's title), what
 * a goal cell commits to on which calendars, a zone's offsets, a holiday code's next holidays,
 * and a line about each keyword.
 *
 * Calendars are described from the IR. A document with errors has no IR, so the IR of its last
 * version without errors is used (calendars are looked up by name, so edits elsewhere do not
 * mislead); with neither, goal hovers still explain the goal, without calendars.
 */
import { type Hover, MarkupKind, type Position } from "vscode-languageserver";
import { DateTime } from "luxon";
import type * as A from "../../compiler/ast.js";
import type { CompileResult } from "../../compiler/index.js";
import type { Span } from "../../grammar/source.js";
import { calendarFromIR } from "../../runtime/calendar.js";
import type { PolicyIR } from "../../runtime/ir.js";
import type { Checked } from "../documents.js";
import { commitmentHover } from "./commitment-hover.js";
import { lineState } from "./cursor.js";
import { calendarInWords, goalInWords, upcomingHolidays, zoneInWords } from "./describe.js";
import { exampleHover } from "./example-hover.js";
import { offsetAt, rangeOf } from "./diagnostics.js";
import { KEYWORD_DOCS } from "./keyword-docs.js";
import { KIND_STYLES } from "./kinds.js";
import { declarationOf, type Occurrence, occurrenceAt } from "./occurrences.js";

/** Regions listed in a goal hover before "and N more". */
const MAX_REGIONS = 8;

const inside = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/** The hover at `position`, or null. */
export function hover(checked: Checked, position: Position): Hover | null {
  const { result } = checked;
  const offset = offsetAt(result.file, position);
  const ir = result.ir ?? checked.lastGoodIr;
  const found = findHover(result, ir, offset);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: rangeOf(result.file, found.span) };
}

function findHover(result: CompileResult, ir: PolicyIR | null, offset: number): { markdown: string; span: Span } | null {
  const at = occurrenceAt(result, offset);
  if (at) return { markdown: symbolHover(result, ir, at), span: at.span };
  const decl = result.ast.decls.find((d) => inside(d.span, offset));
  // On an example's name or one of its expectations: run it (with this version's own IR only).
  if (decl?.kind === "example") {
    const item = decl.items.find((i) => i.kind.startsWith("expect") && inside(i.span, offset));
    const anchor = item?.span ?? (decl.name && inside(decl.name.span, offset) ? decl.name.span : null);
    const markdown = anchor ? exampleHover(result.ir, decl) : null;
    if (anchor && markdown) return { markdown, span: anchor };
  }
  // On an availability's or objective's name: what it commits to.
  if ((decl?.kind === "availability" || decl?.kind === "objective") && decl.name && inside(decl.name.span, offset)) {
    return { markdown: commitmentHover(ir, decl.kind, decl.name.text, decl.title?.value ?? null), span: decl.name.span };
  }
  const inDecl = decl ? declHover(result, ir, decl, offset) : null;
  return inDecl ?? keywordHover(result.file.text, offset);
}

function symbolHover(result: CompileResult, ir: PolicyIR | null, at: Occurrence): string {
  const entry = declarationOf(result, at);
  const lines = [`**${KIND_STYLES[at.kind].noun}** \`${at.name}\``];
  if (!entry) return lines[0]!;
  const decl = entry.decl;
  if (decl.kind === "named" || decl.kind === "exclude") {
    if (decl.kind === "named" && decl.parent) lines[0] += ` extends \`${decl.parent.text}\``;
    if (decl.text) lines.push(decl.text.value);
  } else if (decl.kind === "calendar" || decl.kind === "region" || decl.kind === "target") {
    if (decl.title) lines.push(decl.title.value);
  }
  if (ir && at.kind === "calendar") lines.push(...calendarLines(result, ir, at.name));
  if (ir && at.kind === "region") lines.push(...regionLines(result, ir, at.name));
  if (ir && at.kind === "target") lines.push(...targetLines(ir, at.name));
  return lines.join("\n\n");
}

function calendarLines(result: CompileResult, ir: PolicyIR, name: string): string[] {
  const words = calendarInWords(result, ir, name);
  const cal = ir.calendars.find((c) => c.name === name);
  if (!words || !cal) return [];
  let now = "";
  try {
    const t = Date.now();
    const next = calendarFromIR(cal).nextOpen(t);
    now =
      next === t
        ? "open now"
        : Number.isFinite(next)
          ? `opens ${DateTime.fromMillis(next, { zone: cal.zone }).toFormat("ccc yyyy-MM-dd HH:mm")} (${cal.zone})`
          : "";
  } catch {
    // An engine that cannot be built (unknown zone) has its own diagnostic; the words suffice.
  }
  return [words, ...(now ? [now] : [])];
}

function regionLines(result: CompileResult, ir: PolicyIR, name: string): string[] {
  const region = ir.regions.find((r) => r.name === name);
  if (!region) return [];
  const rows = [`- calendar \`${region.calendar}\`: ${calendarInWords(result, ir, region.calendar) ?? ""}`];
  for (const [plan, cal] of Object.entries(region.planCalendars)) {
    if (cal !== region.calendar) rows.push(`- for \`${plan}\`: \`${cal}\`: ${calendarInWords(result, ir, cal) ?? ""}`);
  }
  if (region.languages) {
    const opt = region.languages.optional.length > 0 ? `; optional (no SLA): ${region.languages.optional.join(", ")}` : "";
    rows.push(`- languages: ${region.languages.primary.join(", ")}${opt}`);
  }
  return [rows.join("\n")];
}

function targetLines(ir: PolicyIR, name: string): string[] {
  const t = ir.targets.find((x) => x.name === name);
  if (!t) return [];
  const rule = (verb: string, events: readonly string[]) => (events.length > 0 ? `${verb} on ${events.join(", ")}` : null);
  const clock = [rule("starts", t.clock.start), rule("pauses", t.clock.pause), rule("resumes", t.clock.resume), rule("stops", t.clock.stop)].filter(Boolean);
  return [`${t.binding ? "binding" : "non-binding KPI"}; the clock ${clock.join(", ")}`];
}

function declHover(result: CompileResult, ir: PolicyIR | null, decl: A.Decl, offset: number): { markdown: string; span: Span } | null {
  const zones: (A.Str | null)[] = [];
  const codes: A.Str[] = [];
  if (decl.kind === "calendar") {
    for (const item of decl.items) {
      if (item.kind === "zone") zones.push(item.zone);
      if (item.kind === "holidays") codes.push(...item.codes);
    }
  }
  if (decl.kind === "fees" || decl.kind === "credits") for (const item of decl.items) if (item.kind === "zone") zones.push(item.zone);
  const zone = zones.find((z) => z && inside(z.span, offset));
  if (zone) {
    const words = zoneInWords(zone.value);
    return { markdown: words ? `**zone** \`${zone.value}\`: ${words}` : `\`${zone.value}\` is not an IANA time zone`, span: zone.span };
  }
  const code = codes.find((c) => inside(c.span, offset));
  if (code) return { markdown: holidayHover(code.value), span: code.span };
  if (decl.kind === "target") {
    for (const table of decl.goals) {
      const found = goalCellAt(table, offset);
      if (found) return { markdown: goalHover(result, ir, decl, table, found.row, found.column), span: found.cell.span };
    }
  }
  return null;
}

function holidayHover(code: string): string {
  const next = upcomingHolidays(code, 5);
  if (!next) return `\`${code}\` is not a holiday code known to date-holidays`;
  return [`**holidays** \`${code}\`: the next public holidays`, next.map((h) => `- ${h.date} ${h.name}`).join("\n")].join("\n\n");
}

function goalCellAt(table: A.Table, offset: number): { row: A.Row; column: number; cell: A.Cell } | null {
  for (const row of table.rows.slice(1)) {
    if (!inside(row.span, offset)) continue;
    const column = row.cells.findIndex((c) => inside(c.span, offset));
    if (column >= 1) return { row, column, cell: row.cells[column]! };
  }
  return null;
}

function cellName(cell: A.Cell | undefined): string | null {
  if (!cell) return null;
  return cell.kind === "name" ? cell.name.text : cell.kind === "word" ? cell.word : null;
}

function goalHover(result: CompileResult, ir: PolicyIR | null, target: A.TargetDecl, table: A.Table, row: A.Row, column: number): string {
  const cell = row.cells[column]!;
  const written = result.file.text.slice(cell.span.start, cell.span.end).replace(/\s+/g, " ").trim();
  const header = table.rows[0]?.cells ?? [];
  const key = cellName(row.cells[0]);
  const byPlan = cellName(header[0]) === "plan";
  const columnName = cellName(header[column]);
  const plan = byPlan ? key : columnName === "goal" ? null : columnName;
  const priority = byPlan ? null : key;
  const who = [priority && `\`${priority}\``, plan && `plan \`${plan}\``].filter(Boolean).join(" × ");
  const lines = [`**${target.name?.text ?? "target"}** goal${who ? ` for ${who}` : ""}: **${written}**`];
  const meaning = goalInWords(cell, written);
  if (meaning) lines.push(meaning);
  const duration = cell.kind === "under" ? cell.duration : cell;
  const countsOpenTime = cell.kind === "nextBusinessDay" || cell.kind === "sameBusinessDay" || (duration.kind === "duration" && duration.business);
  if (ir && countsOpenTime) lines.push(calendarsOfGoal(result, ir, target, plan));
  return lines.join("\n\n");
}

/** One line per region (or the target's own calendar): which hours the goal is counted on. */
function calendarsOfGoal(result: CompileResult, ir: PolicyIR, target: A.TargetDecl, plan: string | null): string {
  const own = target.calendars.find((c) => c.calendar)?.calendar?.text ?? null;
  const describe = (cal: string) => `\`${cal}\`: ${calendarInWords(result, ir, cal) ?? "unknown calendar"}`;
  if (own) return `on ${describe(own)}`;
  if (ir.regions.length === 0) return ir.defaultCalendar ? `on ${describe(ir.defaultCalendar)}` : "no calendar";
  const rows = ir.regions.slice(0, MAX_REGIONS).map((r) => {
    const cal = (plan && r.planCalendars[plan]) || r.calendar;
    return `- on ${plan ? `${plan}/` : ""}${r.name}: ${describe(cal)}`;
  });
  if (ir.regions.length > MAX_REGIONS) rows.push(`- and ${ir.regions.length - MAX_REGIONS} more regions`);
  return rows.join("\n");
}

function keywordHover(text: string, offset: number): { markdown: string; span: Span } | null {
  if (lineState(text, offset).kind !== "code") return null;
  let start = offset;
  let end = offset;
  while (start > 0 && /[A-Za-z0-9_]/.test(text.charAt(start - 1))) start--;
  while (end < text.length && /[A-Za-z0-9_]/.test(text.charAt(end))) end++;
  // `×` is a word of its own (`credit 10 × downtime fee`), not made of word characters.
  if (start === end && text.charAt(offset) === "×") end = offset + 1;
  else if (start === end && text.charAt(offset - 1) === "×") start = offset - 1;
  const word = text.slice(start, end);
  const doc = Object.hasOwn(KEYWORD_DOCS, word) ? KEYWORD_DOCS[word] : undefined;
  return doc ? { markdown: `\`${word}\`: ${doc}`, span: { start, end } } : null;
}
