/** `sla report --format text`: aligned tables for a terminal or an email. */
import type { Report } from "./model.js";
import { textTable } from "./table.js";
import { badLinesNote, badLinesTable, cellsTable, clausesTable, creditSentence, creditTable, headline, monthTitle, objectivesOverallTable, objectivesTable, reportTitle, overallTable, targetsTable } from "./words.js";

/** The report as plain text with aligned columns. */
export function renderText(r: Report): string {
  const out: string[] = [`SLA report: ${reportTitle(r)}`, headline(r).join("\n"), "", "all months", textTable(overallTable(r))];
  if (r.objectives.length > 0) out.push("objectives", textTable(objectivesOverallTable(r)));
  for (const p of r.periods) {
    out.push(monthTitle(p));
    if (p.tickets === 0) {
      out.push("  no tickets opened\n");
      continue;
    }
    out.push(textTable(targetsTable(p)), textTable(cellsTable(r, p)));
    const clauses = clausesTable(p);
    if (clauses.rows.length > 0) out.push("  breaches by goal clause", textTable(clauses, "    "));
    if (p.objectives.length > 0) out.push("  objectives", textTable(objectivesTable(r, p), "    "));
    if (p.credits) {
      out.push(`  credits: ${creditSentence(p.credits)}`);
      if (p.credits.byRow.length > 0) out.push(textTable(creditTable(p.credits), "    "));
      else out.push("");
    }
  }
  if (r.badLines.count > 0) out.push(`bad lines${badLinesNote(r)}`, textTable(badLinesTable(r)));
  return out.join("\n");
}
