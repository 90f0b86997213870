/**
 * Context-aware completion: what may come next at the cursor, read from the text before it
 * (cursor.ts), with the names in scope from the latest check (which may be a few keystrokes
 * old: a name being declared right now is not offered yet, everything else is).
 *
 * The choices follow the grammar (grammar/parser.ts) clause by clause; each block kind has one
 * function below. Every item carries an explicit edit range (the partial word, or the content
 * of the string being typed) so clients need not guess word boundaries (`Europe/Ro`, `DE-B`).
 */
import { type CompletionItem, CompletionItemKind, type CompletionList, InsertTextFormat, type Position, type Range } from "vscode-languageserver";
import type { SymbolKind } from "../../compiler/symbols.js";
import type { Checked, Snapshot } from "../documents.js";
import { type Block, type CursorContext, cursorContext, type Tok, tableHeader, tableKeys } from "./cursor.js";
import { holidayCodeChoices } from "./describe.js";
import { offsetAt, rangeOf } from "./diagnostics.js";
import { DURATION_UNITS, EVENT_KINDS, KEYWORD_DOCS, WEEKDAYS } from "./keyword-docs.js";
import { KIND_STYLES } from "./kinds.js";
import { blockSnippets, goalsSnippet, type SnippetNames } from "./snippets.js";

/** How choices are turned into items: the edit range and the names in scope. */
class Items {
  readonly out: CompletionItem[] = [];
  constructor(
    private readonly range: Range,
    private readonly checked: Checked | null,
  ) {}

  private add(label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}): void {
    const newText = extra.insertText ?? label;
    const { insertText: _, ...rest } = extra;
    this.out.push({ label, kind, textEdit: { range: this.range, newText }, ...rest });
  }

  /** Keywords or fixed phrases (`start on`, `best effort`). */
  words(...words: string[]): this {
    for (const w of words) {
      const first = w.split(" ")[0]!;
      const doc = Object.hasOwn(KEYWORD_DOCS, first) ? KEYWORD_DOCS[first] : undefined;
      this.add(w, CompletionItemKind.Keyword, doc ? { documentation: doc } : {});
    }
    return this;
  }

  /** Declared names of some kinds, minus those already written in the clause. */
  names(kinds: readonly SymbolKind[], except: readonly (Tok | string)[] = []): this {
    const taken = new Set(except.map((t) => (typeof t === "string" ? t : t.image)));
    for (const kind of kinds) {
      for (const e of this.checked?.result.symbols.all(kind) ?? []) {
        if (taken.has(e.name.text)) continue;
        const d = e.decl;
        const text = d.kind === "named" || d.kind === "exclude" ? d.text?.value : "title" in d ? d.title?.value : undefined;
        this.add(e.name.text, KIND_STYLES[kind].completion, { detail: KIND_STYLES[kind].noun, ...(text ? { documentation: text } : {}) });
      }
    }
    return this;
  }

  /** Values (zones, codes): quoted unless the cursor is already inside the string. */
  values(choices: readonly { value: string; detail?: string }[], quote: boolean): this {
    for (const c of choices) {
      this.add(c.value, CompletionItemKind.Value, {
        filterText: c.value,
        insertText: quote ? `"${c.value}"` : c.value,
        ...(c.detail ? { detail: c.detail } : {}),
      });
    }
    return this;
  }

  snippet(label: string, body: string, detail: string): this {
    this.add(label, CompletionItemKind.Snippet, { insertText: body, insertTextFormat: InsertTextFormat.Snippet, detail });
    return this;
  }

  raw(items: readonly CompletionItem[]): this {
    this.out.push(...items.map((i) => ({ ...i, textEdit: { range: this.range, newText: i.insertText ?? i.label } })));
    return this;
  }

  snippetNames(): SnippetNames {
    const names = (k: SymbolKind) => this.checked?.result.symbols.names(k) ?? [];
    return { plans: names("plan"), priorities: names("priority"), roles: names("role"), targets: names("target"), calendars: names("calendar") };
  }
}

const DECLARATIONS = [
  "policy",
  "calendar",
  "region",
  "plan",
  "priority",
  "target",
  "escalation",
  "credits",
  "availability",
  "objective",
  "fees",
  "role",
  "channel",
  "work",
  "obligation",
  "field",
  "flag",
  "event",
  "cause",
  "exclude",
  "period",
  "example",
];
// Maps, not object literals: the keys are looked up with words the user typed (`constructor`).
const NAMED = new Map<string, SymbolKind>([
  ["plan", "plan"],
  ["priority", "priority"],
  ["role", "role"],
  ["channel", "channel"],
  ["work", "work"],
  ["obligation", "obligation"],
]);
const CLOCK_RULES = ["start", "pause", "resume", "stop"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "last"];
const EXAMPLE_FIELDS = new Map<string, SymbolKind>([
  ["priority", "priority"],
  ["plan", "plan"],
  ["region", "region"],
  ["channel", "channel"],
]);

