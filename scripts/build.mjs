#!/usr/bin/env node
/**
 * `npm run build`: `tsc` emits the library (`dist/compiler`, `dist/runtime`, `dist/format`, with
 * their `.d.ts`), then esbuild bundles the `sla` binary. The exit code is tsc's: a type error
 * fails the build, yet the bundle is still written (as tsc still emits), so work in progress
 * elsewhere in the tree does not leave a stale binary.
 *
 * Why: cold start. Loaded as tsc's hundreds of small ESM files (chevrotain alone has many), `sla
 * check` spent most of a second resolving and compiling modules. esbuild writes one ESM file per
 * entry (`dist/cli/main.js`, the bin; `dist/cli/commands/eval-worker.js` and `check-worker.js`,
 * the worker threads of `sla eval` and `sla lsp`) and
 * shared chunks next to the commands, so each command loads only what it imports: `sla --version`
 * loads no parser, `sla check` no prettier and no date-holidays.
 *
 * `NODE_ENV` is "production" in the bundle: the grammar then skips chevrotain's grammar
 * validations (the tests, run from source, keep them on).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const finalDir = `${root}dist/cli`;
// Bundled beside, then swapped in: tests of others running the CLI meanwhile never find it half written.
const outdir = `${root}dist/cli.next`;

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const typecheck = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });

rmSync(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: [
    { in: "cli/main.ts", out: "main" },
    { in: "cli/commands/eval-worker.ts", out: "commands/eval-worker" },
    // The language server's diagnostics worker, found beside the server's chunk
    // (lsp/diagnostics-worker.ts looks there first), bundled like the rest.
    { in: "lsp/check-worker.ts", out: "commands/check-worker" },
  ],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Chunks sit beside the commands: `new URL("./eval-worker.js", import.meta.url)` in the eval
  // pool then names the worker entry, wherever esbuild put the pool's code.
  chunkNames: "commands/[name]-[hash]",
  // prettier loads its own plugins lazily; bundling it would copy every language it supports.
  // Native modules load their platform's binary at run time (`--engine duckdb`); pg is optional
  // beside them (the PostgreSQL test of the SQL target).
  external: ["prettier", "prettier/*", "@duckdb/*", "pg"],
  define: { "process.env.NODE_ENV": '"production"' },
  // CommonJS dependencies (date-holidays, vscode-languageserver) call `require` for built-ins.
  banner: { js: 'import { createRequire as __slaRequire } from "node:module"; const require = __slaRequire(import.meta.url);' },
  legalComments: "none",
  // Kept for test/cli/bundle.test.ts, which checks what each command loads.
  metafile: true,
  logLevel: "warning",
});
chmodSync(`${outdir}/main.js`, 0o755);
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
// The bundle replaces the whole folder (tsconfig.build.json leaves cli/ out of tsc's emit, so a
// bare `tsc -p tsconfig.build.json` cannot put the slow unbundled binary back).
const old = `${root}dist/cli.old-${process.pid}`;
if (existsSync(finalDir)) renameSync(finalDir, old);
renameSync(outdir, finalDir);
rmSync(old, { recursive: true, force: true });
// The playground's static files (issue 14), served by `sla serve` at `/`: dist/playground.
await (await import("../playground/build.mjs")).buildPlayground(root);
process.exitCode = typecheck.status ?? 1;
