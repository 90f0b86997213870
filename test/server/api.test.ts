/**
 * `sla serve` over HTTP, against a real server on a free port: each route's answer compared with
 * what the CLI's files say (the example tickets' expected results, a period's expected
 * settlement), bad requests answered with a 4xx naming the field, metrics and the OpenAPI document.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sla } from "../cli/run-cli.js";
import { post, type Running, serve } from "./harness.js";

const read = (p: string) => readFileSync(p, "utf8");
const firstLine = (p: string) => read(p).split("\n")[0]!;

describe("sla serve API", () => {
  let s: Running;
  beforeAll(async () => {
    s = await serve(["policies/imagicle.sla", "policies/lucy.sla"], { bodyLimit: 64 * 1024 });
  });
  afterAll(async () => s.close());

  it("lists the policies with titles and content hashes", async () => {
    const list = (await (await fetch(`${s.base}/v1/policies`)).json()) as { policies: Array<Record<string, unknown>> };
    expect(list.policies.map((p) => [p["id"], p["title"], p["status"], p["serving"]])).toEqual([
      ["imagicle", "Imagicle Maintenance and Support Services", "ok", true],
      ["lucy", expect.any(String), "ok", true],
    ]);
    expect(list.policies[0]!["hash"]).toMatch(/^[0-9a-f]{64}$/);
    expect(await (await fetch(`${s.base}/healthz`)).json()).toEqual({ status: "ok", policies: 2 });
  });

  it("evaluates one ticket as `sla eval` does", async () => {
    const r = await post(`${s.base}/v1/policies/imagicle/evaluate`, firstLine("examples/tickets/imagicle.ndjson"));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual(JSON.parse(firstLine("examples/tickets/imagicle.expected.ndjson")));
  });

  it("answers each single ticket byte for byte as `sla eval` writes its line, with and without `at` and `explain`", async () => {
    const tickets = read("examples/tickets/imagicle.ndjson").trimEnd().split("\n");
    const file = join(mkdtempSync(join(tmpdir(), "sla-serve-eval-")), "tickets.ndjson");
    writeFileSync(file, `${tickets.join("\n")}\n`);
    // A request without a query string skips the query's parse: the same answer as one with it.
    for (const [query, flags] of [["", []], ["?explain=true", ["--explain"]], ["?at=2026-04-01T00:00:00Z", ["--at", "2026-04-01T00:00:00Z"]]] as const) {
      const cli = await sla(["eval", "policies/imagicle.sla", file, ...flags]);
      // A trace names the policy's file as the CLI was given it, the service by its name in the folder.
      const expected = cli.stdout.trimEnd().replaceAll('"file":"policies/imagicle.sla"', '"file":"imagicle.sla"').split("\n");
      expect(expected).toHaveLength(tickets.length);
      for (let i = 0; i < tickets.length; i++) {
        const r = await post(`${s.base}/v1/policies/imagicle/evaluate${query}`, tickets[i]!);
        expect([query, i, r.status, r.type, r.text]).toEqual([query, i, 200, "application/json; charset=utf-8", expected[i]]);
      }
    }
  });

  it("streams an NDJSON batch back, one line per line, byte for byte as `sla eval`", async () => {
    const r = await post(`${s.base}/v1/policies/imagicle/evaluate`, read("examples/tickets/imagicle.ndjson"), "application/x-ndjson");
    expect(r.status).toBe(200);
    expect(r.type).toContain("application/x-ndjson");
    expect(r.text).toBe(read("examples/tickets/imagicle.expected.ndjson"));
  });

  it("answers a bad line in a batch with its error and goes on", async () => {
    const good = firstLine("examples/tickets/imagicle.ndjson");
    const r = await post(`${s.base}/v1/policies/imagicle/evaluate`, `${good}\n{"id":\n\n${good}\n`, "application/x-ndjson");
    const lines = r.text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l["line"] ?? l["id"])).toEqual(["T-1042", 2, 3, "T-1042"]);
    expect(lines[1]).toEqual({ line: 2, id: null, error: { field: "", message: "invalid JSON at column 7: unexpected end of the input" } });
  });

  it("draws a ticket's timeline as SVG: due, closed Sunday, DST change", async () => {
    const r = await post(`${s.base}/v1/policies/imagicle/evaluate?format=svg`, firstLine("examples/tickets/imagicle.ndjson"));
    expect(r.status).toBe(200);
    expect(r.type).toContain("image/svg+xml");
    expect(r.text).toContain('data-due="2026-03-30T10:20:00+02:00"');
    expect(r.text).toContain("due Mon 30 Mar 10:20");
    expect(r.text).toContain('data-closed="closed"');
    expect(r.text).toContain("DST +01:00 → +02:00");
  });

  it("settles a period as `sla settle` does", async () => {
    const r = await post(`${s.base}/v1/policies/imagicle/settle`, read("examples/periods/imagicle-gold-2026-03.json"));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual(JSON.parse(read("examples/periods/imagicle-gold-2026-03.expected.json")));
  });

  it("checks a policy text: diagnostics with code and position", async () => {
    const r = await post(`${s.base}/v1/check`, JSON.stringify({ policy: "calendar x {" }));
    const body = JSON.parse(r.text) as { ok: boolean; diagnostics: Array<{ code: string; severity: string; start: { line: number } }> };
    expect(r.status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.diagnostics[0]).toMatchObject({ code: "SLA001", severity: "error", start: { line: 1, column: 13 } });
  });

  it("diffs the served policy against a new text", async () => {
    const text = read("policies/imagicle.sla").replace("| P1       | next business day | 60 business minutes | 60 minutes       |", "| P1       | next business day | 90 business minutes | 60 minutes       |");
    const r = await post(`${s.base}/v1/policies/imagicle/diff?at=2026-03-01T00:00:00Z`, JSON.stringify({ new: text }));
    expect(r.status).toBe(200);
    const report = JSON.parse(r.text) as { same: boolean; counts: { looser: number } };
    expect(report.same).toBe(false);
    expect(report.counts.looser).toBeGreaterThan(0);
  });

  it("reports attainment over NDJSON tickets", async () => {
    const r = await post(`${s.base}/v1/policies/imagicle/report?at=2026-06-01T00:00:00Z`, read("examples/tickets/imagicle.ndjson"), "application/x-ndjson");
    expect(r.status).toBe(200);
    const report = JSON.parse(r.text) as { policy: { id: string }; badLines: { count: number } };
    expect(report.policy.id).toBe("imagicle");
    expect(report.badLines.count).toBe(0);
  });

  describe("bad requests get a 4xx naming the field", () => {
    const cases: Array<[string, string, string, string, number, string]> = [
      ["invalid JSON", "/v1/policies/imagicle/evaluate", '{"id": "T",', "application/json", 400, ""],
      ["a ticket field", "/v1/policies/imagicle/evaluate", '{"id": "T", "openedAt": "yesterday"}', "application/json", 400, "openedAt"],
      ["a query field", "/v1/policies/imagicle/evaluate?at=soon", "{}", "application/json", 400, "query.at"],
      ["a format", "/v1/policies/imagicle/evaluate?format=png", "{}", "application/json", 400, "query.format"],
      ["an unknown policy", "/v1/policies/nope/evaluate", "{}", "application/json", 404, "id"],
      ["a content type", "/v1/policies/imagicle/evaluate", "x", "text/plain", 415, "content-type"],
      ["a body field", "/v1/check", '{"policy": 3}', "application/json", 400, "body.policy"],
      ["a body too large", "/v1/check", JSON.stringify({ policy: "x".repeat(70 * 1024) }), "application/json", 413, "body"],
      ["a period field", "/v1/policies/imagicle/settle", '{"period": 3}', "application/json", 400, "body.period"],
      ["an old text that does not compile", "/v1/diff", '{"old": "calendar {", "new": "calendar {"}', "application/json", 422, "body.old"],
    ];
    for (const [what, path, body, type, status, field] of cases) {
      it(what, async () => {
        const r = await post(`${s.base}${path}`, body, type);
        expect(r.status).toBe(status);
        const error = (JSON.parse(r.text) as { error: { field: string; message: string } }).error;
        expect(error.field).toBe(field);
        expect(error.message).not.toMatch(/^\s*at |\n\s+at /); // never a stack trace
        expect(error.message).toMatch(/^[a-z`]/);
      });
    }

    it("an unknown route", async () => {
      const res = await fetch(`${s.base}/v2/nothing`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { field: "path", message: "no route `GET /v2/nothing`" } });
    });
  });

  it("counts requests, latencies and errors in /metrics", async () => {
    await post(`${s.base}/v1/policies/imagicle/evaluate`, firstLine("examples/tickets/imagicle.ndjson"));
    const text = await (await fetch(`${s.base}/metrics`)).text();
    expect(text).toMatch(/sla_http_requests_total\{method="POST",route="\/v1\/policies\/:id\/evaluate",status="200"\} [1-9]/);
    expect(text).toMatch(/sla_http_errors_total\{route="\/v1\/policies\/:id\/evaluate",status="400"\} [1-9]/);
    expect(text).toMatch(/sla_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/v1\/policies\/:id\/evaluate"\} [1-9]/);
    expect(text).toMatch(/sla_tickets_evaluated_total\{policy="imagicle"\} [1-9]/);
    expect(text).toMatch(/sla_policies\{status="ok"\} 2/);
  });

  it("publishes an OpenAPI 3.1 document built from the zod schemas", async () => {
    const doc = (await (await fetch(`${s.base}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/policies/{id}/evaluate", "/v1/policies/{id}/settle", "/v1/check", "/v1/diff", "/v1/policies", "/healthz", "/metrics"]));
    expect(doc.components.schemas["Ticket"]!.required).toEqual(expect.arrayContaining(["id", "openedAt"]));
    expect(Object.keys(doc.components.schemas["TicketResult"]!.properties!)).toEqual(["id", "policy", "asOf", "targets", "escalations", "credit"]);
    expect(doc.components.schemas["Error"]!.properties).toHaveProperty("error");
  });
});

describe("sla serve NDJSON size limit", () => {
  let s: Running;
  beforeAll(async () => {
    s = await serve(["policies/imagicle.sla"], { batchLimit: 2_000 });
  });
  afterAll(async () => s.close());
  const tickets = read("examples/tickets/imagicle.ndjson");

  it("refuses a batch whose announced length is over the limit", async () => {
    const r = await post(`${s.base}/v1/policies/imagicle/evaluate`, tickets, "application/x-ndjson");
    expect(tickets.length).toBeGreaterThan(2_000);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toEqual({ error: { field: "body", message: "the NDJSON body is larger than the limit (2000 bytes)" } });
  });

  it("ends a streamed batch that grows past the limit with an error line after the lines before it", async () => {
    const lines = tickets.split("\n").filter((l) => l !== "");
    // No content-length: the body is streamed in one chunk per line, so the limit is met mid-way.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const l of lines) controller.enqueue(new TextEncoder().encode(`${l}\n`));
        controller.close();
      },
    });
    const res = await fetch(`${s.base}/v1/policies/imagicle/evaluate`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body, duplex: "half" } as RequestInit);
    const out = (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l) as { line?: number; id: string | null; error?: { field: string; message: string } });
    const last = out[out.length - 1]!;
    expect(last.error).toEqual({ field: "body", message: expect.stringMatching(/^the NDJSON body is larger than the limit \(2000 bytes\); the lines before this one were evaluated$/) });
    expect(out.slice(0, -1).every((o) => o.error === undefined)).toBe(true);
    expect(out.length - 1).toBe(last.line! - 1);
  });
});
