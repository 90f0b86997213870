/** `sla settle POLICY PERIOD.json` (SPEC §6): the service credit and the invoice of a period. */
import { readFileSync } from "node:fs";
import { parsePeriod } from "../../runtime/period.js";
import { settle } from "../../runtime/settle.js";
import type { Io } from "../io.js";
import { loadPolicy } from "../policy.js";

export function runSettle(args: { policyPath: string; periodPath: string; io: Io }): number {
  const { io } = args;
  const policy = loadPolicy(args.policyPath, io);
  if (!policy) return 1;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(args.periodPath, "utf8"));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message = err.code === "ENOENT" ? "no such file" : err instanceof SyntaxError ? `invalid JSON: ${err.message}` : err.message;
    io.err(`${JSON.stringify({ error: { field: "", message: `${args.periodPath}: ${message}` } }, null, 2)}\n`);
    return 1;
  }
  const period = parsePeriod(json, policy);
  if (!period.ok) {
    io.err(`${JSON.stringify({ error: period.error }, null, 2)}\n`);
    return 1;
  }
  io.out(`${JSON.stringify(settle(policy, period.period), null, 2)}\n`);
  return 0;
}
