/**
 * Reading the repository's own files in tests: a file by its path from the root, and a policy
 * compiled from it that must be free of errors (the test fails naming them otherwise).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A file of the repository, by its path from the root. */
export const readRepoFile = (path: string): string => readFileSync(join(ROOT, path), "utf8");

/** The IR of the policy at `path` (or of `text`, named `path`); throws with the errors when it has any. */
export function compiledPolicy(path: string, text = readRepoFile(path)): PolicyIR {
  const r = compile(path, text);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!r.ir || errors.length > 0) throw new Error(`${path}: ${errors.map((d) => d.message).join("; ")}`);
  return r.ir;
}
