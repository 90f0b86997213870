/**
 * `sla diff` on credits in days added to the Term: more days in a band or a higher day cap is
 * stricter for the provider, fewer looser, each citing its line; days against money are mixed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const PATH = "examples/agreements/allspice.sla";
const ALLSPICE = readFileSync(PATH, "utf8");
const changed = (from: string, to: string) => {
  expect(ALLSPICE).toContain(from);
  return irOf(PATH, ALLSPICE.replace(from, to));
};
/** The 1-based line of the policy holding `text`. */
const lineOf = (text: string) => ALLSPICE.slice(0, ALLSPICE.indexOf(text)).split("\n").length;
const changesOf = (a: PolicyIR, b: PolicyIR) =>
  diffPolicies(a, b, H, { oldFile: "a", newFile: "b" }).changes.map((c) => ({ summary: c.summary, effect: c.effect, old: c.old?.line ?? null, new: c.new?.line ?? null }));

describe("sla diff on days of the Term", () => {
  const base = irOf(PATH, ALLSPICE);

  it("more days in a band is stricter, fewer looser, citing the band's line", () => {
    const more = changesOf(base, changed("| 99.5% | 3 days of term  |", "| 99.5% | 5 days of term  |"));
    expect(more).toEqual([{ summary: expect.stringContaining("below 99.5% 3 days of term, below 98% 7 days of term, below 95% 15 days of term → below 99.5% 5 days of term"), effect: "stricter", old: lineOf("| 99.5% | 3 days of term  |"), new: lineOf("| 99.5% | 3 days of term  |") }]);
    expect(changesOf(base, changed("| 98%   | 7 days of term  |", "| 98%   | 4 days of term  |")).map((c) => [c.effect, c.old])).toEqual([["looser", lineOf("| 98%   | 7 days of term  |")]]);
  });

  it("a higher day cap is stricter, a lower one looser, citing the cap's line", () => {
    expect(changesOf(base, changed("cap 15 days of term", "cap 20 days of term"))).toEqual([{ summary: "cap in days of the Term: 15 days → 20 days", effect: "stricter", old: lineOf("cap 15 days of term"), new: lineOf("cap 15 days of term") }]);
    expect(changesOf(base, changed("cap 15 days of term", "cap 10 days of term")).map((c) => c.effect)).toEqual(["looser"]);
  });

  it("days against money are mixed: neither is worth the other", () => {
    const money = irOf(PATH, ALLSPICE.replace(/(\d+) days of term(\s*)\|/g, (_, d: string, sp: string) => `${d}%${sp}|`).replace("cap 15 days of term", "cap 50%"));
    const bands = changesOf(base, money).find((c) => c.summary.startsWith("credit bands"));
    expect(bands).toMatchObject({ effect: "mixed", old: lineOf("| 99.5% | 3 days of term  |") });
  });
});
