/** `sla compile POLICY`: the IR as JSON, the contract the runtime loads (SPEC §4). */
import type { Io } from "../io.js";
import { loadPolicy } from "../policy.js";

export function runCompile(args: { path: string; io: Io }): number {
  const ir = loadPolicy(args.path, args.io);
  if (!ir) return 1;
  args.io.out(`${JSON.stringify(ir, null, 2)}\n`);
  return 0;
}
