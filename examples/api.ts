/**
 * A small program calling the API: compile a policy, evaluate one ticket, print the due time.
 * Run it with `npx tsx examples/api.ts` (or after `npm ci`, import from "sla-lang").
 */
import { readFileSync } from "node:fs";
import { compile } from "../compiler/api.js";
import { evaluateTicket, parseTicket } from "../runtime/index.js";

const path = new URL("../policies/imagicle.sla", import.meta.url);
const { ir, diagnostics } = compile("policies/imagicle.sla", readFileSync(path, "utf8"));
if (!ir) {
  console.error(diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
  process.exit(1);
}

// The first example ticket: the one of SPEC §3 (Gold, Europe, P2, paused over a weekend).
const firstLine = readFileSync(new URL("./tickets/imagicle.ndjson", import.meta.url), "utf8").split("\n")[0]!;
const ticket: unknown = JSON.parse(firstLine);

const parsed = parseTicket(ticket, ir);
if (!parsed.ok) {
  console.error(`bad ticket: ${parsed.error.field}: ${parsed.error.message}`);
  process.exit(1);
}
const result = evaluateTicket(ir, parsed.ticket);
for (const t of result.targets) console.log(`${t.name}: ${t.goal}, due ${t.due ?? "—"}, ${t.status}`);
for (const e of result.escalations) console.log(`escalated to ${e.to} at ${e.at} (after ${e.after})`);
