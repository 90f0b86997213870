/**
 * Varied ticket workloads for the seed policies (`policies/*.sla`), for benchmarks that must not
 * cycle a handful of tickets with every cache hot (issue 10).
 *
 * Each ticket draws, from a seeded generator, an opening instant anywhere in 2019–2032 (so year
 * tables of many years are built and used), every priority, plan, region, channel and language
 * the policy declares (some optional or excluded, so no-SLA paths run too), and a few events
 * (respond, pause/resume, approve, reprioritize, resolve) after the opening. Every ticket carries
 * an `asOf`, so results do not depend on the clock. The same (policy, n, seed) gives the same
 * tickets.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../compiler/index.js";
import type { TicketJson } from "../runtime/io.js";
import type { PolicyIR } from "../runtime/ir.js";

/** The repository: this file runs from `bench/` (tsx, vitest) or from `dist/bench/` (built). */
const root = fileURLToPath(new URL(existsSync(fileURLToPath(new URL("../policies", import.meta.url))) ? ".." : "../..", import.meta.url));
const MINUTE_MS = 60_000;
/** The opening years of the default workload: 14 years, so year tables of many years are built. */
export const ALL_YEARS: YearSpan = { from: 2019, to: 2032 };

/** Opening instants are drawn uniformly from the first instant of `from` to the end of `to`. */
export interface YearSpan {
  readonly from: number;
  readonly to: number;
}
/** Offsets tickets are written with: the instant is the same, only its text varies. */
const OFFSETS = [0, 60, 120, -300, -240, 330, 540, -180];

const policies = new Map<string, PolicyIR>();

/** The compiled IR of a seed policy (`policies/<name>.sla`), cached. Throws when it has errors. */
export function seedPolicy(name: string): PolicyIR {
  let ir = policies.get(name);
  if (!ir) {
    const path = join(root, "policies", `${name}.sla`);
    const r = compile(path, readFileSync(path, "utf8"));
    if (!r.ir) throw new Error(`policy \`${name}\` does not compile`);
    ir = r.ir;
    policies.set(name, ir);
  }
  return ir;
}

/** A small deterministic generator (mulberry32): the same seed gives the same sequence. */
export function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Epoch ms written as ISO-8601 with a whole-hour-or-minute `offset` (minutes east of UTC). */
function isoAt(ms: number, offset: number): string {
  const local = new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  const hh = String(Math.trunc(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${offset < 0 ? "-" : "+"}${hh}:${mm}`;
}

/**
 * `n` varied tickets for the seed policy `policyName` (e.g. `"lumapps"`), deterministic in
 * `seed`. Each is a plain ticket object as `sla eval` reads it (JSON-ready).
 */
export function variedTickets(policyName: string, n: number, seed = 1, years: YearSpan = ALL_YEARS): TicketJson[] {
  const ir = seedPolicy(policyName);
  const fromMs = Date.UTC(years.from, 0, 1);
  const spanMinutes = (Date.UTC(years.to + 1, 0, 1) - fromMs) / MINUTE_MS;
  const rnd = generator(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const priorities = ir.priorities.map((p) => p.name);
  const plans = ir.plans.map((p) => p.name);
  const channels = [...ir.channels, ...ir.exclusions.channels.map((c) => c.channel)];
  const out: TicketJson[] = [];
  for (let i = 0; i < n; i++) {
    const offset = pick(OFFSETS);
    const opened = fromMs + Math.floor(rnd() * spanMinutes) * MINUTE_MS;
    const region = ir.regions.length > 0 ? pick(ir.regions) : undefined;
    const languages = region?.languages ? [...region.languages.primary, ...region.languages.primary, ...region.languages.optional] : [];
    const events: TicketJson["events"] = [];
    let t = opened;
    const steps = Math.floor(rnd() * 5);
    for (let k = 0; k < steps; k++) {
      t += Math.floor(rnd() * 3 * 24 * 60) * MINUTE_MS;
      const r = rnd();
      const at = isoAt(t, offset);
      if (r < 0.3) events.push({ at, type: "respond" });
      else if (r < 0.45) events.push({ at, type: "pause" });
      else if (r < 0.6) events.push({ at, type: "resume" });
      else if (r < 0.7) events.push({ at, type: "approve" });
      else if (r < 0.8 && priorities.length > 0) events.push({ at, type: "reprioritize", priority: pick(priorities) });
      else events.push({ at, type: "resolve" });
    }
    const asOf = t + Math.floor(rnd() * 10 * 24 * 60) * MINUTE_MS;
    const ticket: TicketJson = { id: `${policyName}-${seed}-${i}`, openedAt: isoAt(opened, offset), events, asOf: isoAt(asOf, 0) };
    if (priorities.length > 0) ticket.priority = pick(priorities);
    if (plans.length > 0) ticket.plan = pick(plans);
    if (region) ticket.region = region.name;
    if (channels.length > 0 && rnd() < 0.7) ticket.channel = pick(channels);
    if (languages.length > 0) ticket.language = pick(languages);
    out.push(ticket);
  }
  return out;
}

/** Tickets as NDJSON text: one JSON object a line, each line ending in `\n`. */
export function ndjson(tickets: readonly TicketJson[]): string {
  let text = "";
  for (const t of tickets) text += `${JSON.stringify(t)}\n`;
  return text;
}

/**
 * Write `n` varied tickets as NDJSON to `path`, a slice at a time, so a million tickets never sit
 * in memory as one string. Each slice has its own seed (`seed`, `seed + 1`, …) and ids of its own.
 */
export function writeVariedNdjson(path: string, policyName: string, n: number, seed: number, years: YearSpan = ALL_YEARS): void {
  const slice = 100_000;
  writeFileSync(path, "");
  for (let done = 0, k = 0; done < n; done += slice, k++) {
    writeFileSync(path, ndjson(variedTickets(policyName, Math.min(slice, n - done), seed + k, years)), { flag: "a" });
  }
}

/** Write tickets as NDJSON to `path` (for `sla eval POLICY path`). */
export function writeNdjson(path: string, tickets: readonly TicketJson[]): void {
  writeFileSync(path, ndjson(tickets));
}
