/** `sla test FILES…`: run the example cases inside policies, report pass/fail with values. */
import { dirname, resolve } from "node:path";
import { runExamples } from "../../runtime/examples.js";
import { expandPaths } from "../files.js";
import type { Io } from "../io.js";
import { loadPolicy } from "../policy.js";
import { describeReadFailure, readJsonFile } from "../read-file.js";

export async function runTest(args: { paths: string[]; io: Io }): Promise<number> {
  const { io } = args;
  const paint = (code: string, s: string) => (io.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const path of expandPaths(args.paths)) {
    const policy = loadPolicy(path, io);
    if (!policy) {
      broken++;
      continue;
    }
    io.out(`${path} (${policy.examples.length} example${policy.examples.length === 1 ? "" : "s"})\n`);
    const readPeriod = (file: string) => {
      // A period file is named relative to the policy's folder, wherever `sla test` runs; it is
      // read under the rules of every input (a regular file, bounded, content never echoed).
      const read = readJsonFile(resolve(dirname(path), file));
      if (read.ok) return { ok: true as const, json: read.value };
      return { ok: false as const, message: read.message === "no such file" ? `period file \`${file}\` not found (paths are relative to the policy's folder)` : `period file ${describeReadFailure(`\`${file}\``, read)}` };
    };
    for (const outcome of runExamples(policy, readPeriod)) {
      if (outcome.pass) {
        passed++;
        io.out(`  ${paint("32", "pass")} ${outcome.name}\n`);
        continue;
      }
      failed++;
      io.out(`  ${paint("31", "FAIL")} ${outcome.name}  (${outcome.origin.file}:${outcome.origin.line})\n`);
      if (outcome.error) io.out(`       ${outcome.error}\n`);
      for (const e of outcome.expectations.filter((x) => !x.pass)) {
        io.out(`       ${e.origin.file}:${e.origin.line}:${e.origin.column}: ${e.origin.text}\n`);
        io.out(`         expected: ${e.expected}\n         actual:   ${e.actual}\n`);
      }
    }
  }
  const tail = broken > 0 ? ` (${broken} polic${broken === 1 ? "y" : "ies"} with errors)` : "";
  io.out(`\n${passed} passed, ${failed} failed${tail}\n`);
  return failed > 0 || broken > 0 ? 1 : 0;
}
