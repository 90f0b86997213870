/**
 * The two versions of a policy: from files, or one from a git revision (`git show REV:FILE`).
 * Compiled through the compiler's public API; errors come back as text, never thrown.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { compile, renderText } from "../compiler/api.js";
import type { PolicyIR } from "../runtime/ir.js";

export type Loaded = { ok: true; ir: PolicyIR } | { ok: false; message: string };

/** Compile a policy text; on errors, the rendered diagnostics. */
export function compileText(label: string, text: string): Loaded {
  const r = compile(label, text.replace(/^\ufeff/, ""));
  if (r.ir) return { ok: true, ir: r.ir };
  const shown = r.diagnostics.filter((d) => d.severity === "error").map((d) => renderText(d, r.file, { color: false }));
  return { ok: false, message: `${shown.join("\n\n")}\n${label}: the policy has errors; run \`sla check\` on it` };
}

/** Read and compile a policy file. */
export function loadFile(path: string): Loaded {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read \`${path}\`: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message}` };
  }
  return compileText(path, text);
}

/** The text of `path` at git revision `rev`, read in the file's own repository. */
export function gitShow(rev: string, path: string): { ok: true; text: string } | { ok: false; message: string } {
  if (rev.startsWith("-")) return { ok: false, message: `\`${rev}\` is not a git revision` };
  const dir = dirname(resolve(path));
  const top = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8" });
  if (top.status !== 0) return { ok: false, message: `\`${path}\` is not in a git repository` };
  const inRepo = relative(top.stdout.trim(), resolve(path)).split("\\").join("/");
  const shown = spawnSync("git", ["show", `${rev}:${inRepo}`], { cwd: dir, encoding: "utf8", maxBuffer: 16 << 20 });
  if (shown.status !== 0) return { ok: false, message: `cannot read \`${inRepo}\` at revision \`${rev}\`: ${shown.stderr.trim().split("\n")[0]}` };
  return { ok: true, text: shown.stdout };
}
