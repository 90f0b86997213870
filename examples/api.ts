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

const ticket = {
  id: "T-1042",
  priority: "P2",
  plan: "gold",
  region: "europe",
  channel: "portal",
  language: "en",
  openedAt: "2026-03-27T16:30:00+01:00",
  events: [
    { at: "2026-03-28T09:10:00+01:00", type: "pause" },
    { at: "2026-03-30T10:00:00+02:00", type: "resume" },
    { at: "2026-03-30T10:20:00+02:00", type: "respond" },
  ],
  asOf: "2026-03-31T00:00:00Z",
};

const parsed = parseTicket(ticket, ir);
if (!parsed.ok) {
  console.error(`bad ticket: ${parsed.error.field}: ${parsed.error.message}`);
  process.exit(1);
}
const result = evaluateTicket(ir, parsed.ticket);
for (const t of result.targets) console.log(`${t.name}: ${t.goal}, due ${t.due ?? "—"}, ${t.status}`);
for (const e of result.escalations) console.log(`escalated to ${e.to} at ${e.at} (after ${e.after})`);
