/**
 * `sla compile POLICY`: the IR as JSON, the contract the runtime loads (SPEC §4); with
 * `--target sql`, the policy as SQL (issue 15, `compile-sql.ts`).
 */
import { type Io, UsageError } from "../io.js";
import { loadPolicy } from "../policy.js";

export async function runCompile(args: { path: string; target?: string | null; dialect?: string | null; years?: string | null; io: Io }): Promise<number> {
  if (args.target === "sql") return (await import("./compile-sql.js")).runCompileSql({ path: args.path, dialect: args.dialect ?? null, years: args.years ?? null, io: args.io });
  if (args.target != null && args.target !== "ir") throw new UsageError(`unknown target \`${args.target}\` (valid: ir, sql)`);
  if (args.dialect != null || args.years != null) throw new UsageError("`--dialect` and `--years` need `--target sql`");
  const ir = loadPolicy(args.path, args.io);
  if (!ir) return 1;
  args.io.out(`${JSON.stringify(ir, null, 2)}\n`);
  return 0;
}
