/**
 * Reading policy files for the CLI: directories expanded to their `.sla` files, and every way a
 * file can be unusable (missing, not a regular file, empty, not UTF-8, too large) turned into a
 * file-level diagnostic (SLA004) with a position.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodePolicy, type FileProblem, MAX_POLICY_BYTES, tooLargeProblem } from "../compiler/source-problems.js";
import { readRegularFile } from "./read-file.js";

export type ReadResult = { ok: true; path: string; text: string } | { ok: false; path: string; problem: FileProblem };

/** Expand the arguments: files as given, directories to the `.sla` files below them, sorted. */
export function expandPaths(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      out.push(arg);
      continue;
    }
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(p);
        } else if (entry.name.endsWith(".sla")) out.push(p);
      }
    };
    walk(arg);
  }
  return out;
}

/**
 * Read a policy: a regular file of at most `MAX_POLICY_BYTES`, UTF-8, not empty. Every failure
 * is a file-level problem (SLA004) with a position; the file's content is never echoed.
 */
export function readPolicyFile(path: string): ReadResult {
  const read = readRegularFile(path, MAX_POLICY_BYTES);
  if (!read.ok) {
    if (read.reason === "too-large") return { ok: false, path, problem: tooLargeProblem(MAX_POLICY_BYTES) };
    const help = read.reason === "directory" ? "pass a `.sla` file or a directory of them" : read.reason === "not-regular" ? "policies are regular files" : "check the path and the file's permissions";
    return { ok: false, path, problem: { message: read.message, help, line: 1, column: 1 } };
  }
  const decoded = decodePolicy(read.bytes, MAX_POLICY_BYTES);
  return decoded.ok ? { ok: true, path, text: decoded.text } : { ok: false, path, problem: decoded.problem };
}
