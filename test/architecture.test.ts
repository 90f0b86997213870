/**
 * The dependency rules of STYLE.md, enforced on every import the TypeScript parser finds (static
 * imports, `export … from`, `import type`, dynamic `import()`, `import x = require()` and
 * `import("…")` types), whatever the quotes: which of our folders a layer may import, which
 * packages, and that nothing imports the CLI, the language server or the benchmarks. Importing
 * the package by its own name (`sla-lang/runtime`) counts as importing the folder it maps to.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** One import found in a source file; `specifier` is null for a dynamic import of a computed name. */
interface ImportSite {
  readonly specifier: string | null;
  readonly typeOnly: boolean;
}

/** Every module specifier of a TypeScript source, read by the compiler's own parser. */
function importsOf(fileName: string, text: string): ImportSite[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ImportSite[] = [];
  const literal = (node: ts.Node | undefined): string | null =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      // `import type { A }` and `import { type A, type B }` alike bring in no code.
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const everyNameTyped = clause !== undefined && !clause.name && named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly);
      found.push({ specifier: literal(node.moduleSpecifier), typeOnly: (clause?.isTypeOnly ?? false) || everyNameTyped });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      found.push({ specifier: literal(node.moduleSpecifier), typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      found.push({ specifier: literal(node.moduleReference.expression), typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      found.push({ specifier: literal(node.arguments[0]), typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      found.push({ specifier: literal(node.argument.literal), typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The package's own name and subpaths, and the folder each maps to (package.json `exports`). */
const SELF: Record<string, string> = {
  "sla-lang": "compiler/api.ts",
  "sla-lang/runtime": "runtime/index.ts",
  "sla-lang/prettier": "format/index.ts",
};

/**
 * What an import reaches: `{ folder, path }` for our own code (relative or by package name),
 * `{ pkg }` for a library (`node:fs`, `chevrotain`, `vscode-languageserver/node`).
 */
type Target = { folder: string; path: string } | { pkg: string };

function targetOf(file: string, specifier: string): Target {
  if (specifier.startsWith(".")) {
    const path = join(file, "..", specifier).replace(/\.js$/, ".ts");
    return { folder: path.split("/")[0]!, path };
  }
  const selfPath = SELF[specifier] ?? (specifier.startsWith("sla-lang/") ? specifier.slice("sla-lang/".length) : undefined);
  if (selfPath !== undefined) return { folder: selfPath.split("/")[0]!, path: selfPath };
  if (specifier.startsWith("node:")) return { pkg: specifier };
  const parts = specifier.split("/");
  return { pkg: specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]! };
}

/** A layer's rule: our folders (or single files) it may import, and packages it may import. */
interface Rule {
  readonly folders: readonly string[];
  readonly packages: (pkg: string, typeOnly: boolean) => boolean;
  /** Fewest imports the scan must find in the folder, so a parser that finds nothing fails. */
  readonly minImports: number;
}

const only =
  (...names: string[]) =>
  (pkg: string): boolean =>
    names.includes(pkg);
/** The grammar owns the CST, whose types are chevrotain's: naming them costs nothing at run time. */
const cstTypes = (pkg: string, typeOnly: boolean): boolean => pkg === "chevrotain" && typeOnly;
const nodeBuiltin = (pkg: string): boolean => pkg.startsWith("node:");
const anything = (): boolean => true;
/** The new edge capabilities consume the compiler's public API and the runtime, never the grammar. */
const EDGE: Rule = { folders: ["compiler/api.ts", "compiler/index.ts", "runtime"], packages: (p) => p !== "chevrotain", minImports: 1 };

/** Every folder of ours: the CLI and the benchmarks may use them all. */
const ALL = ["grammar", "compiler", "runtime", "format", "lsp", "diff", "server", "sql", "playground", "report"];

const RULES: Record<string, Rule> = {
  grammar: { folders: [], packages: only("chevrotain"), minImports: 6 },
  runtime: { folders: [], packages: (p) => nodeBuiltin(p) || only("luxon", "zod", "date-holidays", "astronomia", "decimal.js")(p), minImports: 30 },
  // The IR's plain values come from ir-constants.ts (no zod), its types from ir.ts.
  // The holiday codes are plain data shared with the runtime's ticket checks (one list, one set of suggestions).
  compiler: { folders: ["grammar", "runtime/ir.ts", "runtime/ir-constants.ts", "runtime/holiday-codes.generated.ts"], packages: cstTypes, minImports: 40 },
  format: { folders: ["grammar"], packages: (p, t) => p === "prettier" || cstTypes(p, t), minImports: 20 },
  lsp: {
    folders: ["compiler", "format"],
    packages: (p, t) => p.startsWith("vscode-languageserver") || nodeBuiltin(p) || cstTypes(p, t),
    minImports: 40,
  },
  cli: { folders: ALL, packages: anything, minImports: 40 },
  bench: { folders: ALL, packages: anything, minImports: 20 },
  diff: EDGE,
  // The service answers what `sla diff` and `sla report` answer, through their modules.
  server: { ...EDGE, folders: [...EDGE.folders, "diff", "report"] },
  // The SQL target runs its queries in DuckDB (embedded) and PostgreSQL (the portability test).
  sql: { ...EDGE, packages: (p) => nodeBuiltin(p) || only("@duckdb/node-api", "pg")(p) },
  playground: EDGE,
  report: EDGE,
};

/**
 * What breaks the rules today, as `layer -> target` (a file of ours or a package), each with the
 * reason it is tolerated. The test fails when one of them is no longer used (delete its line) as
 * well as on any new breach: the list only shrinks.
 */
const KNOWN: Record<string, string> = {
  // The package's main entry re-exports the runtime, as package.json promises.
  "compiler -> runtime/index.ts": "public entry re-exports the runtime",
  // The compiler checks zones and example instants with the runtime's date library.
  "compiler -> luxon": "zone checks and example instants",
  // The language server reads the grammar's spans and tokens, and evaluates examples for hovers.
  "lsp -> grammar/source.ts": "spans and offsets",
  "lsp -> grammar/tokens.ts": "keywords and token kinds",
  "lsp -> runtime/ir.ts": "IR types in hovers",
  "lsp -> runtime/calendar.ts": "calendar hover",
  "lsp -> runtime/evaluate.ts": "example hover",
  "lsp -> runtime/examples.ts": "example hover",
  "lsp -> runtime/io.ts": "example hover",
  "lsp -> date-holidays": "holiday hover",
  "lsp -> luxon": "instants in hovers",
};

/** Folders nothing else may import. */
const LEAVES: Record<string, readonly string[]> = { cli: [], lsp: ["cli", "bench"], bench: [] };

function sources(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // an edge folder that does not exist yet
  }
  return entries.flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** A breach of a layer's rule: where it is, and its key in {@link KNOWN}. */
interface Breach {
  readonly site: string;
  readonly known: string;
}

/** The breaches of `folder`'s rule in one file's text. */
function breachesIn(folder: string, file: string, text: string): Breach[] {
  const rule = RULES[folder]!;
  const bad: Breach[] = [];
  for (const { specifier, typeOnly } of importsOf(file, text)) {
    if (specifier === null) {
      const site = `${file} -> <computed dynamic import>`;
      if (rule.packages !== anything) bad.push({ site, known: site });
      continue;
    }
    const target = targetOf(file, specifier);
    let ok: boolean;
    if ("pkg" in target) ok = rule.packages(target.pkg, typeOnly);
    else if (target.folder === folder) ok = true;
    else {
      const leafOk = LEAVES[target.folder]?.includes(folder) ?? true;
      ok = leafOk && rule.folders.some((allowed) => target.path === allowed || target.path.startsWith(`${allowed}/`));
    }
    if (!ok) bad.push({ site: `${file} -> ${specifier}`, known: `${folder} -> ${"pkg" in target ? target.pkg : target.path}` });
  }
  return bad;
}

describe("architecture", () => {
  const seenKnown = new Set<string>();
  for (const [folder, rule] of Object.entries(RULES)) {
    it(`${folder}/ imports only ${rule.folders === ALL ? "any folder of ours" : rule.folders.join(", ") || "no folder of ours"} and its allowed packages`, () => {
      const files = sources(folder);
      let count = 0;
      const bad: string[] = [];
      for (const file of files) {
        const text = readFileSync(file, "utf8");
        count += importsOf(file, text).length;
        for (const b of breachesIn(folder, relative(".", file), text)) {
          if (b.known in KNOWN) seenKnown.add(b.known);
          else bad.push(b.site);
        }
      }
      expect(bad).toEqual([]);
      // A scan that finds no imports proves nothing (an edge folder not yet written has none).
      if (files.length > 0) expect(count).toBeGreaterThanOrEqual(rule.minImports);
    });
  }

  it("every tolerated breach still exists (delete the ones that were fixed)", () => {
    expect(Object.keys(KNOWN).filter((k) => !seenKnown.has(k))).toEqual([]);
  });
});

/** Breaches as `file -> specifier` lines, for the self-test. */
const breaches = (folder: string, file: string, text: string): string[] => breachesIn(folder, file, text).map((b) => b.site);

describe("the import scanner (self-test)", () => {
  it("finds every form of import, single-quoted, double-quoted and template", () => {
    const text = [
      "import a from 'luxon';",
      'import type { B } from "../grammar/parser.js";',
      "export { c } from `./x.js`;",
      "export * from '../compiler/index.js';",
      "const d = await import('chevrotain');",
      "const e = await import(name);",
      "import f = require('zod');",
      "import { type H, type I } from 'chevrotain';",
      "import { type J, K } from 'chevrotain';",
      "type G = import('../compiler/ast.js').PolicyFile;",
      "// import h from 'not-an-import';",
      "const s = \"import i from 'in-a-string'\";",
    ].join("\n");
    expect(importsOf("runtime/x.ts", text).map((i) => `${i.specifier}${i.typeOnly ? " (type)" : ""}`)).toEqual([
      "luxon",
      "../grammar/parser.js (type)",
      "./x.js",
      "../compiler/index.js",
      "chevrotain",
      "null",
      "zod",
      "chevrotain (type)",
      "chevrotain",
      "../compiler/ast.js (type)",
    ]);
  });

  it("flags a runtime file importing the grammar, chevrotain or the package itself", () => {
    const text = [
      "import { parseSla } from '../grammar/parse.js';",
      "import { createToken } from 'chevrotain';",
      "import { compile } from 'sla-lang';",
      "import { DateTime } from 'luxon';",
      "import { readFileSync } from 'node:fs';",
      "import { x } from './calendar.js';",
    ].join("\n");
    expect(breaches("runtime", "runtime/bad.ts", text)).toEqual([
      "runtime/bad.ts -> ../grammar/parse.js",
      "runtime/bad.ts -> chevrotain",
      "runtime/bad.ts -> sla-lang",
    ]);
  });

  it("holds the other layers to their rules", () => {
    expect(breaches("compiler", "compiler/x.ts", "import { a } from '../runtime/evaluate.js';")).toEqual(["compiler/x.ts -> ../runtime/evaluate.js"]);
    expect(breaches("compiler", "compiler/x.ts", "import type { PolicyIR } from '../runtime/ir.js';")).toEqual([]);
    expect(breaches("compiler", "compiler/x.ts", "import { Lexer } from 'chevrotain';")).toEqual(["compiler/x.ts -> chevrotain"]);
    expect(breaches("format", "format/x.ts", "import { compile } from '../compiler/index.js';")).toEqual(["format/x.ts -> ../compiler/index.js"]);
    expect(breaches("grammar", "grammar/x.ts", "import { z } from 'zod';")).toEqual(["grammar/x.ts -> zod"]);
    expect(breaches("lsp", "lsp/x.ts", "import { run } from '../cli/app.js';")).toEqual(["lsp/x.ts -> ../cli/app.js"]);
    expect(breaches("diff", "diff/x.ts", "import { parseSla } from '../grammar/parse.js';")).toEqual(["diff/x.ts -> ../grammar/parse.js"]);
    expect(breaches("diff", "diff/x.ts", "import { compile } from '../compiler/api.js';\nimport { settle } from 'sla-lang/runtime';")).toEqual([]);
    expect(breaches("diff", "diff/x.ts", "import { lowerPolicy } from '../compiler/lower.js';")).toEqual(["diff/x.ts -> ../compiler/lower.js"]);
    expect(breaches("runtime", "runtime/x.ts", "const m = await import(name);")).toEqual(["runtime/x.ts -> <computed dynamic import>"]);
  });
});
