/**
 * The report's wording and table contents, shared by the text, markdown and HTML renderers so
 * the three say the same thing in the same words.
 */
import type { CreditPeriod, PeriodReport, Report, StatusCounts } from "./model.js";
import type { Table } from "./table.js";

/** `62.50 %`, or `–` when no ticket was decided yet. */
export function percentShown(p: string | null): string {
  return p === null ? "–" : `${p} %`;
}

/** `P1 · gold`; an axis the policy does not have is left out. */
export function cellLabel(c: { priority: string | null; plan: string | null }): string {
  return [c.priority, c.plan].filter((x) => x !== null).join(" · ") || "all tickets";
}

/** A count with thousands separators: `1,234,567`. */
export const count = (n: number): string => n.toLocaleString("en-US");

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The report's title: the policy's title, else its id. */
export const reportTitle = (r: Report) => r.policy.title ?? r.policy.id;

/** The lines under the title: the policy file, the instant, the zone, the totals, the precision. */
export function headline(r: Report): string[] {
  const range = r.range.from === null && r.range.to === null ? "every month with tickets" : `${r.range.from ?? "…"} to ${r.range.to ?? "…"}`;
  return [
    `policy ${r.policy.id} (${r.policy.file})`,
    `evaluated at ${r.asOf}${r.asOfSource === "now" ? " (now: no --at given)" : ""}; months of the billing zone ${r.zone}; ${range}`,
    `${plural(r.totals.tickets, "ticket")} reported, ${plural(r.totals.outsideRange, "ticket")} outside the range, ${plural(r.totals.bad, "bad line")} (of ${plural(r.totals.lines, "line")})`,
    `attainment = met / (met + breached), exact, ${r.attainment.decimals} decimals rounded down (100.00 % only when every decided ticket met)`,
  ];
}

const countCells = (c: StatusCounts) => [count(c.met), count(c.breached), c.paused > 0 ? `${count(c.pending)} (${count(c.paused)} paused)` : count(c.pending), count(c.none), percentShown(c.attainmentPercent)];
const COUNT_HEADER = ["met", "breached", "pending", "none", "attainment"];

/** Every target over all the months. */
export function overallTable(r: Report): Table {
  return {
    header: ["target", "binding", ...COUNT_HEADER],
    rows: r.overall.map((t) => [t.name, r.targets.find((x) => x.name === t.name)?.binding ? "yes" : "no (KPI)", ...countCells(t)]),
  };
}

/** One month's targets. */
export function targetsTable(p: PeriodReport): Table {
  return { header: ["target", ...COUNT_HEADER], rows: p.targets.map((t) => [t.name, ...countCells(t)]) };
}

/** One month's tickets per priority and plan: how many breached a binding target, each target's attainment. */
export function cellsTable(r: Report, p: PeriodReport): Table {
  const names = p.targets.map((t) => t.name);
  const rows = p.byPriorityPlan.map((c) => {
    const per = p.targets.map((t) => t.byPriorityPlan.find((x) => x.priority === c.priority && x.plan === c.plan));
    return [cellLabel(c), count(c.tickets), count(c.breached), ...per.map((x) => percentShown(x?.attainmentPercent ?? null))];
  });
  return { header: [axesHeader(r), "tickets", "binding breached", ...names.map((n) => `${n} attainment`)], rows };
}

/** What the rows of a priority × plan table are: only the axes the policy has. */
function axesHeader(r: Report): string {
  return [r.priorities.length > 0 ? "priority" : null, r.plans.length > 0 ? "plan" : null].filter((x) => x !== null).join(" · ") || "tickets";
}

/** The goal clauses behind a month's breaches. */
export function clausesTable(p: PeriodReport): Table {
  const rows = p.targets.flatMap((t) => t.breachClauses.map((c) => [t.name, c.goal, count(c.breached), `line ${c.line}`, c.text]));
  return { header: ["target", "goal", "breaches", "clause", "text"], rows };
}