let zoneCache: { value: string }[] | null = null;
function zones(): { value: string }[] {
  if (!zoneCache) {
    const all = new Set(Intl.supportedValuesOf("timeZone"));
    all.add("UTC");
    zoneCache = [...all].sort().map((value) => ({ value }));
  }
  return zoneCache;
}

function currencies(): { value: string }[] {
  return Intl.supportedValuesOf("currency").map((value) => ({ value }));
}

/** Images of a clause's tokens, and its last one. */
function shape(stmt: readonly Tok[]): { w: string[]; last: string | undefined; lastType: string | undefined } {
  const w = stmt.map((t) => t.image);
  return { w, last: w[w.length - 1], lastType: stmt[stmt.length - 1]?.type };
}

/**
 * Completion items at `position`. `triggerCharacter` is the character that made the editor ask
 * (a space typed as indentation asks for nothing: the list would pop up on every new line).
 */
export function completion(snapshot: Snapshot, checked: Checked | null, position: Position, triggerCharacter?: string): CompletionList {
  const ctx = cursorContext(snapshot.text, offsetAt(snapshot.file, position));
  if (triggerCharacter === " " && !ctx.string && ctx.stmt.length === 0) return { isIncomplete: false, items: [] };
  const span = ctx.string ? { start: ctx.string.start, end: ctx.string.end } : { start: ctx.word.start, end: ctx.offset };
  const items = new Items(rangeOf(snapshot.file, span), checked);
  // A number being typed takes no completion: `4` could become `40` as well as `4 hours`.
  if (!ctx.inComment && !/^[0-9]/.test(ctx.word.text)) choose(ctx, snapshot.text, items);
  return { isIncomplete: false, items: items.out };
}

function choose(ctx: CursorContext, text: string, items: Items): void {
  const block = ctx.blocks[ctx.blocks.length - 1];
  if (ctx.string) return stringChoices(ctx, items);
  if (!block) return topLevel(ctx, items);
  switch (block.kind) {
    case "calendar":
      return calendarBlock(ctx, items);
    case "region":
      return regionBlock(ctx, items);
    case "target":
    case "escalation":
      return clockBlock(ctx, items, block.kind);
    case "credits":
      return creditsBlock(ctx, items);
    case "fees":
      return feesBlock(ctx, items);
    case "package":
      return packageBlock(ctx, items);
    case "example":
      return exampleBlock(ctx, items);
    default:
      return tableBlock(ctx, text, block, ctx.blocks[ctx.blocks.length - 2]?.kind, items);
  }
}

function stringChoices(ctx: CursorContext, items: Items): void {
  const first = ctx.stmt[0]?.image;
  if (first === "zone") items.values(zones(), false);
  else if (first === "holidays")
    items.values(
      holidayCodeChoices(ctx.string!.text).map((c) => ({ value: c.code, detail: c.name })),
      false,
    );
}

function topLevel(ctx: CursorContext, items: Items): void {
  const { w, last } = shape(ctx.stmt);
  const first = w[0];
  if (first === undefined) {
    items.words(...DECLARATIONS).raw(blockSnippets(items.snippetNames()));
    return;
  }
  const named = NAMED.get(first);
  if (named === "plan" && last === "extends") items.names(["plan"], ctx.stmt);
  else if (named === "plan" && w.length === 2) items.words("extends");
  else if (first === "calendar" && last === "extends") items.names(["calendar"], ctx.stmt);
  else if (first === "calendar" && (w.length === 2 || (w.length === 3 && ctx.stmt[2]!.type === "StringLit"))) items.words("extends");
  else if (first === "priority" && w.length === 1) items.words("at most");
  else if (first === "priority" && last === "most") items.names(["priority"]);
  else if (first === "priority" && w[1] === "at" && w.length === 4) items.words("for");
  else if (first === "priority" && w[1] === "at" && (last === "for" || last === "and")) items.words("priority", "cause", "channel").names(["plan", "field", "flag"]);
  else if (first === "exclude" && w.length === 1) items.words("channel", "cause").names(["field", "flag"]);
  else if (first === "exclude" && w[1] === "channel" && w.length === 2) items.names(["channel"]);
  else if (first === "exclude" && w[1] === "cause" && w.length === 2) items.names(["cause"]);
  else if ((first === "escalation" || first === "credits") && w.length === 1) items.words("for");
  else if ((first === "escalation" || first === "credits") && (last === "for" || last === ",")) items.names(["plan"], ctx.stmt);
  else if (first === "period" && w.length === 1) items.words("month", "quarter starting", "year starting");
  else if (first === "period" && last === "starting") items.words(...MONTHS);
}

