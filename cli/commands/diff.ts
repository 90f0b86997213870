/**
 * `sla diff OLD.sla NEW.sla` and `sla diff --rev REV FILE…` (issue 13): what a policy change
 * means, which tickets it moves (`--tickets`), and whether it is no looser or no stricter
 * (`--assert`). Exit codes are in `diff/exit-codes.ts`.
 */
import { createReadStream, statSync } from "node:fs";
import { assertRule } from "../../diff/assert.js";
import { DiffExit } from "../../diff/exit-codes.js";
import { horizonFrom } from "../../diff/horizon.js";
import { impactOf } from "../../diff/impact.js";
import { compileText, gitShow, loadFile, type Loaded } from "../../diff/load.js";
import type { DiffReport } from "../../diff/model.js";
import { renderMarkdown } from "../../diff/render-markdown.js";
import { renderText } from "../../diff/render-text.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import { batches, batchLines } from "../../runtime/ndjson-lines.js";
import { type Io, UsageError } from "../io.js";

export interface DiffArgs {
  readonly paths: readonly string[];
  readonly rev: string | null;
  readonly format: string;
  readonly at: string | null;
  readonly tickets: string | null;
  readonly assert: string | null;
  readonly io: Io;
}

const FORMATS = ["text", "json", "markdown"];
const RULES = ["no-looser", "no-stricter"] as const;

/** The pairs of versions to compare: [label old, label new, old, new]. */
function pairsOf(args: DiffArgs): Array<{ oldFile: string; newFile: string; old: Loaded; new: Loaded }> {
  if (args.rev === null) {
    if (args.paths.length !== 2) throw new UsageError("`sla diff` needs two policy files (OLD NEW), or `--rev REV FILE…`");
    return [{ oldFile: args.paths[0]!, newFile: args.paths[1]!, old: loadFile(args.paths[0]!), new: loadFile(args.paths[1]!) }];
  }
  if (args.paths.length === 0) throw new UsageError("`sla diff --rev REV` needs at least one policy file");
  return args.paths.map((path) => {
    const shown = gitShow(args.rev!, path);
    const label = `${args.rev}:${path}`;
    return { oldFile: label, newFile: path, old: shown.ok ? compileText(label, shown.text) : shown, new: loadFile(path) };
  });
}

/**
 * The lines of a tickets file, one array per chunk read, through the NDJSON reader `sla eval` and
 * `sla report` use (a byte-order mark dropped at the start only, `\r\n` ends, a line split across
 * chunks): line `i` of the input is the `i`-th line yielded, so impact can name it.
 */
async function* ticketLines(path: string): AsyncGenerator<string[]> {
  for await (const batch of batches(createReadStream(path, { highWaterMark: 1 << 18 }))) yield batchLines(batch);
}

export async function runDiff(args: DiffArgs): Promise<number> {
  const { io } = args;
  if (!FORMATS.includes(args.format)) throw new UsageError(`\`--format\` is one of ${FORMATS.join(", ")}, not \`${args.format}\``);
  const rule = args.assert;
  if (rule !== null && !(RULES as readonly string[]).includes(rule)) throw new UsageError(`\`--assert\` is \`no-looser\` or \`no-stricter\`, not \`${rule}\``);
  // Now, to the minute: reports read better without milliseconds.
  const at = args.at === null ? Date.now() - (Date.now() % 60_000) : parseInstant(args.at);
  if (at === null) throw new UsageError(`--at \`${args.at}\` is not an ISO-8601 instant with an offset (e.g. 2026-03-31T00:00:00Z)`);
  if (args.tickets !== null) {
    let isFile = false;
    try {
      isFile = statSync(args.tickets).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) {
      io.err(`sla: cannot read tickets \`${args.tickets}\`: no such file\n`);
      return DiffExit.inputError;
    }
  }
  const horizon = horizonFrom(at);
  const reports: DiffReport[] = [];
  for (const pair of pairsOf(args)) {
    let failed = false;
    for (const side of [pair.old, pair.new]) {
      if (!side.ok) {
        io.err(`sla: ${side.message}\n`);
        failed = true;
      }
    }
    if (failed || !pair.old.ok || !pair.new.ok) return DiffExit.inputError;
    const report = diffPolicies(pair.old.ir, pair.new.ir, horizon, { oldFile: pair.oldFile, newFile: pair.newFile });
    if (args.tickets !== null) report.impact = await impactOf(pair.old.ir, pair.new.ir, ticketLines(args.tickets), args.at === null ? null : at);
    if (rule !== null) report.assertion = assertRule(rule as (typeof RULES)[number], pair.old.ir, pair.new.ir, horizon);
    reports.push(report);
  }
  // The JSON's shape follows the mode (`DiffOutputSchema`): a report for OLD NEW, `{ reports }` for --rev.
  if (args.format === "json") io.out(`${JSON.stringify(args.rev === null ? reports[0] : { reports }, null, 2)}\n`);
  else io.out(reports.map(args.format === "markdown" ? renderMarkdown : renderText).join("\n"));
  if (reports.some((r) => r.assertion && !r.assertion.holds)) return DiffExit.assertionFailed;
  return reports.every((r) => r.same) ? DiffExit.same : DiffExit.changes;
}