/** A month's objectives: the share required, the counts, the attainment, met or missed, the credit. */
export function objectivesTable(r: Report, p: PeriodReport): Table {
  const rows = p.objectives.map((o) => {
    const ir = r.objectives.find((x) => x.name === o.name);
    const credit = o.creditPercent === "0" ? "–" : `${o.creditPercent} %`;
    return [o.name, ir?.target ?? "", `${ir?.sharePercent ?? "?"} %`, count(o.met), count(o.missed), count(o.pending), percentShown(o.attainmentPercent), o.status, credit];
  });
  return { header: ["objective", "target", "required", "met", "missed", "pending", "attainment", "status", "credit"], rows };
}

/** Of the months in which an objective had decided tickets, how many missed it. */
export function objectiveMonths(r: Report, name: string): { decided: number; missed: number } {
  let decided = 0;
  let missed = 0;
  for (const p of r.periods) {
    const o = p.objectives.find((x) => x.name === name);
    if (!o || o.met + o.missed === 0) continue;
    decided++;
    if (o.status === "missed") missed++;
  }
  return { decided, missed };
}

/** The policy's objectives over all the months: what was promised, where, and how often it was missed. */
export function objectivesOverallTable(r: Report): Table {
  const rows = r.objectives.map((o) => {
    const { decided, missed } = objectiveMonths(r, o.name);
    return [o.name, o.title ?? "", o.target, `${o.sharePercent} %`, `${missed} of ${decided} months`, `line ${o.clause.line}`];
  });
  return { header: ["objective", "title", "target", "required", "missed", "clause"], rows };
}

/** What the month calls for, in the words of the credits block's rule. */
function dueWords(c: CreditPeriod): string {
  const share = `due: ${c.duePercent} % of the period's fees`;
  switch (c.rule) {
    case "highest":
      return `${share} (the highest row reached, not cumulative)`;
    case "sum":
      // Counted breaches may all lack a row (a priority the table leaves out): nothing is added.
      return c.duePercent === null ? "nothing due: no counted breach has a credit row" : `${share} (each breach adds its credit, within the caps)`;
    case "threshold":
      return c.duePercent === null ? "no threshold on the number of breaches is exceeded" : `${share} (the highest threshold the number of breaches exceeds, within the cap)`;
    case "amount":
      return `due: ${c.dueAmount}`;
  }
}

/** A month's credits in one sentence. */
export function creditSentence(c: CreditPeriod): string {
  if (c.tickets === 0) return "no ticket counts towards a service credit";
  const parts = [`${plural(c.tickets, "ticket")} ${c.tickets === 1 ? "counts" : "count"} towards a service credit; ${dueWords(c)}`];
  if (c.claimBy !== null) parts.push(`claim by ${c.claimBy}`);
  else if (c.claimRequired) parts.push("owed on a claim (no deadline)");
  parts.push(`tickets ${c.ticketIds.join(", ")}${c.tickets > c.ticketIds.length ? ", …" : ""}`);
  return parts.join("; ");
}

/** The credit rows a month's tickets reached, with their clauses. */
export function creditTable(c: CreditPeriod): Table {
  return { header: ["credit", "tickets", "clause"], rows: c.byRow.map((b) => [`${b.percent} %`, count(b.tickets), b.clause ? `line ${b.clause.line}: ${b.clause.text}` : "–"]) };
}

/** Bad lines, as listed. */
export function badLinesTable(r: Report): Table {
  return { header: ["line", "id", "field", "error"], rows: r.badLines.listed.map((b) => [String(b.line), b.id ?? "–", b.field || "–", b.message]) };
}

/** `(showing the first 50 of 1,234)` when the list is cut. */
export function badLinesNote(r: Report): string {
  return r.badLines.count > r.badLines.listed.length ? ` (the first ${r.badLines.listed.length} of ${count(r.badLines.count)})` : "";
}

/** `2026-03 (2026-03-01 to 2026-03-31): 4 tickets`. */
export const monthTitle = (p: PeriodReport) => `${p.period} (${p.from} to ${p.to}): ${plural(p.tickets, "ticket")}`;