function calendarBlock(ctx: CursorContext, items: Items): void {
  const { w, last } = shape(ctx.stmt);
  const first = w[0];
  if (first === undefined) {
    items.words("zone", "holidays", "closed", "closed every", "holiday", "open", "open on holidays", "days", "24x7", ...WEEKDAYS);
    items.snippet("Mon-Fri 09:00-18:00", "${1:Mon}-${2:Fri} ${3:09:00}-${4:18:00}", "weekly hours");
  } else if (first === "zone" && w.length === 1) {
    items.values(zones(), true);
    items.words("from ticket");
  } else if (first === "holidays" && (w.length === 1 || last === ",")) {
    items.values(
      holidayCodeChoices("").map((c) => ({ value: c.code, detail: c.name })),
      true,
    );
    if (w.length === 1) items.words("from ticket");
  } else if ((first === "zone" || first === "holidays") && last === "from") items.words("ticket");
  else if (first === "open" && w.length === 1) items.words("on holidays");
  else if (first === "open" && last === "on") items.words("holidays");
  else if (first === "closed" && w.length === 2 && last !== "every") items.words("from", "to");
  // Issue 11.6: a date of every year (`Dec 24`, `third Mon of Jan`) and where a weekend date is kept.
  else if (last === "every" || (first === "holiday" && (w.length === 1 || (w.length === 2 && ctx.stmt[1]?.type === "StringLit")))) items.words(...MONTHS, ...ORDINALS, "day after");
  else if (last === "after" && (first === "holiday" || first === "closed")) items.words(...MONTHS, ...ORDINALS);
  else if (last === "of" && (first === "holiday" || first === "closed")) items.words(...MONTHS);
  else if (last === "observed") items.words("nearest weekday", "next weekday", "next free weekday");
  else if ((first === "holiday" || first === "closed") && ctx.stmt.some((t) => t.type === "Month") && !w.includes("observed") && ctx.stmt[ctx.stmt.length - 1]?.type === "NumberLit") items.words("observed");
  else if (inDayList(ctx.stmt)) items.words(...WEEKDAYS);
}

/** After `days`, a comma of a day list, or the dash of `Mon-`; not after the dash of `09:00-`. */
function inDayList(stmt: readonly Tok[]): boolean {
  const first = stmt[0]?.image ?? "";
  if ((first !== "days" && !WEEKDAYS.includes(first)) || stmt.some((t) => t.type === "ClockTime")) return false;
  const last = stmt[stmt.length - 1]!;
  return last.image === "days" || last.type === "Comma" || (last.type === "Dash" && stmt[stmt.length - 2]?.type === "Weekday");
}

function regionBlock(ctx: CursorContext, items: Items): void {
  const { w, last } = shape(ctx.stmt);
  if (w.length === 0) items.words("calendar", "languages", "optional languages");
  else if (w[0] === "calendar" && w.length === 1) items.names(["calendar"]).words("for");
  else if (w[0] === "calendar" && (last === "for" || last === "and")) conditionStart(items);
  else if (w[0] === "calendar" && last === "channel") items.names(["channel"]);
  else if (w[0] === "calendar" && last === "," && w.includes("for")) items.names(["plan"], ctx.stmt);
  else if (w[0] === "calendar" && w.length === 2) items.words("for");
  else if (w[0] === "optional" && w.length === 1) items.words("languages");
}

/** What may follow `for` (issue 11): plans, `priority`, `cause`, `channel`, a field, a flag. */
function conditionStart(items: Items): void {
  items.names(["plan", "field", "flag"]).words("priority", "cause", "channel");
}

/** Clock rules, shared by targets and escalations (`start on open`, `stop on respond, resolve`). */
function clockRule(ctx: CursorContext, items: Items): boolean {
  const { w, last } = shape(ctx.stmt);
  // `restart on` (issue 11.5) takes events like the others; only targets offer it.
  if (!CLOCK_RULES.includes(w[0] ?? "") && w[0] !== "restart") return false;
  if (w.length === 1) items.words("on");
  else if (last === "on" || last === ",") items.words(...EVENT_KINDS.filter((e) => !w.slice(2).includes(e))).names(["event"], ctx.stmt);
  return true;
}

