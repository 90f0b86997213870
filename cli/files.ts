/**
 * Reading policy files for the CLI: directories expanded to their `.sla` files, and every way a
 * file can be unusable (missing, empty, not UTF-8, too large) turned into a diagnostic.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { MAX_POLICY_BYTES } from "../compiler/index.js";

export type ReadResult = { ok: true; path: string; text: string } | { ok: false; path: string; message: string; help: string };

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

export function readPolicyFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, path, message: "is a directory", help: "pass a `.sla` file or a directory of them" };
    if (st.size > MAX_POLICY_BYTES) {
      return { ok: false, path, message: `file is too large (${(st.size / 1024 / 1024).toFixed(1)} MB)`, help: `policies are at most ${MAX_POLICY_BYTES / 1024 / 1024} MB` };
    }
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot read the file (${code ?? "unknown error"})`;
    return { ok: false, path, message, help: "check the path and the file's permissions" };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, path, message: "file is not valid UTF-8", help: "save the policy as UTF-8 text" };
  }
  if (text.trim().length === 0) return { ok: false, path, message: "file is empty", help: 'a policy starts with `policy <id> "title"`' };
  return { ok: true, path, text: text.replace(/^\ufeff/, "") };
}
