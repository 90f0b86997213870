/** Diagnostics over the protocol: the same codes and messages as `sla check`, ranges as text. */
import { describe, expect, it } from "vitest";
import { DiagnosticSeverity, DiagnosticTag } from "vscode-languageserver-protocol";
import { compile } from "../../compiler/index.js";
import { serverForFile, seed, uriOf } from "./client.js";
import { textAt } from "./markers.js";

const server = serverForFile();

const SEEDS = ["imagicle", "kustomer", "lucy", "lumapps", "promotron"];

describe("diagnostics", () => {
  it("shortens long quoted values and shows control characters as `sla check` does (issue 9.8, 9.14)", async () => {
    const zone = `\u001b[2J${"x".repeat(300)}`;
    const text = `policy p\ncalendar c {\n  zone "${zone}"\n  Mon-Fri 09:00-17:00\n}\n`;
    const { diagnostics } = await server().open(uriOf("hostile-zone"), text);
    const d = diagnostics.find((x) => x.code === "SLA201");
    expect(String(d!.message).split("\n")[0]).toBe(`invalid time zone \`\u241b[2J${"x".repeat(46)}…${"x".repeat(20)}\``);
    expect(d!.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it.each(SEEDS)("publishes no errors for the seed policy %s", async (name) => {
    const published = await server().open(uriOf(`seed-${name}`), seed(name));
    expect(published.version).toBe(1);
    expect(published.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
  });

  it("reports an unknown name with the CLI's code and message, the help, and the underlined name", async () => {
    const text = seed("imagicle").replace("| P2       | 4 business hours  | support_team", "| P2       | 4 business hours  | suport_team");
    const { diagnostics } = await server().open(uriOf("unknown-role"), text);
    const d = diagnostics.find((x) => x.code === "SLA101");
    expect(d).toBeDefined();
    expect(d!.source).toBe("sla");
    expect(d!.severity).toBe(DiagnosticSeverity.Error);
    expect(textAt(text, d!.range)).toBe("suport_team");
    // The same message as the compiler (and so as `sla check`), with its help on the next line.
    const expected = compile("x.sla", text).diagnostics.find((x) => x.code === "SLA101")!;
    expect(d!.message).toBe(`${expected.message}\nhelp: ${expected.help}`);
    expect(d!.message).toContain("did you mean `support_team`?");
  });

  it("points a duplicate at its first declaration through related information", async () => {
    const text = `${seed("kustomer")}\npriority P2 "again"\n`;
    const uri = uriOf("duplicate");
    const { diagnostics } = await server().open(uri, text);
    const d = diagnostics.find((x) => x.code === "SLA102")!;
    expect(textAt(text, d.range)).toBe("P2");
    expect(d.relatedInformation).toHaveLength(1);
    expect(d.relatedInformation![0]!.location.uri).toBe(uri);
    expect(d.relatedInformation![0]!.message).toContain("first declared here");
    expect(d.relatedInformation![0]!.location.range.start.line).toBeLessThan(d.range.start.line);
  });

  it("marks unused declarations as warnings that editors grey out", async () => {
    const text = `${seed("imagicle")}\nrole nobody "Nobody"\n`;
    const { diagnostics } = await server().open(uriOf("unused"), text);
    const d = diagnostics.find((x) => x.code === "SLA901")!;
    expect(d.severity).toBe(DiagnosticSeverity.Warning);
    expect(d.tags).toContain(DiagnosticTag.Unnecessary);
    expect(textAt(text, d.range)).toBe("nobody");
  });

  it("reports syntax errors of a half-typed clause at the right place", async () => {
    const text = 'policy x "X"\ncalendar c {\n  zone "UTC"\n  Mon-Fri 09:00-\n}\n';
    const { diagnostics } = await server().open(uriOf("syntax"), text);
    const d = diagnostics.find((x) => x.code === "SLA001")!;
    expect(d.message).toContain("expected a clock time");
    expect(textAt(text, d.range)).toBe("}");
  });

  it("clears diagnostics when a document closes", async () => {
    const uri = uriOf("closing");
    const opened = await server().open(uri, "policy x\nplan");
    expect(opened.diagnostics.length).toBeGreaterThan(0);
    const cleared = server().diagnostics(uri, null);
    await server().close(uri);
    expect((await cleared).diagnostics).toEqual([]);
  });

  it("converts positions in UTF-16 code units (astral characters before an error)", async () => {
    const text = `${seed("kustomer")}\nregion r "𝒳 😀 𝒴" { calendar alwayz }\n`;
    const { diagnostics } = await server().open(uriOf("utf16"), text);
    const d = diagnostics.find((x) => x.code === "SLA101")!;
    expect(textAt(text, d.range)).toBe("alwayz");
  });
});
