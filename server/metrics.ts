/**
 * Prometheus metrics at `/metrics`: requests by route and status, their latencies, errors, and
 * what the service holds (policies, tickets evaluated). One registry per server (never
 * prom-client's global one), so tests can start several servers in one process.
 */
import type { FastifyInstance } from "fastify";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** The metrics of one server. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: "sla_http_requests_total", help: "HTTP requests answered, by method, route and status", labelNames: ["method", "route", "status"], registers: [this.registry] });
  readonly errors = new Counter({ name: "sla_http_errors_total", help: "HTTP requests answered with a 4xx or 5xx status, by route and status", labelNames: ["route", "status"], registers: [this.registry] });
  readonly latency = new Histogram({
    name: "sla_http_request_duration_seconds",
    help: "time from the request's arrival to the end of its response, by method and route",
    labelNames: ["method", "route"],
    // Single-ticket evaluations take well under a millisecond; batches take seconds.
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });
  readonly tickets = new Counter({ name: "sla_tickets_evaluated_total", help: "tickets evaluated (single and batch), by policy", labelNames: ["policy"], registers: [this.registry] });
  readonly policies = new Gauge({ name: "sla_policies", help: "policies served, by status (ok, errors: the last good version serves)", labelNames: ["status"], registers: [this.registry] });
  readonly reloads = new Counter({ name: "sla_policy_reloads_total", help: "times the policies folder was read again", registers: [this.registry] });

  /** Count and time every request (the route's pattern, not its URL, so ids do not explode the labels). */
  install(app: FastifyInstance): void {
    app.addHook("onResponse", (request, reply, done) => {
      const route = request.routeOptions.url ?? "unmatched";
      const status = reply.statusCode;
      this.requests.labels(request.method, route, String(status)).inc();
      if (status >= 400) this.errors.labels(route, String(status)).inc();
      this.latency.labels(request.method, route).observe(reply.elapsedTime / 1000);
      done();
    });
  }
}
