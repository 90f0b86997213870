/** The package's version, for `sla --version`. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The `version` of the nearest `package.json` named `sla-lang` above this module: one file read,
 * the same from `cli/` (tests, tsx), the bundle in `dist/cli/` and an installed package.
 */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "sla-lang" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // No package.json here (or not ours): look one folder up.
    }
    dir = dirname(dir);
  }
  return "unknown";
}
