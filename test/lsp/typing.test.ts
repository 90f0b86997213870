/**
 * Typing never waits for a compile (issue 10.5): hover on a line the edits did not touch answers
 * from the latest analysis, its range moved to the current text; a hover on the edited line, and
 * features that need exact spans, analyse the current version.
 */
import { describe, expect, it } from "vitest";
import type { MarkupContent } from "vscode-languageserver";
import { DocumentStore } from "../../lsp/documents.js";
import { hoverWithoutWaiting } from "../../lsp/handlers/hover.js";
import { textDelta } from "../../lsp/text-delta.js";
import { seed } from "./client.js";
import { textAt } from "./markers.js";

describe("textDelta", () => {
  it("maps whole lines before and after the change, and nothing on a changed line", () => {
    const before = "aa\nbb cc\ndd\n";
    const after = "aa\nbb Xcc\ndd\n";
    const d = textDelta(before, after);
    expect(d.toOld(1)).toBe(1); // line 1
    expect(d.toOld(after.indexOf("X"))).toBeNull();
    expect(d.toOld(after.indexOf("bb"))).toBeNull(); // same line as the edit
    expect(d.toOld(after.indexOf("dd"))).toBe(before.indexOf("dd"));
    expect(d.toNew(before.indexOf("dd"))).toBe(after.indexOf("dd"));
  });

  it("does not map a line split by the edit", () => {
    const d = textDelta("abc def\n", "abc\ndef\n");
    expect(d.toOld(5)).toBeNull();
  });
});

describe("hover while typing", () => {
  it("answers from the latest analysis without compiling when the hovered line is unchanged", async () => {
    const published: number[] = [];
    let opened: () => void = () => undefined;
    const firstPublish = new Promise<void>((resolve) => (opened = resolve));
    const store = new DocumentStore({
      debounceMs: 60_000,
      onPublish: (_, version) => {
        published.push(version);
        opened();
      },
    });
    const uri = "file:///test/typing.sla";
    const text = seed("kustomer");
    store.open(uri, "sla", 1, text);
    await firstPublish;
    expect(store.latest(uri)?.version).toBe(1);
    // Type a new line at the top: every later line moves down by one.
    store.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "// typed\n" }]);
    const now = store.snapshot(uri)!.text;
    const line = now.split("\n").findIndex((l) => /^priority P1\b/.test(l));
    const h = hoverWithoutWaiting(store, uri, { line, character: "priority P".length });
    expect(store.latest(uri)?.version).toBe(1); // no compile happened
    expect((h!.contents as MarkupContent).value).toContain("P1");
    expect(textAt(now, h!.range!)).toBe("P1");
    // On the edited line itself, the current version is analysed.
    hoverWithoutWaiting(store, uri, { line: 1, character: 3 });
    expect(store.latest(uri)?.version).toBe(2);
    store.dispose();
    expect(published).toEqual([1]);
  });
});
