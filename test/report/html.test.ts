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
