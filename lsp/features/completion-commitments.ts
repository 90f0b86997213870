/**
 * Completion inside the period-level commitments (issue 12.3–12.4): availability blocks
 * (`commit 99.9% per quarter starting Apr 1`, `credit 10 × downtime fee`, `excuse scheduled
 * within calendar w announced 48 hours ahead, up to 4 hours per period`, `over elapsed time`,
 * `shown to 3 decimals`, the `credits { | below | credit | }` bands) and objectives
 * (`95% of tickets meet resolution`, `for priority P1`, `credit 5%`). Each clause is offered
 * word by word as the grammar (grammar/parser.ts `availabilityItem`, `objectiveItem`) reads it.
 */
import { clauseHeads, type CursorContext } from "./cursor.js";
import { type Items, shape } from "./completion-items.js";
import { DURATION_UNITS, MONTHS } from "./keyword-docs.js";

/** What follows the unit in `period …` and `commit 99.9% per …` (grammar `periodShape`): a fiscal start. */
export function periodShape(w: readonly string[], items: Items): void {
  const last = w[w.length - 1];
  if (last === "quarter" || last === "year") items.words("starting");
  else if (last === "starting") items.words(...MONTHS);
}

/**
 * The unit of the number at word `at` of the clause: a maintenance notice or allowance is elapsed
 * time (business time there is SLA304), so no `business`.
 */
function elapsedUnits(ctx: CursorContext, at: number, items: Items): boolean {
  const { w, lastType } = shape(ctx.stmt);
  if (w.length !== at + 1 || lastType !== "NumberLit") return false;
  items.units(w[at]!, DURATION_UNITS);
  return true;
}

/** The band table of an availability, for the snippet and the words of its header. */
const BANDS_SNIPPET = "{\n  | below | credit |\n  | ${1:99.9%} | ${2:10%} |\n}";

/** The clauses an availability takes once (SLA103 for a second), and its one credit rule (SLA505). */
function availabilityClauses(ctx: CursorContext, items: Items, text: string): void {
  const written = clauseHeads(text, ctx.blocks[ctx.blocks.length - 1]!, ctx.lineStart);
  const once = (head: string, ...words: string[]) => (written.has(head) ? [] : words);
  items.words(...once("commit", "commit"), "component", ...once("over", "over elapsed time", "over calendar"), ...once("excuse scheduled", "excuse scheduled"), "excuse cause", ...once("shown", "shown to"));
  if (written.has("credit") || written.has("credits")) return;
  items.words("credit", "credits");
  items.snippet("credits block", `credits ${BANDS_SNIPPET}`, "availability bands: below a threshold, a credit of the period's fees");
}

/** Inside `availability name { … }`. */
export function availabilityBlock(ctx: CursorContext, text: string, items: Items): void {
  const { w, last, lastType } = shape(ctx.stmt);
  const first = w[0];
  if (first === undefined) return availabilityClauses(ctx, items, text);
  switch (first) {
    case "commit":
      return commitClause(w, lastType, items);
    case "credit":
      if (lastType === "Percent" || w.includes("per") || last === ",") return stepCredit(ctx, items);
      return downtimeFeeCredit(w, lastType, items);
    case "over":
      if (w.length === 1) items.words("elapsed time", "calendar");
      else if (last === "elapsed") items.words("time");
      else if (last === "calendar") items.names(["calendar"]);
      return;
    case "excuse":
      return excuseClause(ctx, items);
    case "shown":
      return shownClause(w, lastType, items);
    case "credits":
      if (w.length === 1) items.snippet("bands", BANDS_SNIPPET, "availability bands");
      return;
  }
}

function commitClause(w: readonly string[], lastType: string | undefined, items: Items): void {
  if (w.length === 2 && lastType === "Percent") items.words("per");
  else if (w.length === 3 && w[2] === "per") items.words("month", "quarter", "year", "quarter starting", "year starting");
  else if (w[2] === "per") periodShape(w, items);
}

/**
 * `per started 30 minutes`, `per hour` (grammar `creditStep`): the step a credit grows by, after
 * the words at `per`. True when the cursor is inside it.
 */
