/** `sla fmt [--check|--write] FILES…`: format through the prettier plugin (SPEC §4). */
import { writeFileSync } from "node:fs";
import { renderText } from "../../compiler/render.js";
import { renderFileProblemText } from "../../compiler/source-problems.js";
import { formatSla } from "../../format/format.js";
import { sourceFile } from "../../grammar/source.js";
import { expandPaths, readPolicyFile } from "../files.js";
import { type Io, UsageError } from "../io.js";

export async function runFmt(args: { paths: string[]; mode: "check" | "write" | "print"; io: Io }): Promise<number> {
  const { io } = args;
  let problems = 0;
  let changed = 0;
  const paths = expandPaths(args.paths);
  if (paths.length === 0) throw new UsageError("no .sla files found in the given paths");
  for (const path of paths) {
    const read = readPolicyFile(path);
    if (!read.ok) {
      problems++;
      io.err(`${renderFileProblemText(path, read.problem)}\n\n`);
      continue;
    }
    const result = await formatSla(read.text);
    if (!result.ok) {
      problems++;
      const file = sourceFile(path, read.text);
      for (const e of result.errors) {
        io.err(`${renderText({ code: e.kind === "lexical" ? "SLA002" : "SLA001", severity: "error", message: e.message, span: e.span }, file, { color: io.color })}\n\n`);
      }
      io.err(`${path}: not formatted: the file does not parse\n`);
      continue;
    }
    const same = result.text === read.text;
    if (args.mode === "print") io.out(result.text);
    else if (args.mode === "check") {
      if (!same) {
        changed++;
        io.out(`${path}: not formatted\n`);
      }
    } else if (!same) {
      writeFileSync(path, result.text);
      changed++;
      io.out(`formatted ${path}\n`);
    }
  }
  if (args.mode === "check") io.out(`${checkSummary(paths.length, changed, problems)}\n`);
  return problems > 0 || (args.mode === "check" && changed > 0) ? 1 : 0;
}

/**
 * What `fmt --check` found, in words that say nothing was written: "5 files already formatted",
 * "2 of 5 files need formatting; run `sla fmt --write`".
 */
export function checkSummary(checked: number, changed: number, problems: number): string {
  const files = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
  if (changed === 0 && problems === 0) return `${files(checked)} already formatted`;
  const parts: string[] = [];
  if (changed > 0) parts.push(`${changed} of ${files(checked)} ${changed === 1 ? "needs" : "need"} formatting; run \`sla fmt --write\``);
  if (problems > 0) parts.push(`${problems} of ${files(checked)} could not be formatted (see the errors above)`);
  return parts.join("\n");
}
