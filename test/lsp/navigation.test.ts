/** Go to definition, find references and rename over the protocol. */
import { describe, expect, it } from "vitest";
import type { Location, Range, TextEdit } from "vscode-languageserver-protocol";
import { compile } from "../../compiler/index.js";
import { serverForFile, seed } from "./client.js";
import { applyEdits, marked, textAt } from "./markers.js";

const server = serverForFile();
let n = 0;

const imagicle = seed("imagicle");
/** Imagicle with the marker `shift` characters into the first occurrence of `needle`. */
const at = (needle: string, shift = 0, text = imagicle) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return `${text.slice(0, i + shift)}<|>${text.slice(i + shift)}`;
};

async function opened(fixture: string) {
  const { text, position } = marked(fixture);
  const uri = `file:///test/navigation-${n++}.sla`;
  await server().open(uri, text);
  return { text, position, uri };
}

/** The line of a range's text, trimmed: what a reader sees at that location. */
const lineOf = (text: string, range: Range) => text.split("\n")[range.start.line]!.trim();

describe("definition", () => {
  it("goes from a use to the declaration", async () => {
    const { text, position, uri } = await opened(at("| support_manager          |", 4));
    const def = (await server().definition(uri, position)) as Location;
    expect(def.uri).toBe(uri);
    expect(textAt(text, def.range)).toBe("support_manager");
    expect(lineOf(text, def.range)).toBe('role support_manager "Support Manager"');
  });

  it("goes from a plan column of the goal matrix to the plan", async () => {
    const { text, position, uri } = await opened(at("| platinum         |", 3));
    const def = (await server().definition(uri, position)) as Location;
    expect(lineOf(text, def.range)).toMatch(/^plan platinum extends gold/);
  });

  it("goes from `extends` to the parent calendar", async () => {
    const { text, position, uri } = await opened(at("extends europe_hours", "extends ".length));
    const def = (await server().definition(uri, position)) as Location;
    expect(lineOf(text, def.range)).toBe('calendar europe_hours "Europe Business Hours" {');
  });

  it("finds nothing on a keyword or an unknown name", async () => {
    const kw = await opened(at("stop on respond", 1));
    expect(await server().definition(kw.uri, kw.position)).toBeNull();
    const unknown = await opened(at("| P9       | 20%", 2, imagicle.replace("| P1       | 20%", "| P9       | 20%")));
    expect(await server().definition(unknown.uri, unknown.position)).toBeNull();
  });
});

describe("navigation in a broken document", () => {
  it("goes to definition and finds references while another clause does not parse", async () => {
    const broken = imagicle.replace(
      "calendar americas_gold extends americas_hours {\n  Sat 08:00-12:00",
      "calendar americas_gold extends americas_hours {\n  Sat 08:00-",
    );
    const { text, position, uri } = await opened(at("| support_manager          |", 4, broken));
    const def = (await server().definition(uri, position)) as Location;
    expect(lineOf(text, def.range)).toBe('role support_manager "Support Manager"');
    expect((await server().references(uri, position, true))!.length).toBeGreaterThan(3);
  });
});

describe("references", () => {
  it("lists every use of a priority, with or without its declaration", async () => {
    const { text, position, uri } = await opened(at('priority P3 "Medium', "priority ".length));
    const all = (await server().references(uri, position, true))!;
    expect(all.every((l) => textAt(text, l.range) === "P3")).toBe(true);
    const lines = all.map((l) => lineOf(text, l.range).replace(/\s+/g, " "));
    expect(lines[0]).toMatch(/^priority P3 "Medium/);
    // the goal row, three escalation levels, the credit row (and the examples that use it)
    expect(lines.filter((l) => l.startsWith("| P3 |"))).toEqual([
      "| P3 | best effort | 4 business hours | 4 business hours |",
      "| P3 | 8 business hours | support_team |",
      "| P3 | 16 business hours | support_regional_manager |",
      "| P3 | 40 business hours | support_manager |",
      "| P3 | 5% |",
    ]);
    const uses = (await server().references(uri, position, false))!;
    expect(uses).toHaveLength(all.length - 1);
  });

  it("lists a plan's uses in headers, `for` clauses and `extends`", async () => {
    const { text, position, uri } = await opened(at("plan gold", "plan ".length));
    const lines = (await server().references(uri, position, true))!.map((l) => lineOf(text, l.range));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^plan gold "/),
        expect.stringMatching(/^plan platinum extends gold/),
        "calendar europe_gold for gold",
        "| priority | basic             | gold                | platinum         |",
        "escalation for gold, platinum {",
        "calendar for gold",
        "credits for gold, platinum {",
      ]),
    );
  });
});

describe("rename", () => {
  it("prepares a rename on a name with its range and text", async () => {
    const { text, position, uri } = await opened(at("calendar europe_gold for gold", "calendar ".length + 2));
    const prepared = (await server().prepareRename(uri, position)) as { range: Range; placeholder: string };
    expect(textAt(text, prepared.range)).toBe("europe_gold");
    expect(prepared.placeholder).toBe("europe_gold");
  });

  it("renames a region's calendar everywhere, and the result still checks clean", async () => {
    const { text, position, uri } = await opened(at("calendar europe_gold for gold", "calendar ".length + 2));
    const edit = (await server().rename(uri, position, "europe_saturdays"))!;
    const edits = edit.changes![uri]! as TextEdit[];
    expect(edits).toHaveLength(2);
    const renamed = applyEdits(text, edits);
    expect(renamed).toContain("calendar europe_saturdays extends europe_hours {");
    expect(renamed).toContain("calendar europe_saturdays for gold");
    expect(renamed).not.toContain("europe_gold");
    expect(compile("x.sla", renamed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("renames a priority in every table", async () => {
    const { text, position, uri } = await opened(at("priority P1", "priority ".length));
    const edits = (await server().rename(uri, position, "Critical"))!.changes![uri]!;
    const renamed = applyEdits(text, edits);
    // Only the name changes: the plan descriptions that mention "P1" in words stay as written.
    expect(renamed).toContain("60-minute SLA for P1 outside Business Hours");
    expect(renamed).toMatch(/\| Critical\s+\| next business day/);
    expect(renamed.split("\n").filter((l) => !l.includes('"'))).not.toContainEqual(expect.stringMatching(/\bP1\b/));
    expect(compile("x.sla", renamed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.each([
    ["2fast", "not a valid name"],
    ["with space", "not a valid name"],
    ["calendar", "reserved word"],
    ["hours", "reserved word"],
    ["Mon", "reserved word"],
    ["silver", null],
  ])("refuses invalid new names: %s", async (name, reason) => {
    const { position, uri } = await opened(at("plan gold", "plan ".length));
    const attempt = server().rename(uri, position, name);
    if (reason === null) await expect(attempt).resolves.toBeTruthy();
    else await expect(attempt).rejects.toThrow(reason);
  });

  it("refuses a name another declaration of the same kind has", async () => {
    const { position, uri } = await opened(at("plan gold", "plan ".length));
    await expect(server().rename(uri, position, "basic")).rejects.toThrow("already exists");
  });

  it("refuses to rename what is not a declared name", async () => {
    const { position, uri } = await opened(at("start on open", 2));
    await expect(server().prepareRename(uri, position)).rejects.toThrow("no declared name");
  });
});
