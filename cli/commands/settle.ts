/** `sla settle POLICY PERIOD.json` (SPEC §6): the service credit and the invoice of a period. */
import { parsePeriod } from "../../runtime/period.js";
import { settle } from "../../runtime/settle.js";
import type { Io } from "../io.js";
import { loadPolicy } from "../policy.js";
import { describeReadFailure, readJsonFile } from "../read-file.js";

export function runSettle(args: { policyPath: string; periodPath: string; io: Io }): number {
  const { io } = args;
  const policy = loadPolicy(args.policyPath, io);
  if (!policy) return 1;
  const read = readJsonFile(args.periodPath);
  if (!read.ok) {
    io.err(`${JSON.stringify({ error: { field: "", message: describeReadFailure(args.periodPath, read) } }, null, 2)}\n`);
    return 1;
  }
  const period = parsePeriod(read.value, policy);
  if (!period.ok) {
    io.err(`${JSON.stringify({ error: period.error }, null, 2)}\n`);
    return 1;
  }
  io.out(`${JSON.stringify(settle(policy, period.period), null, 2)}\n`);
  return 0;
}
