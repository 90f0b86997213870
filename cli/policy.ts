/** Load and compile a policy for the commands that run it; diagnostics printed on failure. */
import { compile } from "../compiler/index.js";
import { renderText } from "../compiler/render.js";
import { renderFileProblemText } from "../compiler/source-problems.js";
import type { PolicyIR } from "../runtime/ir.js";
import { readPolicyFile } from "./files.js";
import type { Io } from "./io.js";

export function loadPolicy(path: string, io: Io): PolicyIR | null {
  const read = readPolicyFile(path);
  if (!read.ok) {
    io.err(`${renderFileProblemText(path, read.problem)}\n`);
    return null;
  }
  const result = compile(path, read.text);
  if (!result.ir) {
    for (const d of result.diagnostics) io.err(`${renderText(d, result.file, { color: io.color })}\n\n`);
    io.err(`${path}: the policy has errors; run \`sla check ${path}\`\n`);
    return null;
  }
  return result.ir;
}
