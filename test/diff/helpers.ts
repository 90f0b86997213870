/** Shared by the diff tests: run `sla diff` in-process, compile seed policies. */
import { readFileSync } from "node:fs";
import { runDiff, type DiffArgs } from "../../cli/commands/diff.js";
import { compile } from "../../compiler/index.js";
import type { PolicyIR } from "../../runtime/ir.js";

/** The fixed instant every diff test starts its horizon at (golden files depend on it). */
export const AT = "2026-01-01T00:00:00Z";

export async function diffCli(args: Partial<Omit<DiffArgs, "io">> & { paths: string[] }): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), color: false };
  const code = await runDiff({ rev: null, format: "text", at: AT, tickets: null, assert: null, ...args, io });
  return { code, out, err };
}

/** Compile a policy file or text; throws when it has errors (fixtures are valid). */
export function irOf(path: string, text = readFileSync(path, "utf8")): PolicyIR {
  const r = compile(path, text);
  if (!r.ir) throw new Error(`${path} does not compile: ${r.diagnostics.map((d) => d.message).join("; ")}`);
  return r.ir;
}

export const SEEDS = ["imagicle", "kustomer", "lucy", "lumapps", "promotron"] as const;
