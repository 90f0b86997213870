/**
 * Context-aware completion: what may come next at the cursor, read from the text before it
 * (cursor.ts), with the names in scope from the latest check (which may be a few keystrokes
 * old: a name being declared right now is not offered yet, everything else is).
 *
 * The choices follow the grammar (grammar/parser.ts) clause by clause; each block kind has one
 * function below. Every item carries an explicit edit range (the partial word, or the content
 * of the string being typed) so clients need not guess word boundaries (`Europe/Ro`, `DE-B`).
 */
import type { CompletionList, Position } from "vscode-languageserver";
import type { SymbolKind } from "../../compiler/symbols.js";
import { ACCOUNT_STANDINGS } from "../../compiler/account-standing.js";
import type { Checked, Snapshot } from "../documents.js";
import { availabilityBlock, creditStep, objectiveBlock, periodShape } from "./completion-commitments.js";
import { Items, shape } from "./completion-items.js";
import { type Block, clauseHeads, type CursorContext, cursorContext, onlyCommentsBefore, type Tok, tableHeader, tableKeys } from "./cursor.js";
import { holidayCodeChoices } from "./describe.js";
import { offsetAt, rangeOf } from "./diagnostics.js";
import { CLOCK_EVENT_KINDS, DURATION_UNITS, EVENT_KINDS, MONTHS, WEEKDAYS } from "./keyword-docs.js";
import { blockSnippets, goalsSnippet } from "./snippets.js";

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
/** Declarations a policy has at most one of. */
const ONCE_PER_POLICY = new Set(["credits", "fees", "period"]);
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
  if (!block) return topLevel(ctx, text, items);
  switch (block.kind) {
    case "calendar":
      return calendarBlock(ctx, items);
    case "region":
      return regionBlock(ctx, items);
    case "target":
    case "escalation":
      return clockBlock(ctx, text, items, block.kind);
    case "credits":
      return creditsBlock(ctx, items);
    case "availability":
      return availabilityBlock(ctx, text, items);
    case "objective":
      // An objective's `for` takes one condition (no `and`).
      return objectiveBlock(ctx, text, items, () => (ctx.stmt.length === 1 ? conditionStart(items) : conditionNext(ctx.stmt, items, false)));
    case "field":
      // A field's block lists its values: new names, nothing to offer.
      return;
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

function topLevel(ctx: CursorContext, text: string, items: Items): void {
  const { w, last } = shape(ctx.stmt);
  const first = w[0];
  if (first === undefined) {
    // `policy` opens the file; `credits`, `fees` and `period` are declared once (SLA103).
    const declared = items.declaredElsewhere(ctx.offset);
    const valid = (word: string) => (word === "policy" ? onlyCommentsBefore(text, ctx.lineStart) : !(ONCE_PER_POLICY.has(word) && declared.has(word)));
    items.words(...DECLARATIONS.filter(valid)).raw(blockSnippets(items.snippetNames()).filter((i) => valid(i.label.split(" ")[0]!)));
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
  else if (first === "priority" && w[1] === "at" && conditionNext(ctx.stmt, items)) return;
  else if (first === "exclude" && w.length === 2 && items.isField(w[1]!)) items.fieldValues(w[1]!);
  else if ((first === "escalation" || first === "credits") && w.length === 1) items.words("for");
  else if ((first === "escalation" || first === "credits" || first === "availability") && (last === "for" || last === ",")) items.names(["plan"], ctx.stmt);
  else if (first === "availability" && (w.length === 2 || (w.length === 3 && ctx.stmt[2]!.type === "StringLit"))) items.words("for");
  else if (first === "period" && w.length === 1) items.words("month", "quarter starting", "year starting");
  else if (first === "period") periodShape(w, items);
}

/** What a condition's first word is followed by: `priority P1`, `cause x`, `channel phone`. */
const CONDITION_AXES = new Map<string, SymbolKind>([
  ["priority", "priority"],
  ["cause", "cause"],
  ["channel", "channel"],
]);

/**
 * Within a condition after `for` or `and`: the names of its axis (`priority` → priorities), a
 * field's values after its name, and after a whole condition (`for gold`, `for priority P1`,
 * `for product a`) `and` for another one, where conditions are `joined`. True when the cursor is in a condition.
 */
function conditionNext(stmt: readonly Tok[], items: Items, joined = true): boolean {
  const { w, lastType } = shape(stmt);
  const at = Math.max(w.lastIndexOf("for"), w.lastIndexOf("and"));
  if (at < 0 || at === w.length - 1) return false;
  const last = w[w.length - 1]!;
  const axis = CONDITION_AXES.get(last);
  if (w.length === at + 2 && axis) items.names([axis]);
  else if (lastType !== "Identifier") return false;
  else if (w.length === at + 2 && items.isField(last)) items.fieldValues(last);
  else if (joined) items.words("and");
  return true;
}

function calendarBlock(ctx: CursorContext, items: Items): void {
  const { w, last } = shape(ctx.stmt);
  const first = w[0];
  if (first === undefined) {
    items.words("zone", "holidays", "closed", "closed every", "holiday", "open", "open on holidays", "open during", "days", "24x7", ...WEEKDAYS);
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
  else if (first === "open" && w.length === 1) items.words("on holidays", "during");
  // `open during emea_hours, americas_hours`: the other calendars it is open during.
  else if (first === "open" && w[1] === "during" && (last === "during" || last === ",")) items.names(["calendar"]);
  else if (first === "open" && last === "on") items.words("holidays");
  else if (first === "closed" && w.length === 2 && last !== "every") items.words("from", "to");
  // Issue 11.6: a date of every year (`Dec 24`, `third Mon of Jan`) and where a weekend date is kept.
  else if (last === "every" || (first === "holiday" && (w.length === 1 || (w.length === 2 && ctx.stmt[1]?.type === "StringLit")))) items.words(...MONTHS, ...ORDINALS, "day after");
  else if (last === "after" && (first === "holiday" || first === "closed")) items.words(...MONTHS, ...ORDINALS);
  else if (last === "of" && (first === "holiday" || first === "closed")) items.words(...MONTHS);
  else if (last === "observed") items.words("nearest weekday", "next weekday", "next free weekday");
  else if (w.includes("observed") && (last === "nearest" || last === "free")) items.words("weekday");
  else if (w.includes("observed") && last === "next") items.words("weekday", "free weekday");
  else if (w.includes("observed") && last === "weekday") items.words("when on");
  else if (w.includes("observed") && last === "when") items.words("on");
  else if (w.includes("when") && (last === "on" || last === "," || (last === "-" && ctx.stmt[ctx.stmt.length - 2]?.type === "Weekday"))) items.words(...WEEKDAYS);
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
  else if (w[0] === "calendar" && conditionNext(ctx.stmt, items)) return;
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
  else if (last === "on" || last === ",") items.words(...CLOCK_EVENT_KINDS.filter((e) => !w.slice(2).includes(e))).names(["event"], ctx.stmt);
  return true;
}

function clockBlock(ctx: CursorContext, text: string, items: Items, kind: "target" | "escalation"): void {
  const { w, last } = shape(ctx.stmt);
  if (clockRule(ctx, items)) return;
  if (w.length === 0) {
    // A second rule of a kind is SLA103 (its events go in one rule): offer the kinds not yet written.
    const written = clauseHeads(text, ctx.blocks[ctx.blocks.length - 1]!, ctx.lineStart);
    const rules = (names: readonly string[]) => names.filter((r) => !written.has(`${r} on`)).map((r) => `${r} on`);
    items.words(...rules(CLOCK_RULES), "calendar");
    if (kind === "target") items.words(...rules(["restart"]), ...(written.has("reopen") ? [] : ["reopen within"]), "kpi", "goals").raw([goalsSnippet(items.snippetNames())]);
    else items.snippet("table", "{\n  | priority | after | to |\n  | ${1:P1} | ${2:4 business hours} | ${3:role} |\n}", "escalation table");
  } else if (w[0] === "calendar" && kind === "target" && w.length === 1) items.names(["calendar"]);
  else if (w[0] === "calendar" && kind === "escalation" && w.length === 1) items.words("for");
  else if (w[0] === "calendar" && last === "for") {
    if (kind === "escalation") items.names(["plan"]);
    else conditionStart(items);
  } else if (w[0] === "goals" && w.length === 1) items.words("for");
  else if (w[0] === "goals" && (last === "for" || last === "and")) conditionStart(items);
  else if ((w[0] === "goals" || w[0] === "calendar") && last === "channel") items.names(["channel"]);
  else if ((w[0] === "goals" || w[0] === "calendar") && kind === "target") conditionNext(ctx.stmt, items);
}

function creditsBlock(ctx: CursorContext, items: Items): void {
  const { w, last, lastType } = shape(ctx.stmt);
  const first = w[0];
  if (first === undefined) {
    items.words("zone", "target", "claim by end of next month", "claim within", "claim subject", "claim required", "ineligible channel", "ineligible optional languages", "ineligible account", "ineligible obligation", "cap");
    items.words("sum per breach", "amount", "above", "credit per started hour late", "credit on next invoice", "no claim for");
    items.snippet("table", "{\n  | priority | credit |\n  | ${1:P1} | ${2:20%} |\n}", "credit table");
  } else if (first === "zone" && w.length === 1) items.values(zones(), true);
  else if (first === "target" && (w.length === 1 || last === ",")) items.names(["target"], ctx.stmt);
  else if (first === "claim") claimClause(w, lastType, items);
  // `no claim for enterprise`: those plans' credits are owed without a claim
  else if (first === "no" && w.length === 1) items.words("claim for");
  else if (first === "no" && w.length === 2 && last === "claim") items.words("for");
  else if (first === "no" && (last === "for" || last === ",")) items.names(["plan"], ctx.stmt);
  else if (first === "sum" && w.length === 1) items.words("per breach");
  else if ((first === "sum" || first === "amount") && last === "per") items.words("breach");
  else if (first === "amount" && w.length === 2 && lastType === "NumberLit") items.values(currencies(), false).words("per breach");
  else if (first === "amount" && w.length === 3) items.words("per breach");
  else if (first === "above" && w.length === 2 && lastType === "NumberLit") items.words(w[1] === "1" ? "breach" : "breaches");
  else if (first === "ineligible") ineligibleClause(ctx, items);
  else if (first === "cap" && w.length === 2 && lastType === "Percent") items.words("per target");
  // `cap 15 days of term`: the most days a period's bands add to the Term
  else if (first === "cap" && w.length === 2 && lastType === "NumberLit") items.words("days of term");
  else if (first === "cap" && w.length === 3 && last === "days") items.words("of term");
  else if (first === "cap" && last === "per") items.words("target");
  // `credit per started hour late`: a breach's row earned again for every started hour late
  else if (first === "credit" && w.length === 1) items.words("per started hour late", "per", "on next invoice");
  // `credit on next invoice`: the period's credit is deducted from the next period's invoice
  else if (first === "credit" && w[1] === "on" && w.length === 2) items.words("next invoice");
  else if (first === "credit" && w[1] === "on" && last === "next") items.words("invoice");
  else if (first === "credit" && creditStep(ctx, 1, items)) return;
  else if (first === "credit" && lastType === "Unit") items.words("late");
}

/** `claim by end of next month`, `claim within 30 days after period|breach|outage`, `claim subject "…"`. */
function claimClause(w: readonly string[], lastType: string | undefined, items: Items): void {
  const last = w[w.length - 1];
  if (w.length === 1) items.words("by end of next month", "within", "subject", "required");
  else if (w[1] === "within" && w.length === 3 && lastType === "NumberLit") items.words("days after");
  else if (w[1] === "within" && last === "days") items.words("after");
  else if (w[1] === "within" && last === "after") items.words("period", "breach", "outage");
}

/** `ineligible channel email`, `ineligible optional languages`, `ineligible account overdue`, `ineligible <condition>`. */
function ineligibleClause(ctx: CursorContext, items: Items): void {
  const { w, last } = shape(ctx.stmt);
  if (w.length === 1) items.words("channel", "optional languages", "account", "obligation", "cause", "priority").names(["field", "flag"]);
  else if (w[1] === "obligation" && (w.length === 2 || last === ",")) items.names(["obligation"], ctx.stmt);
  else if (w[1] === "cause" && w.length === 2) items.names(["cause"]);
  else if (w[1] === "priority" && (w.length === 2 || last === ",")) items.names(["priority"], ctx.stmt);
  else if (w[1] === "channel" && (w.length === 2 || last === ",")) items.names(["channel"], ctx.stmt);
  else if (w[1] === "optional" && w.length === 2) items.words("languages");
  else if (w[1] === "account" && (w.length === 2 || last === ",")) items.words(...ACCOUNT_STANDINGS.filter((a) => !w.includes(a)));
  else if (w.length === 2 && items.isField(w[1]!)) items.fieldValues(w[1]!);
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
      "invoice quarterly",
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
  else if (first === "rate" && lastType === "NumberLit") items.values(currencies(), false).words("per hour");
  else if (first === "package" && lastType === "NumberLit") items.values(currencies(), false);
  else if (first === "rate" && last !== "per" && ctx.stmt[ctx.stmt.length - 2]?.type === "NumberLit") items.words("per hour");
  else if (first === "rate" && last === "per") items.words("hour", "month");
  else if (first === "allowance" && last === "per") items.words("week", "month", "quarter");
  else if ((first === "allowance" || first === "quota") && lastType === "Unit" && ctx.stmt[ctx.stmt.length - 2]?.type === "NumberLit") items.words("per");
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
  else if (first === "invoice") invoiceClause(w, lastType, items);
  else if (first === "payment" && w.length === 1) items.words("net", "by end of month");
  else if (first === "payment" && w[1] === "net" && w.length === 3 && lastType === "NumberLit") items.units(w[2]!, ["days"]);
  else if (first === "payment" && last === "by") items.words("end of month");
  else if (first === "payment" && last === "end") items.words("of month");
  else if (first === "plus" && w.length === 1) items.words("vat");
  else if (first === "late" && w.length === 1) items.words("charge");
  else if (first === "late" && lastType === "Percent") items.words("per started month");
  else if (first === "late" && last === "per") items.words("started month");
  else if (first === "late" && last === "started") items.words("month");
  else if (first === "charge" && w.length === 2 && lastType === "Identifier") items.words("from period");
  else if (first === "charge" && last === "from") items.words("period");
  else if (first === "charge" && lastType === "Percent") items.words("of");
  else if (first === "charge" && last === "at") items.words("least");
}

/** `invoice monthly|quarterly|yearly[, issued 1 day after period | , issued on day 10 of next month]`. */
function invoiceClause(w: readonly string[], lastType: string | undefined, items: Items): void {
  const last = w[w.length - 1];
  if (w.length === 1) items.words("monthly", "quarterly", "yearly");
  else if (last === ",") items.words("issued");
  else if (last === "issued") items.words("on day");
  else if (w[w.length - 2] === "issued" && lastType === "NumberLit") items.units(last!, ["days", "weeks", "months"]);
  else if (w[w.length - 3] === "issued" && /^[0-9]/.test(w[w.length - 2]!)) items.words("after period");
  else if (last === "after") items.words("period");
  else if (last === "on") items.words("day");
  else if (w.includes("on") && w[w.length - 2] === "day" && lastType === "NumberLit") items.words("of next month");
  else if (last === "of") items.words("next month");
  else if (last === "next") items.words("month");
}

function packageBlock(ctx: CursorContext, items: Items): void {
  const { w, last, lastType } = shape(ctx.stmt);
  if (w.length === 0) items.words("prepays", "draws", "buy within", "expires");
  else if (w[0] === "draws" && w.length === 1) items.names(["work"]);
  else if (w[0] === "prepays" && lastType === "NumberLit") items.words("hours");
  else if (w[0] === "prepays" && lastType === "Unit") items.words("of");
  else if (w[0] === "prepays" && last === "of") items.names(["plan"]);
  else if (w[0] === "prepays" && lastType === "Identifier") items.words("or");
  else if (w[0] === "buy" && w.length === 1) items.words("within");
  // `buy within 2.5 months of trialStart`, `expires 3 months after trialStart`
  else if ((w[0] === "buy" || w[0] === "expires") && lastType === "NumberLit") items.units(last!, ["days", "weeks", "months"]);
  else if (w[0] === "buy" && lastType === "Unit") items.words("of");
  else if (w[0] === "expires" && lastType === "Unit") items.words("after");
}

function exampleBlock(ctx: CursorContext, items: Items): void {
  const { w, last, lastType } = shape(ctx.stmt);
  const first = w[0];
  const kind = first !== undefined ? EXAMPLE_FIELDS.get(first) : undefined;
  if (first === undefined) {
    items.words("ticket", "priority", "plan", "region", "channel", "cause", "language", "zone", "holidays", "opened", "as of", "period", "expect");
    items.words(...EVENT_KINDS.filter((e) => e !== "open" && e !== "reprioritize").map((e) => `${e} at`), "reprioritize to");
  } else if (kind && w.length === 1) items.names([kind]);
  else if (first === "cause" && w.length === 1) items.names(["cause"]);
  else if (first === "zone" && w.length === 1) items.values(zones(), true);
  else if (first === "expect" && (w[1] === "availability" || w[1] === "objective") && w.length === 2) items.declarations(w[1]);
  else if (first === "expect" && w[1] === "objective" && w.length === 3) items.words("met", "missed");
  else if (first === "expect" && w[1] === "objective") return;
  else if (first === "reprioritize" && w.length === 1) items.words("to");
  else if (first === "reprioritize" && last === "to") items.names(["priority"]);
  else if (EVENT_KINDS.includes(first) && (w.length === 1 || (first === "reprioritize" && w.length === 3))) items.words("at");
  else if (first === "as" && w.length === 1) items.words("of");
  else if (first === "expect" && w.length === 1) items.names(["target"]).words("escalation", "no escalation", "credit", "availability", "objective");
  else if (first === "expect" && w[1] === "escalation" && w.length === 2) items.names(["role"]);
  else if (first === "expect" && w[1] === "credit" && w.length === 2) items.words("none");
  else if (first === "expect" && last === "due") items.words("none");
  else if (first === "expect" && w.length === 2) items.words("met", "breached", "pending", "paused", "due");
  else if (first === "expect" && w.length === 3 && ctx.stmt[2]!.type === "Status") items.words("due");
  // a recurring target's missed intervals: `expect updates breached 2 breaches due …`
  else if (first === "expect" && w.length === 4 && w[2] === "breached" && lastType === "NumberLit") items.words(last === "1" ? "breach" : "breaches");
  else if (first === "expect" && w.length === 5 && ctx.stmt[4]!.type === "Breach") items.words("due");
}

/** Goal, escalation and credit tables: header words, row keys, then cells by column. */
function tableBlock(ctx: CursorContext, text: string, block: Block, owner: string | undefined, items: Items): void {
  const pipes = ctx.stmt.filter((t) => t.type === "Pipe").length;
  if (pipes === 0) return;
  const column = pipes - 1;
  const lastPipe = ctx.stmt.map((t) => t.type).lastIndexOf("Pipe");
  const cell = ctx.stmt.slice(lastPipe + 1);
  const header = tableHeader(text, block, ctx.lineStart);
  if (owner === "availability") {
    // `| below | credit |`, then thresholds and credits: percentages, or `3 days of term` (days added to the Term).
    if (!header) items.words(column === 0 ? "below" : "credit");
    else if (column === 1 && cell.length === 1 && cell[0]!.type === "NumberLit") items.words("days of term");
    else if (column === 1 && cell.length === 2 && cell[1]!.image === "days") items.words("of term");
    return;
  }
  if (!header) {
    // A credits table may grade a breach by the time its reply took: `| after | credit |`.
    if (column === 0) items.words("priority", "plan", ...(owner === "credits" ? ["after"] : []));
    else if (owner === "target") items.names(["plan"]).words("goal");
    else if (owner === "escalation") items.words("after", "to");
    else if (owner === "credits") items.words("credit");
    return;
  }
  if (column === 0 && owner === "credits" && header[0] === "after") {
    durationChoices(cell, items, "elapsed");
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
  else if (owner === "target") durationChoices(cell, items, "goal");
  else if (owner === "escalation" && columnName === "after") durationChoices(cell, items, "duration");
}

/**
 * What continues a cell: a `goal` (durations, phrases, support days), a `duration` (business or
 * elapsed), or an `elapsed` one only (a lateness row, `| 45 minutes | 5% |`, SLA304 otherwise):
 * units after a number, phrases, or whole values.
 */
function durationChoices(cell: readonly Tok[], items: Items, kind: "goal" | "duration" | "elapsed"): void {
  const w = cell.map((t) => t.image);
  const numeric = cell[0]?.type === "NumberLit";
  const goals = kind === "goal";
  if (kind === "elapsed") {
    if (w.length === 0) items.snippet("minutes", "${1:60} minutes", "an elapsed duration");
    else if (numeric && w.length === 1) items.units(w[0]!, DURATION_UNITS);
    return;
  }
  if (w.length === 0) {
    if (goals) items.words("next business day", "same business day", "best effort");
    items.snippet("business hours", "${1:4} business hours", "a business duration");
    items.snippet("hours", "${1:24} hours", "an elapsed duration");
    if (goals) items.snippet("business days", "${1:3} business days", "business days");
    if (goals) items.snippet("support days", "${1:1} support days", "whole days of support hours");
  } else if (numeric && w.length === 1) items.words("business").units(w[0]!, DURATION_UNITS).words(...(goals ? ["support days"] : []));
  else if (goals && numeric && w.length === 2 && w[1] === "support") items.words("days");
  else if (numeric && w.length === 2 && w[1] === "business") items.units(w[0]!, ["minutes", "hours", ...(goals ? ["days"] : [])]);
  else if (goals && (w[0] === "next" || w[0] === "same") && w.length === 1) items.words("business day");
  else if (goals && (w[0] === "next" || w[0] === "same") && w[1] === "business" && w.length === 2) items.words("day");
  else if (goals && w[0] === "best" && w.length === 1) items.words("effort");
}
