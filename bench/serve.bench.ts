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
 * 2-core machine the two still share the cores, so the figures are a floor. Run alone with
 * `node dist/bench/serve.bench.js [seconds]`, or as the `serve` part of `npm run bench`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createRequire } from "node:module";
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

/** Single-ticket evaluate under autocannon for `seconds`. */
async function singleTicket(base: string, seconds: number): Promise<AutocannonResult> {
  const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
  const bodies = variedTickets("imagicle", 2_000, 7).map((t) => JSON.stringify(t));
  let i = 0;
  // A short warm-up: the first requests compile the evaluator's paths and fill the calendar tables.
  await autocannon({ url: `${base}/v1/policies/imagicle/evaluate`, method: "POST", headers: { "content-type": "application/json" }, body: bodies[0], connections: 8, duration: 2 });
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
  try {
    const load = loadavg()[0]!;
    const single = await singleTicket(base, seconds);
    await batch(base, 20_000); // warm-up
    const big = await batch(base, 200_000);
    if (big.lines !== 200_000) throw new Error(`the batch answered ${big.lines} lines for 200,000 tickets`);
    return {
      "load average (1 min) before": load,
      "single ticket: requests/s": single.requests.average,
      "single ticket: p50 latency ms": single.latency.p50,
      "single ticket: p99 latency ms": single.latency.p99,
      "single ticket: non-2xx + errors": single.non2xx + single.errors + single.timeouts,
      "NDJSON batch of 200,000: tickets/s": big.rate,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = Number(process.argv[2] ?? 10);
  for (const [k, v] of Object.entries(await benchServe(seconds))) console.log(`  ${k.padEnd(40)} ${v.toLocaleString("en-US", { maximumFractionDigits: 2 })}`);
}
