/**
 * Shared checks for the formatter's golden and property tests: format, check idempotence, and
 * compare what a text means (tokens, comments, CST without locations).
 */
import type { CstElement, CstNode } from "chevrotain";
import { expect } from "vitest";
import { parseSla } from "../../grammar/parse.js";
import { formatSla, type FormatOptions } from "../../format/index.js";
import { relex } from "../../format/soundness.js";

/** A CST with locations, offsets and token objects stripped: what equality should compare. */
export type StrippedCst = { rule: string; children: Record<string, StrippedCst[]> } | { type: string; image: string };

/** The CST of `node` without positions, children keyed and ordered as chevrotain builds them. */
export function stripCst(node: CstElement): StrippedCst {
  if ("image" in node) return { type: node.tokenType.name, image: node.image };
  const children: Record<string, StrippedCst[]> = {};
  for (const key of Object.keys(node.children).sort()) {
    children[key] = (node.children[key] ?? []).map(stripCst);
  }
  return { rule: node.name, children };
}

/** Parses `text`, failing the test on any syntax error. */
export function parseOk(text: string): CstNode {
  const result = parseSla(text);
  expect(result.errors, `syntax errors in:\n${text}`).toEqual([]);
  return result.cst;
}

/** Formats `text`, failing the test when it is refused. */
export async function format(text: string, options: FormatOptions = {}): Promise<string> {
  const result = await formatSla(text, options);
  if (!result.ok) throw new Error(`refused: ${result.errors.map((e) => e.message).join("; ")}\n${text}`);
  return result.text;
}

/**
 * The golden check (prettier-java's helper): `input` formats to `expected`, formatting the
 * output again changes nothing, and the output parses to the same CST as the input.
 */
export async function expectFormatsTo(input: string, expected: string, options: FormatOptions = {}): Promise<void> {
  const output = await format(input, options);
  expect(output).toBe(expected);
  expect(await format(output, options), "formatting is not idempotent").toBe(output);
  expectSameMeaning(input, output);
}

/** Same tokens, same comment texts, same CST once locations are stripped. */
export function expectSameMeaning(input: string, output: string): void {
  const before = relex(input);
  const after = relex(output);
  expect(after.lexErrors).toBe(0);
  expect(after.tokens).toEqual(before.tokens);
  expect(after.comments).toEqual(before.comments);
  expect(stripCst(parseOk(output))).toEqual(stripCst(parseOk(input)));
}
