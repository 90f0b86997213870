/**
 * `sla serve` benchmarks (issue 14), against the bundled CLI (`npm run build` first) serving the
 * seed policies on a loopback port:
 *
 * - single-ticket evaluate: autocannon, keep-alive connections, a fixed duration, each request a
 *   different varied ticket (goal: at least 20,000 requests/s with p99 under 5 ms);
 * - the NDJSON batch endpoint: 200,000 varied tickets in one streamed request, timed from the
 *   first byte sent to the last result read (goal: at least 200,000 tickets/s).
 *
 * The server runs in its own process, so the load generator does not share its event loop; on a
 * 2-core machine the two still share the cores, so the wall rates are a floor that follows the
 * machine's load. Each workload therefore also reports the server's CPU time (user + system, all
 * its threads, from `/proc/PID/stat`) divided by the requests or tickets it answered, which the
 * load barely moves, and the 1-minute load average when it started. Run alone with
 * `node dist/bench/serve.bench.js [seconds]`, or as the `serve` part of `npm run bench`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { ndjson, variedTickets } from "./workloads.js";

/** The checkout: two folders up from `dist/bench/`, one from `bench/` (the shutdown test imports this file from source). */
const root = fileURLToPath(new URL(import.meta.url.includes("/dist/bench/") ? "../.." : "..", import.meta.url));

/** The part of autocannon's result this benchmark reads (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

/**
 * Start the bundled `sla serve DIR --port 0` (warnings only on stderr); resolves once it prints
 * its address. Also used by test/server/shutdown.test.ts.
 */
export async function startServe(dir: string): Promise<{ child: ChildProcess; base: string; stderr: () => string }> {
  const child = spawn(process.execPath, [`${root}dist/cli/main.js`, "serve", dir, "--port", "0"], { env: { ...process.env, SLA_LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /on (http:\/\/[\d.:]+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`sla serve exited with ${code} before listening: ${err}`)));
  });
  return { child, base, stderr: () => err };
}

/** Clock ticks per second of `/proc/PID/stat`'s times: 100 on every Linux the project runs on (`getconf CLK_TCK`). */
const CLK_TCK = 100;

/**
 * CPU time a process has used so far, user + system over all its threads, in ms; `NaN` where
 * there is no `/proc` (the figures then say so instead of lying).
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return Number.NaN;
  }
}

/** The server's CPU time spent while `run` ran, with the load average when it started. */
async function measured<T>(pid: number, run: () => Promise<T>): Promise<{ result: T; cpuMs: number; load: number }> {
  const load = loadavg()[0]!;
  const before = processCpuMs(pid);
  const result = await run();
  return { result, cpuMs: processCpuMs(pid) - before, load };
}

/** Single-ticket evaluate under autocannon for `seconds`. */
async function singleTicket(base: string, seconds: number): Promise<AutocannonResult> {
  const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
  const bodies = variedTickets("imagicle", 2_000, 7).map((t) => JSON.stringify(t));
  let i = 0;
  return await autocannon({
    url: `${base}/v1/policies/imagicle/evaluate`,
    connections: 32,
    pipelining: 1,
    duration: seconds,
    requests: [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
}

/** One NDJSON request of `n` tickets; tickets per second from the first byte sent to the last byte read. */
async function batch(base: string, n: number): Promise<{ rate: number; lines: number }> {
  const body = Buffer.from(ndjson(variedTickets("imagicle", n, 11)));
  const started = performance.now();
  const lines = await new Promise<number>((resolve, reject) => {
    const req = request(`${base}/v1/policies/imagicle/evaluate`, { method: "POST", headers: { "content-type": "application/x-ndjson", "content-length": body.length } }, (res) => {
      let count = 0;
      res.on("data", (d: Buffer) => {
        for (let k = d.indexOf(10); k !== -1; k = d.indexOf(10, k + 1)) count++;
      });
      res.on("end", () => resolve(count));
      res.on("error", reject);
    });
    req.on("error", reject);
    // Sent in 256 KB pieces, as a client streaming a file would.
    for (let k = 0; k < body.length; k += 1 << 18) req.write(body.subarray(k, k + (1 << 18)));
    req.end();
  });
  return { rate: n / ((performance.now() - started) / 1000), lines };
}

/** Both benchmarks; figures by name, with the machine's load average when they ran. */
export async function benchServe(seconds = 10): Promise<Record<string, number>> {
  const { child, base } = await startServe(`${root}policies`);
  const pid = child.pid!;
  try {
    // Warm-up: the first requests compile the evaluator's paths and fill the calendar tables.
    await singleTicket(base, 2);
    await batch(base, 20_000);
    const single = await measured(pid, () => singleTicket(base, seconds));
    const big = await measured(pid, () => batch(base, 200_000));
    if (big.result.lines !== 200_000) throw new Error(`the batch answered ${big.result.lines} lines for 200,000 tickets`);
    const answered = single.result.requests.total;
    return {
      "single ticket: load average (1 min)": single.load,
      "single ticket: requests/s (wall)": single.result.requests.average,
      "single ticket: p50 latency ms": single.result.latency.p50,
      "single ticket: p99 latency ms": single.result.latency.p99,
      "single ticket: server CPU µs/request": (single.cpuMs * 1000) / answered,
      "single ticket: requests/s per CPU second": answered / (single.cpuMs / 1000),
      "single ticket: non-2xx + errors": single.result.non2xx + single.result.errors + single.result.timeouts,
      "batch of 200,000: load average (1 min)": big.load,
      "batch of 200,000: tickets/s (wall)": big.result.rate,
      "batch of 200,000: server CPU µs/ticket": (big.cpuMs * 1000) / 200_000,
      "batch of 200,000: tickets/s per CPU second": 200_000 / (big.cpuMs / 1000),
    };
  } finally {
    child.kill("SIGTERM");
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = Number(process.argv[2] ?? 10);
  for (const [k, v] of Object.entries(await benchServe(seconds))) console.log(`  ${k.padEnd(40)} ${v.toLocaleString("en-US", { maximumFractionDigits: 2 })}`);
}
