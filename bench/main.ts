/**
 * `npm run bench`: the evaluator's speed where users feel it (SPEC: "called in hot loops").
 * Prints operations per second for add-business-time on the Imagicle (Rome) and LumApps (Paris)
 * calendars against the ways users do it today, whole-ticket evaluation through the API and
 * through `sla eval` on a 100,000-ticket NDJSON batch, and the language server's latencies.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Holidays from "date-holidays";
import { Bench } from "tinybench";
import { compile } from "../compiler/index.js";
import { calendarFromIR } from "../runtime/calendar.js";
import { evaluateTicket } from "../runtime/evaluate.js";
import { parseTicket, type Ticket } from "../runtime/io.js";
import type { CalendarIR, PolicyIR } from "../runtime/ir.js";
import { luxonWalkAdder, momentAdder } from "./calendar-baselines.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function policy(name: string): PolicyIR {
  const path = join(root, "policies", `${name}.sla`);
  const r = compile(path, readFileSync(path, "utf8"));
  if (!r.ir) throw new Error(`${name} does not compile`);
  return r.ir;
}

function holidayDates(cal: CalendarIR): string[] {
  return cal.holidays.flatMap((h) =>
    [2026, 2027].flatMap((y) => ((h.region ? new Holidays(h.country, h.region) : new Holidays(h.country)).getHolidays(y) || []).filter((x) => x.type === "public").map((x) => x.date.slice(0, 10))),
  );
}

/** Deterministic pseudo-random starts in 2026 and durations up to 40 hours. */
function workload(n: number): { starts: Float64Array; durations: Float64Array } {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const starts = new Float64Array(n);
  const durations = new Float64Array(n);
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < n; i++) {
    starts[i] = t0 + Math.floor(rnd() * 360 * 24 * 60) * 60_000;
    durations[i] = Math.floor(rnd() * 40 * 60) * 60_000;
  }
  return { starts, durations };
}

/** Mean operations per second of a finished task. */
function hz(task: { result?: unknown }): number {
  const r = task.result as { throughput?: { mean?: number } } | undefined;
  return r?.throughput?.mean ?? 0;
}

const fmt = (rate: number) => Math.round(rate).toLocaleString("en-US").padStart(12);

async function benchCalendars(): Promise<void> {
  const cases: [string, CalendarIR][] = [
    ["Imagicle europe_hours (Rome, IT)", policy("imagicle").calendars.find((c) => c.name === "europe_hours")!],
    ["LumApps emea_hours (Paris, FR)", policy("lumapps").calendars.find((c) => c.name === "emea_hours")!],
  ];
  const { starts, durations } = workload(4096);
  for (const [label, cal] of cases) {
    const engine = calendarFromIR(cal);
    const dates = holidayDates(cal);
    const viaMoment = momentAdder(cal, dates);
    const viaLuxon = luxonWalkAdder(cal, new Set(dates));
    let i = 0;
    let sink = 0;
    const bench = new Bench({ time: 1000 });
    bench
      .add("sla addOpen (precomputed windows)", () => {
        const k = i++ & 4095;
        sink += engine.addOpen(starts[k]!, durations[k]!);
      })
      .add("moment-business-time + moment-timezone", () => {
        const k = i++ & 4095;
        sink += viaMoment(starts[k]!, durations[k]!);
      })
      .add("luxon day-by-day walk", () => {
        const k = i++ & 4095;
        sink += viaLuxon(starts[k]!, durations[k]!);
      });
    await bench.run();
    const ours = hz(bench.tasks[0]!);
    console.log(`\nadd business time — ${label}`);
    for (const t of bench.tasks) {
      const rate = hz(t);
      console.log(`  ${t.name.padEnd(42)} ${fmt(rate)} ops/s   ${t === bench.tasks[0] ? "" : `(sla is ${(ours / rate).toFixed(0)}× faster)`}`);
    }
    if (sink === 0) console.log("");
  }
}

