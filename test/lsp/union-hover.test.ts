/**
 * The hover of a calendar open during others (IR 16): it says whose hours it joins, each member
 * described as a plain calendar is, and whose dates are its business days, wherever the calendar
 * is hovered (its name, a region using it, a business goal counted on it).
 */
import { describe, expect, it } from "vitest";
import type { MarkupContent } from "vscode-languageserver-protocol";
import { serverForFile } from "./client.js";
import { marked, textAt } from "./markers.js";

const server = serverForFile();
let n = 0;

/** Hover at `<|>` (inserted before the character hovered). */
async function hoverAt(fixture: string): Promise<{ value: string; underlined: string } | null> {
  const { text, position } = marked(fixture);
  const uri = `file:///test/union-hover-${n++}.sla`;
  await server().open(uri, text);
  const h = await server().hover(uri, position);
  if (!h) return null;
  return { value: (h.contents as MarkupContent).value, underlined: h.range ? textAt(text, h.range) : "" };
}

const POLICY = `policy fts "Follow the sun"
calendar emea { zone "Europe/London"  Mon-Fri 08:00-18:00  holidays "GB" }
calendar americas { zone "America/Chicago"  Mon-Fri 08:00-18:00  holidays "US" }
calendar apac { zone "Australia/Sydney"  Mon-Fri 08:00-18:00  holidays "AU-NSW" }
calendar global "Follow the sun" {
  zone "UTC"
  open during emea, americas, apac
}
calendar pair {
  zone "America/Los_Angeles"
  open during emea, americas
}
priority P1 "Critical"
region worldwide { calendar global }
target response {
  stop on respond
  goals {
    | priority | goal |
    | P1       | 4 business hours |
  }
}
`;

/** The policy with the marker before the first occurrence of `needle`, shifted by `shift`. */
const at = (needle: string, shift = 0) => {
  const i = POLICY.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return `${POLICY.slice(0, i + shift)}<|>${POLICY.slice(i + shift)}`;
};

const GLOBAL =
  "open whenever `emea` (Mon–Fri 08:00–18:00, Europe/London, closed on GB holidays), " +
  "`americas` (Mon–Fri 08:00–18:00, America/Chicago, closed on US holidays) or " +
  "`apac` (Mon–Fri 08:00–18:00, Australia/Sydney, closed on AU-NSW holidays) is open; business days on UTC dates";

describe("hover over a calendar open during others", () => {
  it("names each member with its hours, zone and holidays, and the zone of its business days", async () => {
    const h = await hoverAt(at("calendar global", "calendar ".length + 2));
    expect(h?.underlined).toBe("global");
    expect(h?.value.split("\n\n").slice(0, 3)).toEqual(["**calendar** `global`", "Follow the sun", GLOBAL]);
    expect(h?.value).not.toContain("never open");
  });

  it("joins two members with `or` and reads business days in its own zone", async () => {
    const h = await hoverAt(at("calendar pair", "calendar ".length));
    expect(h?.value.split("\n\n")[1]).toBe(
      "open whenever `emea` (Mon–Fri 08:00–18:00, Europe/London, closed on GB holidays) or " +
        "`americas` (Mon–Fri 08:00–18:00, America/Chicago, closed on US holidays) is open; business days on America/Los_Angeles dates",
    );
  });

  it("describes a plain member as before", async () => {
    const h = await hoverAt(at("calendar apac", "calendar ".length));
    expect(h?.value.split("\n\n")[1]).toBe("Mon–Fri 08:00–18:00, Australia/Sydney, closed on AU-NSW holidays");
  });

  it("describes the union where a region uses it and where a business goal counts on it", async () => {
    const region = await hoverAt(at("region worldwide", "region ".length));
    expect(region?.value).toContain(`- calendar \`global\`: ${GLOBAL}`);
    const goal = await hoverAt(at("4 business hours", 0));
    expect(goal?.value).toContain(`\`global\`: ${GLOBAL}`);
  });
});