function clockBlock(ctx: CursorContext, items: Items, kind: "target" | "escalation"): void {
  const { w, last } = shape(ctx.stmt);
  if (clockRule(ctx, items)) return;
  if (w.length === 0) {
    items.words(...CLOCK_RULES.map((r) => `${r} on`), "calendar");
    if (kind === "target") items.words("restart on", "kpi", "goals").raw([goalsSnippet(items.snippetNames())]);
    else items.snippet("table", "{\n  | priority | after | to |\n  | ${1:P1} | ${2:4 business hours} | ${3:role} |\n}", "escalation table");
  } else if (w[0] === "calendar" && kind === "target" && w.length === 1) items.names(["calendar"]);
  else if (w[0] === "calendar" && kind === "escalation" && w.length === 1) items.words("for");
  else if (w[0] === "calendar" && last === "for") {
    if (kind === "escalation") items.names(["plan"]);
    else conditionStart(items);
  } else if (w[0] === "goals" && w.length === 1) items.words("for");
  else if (w[0] === "goals" && (last === "for" || last === "and")) conditionStart(items);
  else if ((w[0] === "goals" || w[0] === "calendar") && last === "channel") items.names(["channel"]);
}

function creditsBlock(ctx: CursorContext, items: Items): void {
  const { w, last } = shape(ctx.stmt);
  if (w.length === 0) {
    items.words("zone", "target", "claim by end of next month", "claim within", "claim subject", "ineligible channel", "ineligible optional languages", "cap");
    items.snippet("table", "{\n  | priority | credit |\n  | ${1:P1} | ${2:20%} |\n}", "credit table");
  } else if (w[0] === "zone" && w.length === 1) items.values(zones(), true);
  else if (w[0] === "target" && (w.length === 1 || last === ",")) items.names(["target"], ctx.stmt);
  else if (w[0] === "claim" && w.length === 1) items.words("by end of next month", "within", "subject");
  else if (w[0] === "claim" && w[1] === "within" && last === "after") items.words("period", "breach", "outage");
  else if (w[0] === "ineligible" && w.length === 1) items.words("channel", "optional languages", "cause", "priority").names(["field", "flag"]);
  else if (w[0] === "ineligible" && w[1] === "cause" && w.length === 2) items.names(["cause"]);
  else if (w[0] === "ineligible" && w[1] === "channel" && (w.length === 2 || last === ",")) items.names(["channel"], ctx.stmt);
}

function feesBlock(ctx: CursorContext, items: Items): void {
  const { w, last, lastType } = shape(ctx.stmt);
  const first = w[0];
  if (first === undefined) {
    items.words(
      "zone",
      "currency",
      "plus vat",
      "vat",
      "rate",
      "free",
      "allowance",
      "package",
      "invoice monthly",
      "invoice yearly",
      "payment net",
      "payment by end of month",
      "late charge",
      "charge",
      "quota",
    );
  } else if (first === "zone" && w.length === 1) items.values(zones(), true);
  else if (first === "currency" && w.length === 1) items.values(currencies(), false);
  else if (first === "rate" && w.length === 1) items.names(["plan", "work"]);
  else if ((first === "rate" || first === "package") && lastType === "NumberLit") items.values(currencies(), false);
  else if ((first === "rate" || first === "allowance") && last === "per") items.words("hour", "month");
  else if (first === "free" && (w.length === 1 || last === ",")) items.names(["work"], ctx.stmt);
  else if (first === "allowance" && w.length === 1) items.names(["plan", "work"]);
  else if (first === "package" && w.length === 1) items.names(["plan"]);
  else if (first === "quota" && w.length === 1) items.names(["work"]);
  else if (first === "quota" && last === "per") items.words("week", "month", "quarter");
  else if (first === "quota" && w[w.length - 2] === "per") items.words("rollover", "rollover until end of term");
  else if (first === "quota" && last === "rollover") items.words("until end of term");
  else if (first === "charge" && lastType === "NumberLit") items.values(currencies(), false);
  else if (first === "charge" && last === ",") items.words("at least");
  else if (first === "allowance" && lastType === "NumberLit") items.words("hour", "hours");
  else if (first === "allowance" && last === ",") items.words("excess at");
  else if (last === "at" && w.includes("excess")) items.names(["plan"]);
  else if (first === "invoice" && w.length === 1) items.words("monthly", "yearly");
  else if (first === "payment" && w.length === 1) items.words("net", "by end of month");
  else if (first === "plus" && w.length === 1) items.words("vat");
  else if (first === "late" && w.length === 1) items.words("charge");
}

