/**
 * The server under abuse: binary junk, a 1 MB line, an oversized file, many documents at once,
 * edits faster than checks, requests for documents it does not know. It must keep answering,
 * never publish stale diagnostics, and never mix documents.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, seed, uriOf } from "./client.js";

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  expect(client.alive).toBe(true);
  expect(await client.stop()).toBe(0);
});

const origin = { line: 0, character: 0 };
const kustomer = seed("kustomer");
/** Kustomer with a goal row naming an unknown priority `name`: one SLA101 that names it. */
const withUnknown = (name: string) => kustomer.replace("| P3       | 3 days  |", `| P3       | 3 days  |\n    | ${name} | 1 day |`);

describe("garbage input", () => {
  it("checks binary junk, caps its diagnostics, and keeps answering", async () => {
    const uri = uriOf("junk");
    const junk = randomBytes(64 * 1024).toString("latin1");
    const { diagnostics } = await client.open(uri, junk);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.length).toBeLessThanOrEqual(1000);
    await client.completion(uri, { line: 3, character: 5 });
    await client.hover(uri, { line: 10, character: 2 });
    await client.documentSymbols(uri);
    await client.semanticTokens(uri);
    expect(client.alive).toBe(true);
  });

  it("checks a 1 MB line", async () => {
    const uri = uriOf("long-line");
    const text = `policy p "${"x".repeat(1_000_000)}"\npriority P1 "a"  priority P2 "b" ${"plan gold ".repeat(1000)}`;
    const { diagnostics } = await client.open(uri, text);
    expect(diagnostics.every((d) => d.source === "sla")).toBe(true);
    const completion = await client.completion(uri, { line: 0, character: 500_000 });
    expect(completion).toBeTruthy();
    expect(await client.hover(uri, { line: 1, character: 20 })).toBeTruthy();
  });

  it("refuses a document larger than a policy can be, like `sla check`", async () => {
    const { diagnostics } = await client.open(uriOf("huge"), `policy p\n${"// padding\n".repeat(120_000)}`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe("SLA004");
    expect(diagnostics[0]!.message).toMatch(/^file is too large/);
  });

  it("answers requests about documents it does not know, and positions past the end", async () => {
    const unknown = "file:///test/never-opened.sla";
    expect(await client.hover(unknown, origin)).toBeNull();
    expect(await client.definition(unknown, origin)).toBeNull();
    expect(await client.references(unknown, origin)).toEqual([]);
    expect(await client.format(unknown)).toBeNull();
    await client.change(unknown, 2, [{ text: "policy p" }]);
    await client.close(unknown);
    const uri = uriOf("past-end");
    await client.open(uri, kustomer);
    expect(await client.hover(uri, { line: 10_000, character: 10_000 })).toBeNull();
    await client.completion(uri, { line: 5, character: 10_000 });
    await expect(client.connection.sendRequest("sla/noSuchMethod", {})).rejects.toThrow();
    expect(client.alive).toBe(true);
  });
});

describe("lifecycle", () => {
  it("exits when the editor's pipe closes, even without a shutdown", async () => {
    const other = await LspClient.start();
    const exited = new Promise<number | null>((resolve) => other.child.once("exit", (code) => resolve(code)));
    other.child.stdin!.end();
    expect(await exited).toBe(1);
    other.connection.dispose();
  });
});

describe("many documents and fast edits", () => {
  it("keeps 40 documents opened at once apart", async () => {
    const names = Array.from({ length: 40 }, (_, i) => `Q${i}`);
    const results = await Promise.all(names.map((name) => client.open(uriOf(`many-${name}`), withUnknown(name))));
    results.forEach((published, i) => {
      const unknown = published.diagnostics.filter((d) => d.code === "SLA101");
      expect(unknown).toHaveLength(1);
      expect(unknown[0]!.message).toContain(`\`${names[i]}\``);
    });
  });

  it("after 50 edits sent at once, publishes the last version's diagnostics and nothing stale", async () => {
    const uri = uriOf("fast-edits");
    await client.open(uri, withUnknown("V1"));
    for (let v = 2; v <= 51; v++) await client.change(uri, v, [{ text: withUnknown(`V${v}`) }]);
    const last = await client.diagnostics(uri, 51);
    expect(last.diagnostics.find((d) => d.code === "SLA101")!.message).toContain("`V51`");
    // Let any straggler arrive, then check every publication matched its own version's text.
    await new Promise((r) => setTimeout(r, 400));
    const published = client.publications(uri);
    expect(published[published.length - 1]!.version).toBe(51);
    for (const p of published) expect(p.diagnostics.find((d) => d.code === "SLA101")!.message).toContain(`\`V${p.version}\``);
    // Debounced: the burst cost far fewer checks than edits.
    expect(published.length).toBeLessThan(10);
  });

  it("applies 50 incremental keystrokes in order", async () => {
    const uri = uriOf("typing");
    const base = `${kustomer}\n`;
    await client.open(uri, base);
    const line = base.split("\n").length - 1;
    const typed = 'role night_shift_supervisor_on_call "Night shift"';
    for (let i = 0; i < typed.length; i++) {
      await client.change(uri, i + 2, [{ range: { start: { line, character: i }, end: { line, character: i } }, text: typed[i]! }]);
    }
    const version = typed.length + 1;
    const { diagnostics } = await client.diagnostics(uri, version);
    expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    const hover = await client.hover(uri, { line, character: 8 });
    expect(JSON.stringify(hover)).toContain("night_shift_supervisor_on_call");
  });
});