function imagicleTickets(ir: PolicyIR, n: number): { json: string[]; tickets: Ticket[] } {
  const lines = readFileSync(join(root, "examples", "tickets", "imagicle.ndjson"), "utf8").split("\n").filter(Boolean);
  const json: string[] = [];
  const tickets: Ticket[] = [];
  for (let i = 0; i < n; i++) {
    const base = JSON.parse(lines[i % lines.length]!) as Record<string, unknown>;
    const line = JSON.stringify({ ...base, id: `B-${i}` });
    json.push(line);
    const parsed = parseTicket(JSON.parse(line), ir);
    if (parsed.ok) tickets.push(parsed.ticket);
  }
  return { json, tickets };
}

async function benchTickets(): Promise<void> {
  const ir = policy("imagicle");
  const { tickets } = imagicleTickets(ir, 1000);
  let i = 0;
  const bench = new Bench({ time: 1500 });
  bench.add("evaluateTicket (Imagicle, validated ticket)", () => {
    evaluateTicket(ir, tickets[i++ % tickets.length]!);
  });
  bench.add("parseTicket + evaluateTicket (JSON object in)", () => {
    const t = parseTicket(JSON.parse(JSON.stringify({ id: "x", priority: "P2", plan: "gold", region: "europe", channel: "portal", language: "en", openedAt: "2026-03-27T16:30:00+01:00", events: [{ at: "2026-03-28T09:10:00+01:00", type: "pause" }, { at: "2026-03-30T10:00:00+02:00", type: "resume" }, { at: "2026-03-30T10:20:00+02:00", type: "respond" }], asOf: "2026-03-31T00:00:00Z" })), ir);
    if (t.ok) evaluateTicket(ir, t.ticket);
  });
  await bench.run();
  console.log("\nwhole-ticket evaluation through the API");
  for (const t of bench.tasks) console.log(`  ${t.name.padEnd(48)} ${fmt(hz(t))} ops/s`);
}

function benchCli(): void {
  const ir = policy("imagicle");
  const n = 100_000;
  const dir = mkdtempSync(join(tmpdir(), "sla-bench-"));
  const input = join(dir, "tickets.ndjson");
  writeFileSync(input, `${imagicleTickets(ir, n).json.join("\n")}\n`);
  const cli = join(root, "dist", "cli", "main.js");
  const run = (file: string) => {
    const started = process.hrtime.bigint();
    const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, cli, "eval", join(root, "policies", "imagicle.sla"), file], { encoding: "utf8", maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rssKb = Number((r.stderr.trim().split("\n").pop() ?? "0").trim());
    return { seconds, rssMb: rssKb / 1024, lines: r.stdout.split("\n").filter(Boolean).length };
  };
  const empty = join(dir, "empty.ndjson");
  writeFileSync(empty, "");
  const startup = run(empty);
  const small = join(dir, "small.ndjson");
  writeFileSync(small, `${imagicleTickets(ir, n / 10).json.join("\n")}\n`);
  const tenth = run(small);
  // Best of three: one run on a shared machine is noisy.
  const full = [run(input), run(input), run(input)].sort((a, b) => a.seconds - b.seconds)[0]!;
  const rate = n / Math.max(1e-9, full.seconds - startup.seconds);
  console.log("\nsla eval on NDJSON (Imagicle tickets)");
  console.log(`  start-up (empty input)               ${startup.seconds.toFixed(2)} s, peak RSS ${startup.rssMb.toFixed(0)} MB`);
  console.log(`  ${String(n / 10).padEnd(7)} tickets                       ${tenth.seconds.toFixed(2)} s, peak RSS ${tenth.rssMb.toFixed(0)} MB`);
  console.log(`  ${String(n).padEnd(7)} tickets (best of 3)             ${full.seconds.toFixed(2)} s, peak RSS ${full.rssMb.toFixed(0)} MB, ${full.lines} lines out`);
  console.log(`  throughput, start-up excluded        ${fmt(rate)} tickets/s`);
}

async function benchLanguageServer(): Promise<void> {
  try {
    const lspBench = "./lsp.bench.js";
    const mod = (await import(lspBench)) as { benchLsp?: () => Promise<Record<string, number>> };
    if (!mod.benchLsp) return;
    const r = await mod.benchLsp();
    console.log("\nlanguage server on a generated 5,000-line policy (p95)");
    for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(36)} ${v.toFixed(1)} ms`);
  } catch (e) {
    console.log(`\nlanguage server benchmark unavailable: ${(e as Error).message}`);
  }
}

await benchCalendars();
await benchTickets();
benchCli();
await benchLanguageServer();