function packageBlock(ctx: CursorContext, items: Items): void {
  const { w, last, lastType } = shape(ctx.stmt);
  if (w.length === 0) items.words("prepays", "draws", "buy within", "expires");
  else if (w[0] === "draws" && w.length === 1) items.names(["work"]);
  else if (w[0] === "prepays" && lastType === "NumberLit") items.words("hours");
  else if (w[0] === "prepays" && last === "of") items.names(["plan"]);
  else if (w[0] === "prepays" && lastType === "Identifier") items.words("or");
}

function exampleBlock(ctx: CursorContext, items: Items): void {
  const { w, last } = shape(ctx.stmt);
  const first = w[0];
  const kind = first !== undefined ? EXAMPLE_FIELDS.get(first) : undefined;
  if (first === undefined) {
    items.words("ticket", "priority", "plan", "region", "channel", "language", "opened", "as of", "period", "expect");
    items.words(...EVENT_KINDS.filter((e) => e !== "open" && e !== "reprioritize").map((e) => `${e} at`), "reprioritize to");
  } else if (kind && w.length === 1) items.names([kind]);
  else if (first === "reprioritize" && w.length === 1) items.words("to");
  else if (first === "reprioritize" && last === "to") items.names(["priority"]);
  else if (EVENT_KINDS.includes(first) && (w.length === 1 || (first === "reprioritize" && w.length === 3))) items.words("at");
  else if (first === "as" && w.length === 1) items.words("of");
  else if (first === "expect" && w.length === 1) items.names(["target"]).words("escalation", "no escalation", "credit");
  else if (first === "expect" && w[1] === "escalation" && w.length === 2) items.names(["role"]);
  else if (first === "expect" && w[1] === "credit" && w.length === 2) items.words("none");
  else if (first === "expect" && last === "due") items.words("none");
  else if (first === "expect" && w.length === 2) items.words("met", "breached", "pending", "paused", "due");
  else if (first === "expect" && w.length === 3 && ctx.stmt[2]!.type === "Status") items.words("due");
}

/** Goal, escalation and credit tables: header words, row keys, then cells by column. */
function tableBlock(ctx: CursorContext, text: string, block: Block, owner: string | undefined, items: Items): void {
  const pipes = ctx.stmt.filter((t) => t.type === "Pipe").length;
  if (pipes === 0) return;
  const column = pipes - 1;
  const lastPipe = ctx.stmt.map((t) => t.type).lastIndexOf("Pipe");
  const cell = ctx.stmt.slice(lastPipe + 1);
  const header = tableHeader(text, block, ctx.lineStart);
  if (!header) {
    if (column === 0) items.words("priority", "plan");
    else if (owner === "target") items.names(["plan"]).words("goal");
    else if (owner === "escalation") items.words("after", "to");
    else if (owner === "credits") items.words("credit");
    return;
  }
  if (column === 0) {
    // Goal and credit tables have one row per key; escalation levels repeat theirs.
    const used = owner === "escalation" ? [] : tableKeys(text, block, ctx.lineStart);
    items.names([header[0] === "plan" ? "plan" : "priority"], used);
    return;
  }
  const columnName = header[column];
  if (owner === "escalation" && columnName === "to") items.names(["role"]);
  else if (owner === "target" || (owner === "escalation" && columnName === "after")) durationChoices(cell, items, owner === "target");
}

/** What continues a duration or goal cell: units after a number, phrases, or whole goals. */
function durationChoices(cell: readonly Tok[], items: Items, goals: boolean): void {
  const w = cell.map((t) => t.image);
  const numeric = cell[0]?.type === "NumberLit";
  if (w.length === 0) {
    if (goals) items.words("next business day", "same business day", "best effort");
    items.snippet("business hours", "${1:4} business hours", "a business duration");
    items.snippet("hours", "${1:24} hours", "an elapsed duration");
    if (goals) items.snippet("business days", "${1:3} business days", "business days");
    if (goals) items.snippet("support days", "${1:1} support days", "whole days of support hours");
  } else if (numeric && w.length === 1) items.words("business", ...DURATION_UNITS, ...(goals ? ["support days"] : []));
  else if (goals && numeric && w.length === 2 && w[1] === "support") items.words("days");
  else if (numeric && w.length === 2 && w[1] === "business") items.words("minutes", "hours", ...(goals ? ["days"] : []));
  else if (goals && (w[0] === "next" || w[0] === "same") && w.length === 1) items.words("business day");
  else if (goals && (w[0] === "next" || w[0] === "same") && w[1] === "business" && w.length === 2) items.words("day");
  else if (goals && w[0] === "best" && w.length === 1) items.words("effort");
}
