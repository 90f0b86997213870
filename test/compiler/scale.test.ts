/**
 * Size: a 5,000-line policy and 1 MB of junk (the CLI's size limit) compile well under a second
 * on a developer machine. The budgets here are looser, for slow CI runners; they still catch the
 * quadratic error recovery that once took 17 s on 1 MB of junk.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { SlaParser } from "../../grammar/parser.js";

/** A clean policy of about `lines` lines: calendars, regions, targets, examples. */
export function bigPolicy(lines: number): string {
  const out = ['policy big "Big"', 'priority P1 "a"', 'priority P2 "b"', 'plan basic "b"', 'plan gold "g"', 'role ceo "CEO"'];
  for (let i = 0; out.length < lines; i++) {
    out.push(`calendar cal_${i} "Calendar ${i}" {`, `  zone "Europe/Rome"`, `  Mon-Thu 08:00-12:00, 13:00-17:00`, `  Fri 08:00-13:00`, `  holidays "IT"`, `  closed 2026-12-24 from 13:00`, `}`);
    out.push(`region region_${i} {`, `  calendar cal_${i}`, `  languages en, it`, `}`);
    out.push(`target t_${i} {`, `  start on open`, `  pause on pause`, `  resume on resume`, `  stop on respond, resolve`, `  goals {`);
    out.push(`    | priority | basic | gold |`, `    | P1 | next business day | 4 business hours |`, `    | P2 | best effort | 8 business hours |`, `  }`, `}`);
    out.push(`example "e${i}" {`, `  priority P1`, `  plan gold`, `  region region_${i}`, `  opened 2026-03-02T10:00:00+01:00`, `  expect t_${i} met`, `}`);
  }
  out.push(`escalation {`, `  {`, `    | priority | after | to |`, `    | P1 | 2 business hours | ceo |`, `  }`, `}`);
  return `${out.join("\n")}\n`;
}

/** `bytes` of pseudo-random junk made of the language's tokens and stray characters. */
export function junk(bytes: number): string {
  const pieces = ["calendar", "{", "}", "|", "09:00", "-", "Mon", "zone", '"x"', "@", "#", "é", "\n", " ", "plan", "gold", "2026-12-24", "20%", "//c\n", "target", "goals", "extends"];
  const out: string[] = [];
  let s = 1;
  for (let n = 0; n < bytes; ) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const p = pieces[s % pieces.length]!;
    out.push(p, s % 3 === 0 ? "\n" : " ");
    n += p.length + 1;
  }
  return out.join("").slice(0, bytes);
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe("compile at scale", () => {
  it("a 5,000-line policy compiles clean", () => {
    const text = bigPolicy(5000);
    expect(text.split("\n").length).toBeGreaterThanOrEqual(5000);
    const { value, ms } = timed(() => compile("big.sla", text));
    expect(value.diagnostics).toEqual([]);
    expect(value.ir?.targets.length).toBe(value.ir?.calendars.length);
    expect(value.ir?.examples.length).toBeGreaterThan(100);
    expect(ms).toBeLessThan(2000);
  });

  it("1 MB of junk compiles, with a bounded number of syntax errors", () => {
    const text = junk(1024 * 1024);
    const { value, ms } = timed(() => compile("junk.sla", text));
    const syntax = value.diagnostics.filter((d) => d.code === "SLA001");
    expect(syntax.length).toBe(SlaParser.MAX_ERRORS + 1);
    expect(syntax.at(-1)?.message).toBe(`too many syntax errors (${SlaParser.MAX_ERRORS}): the rest of the file is not read`);
    expect(ms).toBeLessThan(3000);
  });

  it("1 MB of stray tokens inside one block compiles (each error no longer rescans to the closing brace)", () => {
    const text = `policy p "P"\ncalendar c {\n  zone "UTC"\n${"  foo Mon 09:00-10:00\n".repeat(47_000)}}\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const { value, ms } = timed(() => compile("block.sla", text));
    expect(value.diagnostics.filter((d) => d.code === "SLA001")).toHaveLength(SlaParser.MAX_ERRORS + 1);
    expect(ms).toBeLessThan(3000);
  });
});