export function creditStep(ctx: CursorContext, per: number, items: Items): boolean {
  const { w, last, lastType } = shape(ctx.stmt);
  if (per < 0 || w.length <= per) return false;
  if (w.length === per + 1) items.words("started").units("1", ["hours", "days"]);
  else if (last === "started" && w.length === per + 2) items.units("1", ["minutes", "hours", "days"]);
  else if (lastType === "NumberLit" && w.length <= per + 3) items.units(last!, ["minutes", "hours", "days"]);
  else return false;
  return true;
}

/** `credit 5% per started 30 minutes, up to 100%`: a percentage of the fees per step of downtime. */
function stepCredit(ctx: CursorContext, items: Items): void {
  const { w, last, lastType } = shape(ctx.stmt);
  if (w.length === 2 && lastType === "Percent") items.words("per started", "per");
  else if (creditStep(ctx, w.indexOf("per"), items)) return;
  else if (last === ",") items.words("up to");
  else if (last === "up") items.words("to");
}

/** `credit 10 × downtime fee`. */
function downtimeFeeCredit(w: readonly string[], lastType: string | undefined, items: Items): void {
  if (w.length === 2 && lastType === "NumberLit") items.words("× downtime fee");
  else if (w.length === 3 && w[2] === "×") items.words("downtime fee");
  else if (w.length === 4 && w[3] === "downtime") items.words("fee");
}

/** `excuse cause a, b` or `excuse scheduled [within calendar w] [announced 48 hours ahead] {, up to 4 hours (per period | each)}`. */
function excuseClause(ctx: CursorContext, items: Items): void {
  const { w, last, lastType } = shape(ctx.stmt);
  if (w.length === 1) {
    items.words("scheduled", "cause");
    return;
  }
  if (w[1] === "cause") {
    if (w.length === 2 || last === ",") items.names(["cause"], ctx.stmt);
    return;
  }
  if (w[1] !== "scheduled") return;
  const limit = w.lastIndexOf("up");
  if (limit >= 0) {
    if (w.length === limit + 1) items.words("to");
    else if (elapsedUnits(ctx, limit + 2, items)) return;
    else if (w.length === limit + 4 && lastType === "Unit") items.words("per period", "each");
    else if (last === "per") items.words("period");
    return;
  }
  if (last === ",") {
    items.words("up to");
    return;
  }
  const announced = w.indexOf("announced");
  if (announced >= 0) {
    if (elapsedUnits(ctx, announced + 1, items)) return;
    if (w.length > announced + 2 && (lastType === "Unit" || last === "days" || last === "day")) items.words("ahead");
    return;
  }
  if (last === "within") items.words("calendar");
  else if (last === "calendar") items.names(["calendar"]);
  else if (w.length === 2) items.words("within calendar", "announced");
  else if (lastType === "Identifier" && w[w.length - 2] === "calendar") items.words("announced");
}

function shownClause(w: readonly string[], lastType: string | undefined, items: Items): void {
  if (w.length === 1) items.words("to");
  else if (w.length === 3 && lastType === "NumberLit") items.words("decimals");
}

/**
 * Inside `objective name { … }`; its share, credit and precision are written once (SLA103).
 * `conditions` completes the condition after `for` (the shared grammar of conditions).
 */
export function objectiveBlock(ctx: CursorContext, text: string, items: Items, conditions: () => void): void {
  const { w, last, lastType } = shape(ctx.stmt);
  const first = w[0];
  if (first === undefined) {
    const written = clauseHeads(text, ctx.blocks[ctx.blocks.length - 1]!, ctx.lineStart);
    if (!written.has("%")) items.snippet("of tickets meet", "${1:95}% of tickets meet ${2:resolution}", "the share of decided tickets that must meet a target");
    items.words("for", ...(written.has("credit") ? [] : ["credit"]), ...(written.has("shown") ? [] : ["shown to"]));
    return;
  }
  if (ctx.stmt[0]?.type === "Percent") {
    if (w.length === 1) items.words("of tickets meet");
    else if (last === "of") items.words("tickets meet");
    else if (last === "tickets") items.words("meet");
    else if (last === "meet") items.names(["target"]);
  } else if (first === "for") conditions();
  else if (first === "shown") shownClause(w, lastType, items);
}
