/**
 * Prometheus metrics at `/metrics`: requests by route and status, their latencies, errors, and
 * what the service holds (policies, tickets evaluated). One registry per server (never
 * prom-client's global one), so tests can start several servers in one process.
 *
 * Why the per-request figures are plain numbers: prom-client's labelled updates build and hash a
 * label object on every call, and four of them a request cost 4 to 10 % of a single-ticket
 * evaluation's CPU time (1 to 2.5 µs of 24–27, measured with autocannon). Requests
 * add to {@link RequestSeries} records found by one string key; a scrape copies the totals into
 * prom-client's counters (their `collect`), and writes the latency histogram itself
 * ({@link histogramText}), since prom-client has no way to set a histogram's buckets.
 */
import type { FastifyInstance } from "fastify";
import { Counter, Gauge, Registry } from "prom-client";

const LATENCY = "sla_http_request_duration_seconds";
/** Upper bounds of the latency buckets, seconds: single-ticket evaluations take well under a millisecond; batches take seconds. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5, 30] as const;

/** What one method, route and status has answered so far. */
interface RequestSeries {
  readonly method: string;
  readonly route: string;
  readonly status: string;
  count: number;
  /** Seconds, summed. */
  sum: number;
  /** Requests per latency bucket, not cumulative; the last counts those past every bound. */
  readonly buckets: Float64Array;
}

/** A label value as Prometheus text quotes it. */
const quoted = (v: string): string => `"${v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"')}"`;

/** The bucket of `seconds`: the first bound it does not pass. */
function bucketOf(seconds: number): number {
  let i = 0;
  while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]!) i++;
  return i;
}

/**
 * The latency histogram in Prometheus text, by method and route, as prom-client would write it
 * (`le` first, buckets cumulative, `+Inf`, `_sum`, `_count`).
 */
export function histogramText(series: Iterable<RequestSeries>): string {
  const byRoute = new Map<string, { method: string; route: string; sum: number; buckets: number[] }>();
  for (const s of series) {
    const key = `${s.method} ${s.route}`;
    let r = byRoute.get(key);
    if (!r) byRoute.set(key, (r = { method: s.method, route: s.route, sum: 0, buckets: new Array<number>(LATENCY_BUCKETS.length + 1).fill(0) }));
    r.sum += s.sum;
    for (let i = 0; i < s.buckets.length; i++) r.buckets[i]! += s.buckets[i]!;
  }
  const lines = [`# HELP ${LATENCY} time from the request's arrival to the end of its response, by method and route`, `# TYPE ${LATENCY} histogram`];
  for (const { method, route, sum, buckets } of byRoute.values()) {
    const labels = `method=${quoted(method)},route=${quoted(route)}`;
    let cumulative = 0;
    for (let i = 0; i < buckets.length; i++) {
      cumulative += buckets[i]!;
      lines.push(`${LATENCY}_bucket{le="${i < LATENCY_BUCKETS.length ? LATENCY_BUCKETS[i] : "+Inf"}",${labels}} ${cumulative}`);
    }
    lines.push(`${LATENCY}_sum{${labels}} ${sum}`, `${LATENCY}_count{${labels}} ${cumulative}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The metrics of one server. */
export class ServerMetrics {
  readonly registry = new Registry();
  /** Per method, route and status (key `method route status`). */
  private readonly series = new Map<string, RequestSeries>();
  /** Tickets evaluated per policy id. */
  private readonly ticketCounts = new Map<string, number>();

  constructor() {
    const series = this.series;
    const ticketCounts = this.ticketCounts;
    new Counter({
      name: "sla_http_requests_total",
      help: "HTTP requests answered, by method, route and status",
      labelNames: ["method", "route", "status"],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const s of series.values()) this.inc({ method: s.method, route: s.route, status: s.status }, s.count);
      },
    });
    new Counter({
      name: "sla_http_errors_total",
      help: "HTTP requests answered with a 4xx or 5xx status, by route and status",
      labelNames: ["route", "status"],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const s of series.values()) if (Number(s.status) >= 400) this.inc({ route: s.route, status: s.status }, s.count);
      },
    });
    new Counter({
      name: "sla_tickets_evaluated_total",
      help: "tickets evaluated (single and batch), by policy",
      labelNames: ["policy"],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [policy, n] of ticketCounts) this.inc({ policy }, n);
      },
    });
  }

  readonly policies = new Gauge({ name: "sla_policies", help: "policies served, by status (ok, errors: the last good version serves)", labelNames: ["status"], registers: [this.registry] });
  readonly reloads = new Counter({ name: "sla_policy_reloads_total", help: "times the policies folder was read again", registers: [this.registry] });

  /** Count `n` tickets evaluated with `policy`. */
  countTickets(policy: string, n: number): void {
    this.ticketCounts.set(policy, (this.ticketCounts.get(policy) ?? 0) + n);
  }

  /** Count one answered request and its latency. */
  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { method, route, status: String(status), count: 0, sum: 0, buckets: new Float64Array(LATENCY_BUCKETS.length + 1) }));
    s.count++;
    s.sum += seconds;
    s.buckets[bucketOf(seconds)]!++;
  }

  /** The Prometheus text of every metric. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}${histogramText(this.series.values())}`;
  }

  /** Count and time every request (the route's pattern, not its URL, so ids do not explode the labels). */
  install(app: FastifyInstance): void {
    app.addHook("onResponse", (request, reply, done) => {
      this.record(request.method, request.routeOptions.url ?? "unmatched", reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }
}
