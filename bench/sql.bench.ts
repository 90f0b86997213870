/**
 * `node dist/bench/sql.bench.js [TICKETS] [--skip-js] [--keep]` (issue 15): the SQL target on DuckDB over
 * 10 million tickets (default), beside `sla eval` (the JavaScript evaluator with its worker pool)
 * on the same tickets: wall time and peak memory (max RSS) of each, each in a child process.
 *
 * The tickets are Imagicle tickets (the seed policy with escalations and credits) generated
 * inside DuckDB from hashes of the row number (deterministic): openings over 2024–2026, every
 * priority, plan, region, channel and language, a response, a pause and resume, a resolve,
 * events past `asOf` for a share of them. They are written once as NDJSON in sla's ticket
 * format (what both engines read) and as Parquet (what a warehouse export gives DuckDB).
 */
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

/** The repository: this file runs from `dist/bench/` (built) or from `bench/` (tsx). */
const root = fileURLToPath(new URL(existsSync(fileURLToPath(new URL("../policies", import.meta.url))) ? ".." : "../..", import.meta.url));
const cli = join(root, "dist/cli/main.js");
const policy = join(root, "policies/imagicle.sla");

/** Prints the child's peak RSS on exit (Node has no rusage of children). */
const REPORT_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss_kb="+process.resourceUsage().maxRSS+"\\n"))`;

/** Drops `,"priority":null` from DuckDB's JSON lines; the pattern never straddles a line, so a carry of its length suffices. */
class NullPriorityStripper extends Transform {
  private carry = "";
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const text = (this.carry + chunk.toString("latin1")).replaceAll(',"priority":null', "");
    const keep = text.length - text.lastIndexOf("\n") - 1;
    this.carry = text.slice(text.length - keep);
    done(null, Buffer.from(text.slice(0, text.length - keep), "latin1"));
  }
  override _flush(done: TransformCallback): void {
    done(null, Buffer.from(this.carry.replaceAll(',"priority":null', ""), "latin1"));
  }
}

/** A deterministic uniform [0, 1) per row and salt. */
const u = (salt: number) => `(hash(i, ${salt}) % 1000000) / 1000000.0`;
const pick = (salt: number, values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(", ")}][1 + floor(${u(salt)} * ${values.length})::INTEGER]`;
const iso = (expr: string) => `strftime(${expr}, '%Y-%m-%dT%H:%M:%SZ')`;

/** The generator: one row per ticket in sla's JSON ticket shape. */
function ticketsQuery(n: number): string {
  const opened = `TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_minutes((${u(1)} * 3 * 365 * 1440)::BIGINT)`;
  const at = (salt: number, maxMinutes: number) => `o + to_minutes((${u(salt)} * ${maxMinutes})::BIGINT)`;
  return `WITH g AS (SELECT i, ${opened} AS o FROM range(${n}) r(i)),
e AS (SELECT i, o, ${at(10, 600)} AS p, ${at(11, 3000)} AS respond, ${at(12, 20000)} AS resolve, ${at(13, 30000)} AS as_of FROM g)
SELECT 'T-' || i AS id, ${iso("o")} AS "openedAt",
  ${pick(2, ["P1", "P2", "P3", "P4"])} AS priority,
  ${pick(3, ["basic", "gold", "platinum"])} AS plan,
  ${pick(4, ["americas", "europe", "middle_east_sun_thu", "middle_east_mon_fri"])} AS region,
  ${pick(5, ["portal", "phone", "phone", "email"])} AS channel,
  ${pick(6, ["en", "en", "en", "ar"])} AS language,
  ${iso("as_of")} AS "asOf",
  list_filter([
    CASE WHEN ${u(7)} < 0.3 THEN {'at': ${iso("p")}, 'type': 'pause', 'priority': NULL::VARCHAR} END,
    CASE WHEN ${u(7)} < 0.3 THEN {'at': ${iso("p + INTERVAL 90 MINUTE")}, 'type': 'resume', 'priority': NULL::VARCHAR} END,
    {'at': ${iso("respond")}, 'type': 'respond', 'priority': NULL::VARCHAR},
    CASE WHEN ${u(8)} < 0.7 THEN {'at': ${iso("resolve")}, 'type': 'resolve', 'priority': NULL::VARCHAR} END
  ], x -> x IS NOT NULL) AS events
FROM e ORDER BY i`;
}

/** Run a child, measuring wall time and peak RSS. */
function measure(label: string, args: string[]): { seconds: number; rssMb: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, ["--import", REPORT_RSS, ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  const stderr = r.stderr.toString();
  const rss = Number(/maxrss_kb=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}): ${stderr.slice(0, 2000)}`);
  return { seconds, rssMb: rss };
}

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000_000);
const dir = mkdtempSync(join(tmpdir(), "sla-sql-bench-"));
try {
  const ndjsonPath = join(dir, "tickets.ndjson");
  const parquetPath = join(dir, "tickets.parquet");
  const started = performance.now();
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  await c.run(`CREATE TABLE t AS ${ticketsQuery(n)}`);
  // DuckDB writes an absent event priority as `"priority":null`; sla's ticket format leaves the key
  // out (a null priority is a field error), so the NDJSON both engines read is written without it.
  const rawPath = join(dir, "tickets.raw.ndjson");
  await c.run(`COPY t TO '${rawPath}' (FORMAT json)`);
  await pipeline(createReadStream(rawPath), new NullPriorityStripper(), createWriteStream(ndjsonPath));
  rmSync(rawPath);
  await c.run(`COPY (SELECT id, "openedAt"::TIMESTAMPTZ AS opened_at, priority, plan, region, channel, language, "asOf"::TIMESTAMPTZ AS as_of, events FROM t) TO '${parquetPath}' (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
  const mb = (p: string) => (statSync(p).size / 1e6).toFixed(0);
  console.log(`sql bench: ${n.toLocaleString("en-US")} Imagicle tickets generated in ${((performance.now() - started) / 1000).toFixed(1)} s (NDJSON ${mb(ndjsonPath)} MB, Parquet ${mb(parquetPath)} MB)`);
  const out = join(dir, "results.parquet");
  const line = (label: string, m: { seconds: number; rssMb: number }) =>
    console.log(`  ${label.padEnd(44)} ${m.seconds.toFixed(1).padStart(8)} s  ${Math.round(n / m.seconds).toLocaleString("en-US").padStart(10)} tickets/s  peak RSS ${m.rssMb.toFixed(0).padStart(6)} MB`);
  line("sla eval --engine duckdb, Parquet → Parquet", measure("duckdb parquet", [cli, "eval", policy, parquetPath, "--engine", "duckdb", "--years", "2023-2027", "--out", out]));
  line("sla eval --engine duckdb, NDJSON → Parquet", measure("duckdb ndjson", [cli, "eval", policy, ndjsonPath, "--engine", "duckdb", "--years", "2023-2027", "--out", out]));
  if (!args.includes("--skip-js")) line("sla eval (JavaScript), NDJSON → NDJSON", measure("js", [cli, "eval", policy, ndjsonPath]));
} finally {
  // `--keep`: leave the generated tickets for a closer look (profiling one engine).
  if (args.includes("--keep")) console.log(`  tickets kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
