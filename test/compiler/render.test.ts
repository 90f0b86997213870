/**
 * The text renderer on hostile input (issue 9, items 8 and 14): excerpts of long lines are
 * clipped with the caret still under the diagnosed text, quoted values are shortened, and no
 * control character from the policy reaches the terminal. The golden side is in
 * `test/fixtures/check/err/SLA201-long-line-clipped.sla` and `SLA201-control-characters.sla`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { clipExcerpt, MAX_EXCERPT_COLUMNS, MAX_QUOTED_HINT_LENGTH, MAX_QUOTED_LENGTH, printable, printableMessage, renderText } from "../../compiler/render.js";
import { propertyRuns } from "../property/budget.js";

/** Every rendered diagnostic of `src`, as `sla check` prints them (no colour). */
function rendered(src: string, color = false): string[] {
  const result = compile("test.sla", src);
  return result.diagnostics.map((d) => renderText(d, result.file, { color }));
}

/** The excerpt's source line and caret line of a rendered diagnostic (its 3rd and 4th lines). */
function excerptOf(block: string): { source: string; carets: string } {
  const lines = block.split("\n");
  return { source: lines[2]!.replace(/^\d+ \| /, ""), carets: lines[3]!.replace(/^ +\| /, "") };
}

/** The text the carets underline. */
function underlined(excerpt: { source: string; carets: string }): string {
  const at = excerpt.carets.indexOf("^");
  return excerpt.source.slice(at, at + excerpt.carets.length - at);
}

describe("long lines", () => {
  // 200 bad zones on one line of 900 KB: each diagnostic once repeated the whole line (181 MB).
  const parts = ['policy p "P"'];
  for (let i = 0; i < 200; i++) parts.push(`calendar c${i} { zone "Bad/Zone${i}" 24x7 }`, `plan p${i} "${"x".repeat(4400)}"`);
  const src = `${parts.join(" ")}\n`;

  it("a 900 KB one-line policy with 200 errors prints each excerpt clipped, caret on its zone", () => {
    expect(src.length).toBeGreaterThan(880_000);
    const blocks = rendered(src);
    expect(blocks).toHaveLength(200);
    blocks.forEach((block, i) => {
      const excerpt = excerptOf(block);
      expect(excerpt.source.length).toBeLessThanOrEqual(MAX_EXCERPT_COLUMNS + 2);
      expect(underlined(excerpt)).toBe(`"Bad/Zone${i}"`);
    });
    expect(blocks.join("\n\n").length).toBeLessThan(200 * 500);
  });

  it("marks both cuts and keeps a line of exactly the limit whole", () => {
    const line = `${"a".repeat(100)}XYZ${"b".repeat(100)}`;
    expect(clipExcerpt(line, { start: 0, end: line.length }, 100, 3)).toEqual({
      text: `…${"a".repeat(40)}XYZ${"b".repeat(77)}…`,
      caretAt: 41,
      caretWidth: 3,
    });
    const exact = "c".repeat(MAX_EXCERPT_COLUMNS);
    expect(clipExcerpt(exact, { start: 0, end: exact.length }, 119, 1)).toEqual({ text: exact, caretAt: 119, caretWidth: 1 });
  });

  it("underlines a span that runs past the cut up to and under the `…`", () => {
    const line = `${"a".repeat(10)}${"Z".repeat(300)}`;
    expect(clipExcerpt(line, { start: 0, end: line.length }, 10, 300)).toEqual({
      text: `${"a".repeat(10)}${"Z".repeat(110)}…`,
      caretAt: 10,
      caretWidth: 111,
    });
  });

  it("does not cut a surrogate pair in half", () => {
    const line = `${"😀".repeat(100)}X${"😀".repeat(100)}`;
    const clipped = clipExcerpt(line, { start: 0, end: line.length }, 200, 1);
    expect(clipped.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(clipped.text.slice(clipped.caretAt, clipped.caretAt + 1)).toBe("X");
  });

  it("always puts the carets under the span's own text (property)", () => {
    const chars = fc.constantFrom("a", "b", " ", "\t", "\u001b", "é", "\u009b");
    fc.assert(
      fc.property(
        fc.array(chars, { minLength: 1, maxLength: 400 }).map((cs) => cs.join("")),
        fc.nat(),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 20, max: 200 }),
        (line, at, want, max) => {
          const start = at % line.length;
          const width = Math.min(want, line.length - start);
          const shown = clipExcerpt(line, { start: 0, end: line.length }, start, width, max);
          const marks = (shown.text.startsWith("…") ? 1 : 0) + (shown.text.endsWith("…") && line.length > max ? 1 : 0);
          expect(shown.text.length).toBeLessThanOrEqual(Math.max(line.length, max + marks));
          const under = shown.text.slice(shown.caretAt, shown.caretAt + shown.caretWidth);
          const expected = printable(line.slice(start, start + width).replace(/\t/g, " "));
          if (under.endsWith("…") && shown.caretAt + shown.caretWidth === shown.text.length && shown.text.length < line.length) {
            expect(expected.startsWith(under.slice(0, -1))).toBe(true);
          } else expect(under).toBe(expected);
        },
      ),
      { numRuns: propertyRuns(3) },
    );
  });
});

