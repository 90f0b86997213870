/**
 * What each command of the bundled CLI loads (`npm run build` writes `dist/cli/meta.json`, esbuild's
 * own account of the bundle). Start-up time is mostly module loading, so a command that starts
 * importing a heavy library it does not need is a regression this test names.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Output {
  entryPoint?: string;
  imports: { path: string; kind: string; external?: boolean }[];
  inputs: Record<string, unknown>;
}
const meta = JSON.parse(readFileSync("dist/cli/meta.json", "utf8")) as { outputs: Record<string, Output> };

/** The packages, source folders and source files loaded, statically, with the module of `entry`. */
function loadedWith(entry: string): Set<string> {
  const start = Object.keys(meta.outputs).find((k) => meta.outputs[k]!.entryPoint === entry);
  if (!start) throw new Error(`no output for ${entry}`);
  const seen = new Set<string>();
  const loaded = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    const o = meta.outputs[out]!;
    for (const input of Object.keys(o.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      loaded.add(pkg ?? input.split("/")[0]!);
      // Our own modules also by path: a folder can be loaded for one small file of it.
      if (!pkg) loaded.add(input);
    }
    for (const i of o.imports) {
      if (i.external) loaded.add(i.path);
      else if (i.kind === "import-statement") visit(i.path);
    }
  };
  visit(start);
  return loaded;
}

describe("the bundled sla binary", () => {
  it("starts (main.js) without the parser, the runtime or any heavy library", () => {
    const loaded = loadedWith("cli/main.ts");
    for (const heavy of ["chevrotain", "date-holidays", "zod", "luxon", "prettier", "vscode-languageserver", "grammar", "compiler"]) expect(loaded).not.toContain(heavy);
  });

  it("checks policies without date-holidays, prettier, zod or the language server", () => {
    const loaded = loadedWith("cli/commands/check.ts");
    expect(loaded).toContain("chevrotain");
    for (const unneeded of ["date-holidays", "prettier", "zod", "vscode-languageserver", "decimal.js"]) expect(loaded).not.toContain(unneeded);
  });

  it("evaluates with the holiday table, loading date-holidays only when a year or region is not in it", () => {
    const loaded = loadedWith("cli/commands/eval.ts");
    expect(loaded).toContain("runtime/holiday-table.generated.ts");
    // Required at run time from node_modules by runtime/holiday-source.ts, never bundled into eval's start-up.
    for (const unneeded of ["date-holidays", "date-holidays-parser", "astronomia", "moment-timezone", "prettier", "vscode-languageserver"]) expect(loaded).not.toContain(unneeded);
  });

  it("starts the language server without prettier, date-holidays, zod or the runtime (loaded by the first request that needs them)", () => {
    const loaded = loadedWith("lsp/server.ts");
    expect(loaded).toContain("vscode-languageserver");
    expect(loaded).toContain("compiler");
    for (const unneeded of ["prettier", "format", "date-holidays", "zod", "decimal.js"]) expect(loaded).not.toContain(unneeded);
    // The IR's plain values and data tables at most: not its schema, the evaluator or calendars.
    for (const module of ["runtime/ir.ts", "runtime/evaluate.ts", "runtime/calendar.ts", "runtime/holidays.ts"]) expect(loaded).not.toContain(module);
  });

  it("bundles the worker threads beside the command chunks, where eval and the language server look for them", () => {
    const outputs = Object.entries(meta.outputs);
    const outputOf = (entry: string) => outputs.find(([, o]) => o.entryPoint === entry)?.[0] ?? "";
    expect(outputOf("cli/commands/eval-worker.ts")).toMatch(/\/commands\/eval-worker\.js$/);
    expect(outputOf("lsp/check-worker.ts")).toMatch(/\/commands\/check-worker\.js$/);
    expect(outputOf("lsp/server.ts")).toMatch(/\/commands\/server-[A-Z0-9]+\.js$/);
    expect(loadedWith("lsp/check-worker.ts")).toContain("compiler");
  });

  it("keeps prettier outside the bundle (fmt and the language server load it from node_modules)", () => {
    expect(loadedWith("cli/commands/fmt.ts")).toContain("prettier");
  });
});
