/** The report for people: one paragraph per change, the clause of each version under it. */
import type { Assertion, Change, Clause, DiffReport, Impact } from "./model.js";

function clauseLine(label: string, c: Clause | null): string {
  return c ? `    ${label} line ${c.line}: ${c.text}` : `    ${label} (none)`;
}

/** `1 stricter, 4 looser` from the counts, skipping zeros. */
export function countsText(counts: DiffReport["counts"]): string {
  return (["stricter", "looser", "mixed", "unknown", "neutral"] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`)
    .join(", ");
}

function changeText(c: Change): string {
  const lines = [`  [${c.effect}] ${c.kind} ${c.subject}: ${c.summary}`];
  for (const d of c.details) lines.push(`    - ${d}`);
  lines.push(clauseLine("old", c.old), clauseLine("new", c.new));
  return lines.join("\n");
}

/** `2 invalid lines skipped: lines 6, 9`, naming the first few so they can be found and fixed. */
function invalidText(i: Impact): string {
  const shown = i.invalidLines.slice(0, 10);
  const more = i.invalid > shown.length ? ` and ${i.invalid - shown.length} more` : "";
  return `${i.invalid} invalid line${i.invalid === 1 ? "" : "s"} skipped: line${i.invalid === 1 ? "" : "s"} ${shown.join(", ")}${more}`;
}

/** "37 open tickets due earlier, 3 now breached, credit changes on 2". */
export function impactTotals(i: Impact): string {
  const t = i.totals;
  const parts = [
    t.dueEarlier && `${t.dueEarlier} due earlier`,
    t.dueLater && `${t.dueLater} due later`,
    t.nowBreached && `${t.nowBreached} now breached`,
    t.noLongerBreached && `${t.noLongerBreached} no longer breached`,
    t.statusChanged && `status changes on ${t.statusChanged}`,
    t.escalationsChanged && `escalation changes on ${t.escalationsChanged}`,
    t.creditChanged && `credit changes on ${t.creditChanged}`,
  ].filter(Boolean);
  return `${i.changed} of ${i.tickets} tickets change${parts.length ? `: ${parts.join(", ")}` : ""}${i.invalid ? ` (${invalidText(i)})` : ""}`;
}

function impactText(i: Impact): string {
  const lines = [`impact${i.at ? ` at ${i.at}` : ""}: ${impactTotals(i)}`];
  for (const t of i.list) lines.push(`  line ${t.line} ${t.id}: ${t.changes.join("; ")}`);
  if (i.changed > i.list.length) lines.push(`  … and ${i.changed - i.list.length} more (the first ${i.listLimit} are listed)`);
  return lines.join("\n");
}

/** The assertion's verdict, with the counterexample ticket as JSON. */
export function assertionText(a: Assertion): string {
  const head = `assert ${a.rule}: ${a.holds ? "holds" : "FAILS"} (${a.combinations} axis combinations, ${a.starts} start instants)`;
  if (!a.counterexample) return head;
  const ticket = Object.keys(a.counterexample.ticket).length > 0 ? `\n  counterexample: ${JSON.stringify(a.counterexample.ticket)}` : "";
  return `${head}\n  ${a.counterexample.reason}${ticket}`;
}

export function renderText(r: DiffReport): string {
  const head = `${r.old.file} → ${r.new.file} (horizon ${r.horizon.from} to ${r.horizon.to})`;
  const out = [head];
  if (r.same) out.push("no change in meaning");
  else {
    out.push(`${r.changes.length} change${r.changes.length === 1 ? "" : "s"} in meaning: ${countsText(r.counts)}`, "");
    for (const c of r.changes) out.push(changeText(c));
  }
  if (r.impact) out.push("", impactText(r.impact));
  if (r.assertion) out.push("", assertionText(r.assertion));
  return `${out.join("\n")}\n`;
}
