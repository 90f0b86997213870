/** Hovers over the protocol: names, goal cells with their calendars, zones, holidays, keywords. */
import { describe, expect, it } from "vitest";
import type { MarkupContent } from "vscode-languageserver-protocol";
import { serverForFile, seed } from "./client.js";
import { marked, textAt } from "./markers.js";

const server = serverForFile();
let n = 0;

/** Hover at `<|>` (which replaces nothing: it is inserted before the character hovered). */
async function hoverAt(fixture: string): Promise<{ value: string; underlined: string } | null> {
  const { text, position } = marked(fixture);
  const uri = `file:///test/hover-${n++}.sla`;
  await server().open(uri, text);
  const h = await server().hover(uri, position);
  if (!h) return null;
  return { value: (h.contents as MarkupContent).value, underlined: h.range ? textAt(text, h.range) : "" };
}

const imagicle = seed("imagicle");
/** Imagicle with the marker put before the first occurrence of `needle` (shifted by `shift`). */
const at = (needle: string, shift = 0, text = imagicle) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return `${text.slice(0, i + shift)}<|>${text.slice(i + shift)}`;
};

describe("hover", () => {
  it("runs an example case under the cursor and shows what the policy answers", async () => {
    const h = await hoverAt(at("expect response met due 2026-03-30T10:20:00+02:00", 3));
    expect(h?.underlined).toBe("expect response met due 2026-03-30T10:20:00+02:00");
    expect(h?.value).toContain("passes ✓");
    expect(h?.value).toContain("`response` (2 business hours): **met**, due 2026-03-30T10:20:00+02:00");
    expect(h?.value).toContain("escalated to Support Team at 2026-03-30T12:20:00+02:00");
  });

  it("shows expected and actual values of a failing expectation", async () => {
    const broken = imagicle.replace("expect response met due 2026-03-30T10:20:00+02:00", "expect response breached due 2026-03-30T10:20:00+02:00");
    const h = await hoverAt(at("expect response breached", 3, broken));
    expect(h?.value).toContain("fails ✗");
    expect(h?.value).toContain("expected: breached, due 2026-03-30T10:20:00+02:00");
    expect(h?.value).toContain("actual: met, due 2026-03-30T10:20:00+02:00 (goal 2 business hours)");
  });

  it("shows a priority's description", async () => {
    const h = await hoverAt(at("| P2       | 2 business days", 2));
    expect(h?.underlined).toBe("P2");
    expect(h?.value).toContain("**priority** `P2`");
    expect(h?.value).toContain("High — significant impact");
  });

  it("shows a plan's title and what it extends", async () => {
    const h = await hoverAt(at("platinum {\n  calendar for gold", 0));
    expect(h?.value).toContain("ImagicleCare Platinum");
    expect(h?.value).toContain("extends `gold`");
  });

  it("shows a calendar's hours from the IR", async () => {
    const h = await hoverAt(at("calendar europe_gold for gold", "calendar ".length + 3));
    expect(h?.underlined).toBe("europe_gold");
    expect(h?.value).toContain("Mon–Sat 09:00–18:00, Europe/Rome, open on IT holidays");
  });

  it("explains a goal cell with the calendar of each region for its plan", async () => {
    const h = await hoverAt(at("| 2 business hours    | 2 business hours |", 4));
    expect(h?.underlined).toBe("2 business hours");
    expect(h?.value).toContain("for `P2` × plan `gold`");
    expect(h?.value).toContain("gold/europe: `europe_gold`: Mon–Sat 09:00–18:00, Europe/Rome, open on IT holidays");
    expect(h?.value).toContain("gold/americas: `americas_gold`: Mon–Fri 07:00–17:00, Sat 08:00–12:00, America/New_York, open on US holidays");
    expect(h?.value).toContain("gold/middle_east_sun_thu: `middle_east_sun_thu_gold`: Sun–Thu 09:00–18:00, Sat 12:00–18:00, Asia/Dubai, open on AE holidays");
  });

  it("uses the basic calendars, closed on holidays, for a basic goal", async () => {
    const h = await hoverAt(at("| 2 business days   |", 4));
    expect(h?.value).toContain("close of the second business day");
    expect(h?.value).toContain("basic/europe: `europe_hours`: Mon–Fri 09:00–18:00, Europe/Rome, closed on IT holidays");
  });

  it("needs no calendar for an elapsed goal", async () => {
    const h = await hoverAt(at("| 60 minutes       |", 3));
    expect(h?.value).toContain("elapsed time, 24×7");
    expect(h?.value).not.toContain("europe_gold");
  });

  it("explains a goal met only before its due, with the calendars of a business one", async () => {
    const strict = imagicle.replace("| 2 business hours    | 2 business hours |", "| < 2 business hours  | 2 business hours |");
    const h = await hoverAt(at("| < 2 business hours  |", 4, strict));
    expect(h?.value).toContain("met only strictly before that due: a reply at the due itself misses");
    expect(h?.value).toContain("gold/europe: `europe_gold`");
  });

  it("shows a zone's UTC offsets", async () => {
    const h = await hoverAt(at('zone "Europe/Rome"', 8));
    expect(h?.underlined).toBe('"Europe/Rome"');
    expect(h?.value).toMatch(/UTC\+0[12]:00/);
    expect(h?.value).toMatch(/in (summer|winter)/);
  });

  it("lists the next public holidays of a holiday code", async () => {
    const h = await hoverAt(at('holidays "IT"', 11));
    expect(h?.value).toContain("the next public holidays");
    expect(h?.value.match(/^- \d{4}-\d{2}-\d{2} /gm)).toHaveLength(5);
  });

  it("explains keywords briefly", async () => {
    const h = await hoverAt(at("  kpi", 3, seed("lumapps")));
    expect(h?.underlined).toBe("kpi");
    expect(h?.value).toContain("non-binding");
  });

  it("says nothing over blank space or inside a comment", async () => {
    expect(await hoverAt(at("\n\n// §2 ImagicleCare", 1))).toBeNull();
    expect(await hoverAt(at("ImagicleCare Support Plans", 5))).toBeNull();
  });

  it("still explains goals and names in a document with errors", async () => {
    const broken = 'policy p\npriority P1 "Critical"\ntarget t {\n  goals {\n    | priority | goal |\n    | P1 | 4 business hours |\n  }\n  stop on\n}\n';
    const goal = await hoverAt(at("4 business hours", 0, broken));
    expect(goal?.value).toContain("due once 4 hours of the calendar's open time have passed");
    const name = await hoverAt(at("P1 |", 0, broken));
    expect(name?.value).toContain("Critical");
  });
});
