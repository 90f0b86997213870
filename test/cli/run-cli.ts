/**
 * The CLI for tests: `sla(args)` runs `main(argv, io)` of cli/app.ts in this process with a
 * captured Io (no node start, no module loading per call: the slow part of spawning the binary);
 * `slaBinary(args)` spawns the built binary (`npm run build` first) for what only a real process
 * shows: exit codes set by main.ts, stdin, environment, worker threads, a closed pipe.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../../cli/app.js";

/** What a run of the CLI printed and its exit code. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built binary. */
export const CLI = join(process.cwd(), "dist", "cli", "main.js");

/** Run `sla ARGS` in-process; stdin is not available (spawn the binary for `-`). */
export async function sla(args: readonly string[]): Promise<CliRun> {
  const out: Buffer[] = [];
  let stderr = "";
  const code = await main(args, {
    out: (text) => void out.push(Buffer.from(text, "utf8")),
    // Copied: a command may reuse its buffer after writing it.
    outBytes: (bytes) => void out.push(Buffer.from(bytes)),
    err: (text) => void (stderr += text),
    color: false,
  });
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr };
}

/**
 * Spawn the built binary. No time limit: a loaded machine is only slower; a hang is ended by the
 * test runner's own limit, with this test named.
 */
export function slaBinary(args: readonly string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
