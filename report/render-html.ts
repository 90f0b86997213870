/**
 * `sla report --format html`: one self-contained page for an account manager. Inline CSS and
 * inline SVG only: no script, no font, image or style sheet from anywhere, so it opens offline,
 * from a mail attachment, and prints as it shows.
 */
import { attainmentChart, breachGrid, esc } from "./charts-svg.js";
import type { Report } from "./model.js";
import { isNumeric, type Table } from "./table.js";
import { badLinesNote, badLinesTable, cellsTable, count, clausesTable, creditSentence, creditTable, headline, monthTitle, objectiveMonths, objectivesOverallTable, objectivesTable, overallTable, percentShown, reportTitle, targetsTable } from "./words.js";

const CSS = `
:root { color-scheme: light; --ink:#1d2433; --muted:#5b6474; --line:#e3e7ee; --card:#f6f8fb; --accent:#0072B2; --bad:#D55E00; --good:#009E73; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 28px 48px; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 2px 0; color: var(--muted); font-size: 13px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 22px 0 8px; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.kpi b { display: block; font-size: 26px; line-height: 1.2; }
.kpi span { color: var(--muted); font-size: 13px; }
.kpi.bad b { color: var(--bad); } .kpi.good b { color: var(--good); }
.charts { display: flex; flex-wrap: wrap; gap: 20px; margin: 18px 0; }
figure { margin: 0; padding: 14px 16px; border: 1px solid var(--line); border-radius: 10px; background: #fff; overflow-x: auto; max-width: 100%; }
figcaption { font-weight: 600; margin-bottom: 8px; }
svg { display: block; max-width: 100%; height: auto; }
svg .grid { stroke: var(--line); } svg .axis { fill: var(--muted); font-size: 12px; } svg .value { fill: var(--ink); font-size: 11px; }
svg .cell { fill: var(--ink); font-size: 15px; font-weight: 700; } svg .count { fill: var(--ink); font-size: 11px; } svg .dark { fill: #fff; } svg .empty { fill: none; stroke: var(--line); stroke-dasharray: 4 3; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 13px; color: var(--muted); margin-top: 6px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-top: 14px; border-top: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; color: var(--muted); }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 14px; }
th, td { padding: 5px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td code, p code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--card); padding: 1px 5px; border-radius: 4px; white-space: pre-wrap; }
.credit { background: #fff7ec; border: 1px solid #f3d2a8; border-radius: 10px; padding: 10px 14px; }
.none { color: var(--muted); }
@media print { main { padding: 0; } figure, .kpi { break-inside: avoid; } }
`;

/** A table; number cells right-aligned, clause text in code style. */
function htmlTable(t: Table, codeColumn = -1): string {
  const head = `<tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`;
  const rows = t.rows
    .map((r) => `<tr>${r.map((c, i) => (i === codeColumn ? `<td><code>${esc(c)}</code></td>` : `<td${i > 0 && isNumeric(c) ? ' class="n"' : ""}>${esc(c)}</td>`)).join("")}</tr>`)
    .join("");
  return `<table>${head}${rows}</table>`;
}

/** The cards at the top: what a reader wants before any table. */
function kpis(r: Report): string {
  const cards = [`<div class="kpi"><b>${count(r.totals.tickets)}</b><span>tickets in ${r.periods.length} month${r.periods.length === 1 ? "" : "s"}</span></div>`];
  for (const t of r.overall) {
    const binding = r.targets.find((x) => x.name === t.name)?.binding ?? false;
    const cls = t.attainmentPercent === null ? "" : t.breached === 0 ? " good" : " bad";
    cards.push(`<div class="kpi${cls}"><b>${esc(percentShown(t.attainmentPercent))}</b><span>${esc(t.name)} attainment${binding ? "" : " (KPI)"} · ${count(t.breached)} breached</span></div>`);
  }
  for (const o of r.objectives) {
    const { decided, missed } = objectiveMonths(r, o.name);
    cards.push(`<div class="kpi${missed > 0 ? " bad" : decided > 0 ? " good" : ""}"><b>${missed} of ${decided}</b><span>months missing objective ${esc(o.name)} (${esc(o.sharePercent)} % of tickets meet ${esc(o.target)})</span></div>`);
  }
  const due = r.periods.filter((p) => p.credits?.duePercent != null);
  if (r.credits) cards.push(`<div class="kpi${due.length > 0 ? " bad" : " good"}"><b>${due.length}</b><span>month${due.length === 1 ? "" : "s"} with a service credit due</span></div>`);
  if (r.totals.bad > 0) cards.push(`<div class="kpi bad"><b>${count(r.totals.bad)}</b><span>bad input lines</span></div>`);
  return `<section class="kpis">${cards.join("")}</section>`;
}

function month(r: Report, p: Report["periods"][number]): string {
  const out = [`<h2>${esc(monthTitle(p))}</h2>`];
  if (p.tickets === 0) return `${out[0]}<p class="none">No tickets opened.</p>`;
  out.push(htmlTable(targetsTable(p)), "<h3>By priority and plan</h3>", htmlTable(cellsTable(r, p)));
  const clauses = clausesTable(p);
  if (clauses.rows.length > 0) out.push("<h3>Breaches by goal clause</h3>", htmlTable(clauses, 4));
  if (p.objectives.length > 0) out.push("<h3>Objectives</h3>", htmlTable(objectivesTable(r, p)));
  if (p.credits) {
    out.push(`<h3>Service credits</h3><p class="${p.credits.tickets > 0 ? "credit" : "none"}">${esc(creditSentence(p.credits))}.</p>`);
    if (p.credits.byRow.length > 0) out.push(htmlTable(creditTable(p.credits), 2));
  }
  return out.join("\n");
}

/** The report as one self-contained HTML page. */
export function renderHtml(r: Report): string {
  const title = reportTitle(r);
  const lines = headline(r);
  const body = [
    `<header><h1>SLA report: ${esc(title)}</h1>${lines.map((l) => `<p>${esc(l)}</p>`).join("")}</header>`,
    kpis(r),
    r.periods.length > 0 ? `<section class="charts">${attainmentChart(r)}${breachGrid(r)}</section>` : "",
    `<h2>All months</h2>${htmlTable(overallTable(r))}`,
    r.objectives.length > 0 ? `<h3>Objectives</h3>${htmlTable(objectivesOverallTable(r))}` : "",
    ...r.periods.map((p) => month(r, p)),
    r.badLines.count > 0 ? `<h2>Bad lines${esc(badLinesNote(r))}</h2>${htmlTable(badLinesTable(r))}` : "",
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SLA report: ${esc(title)}</title>
<style>${CSS}</style>
</head>
<body><main>
${body.filter((b) => b !== "").join("\n")}
</main></body>
</html>
`;
}
