/** Document and range formatting over the protocol, through the prettier plugin. */
import { describe, expect, it } from "vitest";
import { formatSla } from "../../format/format.js";
import { serverForFile, seed, uriOf } from "./client.js";
import { applyEdits, markers } from "./markers.js";

const server = serverForFile();

const messy = `policy x "X"
priority P1 "a"
priority   P2 "b"
calendar c {
zone "UTC"
    24x7
}
target response {
 stop on respond
 goals {
 | priority | goal |
 | P1 | 2 hours |
 |P2|1 day|
 }
}
`;

describe("formatting", () => {
  it("formats a document like `sla fmt`, with edits on the changed lines only", async () => {
    const uri = uriOf("format");
    await server().open(uri, messy);
    const edits = (await server().format(uri))!;
    const expected = await formatSla(messy);
    expect(expected.ok).toBe(true);
    expect(applyEdits(messy, edits)).toBe(expected.ok ? expected.text : "");
    // `policy x "X"` and `priority P1 "a"` were already formatted: no edit touches line 0.
    expect(edits.every((e) => e.range.start.line > 0)).toBe(true);
  });

  it("returns no edits for a formatted seed", async () => {
    const uri = uriOf("format-seed");
    await server().open(uri, seed("kustomer"));
    expect(await server().format(uri)).toEqual([]);
  });

  it("honours the editor's indentation settings", async () => {
    const uri = uriOf("format-tabs");
    await server().open(uri, messy);
    const edits = (await server().format(uri, { tabSize: 4, insertSpaces: false }))!;
    expect(applyEdits(messy, edits)).toContain('calendar c {\n\tzone "UTC"\n\t24x7\n}');
  });

  it("formats a range: only the hunks on the selected lines change", async () => {
    const uri = uriOf("format-range");
    const { text, positions } = markers(messy.replace("calendar c {", "<|>calendar c {").replace("    24x7\n}", "    24x7\n}<|>"));
    await server().open(uri, text);
    const edits = (await server().formatRange(uri, { start: positions[0]!, end: positions[1]! }))!;
    const result = applyEdits(text, edits);
    expect(result).toContain('calendar c {\n  zone "UTC"\n  24x7\n}');
    // Outside the selection, the text is as it was.
    expect(result).toContain("priority   P2");
    expect(result).toContain(" |P2|1 day|");
  });

  it("does not format a document with syntax errors", async () => {
    const uri = uriOf("format-broken");
    await server().open(uri, "policy x\ncalendar {\n");
    expect(await server().format(uri)).toBeNull();
  });
});
