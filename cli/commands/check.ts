/** `sla check FILES|DIRS…` (SPEC §4): diagnostics for people or JSON for machines. */
import { compile } from "../../compiler/index.js";
import { renderJson, renderText } from "../../compiler/render.js";
import { renderFileProblemJson, renderFileProblemText } from "../../compiler/source-problems.js";
import { expandPaths, readPolicyFile } from "../files.js";
import { type Io, UsageError } from "../io.js";

export function runCheck(args: { paths: string[]; format: string; io: Io }): number {
  const { io } = args;
  if (args.format !== "text" && args.format !== "json") throw new UsageError(`unknown format \`${args.format}\` (use text or json)`);
  const paths = expandPaths(args.paths);
  if (paths.length === 0) throw new UsageError("no .sla files found in the given paths");
  let errors = 0;
  let warnings = 0;
  let clean = 0;
  const json: unknown[] = [];
  for (const path of paths) {
    const read = readPolicyFile(path);
    if (!read.ok) {
      errors++;
      if (args.format === "json") json.push({ file: path, ok: false, diagnostics: [renderFileProblemJson(path, read.problem)] });
      else io.out(`${renderFileProblemText(path, read.problem)}\n\n`);
      continue;
    }
    const result = compile(path, read.text);
    const fileErrors = result.diagnostics.filter((d) => d.severity === "error").length;
    errors += fileErrors;
    warnings += result.diagnostics.length - fileErrors;
    if (fileErrors === 0) clean++;
    if (args.format === "json") {
      json.push({ file: path, ok: fileErrors === 0, diagnostics: result.diagnostics.map((d) => renderJson(d, result.file)) });
    } else {
      for (const d of result.diagnostics) io.out(`${renderText(d, result.file, { color: io.color })}\n\n`);
      if (fileErrors === 0) io.out(`ok ${path}${result.diagnostics.length > 0 ? ` (${result.diagnostics.length} warning${result.diagnostics.length === 1 ? "" : "s"})` : ""}\n`);
    }
  }
  if (args.format === "json") io.out(`${JSON.stringify({ files: json, errors, warnings }, null, 2)}\n`);
  else {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
    io.out(`\n${plural(paths.length, "file")} checked: ${clean} clean, ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
  }
  return errors > 0 ? 1 : 0;
}
