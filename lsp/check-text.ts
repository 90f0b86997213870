/**
 * One check of a document's text, as `sla check` would do it: compile, or refuse a text larger
 * than a policy can be (SLA004). Used by the main thread (for features) and by the diagnostics
 * worker (for publishing), so both report the same thing.
 */
import { compile, type CompileResult, MAX_POLICY_BYTES } from "../compiler/index.js";
import { tooLargeProblem } from "../compiler/source-problems.js";
import { sourceFile } from "../grammar/source.js";

/** Compile a text, or refuse it as too large the way `sla check` does. Never throws. */
export function checkText(path: string, text: string): CompileResult {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes <= MAX_POLICY_BYTES) return compile(path, text);
  // An empty compile gives empty tables; the diagnostic says why nothing else is reported.
  const empty = compile(path, "");
  // A file-level diagnostic still needs a place an editor shows (issue 9.14): the first line.
  const firstBreak = text.search(/\r|\n/);
  const end = firstBreak < 0 ? Math.min(text.length, 200) : Math.min(firstBreak, 200);
  // Wording from the one home of file-level problems, so the editor says what `sla check` says.
  const { message, help } = tooLargeProblem(MAX_POLICY_BYTES);
  return {
    ...empty,
    file: sourceFile(path, text),
    diagnostics: [
      {
        code: "SLA004",
        severity: "error",
        message,
        help,
        span: { start: 0, end },
      },
    ],
  };
}
