/** Outline, folding ranges and semantic tokens over the protocol. */
import { describe, expect, it } from "vitest";
import { type DocumentSymbol, FoldingRangeKind, type SemanticTokensLegend, SymbolKind } from "vscode-languageserver-protocol";
import { serverForFile, seed, uriOf } from "./client.js";
import { textAt } from "./markers.js";

const server = serverForFile();

const imagicle = seed("imagicle");

describe("document symbols", () => {
  it("outlines every declaration with its clauses, tables and rows", async () => {
    const uri = uriOf("outline");
    await server().open(uri, imagicle);
    const symbols = (await server().documentSymbols(uri)) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(["policy imagicle", "basic", "gold", "platinum"]);
    expect(names).toEqual(
      expect.arrayContaining(["europe_gold", "response", "escalation for gold, platinum", "credits for gold, platinum", "exclude channel email"]),
    );
    const calendar = symbols.find((s) => s.name === "europe_gold")!;
    expect(calendar.kind).toBe(SymbolKind.Namespace);
    expect(calendar.children!.map((c) => c.name)).toEqual(["Sat 09:00-18:00", "open on holidays"]);
    const target = symbols.find((s) => s.name === "response")!;
    expect(target.detail).toBe("Maximum Response Time");
    expect(target.children!.map((c) => c.name)).toEqual(["start on open", "pause on pause", "resume on resume", "stop on respond, resolve", "goals"]);
    expect(target.children![4]!.children!.map((c) => c.name)).toEqual(["P1", "P2", "P3", "P4"]);
    const p2 = symbols.find((s) => s.name === "P2")!;
    expect(p2.kind).toBe(SymbolKind.EnumMember);
    expect(textAt(imagicle, p2.selectionRange)).toBe("P2");
  });

  it("outlines a broken document as far as it parses", async () => {
    const uri = uriOf("outline-broken");
    const text = 'policy p\ncalendar c {\n  zone "UTC"\n  Mon-\n}\ntarget t {\n  stop on\n';
    await server().open(uri, text);
    const names = ((await server().documentSymbols(uri)) as DocumentSymbol[]).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["policy p", "c"]));
  });
});

describe("folding ranges", () => {
  it("folds blocks, nested tables and runs of comments", async () => {
    const uri = uriOf("folding");
    await server().open(uri, imagicle);
    const ranges = (await server().foldingRanges(uri))!;
    const lines = imagicle.split("\n");
    const folded = ranges.filter((r) => r.kind !== FoldingRangeKind.Comment).map((r) => lines[r.startLine]!.trim());
    expect(folded).toEqual(
      expect.arrayContaining([
        'calendar europe_hours "Europe Business Hours" {',
        'target response "Maximum Response Time" {',
        "goals {",
        "escalation for gold, platinum {",
        "credits for gold, platinum {",
      ]),
    );
    // The closing brace stays visible: a block folds up to the line before it.
    const target = ranges.find((r) => lines[r.startLine]!.startsWith("target response"))!;
    expect(lines[target.endLine + 1]!.trim()).toBe("}");
    const comments = ranges.filter((r) => r.kind === FoldingRangeKind.Comment);
    expect(comments.some((r) => lines[r.startLine]!.startsWith("// §5.2 Maximum Response Times") && r.endLine === r.startLine + 1)).toBe(true);
  });
});

describe("folding a broken document", () => {
  it("folds the blocks that parse and the comments", async () => {
    const uri = uriOf("folding-broken");
    const text = '// one\n// two\ncalendar c {\n  zone "UTC"\n  Mon-\n}\ntarget t {\n  stop on\n';
    await server().open(uri, text);
    const ranges = (await server().foldingRanges(uri))!;
    expect(ranges).toContainEqual({ startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment });
    expect(ranges.some((r) => r.startLine === 2)).toBe(true);
  });
});

describe("semantic tokens", () => {
  it("classifies names by kind, durations, keywords, strings, numbers and comments", async () => {
    const uri = uriOf("tokens");
    await server().open(uri, imagicle);
    const legend = server().initialize.capabilities.semanticTokensProvider!.legend as SemanticTokensLegend;
    const { data } = (await server().semanticTokens(uri))!;
    const lines = imagicle.split("\n");
    const tokens: { text: string; type: string; declaration: boolean }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i] === 0 ? char + data[i + 1]! : data[i + 1]!;
      tokens.push({ text: lines[line]!.slice(char, char + data[i + 2]!), type: legend.tokenTypes[data[i + 3]!]!, declaration: (data[i + 4]! & 1) === 1 });
    }
    const typeOf = (text: string) => tokens.find((t) => t.text === text)?.type;
    expect(tokens[0]).toEqual({ text: "// Imagicle — Maintenance and Support Services (shared/seeds/001)", type: "comment", declaration: false });
    expect(typeOf("policy")).toBe("keyword");
    expect(typeOf('"Europe/Rome"')).toBe("string");
    expect(typeOf("60 business minutes")).toBe("duration");
    expect(typeOf("2 business days")).toBe("duration");
    expect(typeOf("09:00")).toBe("number");
    expect(typeOf("20%")).toBe("number");
    expect(typeOf("P2")).toBe("enumMember");
    expect(typeOf("europe_gold")).toBe("namespace");
    expect(typeOf("support_team")).toBe("variable");
    expect(typeOf("gold")).toBe("class");
    expect(tokens.find((t) => t.text === "gold")!.declaration).toBe(true);
    expect(tokens.filter((t) => t.text === "gold" && !t.declaration).length).toBeGreaterThan(3);
  });
});
