/**
 * `sla diff` benchmarks (issue 13): the semantic diff of two generated 5,000-line policies
 * (goal: under 1 s), and impact on 100,000 tickets (goal: at least 100,000 tickets/s).
 * Run alone with `node dist/bench/diff.bench.js`, or as the `diff` part of `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../compiler/index.js";
import { horizonFrom } from "../diff/horizon.js";
import { impactOf } from "../diff/impact.js";
import { diffPolicies } from "../diff/semantic.js";
import { evaluateTicket } from "../runtime/evaluate.js";
import { parseTicket } from "../runtime/io.js";
import type { PolicyIR } from "../runtime/ir.js";

/** A policy of about `lines` lines: calendars with closures, regions, and many targets. */
export function bigPolicy(lines: number, variant: "old" | "new"): string {
  const out = ['policy big "Generated"', "", "plan basic", "plan gold", "", "priority P1", "priority P2", "priority P3", ""];
  for (let c = 0; c < 20; c++) {
    // The new version opens the first calendar an hour earlier.
    out.push(`calendar cal${c} {`, `  zone "Europe/Berlin"`, `  Mon-Fri ${variant === "new" && c === 0 ? "08" : "09"}:00-17:00`, `  holidays "DE-BE"`);
    for (let d = 1; d <= 20; d++) out.push(`  closed 2026-${String(1 + (d % 12)).padStart(2, "0")}-${String(d).padStart(2, "0")} from 13:00`);
    out.push("}", "", `region r${c} {`, `  calendar cal${c}`, "}", "");
  }
  for (let t = 0; out.length < lines; t++) {
    // The new version tightens every 50th target's P1 gold goal.
    const p1 = variant === "new" && t % 50 === 0 ? "1 business hour" : "2 business hours";
    out.push(`target t${t} {`, "  start on open", "  pause on pause", "  resume on resume", "  stop on respond, resolve", "  goals {",
      "    | priority | basic            | gold             |", `    | P1       | 8 business hours | ${p1} |`,
      "    | P2       | 2 business days  | 8 business hours |", "    | P3       | best effort      | 2 business days  |", "  }", "}", "");
  }
  return out.join("\n");
}

function irOf(text: string, name: string): PolicyIR {
  const r = compile(name, text);
  if (!r.ir) throw new Error(`${name}: ${r.diagnostics[0]?.message}`);
  return r.ir;
}

/** Imagicle ticket lines for the impact benchmark: every priority, plan and region, openings an hour apart, a third answered. */
function ticketLines(n: number): string[] {
  const out: string[] = [];
  const t0 = Date.UTC(2026, 2, 2, 8);
  const regions = ["europe", "americas", "middle_east_mon_fri"];
  for (let i = 0; i < n; i++) {
    const opened = t0 + (i % 5000) * 3_600_000;
    const events = i % 3 === 0 ? [{ at: new Date(opened + 90 * 60_000).toISOString(), type: "respond" }] : [];
    out.push(JSON.stringify({ id: `T-${i}`, priority: `P${1 + (i % 4)}`, plan: ["basic", "gold", "platinum"][i % 3], region: regions[i % 3], language: "en", openedAt: new Date(opened).toISOString(), events, asOf: "2027-01-01T00:00:00Z" }));
  }
  return out;
}

/** The repository: two levels up from `dist/bench/`, one from `bench/` (run by tsx). */
const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, here.includes("/dist/") ? "../.." : "..");

export async function benchDiff(): Promise<Record<string, number>> {
  const oldText = bigPolicy(5000, "old");
  const newText = bigPolicy(5000, "new");
  const h = horizonFrom(Date.UTC(2026, 0, 1));
  const a = irOf(oldText, "old.sla");
  const b = irOf(newText, "new.sla");
  let t = performance.now();
  const first = diffPolicies(a, b, h, { oldFile: "old.sla", newFile: "new.sla" });
  const cold = performance.now() - t;
  // Fresh IR objects: nothing cached per policy, only holiday tables per process.
  const a2 = irOf(oldText, "old.sla");
  const b2 = irOf(newText, "new.sla");
  t = performance.now();
  diffPolicies(a2, b2, h, { oldFile: "old.sla", newFile: "new.sla" });
  const warm = performance.now() - t;
  t = performance.now();
  irOf(oldText, "old.sla");
  irOf(newText, "new.sla");
  const compileBoth = performance.now() - t;

  // Impact: Imagicle, and Imagicle with Gold P1 answered in 30 business minutes instead of 60.
  const imagicle = readFileSync(join(root, "policies", "imagicle.sla"), "utf8");
  const tightened = imagicle.replace("| P1       | next business day | 60 business minutes |", "| P1       | next business day | 30 business minutes |");
  const ia = irOf(imagicle, "imagicle.sla");
  const ib = irOf(tightened, "imagicle.sla");
  const lines = ticketLines(100_000);
  // Batches as `sla diff --tickets` reads them: about 1,000 lines a chunk.
  const batches: string[][] = [];
  for (let i = 0; i < lines.length; i += 1000) batches.push(lines.slice(i, i + 1000));
  // A first pass warms the JIT and the calendars' year tables (holidays are slow to build once).
  await impactOf(ia, ib, batches.slice(0, 10), null);
  // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours.
  t = performance.now();
  let cpu = process.cpuUsage();
  const impact = await impactOf(ia, ib, batches, null);
  const impactMs = performance.now() - t;
  const impactCpu = process.cpuUsage(cpu);
  const impactCpuMs = (impactCpu.user + impactCpu.system) / 1000;
  // The same lines parsed and evaluated once (what `sla eval` does per line), for scale: impact
  // evaluates twice, so it runs at about half this rate on one thread.
  t = performance.now();
  cpu = process.cpuUsage();
  for (const line of lines) {
    const parsed = parseTicket(JSON.parse(line), ia);
    if (parsed.ok) evaluateTicket(ia, parsed.ticket);
  }
  const onceMs = performance.now() - t;
  const onceCpu = process.cpuUsage(cpu);
  const onceCpuMs = (onceCpu.user + onceCpu.system) / 1000;
  return {
    "policy lines": oldText.split("\n").length,
    changes: first.changes.length,
    "diff, first run (ms)": cold,
    "diff, fresh IRs (ms)": warm,
    "compile both versions (ms)": compileBoth,
    "impact tickets": impact.tickets,
    "impact changed": impact.changed,
    "impact (tickets/s)": 100_000 / (impactMs / 1000),
    "impact, CPU time (tickets/s)": 100_000 / (impactCpuMs / 1000),
    "one evaluation (tickets/s)": 100_000 / (onceMs / 1000),
    "one evaluation, CPU (tickets/s)": 100_000 / (onceCpuMs / 1000),
    "load average (1 min)": loadavg()[0]!,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [k, v] of Object.entries(await benchDiff())) console.log(`  ${k.padEnd(30)} ${Math.round(v).toLocaleString("en-US")}`);
}
