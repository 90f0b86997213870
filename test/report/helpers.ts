/** Shared by the report tests: run `sla report` in-process with a captured Io. */
import { runReport, type ReportArgs } from "../../cli/commands/report.js";

/** The evaluation instant of every golden report (the example tickets all lie before it). */
export const AT = "2027-01-01T00:00:00Z";

export const SEEDS = ["imagicle", "kustomer", "lucy", "lumapps", "promotron"] as const;

export async function reportCli(args: Partial<Omit<ReportArgs, "io">> & { policyPath: string; input: string }): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), color: false };
  const code = await runReport({ format: "text", at: AT, period: null, from: null, to: null, progress: false, ...args, io });
  return { code, out, err };
}
