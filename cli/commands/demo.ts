/**
 * `sla demo` (`npm run demo`): the main job in one command — check the shipped policies, then
 * evaluate the example tickets of `examples/tickets/<policy>.ndjson` against them and print a
 * table a newcomer can read.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, relative } from "node:path";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import type { Io } from "../io.js";
import { loadPolicy } from "../policy.js";
import { runCheck } from "./check.js";

/** The repository root, from `dist/cli/commands/` or `cli/commands/`. */
function repoRoot(): string {
  let dir = fileURLToPath(new URL(".", import.meta.url));
  for (let i = 0; i < 5 && !existsSync(join(dir, "policies")); i++) dir = join(dir, "..");
  return dir;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r, n) => {
    const line = r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
    return n === 0 ? `${line}\n${widths.map((w) => "-".repeat(w)).join("  ")}` : line;
  }).join("\n");
}

export async function runDemo(args: { io: Io }): Promise<number> {
  const { io } = args;
  const root = repoRoot();
  io.out("== sla check policies/\n\n");
  // Paths relative to where the user stands, as they would type them.
  const checked = runCheck({ paths: [relative(process.cwd(), join(root, "policies")) || "."], format: "text", io });
  if (checked !== 0) return checked;
  const rows: string[][] = [["policy", "ticket", "target", "goal", "due (calendar's zone)", "status", "escalations", "credit"]];
  let bad = 0;
  for (const name of ["lucy", "imagicle", "lumapps", "promotron", "kustomer"]) {
    const ticketsPath = join(root, "examples", "tickets", `${name}.ndjson`);
    if (!existsSync(ticketsPath)) continue;
    const policy = loadPolicy(join(root, "policies", `${name}.sla`), io);
    if (!policy) return 1;
    for (const line of readFileSync(ticketsPath, "utf8").split("\n").filter((l) => l.trim() !== "")) {
      const parsed = parseTicket(JSON.parse(line) as unknown, policy);
      if (!parsed.ok) {
        bad++;
        rows.push([name, "?", "", "", `error: ${parsed.error.field} ${parsed.error.message}`, "", "", ""]);
        continue;
      }
      const result = evaluateTicket(policy, parsed.ticket);
      result.targets.forEach((t, i) => {
        rows.push([
          i === 0 ? name : "",
          i === 0 ? result.id : "",
          t.name,
          t.goal,
          t.due ?? "—",
          t.status,
          i === 0 ? (result.escalations.map((e) => e.to).join(", ") || "—") : "",
          i === 0 ? (result.credit ? `${result.credit.percent}%` : "—") : "",
        ]);
      });
    }
  }
  io.out(`\n== sla eval: the example tickets in examples/tickets/\n\n${table(rows)}\n`);
  io.out(`\nTry: npx sla eval policies/imagicle.sla examples/tickets/imagicle.ndjson --explain\n`);
  return bad > 0 ? 1 : 0;
}
