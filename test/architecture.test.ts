/**
 * The dependency rules of STYLE.md, enforced: the runtime never sees the grammar or the
 * compiler, the grammar depends on nothing of ours, the formatter not on the compiler, and
 * nothing imports the CLI or the language server.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const FOLDERS = ["grammar", "compiler", "runtime", "format", "lsp", "cli", "bench"] as const;

/** May-import rules: a folder's source files may import these of our folders (and itself). */
const ALLOWED: Record<(typeof FOLDERS)[number], readonly string[]> = {
  grammar: [],
  compiler: ["grammar", "runtime"],
  runtime: [],
  format: ["grammar"],
  lsp: ["compiler", "format", "grammar", "runtime"],
  cli: ["compiler", "runtime", "format", "grammar", "lsp"],
  bench: ["compiler", "runtime", "grammar", "lsp"],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
}

describe("architecture", () => {
  for (const folder of FOLDERS) {
    it(`${folder}/ imports only ${ALLOWED[folder].join(", ") || "its own files and libraries"}`, () => {
      const bad: string[] = [];
      for (const file of sources(folder)) {
        for (const spec of importsOf(file)) {
          const target = join(file, "..", spec).split("/")[0]!;
          if (target === folder) continue;
          const ok = ALLOWED[folder].includes(target) && !(folder === "compiler" && target === "runtime" && !spec.endsWith("runtime/ir.js") && !spec.endsWith("runtime/index.js"));
          if (!ok) bad.push(`${file} imports ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
