/**
 * `sla report POLICY TICKETS.ndjson|-` (issue 12 item 6): per month of the billing zone, tickets
 * by priority and plan, each target's met / breached / pending and attainment, the clauses
 * behind the breaches and the credits due, as text, JSON, markdown or one self-contained HTML
 * page. Streams: the tickets go through `report/aggregate.ts` one at a time.
 */
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { inSupportedYears, SUPPORTED_YEARS } from "../../runtime/io.js";
import { billingZone } from "../../runtime/period.js";
import { ReportAggregator } from "../../report/aggregate.js";
import type { Report } from "../../report/model.js";
import { type DateRange, PeriodArgumentError, selectRange } from "../../report/periods.js";
import { renderHtml } from "../../report/render-html.js";
import { renderMarkdown } from "../../report/render-markdown.js";
import { renderText } from "../../report/render-text.js";
import { type Io, processIo, UsageError } from "../io.js";
import { batches } from "../../runtime/ndjson-lines.js";
import { loadPolicy } from "../policy.js";

/** The command line of `sla report`, parsed by `cli/app.ts`. */
export interface ReportArgs {
  readonly policyPath: string;
  readonly input: string;
  readonly format: string;
  readonly at: string | null;
  readonly period: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly io: Io;
  /** Progress on stderr; by default only when the process's stderr is a terminal. */
  readonly progress?: boolean;
}

const RENDERERS: Record<string, (r: Report) => string> = {
  text: renderText,
  json: (r) => `${JSON.stringify(r, null, 2)}\n`,
  markdown: renderMarkdown,
  html: renderHtml,
};

/** Lines between two progress updates on a terminal. */
const PROGRESS_EVERY = 50_000;

/** The checked options: the renderer, the range of local dates and the evaluation instant. Usage errors throw. */
function checkedOptions(args: ReportArgs): { render: (r: Report) => string; range: DateRange; asOfMs: number } {
  const render = RENDERERS[args.format];
  if (!render) throw new UsageError(`\`--format\` is one of ${Object.keys(RENDERERS).join(", ")}, not \`${args.format}\``);
  let range: DateRange;
  try {
    range = selectRange(args.period, args.from, args.to);
  } catch (e) {
    if (e instanceof PeriodArgumentError) throw new UsageError(e.message);
    throw e;
  }
  const asOfMs = args.at === null ? Date.now() : parseInstant(args.at);
  if (asOfMs === null || !inSupportedYears(asOfMs)) {
    throw new UsageError(`--at \`${args.at}\` is not an ISO-8601 instant with an offset in the years ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to} (e.g. 2026-03-31T00:00:00Z)`);
  }
  return { render, range, asOfMs };
}

/** Standard input for `-`, else the file as a stream; `null` (after saying why) when it is not a file. */
function openTickets(input: string, io: Io): Readable | null {
  if (input === "-") return process.stdin;
  let isFile = false;
  try {
    isFile = statSync(input).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) {
    io.err(`sla: cannot read tickets \`${input}\`: no such file\n`);
    return null;
  }
  return createReadStream(input, { highWaterMark: 1 << 18 });
}

/** Every line of the stream into the aggregator, a batch at a time; progress on `io.err` when asked. */
async function readTickets(stream: Readable, aggregator: ReportAggregator, io: Io, progress: boolean): Promise<void> {
  let read = 0;
  try {
    for await (const batch of batches(stream)) {
      const count = aggregator.addBatch(batch);
      if (progress && Math.floor((read + count) / PROGRESS_EVERY) > Math.floor(read / PROGRESS_EVERY)) {
        io.err(`\rsla report: ${(read + count).toLocaleString("en-US")} lines read`);
      }
      read += count;
    }
  } finally {
    if (progress && read >= PROGRESS_EVERY) io.err("\n");
  }
}

/** Run `sla report`; the exit code: 0, 1 when some line was bad or the input unreadable (usage errors throw). */
export async function runReport(args: ReportArgs): Promise<number> {
  const { io } = args;
  const { render, range, asOfMs } = checkedOptions(args);
  const stream = openTickets(args.input, io);
  if (!stream) return 1;
  const policy = loadPolicy(args.policyPath, io);
  if (!policy) return 1;
  const aggregator = new ReportAggregator(policy, { zone: billingZone(policy), range, asOfMs });
  try {
    await readTickets(stream, aggregator, io, args.progress ?? (io === processIo && Boolean(process.stderr.isTTY)));
  } catch (e) {
    io.err(`sla: cannot read tickets \`${args.input}\`: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  const report = aggregator.report({ file: args.policyPath, asOf: formatInstant(asOfMs, "UTC"), asOfSource: args.at === null ? "now" : "--at" });
  io.out(render(report));
  // As `sla eval`: 1 when some line was not a ticket, though the report covers every good one.
  return report.badLines.count > 0 ? 1 : 0;
}
