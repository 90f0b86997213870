/** `sla report --format markdown`: for a wiki page, a ticket or a pull request. */
import type { Report } from "./model.js";
import { markdownTable } from "./table.js";
import { badLinesNote, badLinesTable, cellsTable, clausesTable, creditSentence, creditTable, headline, monthTitle, objectivesOverallTable, objectivesTable, overallTable, reportTitle, targetsTable } from "./words.js";

/** The report as markdown: a heading per month, GitHub tables. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [`# SLA report: ${reportTitle(r)}`, "", ...headline(r).map((l) => `- ${l}`), "", "## All months", "", markdownTable(overallTable(r))];
  if (r.objectives.length > 0) out.push("### Objectives", "", markdownTable(objectivesOverallTable(r)));
  for (const p of r.periods) {
    out.push(`## ${monthTitle(p)}`, "");
    if (p.tickets === 0) {
      out.push("No tickets opened.", "");
      continue;
    }
    out.push(markdownTable(targetsTable(p)), markdownTable(cellsTable(r, p)));
    const clauses = clausesTable(p);
    if (clauses.rows.length > 0) out.push("### Breaches by goal clause", "", markdownTable(clauses));
    if (p.objectives.length > 0) out.push("### Objectives", "", markdownTable(objectivesTable(r, p)));
    if (p.credits) {
      out.push("### Service credits", "", `${creditSentence(p.credits)}.`, "");
      if (p.credits.byRow.length > 0) out.push(markdownTable(p.credits && creditTable(p.credits)));
    }
  }
  if (r.badLines.count > 0) out.push(`## Bad lines${badLinesNote(r)}`, "", markdownTable(badLinesTable(r)));
  return out.join("\n");
}
