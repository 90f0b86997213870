/**
 * The service's metrics kept in plain numbers per request (server/metrics.ts) and copied into
 * Prometheus text at a scrape: counts by method, route and status, errors, tickets, and the
 * latency histogram written as prom-client writes one (cumulative buckets, `+Inf`, sum, count).
 */
import { describe, expect, it } from "vitest";
import { ServerMetrics } from "../../server/metrics.js";

const lines = (text: string, prefix: string) => text.split("\n").filter((l) => l.startsWith(prefix));

describe("server metrics", () => {
  it("counts requests and errors by route and status, and tickets by policy", async () => {
    const m = new ServerMetrics();
    m.record("POST", "/v1/policies/:id/evaluate", 200, 0.0003);
    m.record("POST", "/v1/policies/:id/evaluate", 200, 0.0004);
    m.record("POST", "/v1/policies/:id/evaluate", 400, 0.0002);
    m.record("GET", "unmatched", 404, 0.0001);
    m.countTickets("imagicle", 1);
    m.countTickets("imagicle", 200);
    m.countTickets("lucy", 3);
    const text = await m.text();
    expect(lines(text, "sla_http_requests_total{")).toEqual([
      'sla_http_requests_total{method="POST",route="/v1/policies/:id/evaluate",status="200"} 2',
      'sla_http_requests_total{method="POST",route="/v1/policies/:id/evaluate",status="400"} 1',
      'sla_http_requests_total{method="GET",route="unmatched",status="404"} 1',
    ]);
    expect(lines(text, "sla_http_errors_total{")).toEqual(['sla_http_errors_total{route="/v1/policies/:id/evaluate",status="400"} 1', 'sla_http_errors_total{route="unmatched",status="404"} 1']);
    expect(lines(text, "sla_tickets_evaluated_total{")).toEqual(['sla_tickets_evaluated_total{policy="imagicle"} 201', 'sla_tickets_evaluated_total{policy="lucy"} 3']);
    // A second scrape sees the same totals, not doubled ones (the counters are reset, then set).
    expect(lines(await m.text(), "sla_tickets_evaluated_total{")).toEqual(lines(text, "sla_tickets_evaluated_total{"));
  });

  it("writes the latency histogram by method and route, buckets cumulative, a bound's own value inside it", async () => {
    const m = new ServerMetrics();
    const route = "/v1/policies/:id/evaluate";
    for (const [status, seconds] of [[200, 0.0005], [200, 0.0007], [400, 0.003], [200, 42]] as const) m.record("POST", route, status, seconds);
    const text = await m.text();
    const labels = `method="POST",route="${route}"`;
    expect(lines(text, "sla_http_request_duration_seconds")).toEqual([
      `sla_http_request_duration_seconds_bucket{le="0.0005",${labels}} 1`,
      `sla_http_request_duration_seconds_bucket{le="0.001",${labels}} 2`,
      `sla_http_request_duration_seconds_bucket{le="0.002",${labels}} 2`,
      `sla_http_request_duration_seconds_bucket{le="0.005",${labels}} 3`,
      ...["0.01", "0.025", "0.05", "0.1", "0.5", "1", "5", "30"].map((le) => `sla_http_request_duration_seconds_bucket{le="${le}",${labels}} 3`),
      `sla_http_request_duration_seconds_bucket{le="+Inf",${labels}} 4`,
      `sla_http_request_duration_seconds_sum{${labels}} ${0.0005 + 0.0007 + 0.003 + 42}`,
      `sla_http_request_duration_seconds_count{${labels}} 4`,
    ]);
    expect(text).toContain("# TYPE sla_http_request_duration_seconds histogram\n");
  });

  it("quotes label values as Prometheus text requires", async () => {
    const m = new ServerMetrics();
    m.record("GET", 'a"b\\c\nd', 200, 0.1);
    expect(lines(await m.text(), "sla_http_request_duration_seconds_count")).toEqual(['sla_http_request_duration_seconds_count{method="GET",route="a\\"b\\\\c\\nd"} 1']);
  });
});
