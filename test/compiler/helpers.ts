/**
 * Test helpers for the checker: diagnostics are asserted by code and underlined text
 * (Cedar's `exactly_one_underline`), never by raw offsets.
 */
import { expect } from "vitest";
import { type CompileResult, compile } from "../../compiler/index.js";
import type { Code } from "../../compiler/codes.js";
import type { Diagnostic } from "../../compiler/diagnostic.js";

/** Compile a snippet as `test.sla`. */
export function check(src: string): CompileResult {
  return compile("test.sla", src);
}

/** The text a span underlines. */
export function textOf(src: string, span: { start: number; end: number }): string {
  return src.slice(span.start, span.end);
}

/** Every diagnostic as `CODE underlined-text`, in order: readable in a failure message. */
export function summary(result: CompileResult): string[] {
  return result.diagnostics.map((d) => `${d.code} ${JSON.stringify(textOf(result.file.text, d.span))}`);
}

/**
 * Compile `src` and return the one diagnostic with `code` whose span covers exactly `underlined`.
 * Fails (listing what was reported instead) when there is none.
 */
export function expectDiagnostic(src: string, code: Code, underlined: string): Diagnostic {
  const result = check(src);
  const found = result.diagnostics.filter((d) => d.code === code && textOf(src, d.span) === underlined);
  expect(found, `expected ${code} underlining ${JSON.stringify(underlined)}; got:\n  ${summary(result).join("\n  ") || "(nothing)"}`).toHaveLength(1);
  return found[0]!;
}

/** Compile `src` and expect no diagnostics of any severity. */
export function expectClean(src: string): CompileResult {
  const result = check(src);
  expect(summary(result)).toEqual([]);
  return result;
}

/** A valid prelude: header, one 09–18 calendar, priorities P1 and P2. Append declarations to it. */
export const PRELUDE = `policy test "Test"
calendar office {
  zone "Europe/Rome"
  Mon-Fri 09:00-18:00
}
priority P1 "Critical"
priority P2 "High"
`;

/** A target `response` with a complete `| priority | goal |` matrix over P1, P2. */
export const RESPONSE = `target response {
  start on open
  stop on respond, resolve
  goals {
    | priority | goal             |
    | P1       | 4 business hours |
    | P2       | 8 business hours |
  }
}
`;
