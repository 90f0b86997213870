/** The report as a pull-request comment: a summary line, a table of changes, details folded. */
import type { Change, Clause, DiffReport } from "./model.js";
import { assertionText, countsText, impactTotals } from "./render-text.js";

const ICON: Record<Change["effect"], string> = { stricter: "🔺 stricter", looser: "🔻 looser", neutral: "➖ neutral", mixed: "🔀 mixed", unknown: "❔ unknown" };

/** Table cells cannot hold pipes or line breaks. */
function cellText(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function clause(c: Clause | null): string {
  return c ? `L${c.line} \`${cellText(c.text).replace(/`/g, "'")}\`` : "—";
}

export function renderMarkdown(r: DiffReport): string {
  const out = [`### \`sla diff\` ${r.new.policy}: ${r.same ? "no change in meaning" : `${r.changes.length} change${r.changes.length === 1 ? "" : "s"} in meaning (${countsText(r.counts)})`}`, ""];
  out.push(`\`${r.old.file}\` → \`${r.new.file}\`, calendars compared from ${r.horizon.from} to ${r.horizon.to}.`, "");
  if (!r.same) {
    out.push("| effect | kind | applies to | change | old | new |", "| --- | --- | --- | --- | --- | --- |");
    for (const c of r.changes) out.push(`| ${ICON[c.effect]} | ${c.kind} | ${cellText(c.subject)} | ${cellText(c.summary)} | ${clause(c.old)} | ${clause(c.new)} |`);
    const detailed = r.changes.filter((c) => c.details.length > 0);
    if (detailed.length) {
      out.push("", "<details><summary>Dates and hours</summary>", "");
      for (const c of detailed) {
        out.push(`**${cellText(c.subject)}**`, "");
        for (const d of c.details) out.push(`- ${d}`);
        out.push("");
      }
      out.push("</details>");
    }
  }
  if (r.impact) {
    out.push("", `**Impact** on tickets${r.impact.at ? ` at ${r.impact.at}` : ""}: ${impactTotals(r.impact)}`);
    if (r.impact.list.length) {
      out.push("", "<details><summary>Tickets that move</summary>", "", "| line | ticket | what changes |", "| --- | --- | --- |");
      for (const t of r.impact.list) out.push(`| ${t.line} | ${cellText(t.id)} | ${cellText(t.changes.join("; "))} |`);
      out.push("", "</details>");
    }
  }
  if (r.assertion) out.push("", "```", assertionText(r.assertion), "```");
  return `${out.join("\n")}\n`;
}
