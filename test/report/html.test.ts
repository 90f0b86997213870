/**
 * The HTML report is one self-contained page: nothing is fetched (no URL with a scheme or a
 * protocol-relative `//`, no script, no external style sheet or font), and what people read
 * from it is escaped.
 */
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../report/render-html.js";
import { ReportSchema } from "../../report/model.js";
import { reportCli, SEEDS } from "./helpers.js";

/** Everything in a page that would make a browser reach the network. */
function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\b(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?([^"'\s>]*)/gi)) {
    if (!m[1]!.startsWith("#")) found.push(m[0]);
  }
  for (const m of html.matchAll(/https?:\/\/[^\s"'<>)]*/gi)) found.push(m[0]);
  for (const m of html.matchAll(/url\(|@import|<script|<link|<iframe|<img|<object|<embed/gi)) found.push(m[0]);
  return found;
}

describe("html report", () => {
  for (const policy of SEEDS) {
    it(`${policy}: no network reference, two inline SVG charts`, async () => {
      const r = await reportCli({ policyPath: `policies/${policy}.sla`, input: `examples/tickets/${policy}.ndjson`, format: "html" });
      expect(externalReferences(r.out)).toEqual([]);
      expect(r.out.match(/<svg /g)?.length).toBe(2);
      expect(r.out.startsWith("<!doctype html>")).toBe(true);
    });
  }

  it("the self-containment check finds what it looks for", () => {
    const page = `<img src="//cdn.example/x.png"><a href="http://x">x</a><style>@import "y.css";</style><a href="#top">top</a>`;
    expect(externalReferences(page)).toEqual(['src="//cdn.example/x.png', 'href="http://x', "http://x", "<img", "@import"]);
  });

  it("escapes the policy's text (a title or clause with markup stays text)", async () => {
    const r = await reportCli({ policyPath: "policies/kustomer.sla", input: "examples/tickets/kustomer.ndjson", format: "json" });
    const report = ReportSchema.parse(JSON.parse(r.out));
    const hostile = { ...report, policy: { ...report.policy, title: `<script>alert("x")</script> & co` } };
    const html = renderHtml(hostile);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
  });
});

describe("html charts", () => {
  async function kustomer() {
    const r = await reportCli({ policyPath: "policies/kustomer.sla", input: "examples/tickets/kustomer.ndjson", format: "json" });
    return ReportSchema.parse(JSON.parse(r.out));
  }

  it("draw bars for up to 18 months and lines beyond, one point per month with its exact share", async () => {
    const report = await kustomer();
    const month = report.periods[0]!;
    const months = (n: number) => Array.from({ length: n }, (_, i) => ({ ...month, period: `20${String(10 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, "0")}` }));
    const bars = renderHtml({ ...report, periods: months(18) });
    expect(bars.match(/<rect [^>]*fill="#0072B2"/g)).toHaveLength(18);
    expect(bars).not.toContain("<polyline");
    const lines = renderHtml({ ...report, periods: months(30) });
    expect(lines.match(/<circle /g)).toHaveLength(30);
    expect(lines.match(/<polyline /g)).toHaveLength(1);
    expect(lines).toContain("<title>2012-06 response: 42.85 % (3 met, 4 breached)</title>");
  });

  it("label each priority × plan cell with the exact share of tickets breaching a binding target", async () => {
    const html = renderHtml(await kustomer());
    // P2: 2 of 3 tickets breached; the share is truncated, never rounded up.
    expect(html).toContain(">66.66 %</text>");
    expect(html).toContain(">2 / 3</text>");
  });
});
