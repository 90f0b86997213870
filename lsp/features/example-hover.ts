/**
 * Hover over an `example` case: run it (SPEC §4 `sla test`) and show what the policy answers —
 * each target's status and due, the escalations, the credit — and, when an expectation fails,
 * what was expected and what came out. Only with a fresh, error-free compile: a stale IR could
 * answer for a different version of the example.
 */
import type * as A from "../../compiler/ast.js";
import { runExamples } from "../../runtime/examples.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";

export function exampleHover(ir: PolicyIR | null, decl: A.ExampleDecl): string | null {
  if (!ir || !decl.name) return null;
  const ex = ir.examples.find((e) => e.name === decl.name!.value);
  if (!ex) return null;
  if (ex.kind === "settle") return `**example** \`${ex.name}\`: a settlement case — run \`sla test\` to settle its period`;
  const [outcome] = runExamples({ ...ir, examples: [ex] }, () => ({ ok: false, message: "not a ticket example" }));
  if (!outcome) return null;
  const lines = [`**example** \`${ex.name}\`: ${outcome.pass ? "passes ✓" : "fails ✗"}`, ""];
  if (outcome.error) return [...lines, outcome.error].join("\n");
  const parsed = parseTicket(ex.ticket, ir);
  if (parsed.ok) {
    const result = evaluateTicket(ir, parsed.ticket);
    for (const t of result.targets) lines.push(`- \`${t.name}\` (${t.goal}): **${t.status}**, due ${t.due ?? "—"}${t.stoppedAt ? `, stopped ${t.stoppedAt}` : ""}`);
    for (const e of result.escalations) lines.push(`- escalated to ${e.to} at ${e.at} (after ${e.after})`);
    if (ir.credits) lines.push(`- credit: ${result.credit ? `${result.credit.percent}%` : "none"}`);
  }
  for (const e of outcome.expectations.filter((x) => !x.pass)) {
    lines.push("", `line ${e.origin.line}: \`${e.origin.text}\``, `expected: ${e.expected}`, `actual: ${e.actual}`);
  }
  return lines.join("\n");
}
