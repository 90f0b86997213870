/** Completion and hover for yearly closures, rule holidays and recurring targets (issue 11.5–11.6). */
import { describe, expect, it } from "vitest";
import type { CompletionItem, MarkupContent } from "vscode-languageserver-protocol";
import { serverForFile, seed } from "./client.js";
import { marked } from "./markers.js";

const server = serverForFile();
let n = 0;
const imagicle = seed("imagicle");

async function labelsAt(fixture: string): Promise<string[]> {
  const { text, position } = marked(`${imagicle}\n${fixture}`);
  const uri = `file:///test/calendar-rules-${n++}.sla`;
  await server().open(uri, text);
  const result = await server().completion(uri, position);
  return (Array.isArray(result) ? result : (result?.items ?? [])).map((i: CompletionItem) => i.label);
}

async function hoverText(fixture: string): Promise<string> {
  const { text, position } = marked(`${imagicle}\n${fixture}`);
  const uri = `file:///test/calendar-rules-${n++}.sla`;
  await server().open(uri, text);
  return ((await server().hover(uri, position))?.contents as MarkupContent | undefined)?.value ?? "";
}

const calendar = (line: string) => `calendar c {\n  zone "UTC"\n  Mon-Fri 09:00-17:00\n  ${line}\n}`;

describe("calendars as contracts write them", () => {
  it("offers the yearly lines, months and ordinals, and the observance", async () => {
    expect(await labelsAt(calendar("<|>"))).toEqual(expect.arrayContaining(["closed every", "holiday"]));
    expect(await labelsAt(calendar("closed every <|>"))).toEqual(expect.arrayContaining(["Jan", "Dec", "third", "last"]));
    expect(await labelsAt(calendar('holiday "Thanksgiving" <|>'))).toEqual(expect.arrayContaining(["Nov", "fourth", "day after"]));
    expect(await labelsAt(calendar('holiday "Day after Thanksgiving" day after <|>'))).toEqual(expect.arrayContaining(["fourth", "Dec"]));
    expect(await labelsAt(calendar('holiday "Thanksgiving" fourth Thu of <|>'))).toEqual(expect.arrayContaining(["Nov"]));
    expect(await labelsAt(calendar('holiday "Independence Day" Jul 4 observed <|>'))).toEqual(["nearest weekday", "next weekday", "next free weekday"]);
  });

  it("a calendar's hover names its own holidays and counts its yearly closures", async () => {
    const text = `calendar <|>c {\n  zone "UTC"\n  Mon-Fri 09:00-17:00\n  holiday "Thanksgiving" fourth Thu of Nov\n  holiday "Memorial Day" last Mon of May\n  closed every Dec 24 from 14:00\n}`;
    expect(await hoverText(text)).toContain("closed on Thanksgiving, Memorial Day, 1 yearly closure");
  });

  it("explains the new words on hover", async () => {
    expect(await hoverText(calendar('holiday "Independence Day" Jul 4 <|>observed nearest weekday'))).toContain("Sat → Fri, Sun → Mon");
    expect(await hoverText(calendar("closed <|>every Dec 24 from 14:00"))).toContain("every year");
  });
});

describe("recurring targets", () => {
  const target = (line: string) => `target updates {\n  start on respond\n  ${line}\n  stop on resolve\n}`;

  it("offers `restart on` in a target and the events after it, not in an escalation", async () => {
    expect(await labelsAt(target("<|>"))).toContain("restart on");
    expect(await labelsAt(target("restart on <|>"))).toEqual(expect.arrayContaining(["respond", "resolve"]));
    expect(await labelsAt("escalation {\n  <|>\n}")).not.toContain("restart on");
  });

  it("explains `restart` on hover", async () => {
    expect(await hoverText(target("<|>restart on respond"))).toContain("recurring obligation");
  });
});