describe("quoted values in messages", () => {
  it("shortens a 200,000-character zone in the message to its head, `…` and tail", () => {
    const zone = `Europe/Rome${"x".repeat(200_000)}END`;
    const [block] = rendered(`policy p "P"\ncalendar c {\n  zone "${zone}"\n  24x7\n}\n`);
    const header = block!.split("\n")[0]!;
    expect(header).toBe(`test.sla:3:8: error[SLA201]: invalid time zone \`Europe/Rome${"x".repeat(39)}…${"x".repeat(17)}END\``);
    expect(block!.length).toBeLessThan(600);
  });

  it("prints a hint's own syntax example whole, while a long value quoted in the message is shortened", () => {
    // An escalation written without its table braces: the hint shows the whole form.
    const text = 'policy x "X"\nplan gold "Gold"\npriority P1 "p"\nescalation for gold {\n  start on open\n  | P1 | 1 hour | boss |\n}\n';
    const out = rendered(text).join("\n");
    expect(out).toContain("= help: an escalation is `escalation for gold { calendar for gold  start on open  stop on resolve  { | priority | after | to | … } }`");
    const long = "x".repeat(MAX_QUOTED_HINT_LENGTH + 10);
    expect(printableMessage(`see \`${long}\``, MAX_QUOTED_HINT_LENGTH)).not.toContain(long);
    expect(printableMessage(`see \`${"y".repeat(MAX_QUOTED_LENGTH + 10)}\``)).toContain("…");
  });

  it("leaves short quoted values and the text between them alone", () => {
    const message = `unknown plan \`${"g".repeat(MAX_QUOTED_LENGTH)}\`; declared plans: \`a\`, \`b\``;
    expect(printableMessage(message)).toBe(message);
  });
});

describe("control characters", () => {
  it("maps C0 (but tab), DEL and C1 to one visible character each", () => {
    expect(printable("a\u0000b\u0007c\td\ne\u001bf\u007fg\u0080h\u009bi\u009fj\u00a0k")).toBe("a␀b␇c\td␊e␛f␡g\ufffdh\ufffdi\ufffdj\u00a0k");
  });

  it("an ESC sequence in a policy never reaches the terminal, with or without colour", () => {
    const src = `policy p "P"\ncalendar c {\n  zone "\u001b[2J\u001b]0;owned\u0007Europe/Rome"\n  24x7\n}\nrole ceo "CEO" \u001b[31m\n`;
    const plain = rendered(src).join("\n\n");
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(plain).toContain("invalid time zone `␛[2J␛]0;owned␇Europe/Rome`");
    expect(plain).toContain('  zone "␛[2J␛]0;owned␇Europe/Rome"');
    expect(plain).toContain("unexpected characters `␛[`");
    // With colour, the only escape sequences are the renderer's own SGR codes.
    const coloured = rendered(src, true).join("\n\n");
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, "")).toBe(plain);
    expect(coloured.match(/\u001b[^[]|\u001b\[[0-9;]*[^0-9;m]/g)).toBeNull();
  });
});
