/**
 * Golden files of `sla check` (Catala style): every `test/fixtures/check/{ok,err}/*.sla` beside a
 * `.expected` holding exactly what `sla check` prints for it — the rendered diagnostics without
 * colour, separated by blank lines — and a final `# exit N`.
 *
 * Update with `npx vitest run -u test/compiler`, then review the `.expected` files with `git diff`.
 * CI runs with snapshot updates off, so a missing or stale golden fails.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPolicyFile } from "../../cli/files.js";
import { Codes, type Code } from "../../compiler/codes.js";
import { compile } from "../../compiler/index.js";
import { renderText } from "../../compiler/render.js";
import { renderFileProblemText } from "../../compiler/source-problems.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures/check");

function fixtures(dir: "ok" | "err"): string[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith(".sla"))
    .sort();
}

interface Checked {
  /** What `sla check` prints for the file, then `# exit N`. */
  readonly text: string;
  readonly codes: readonly Code[];
  readonly errors: number;
}

/** Check one file the way `sla check` does (cli/commands/check.ts), with a path relative to the repository. */
function checkLikeCli(absolute: string): Checked {
  const path = relative(ROOT, absolute).split("\\").join("/");
  const read = readPolicyFile(absolute);
  if (!read.ok) {
    return { text: `${renderFileProblemText(path, read.problem)}\n\n# exit 1\n`, codes: ["SLA004"], errors: 1 };
  }
  const result = compile(path, read.text);
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const blocks = result.diagnostics.map((d) => renderText(d, result.file, { color: false }));
  return {
    text: [...blocks, `# exit ${errors > 0 ? 1 : 0}`].join("\n\n") + "\n",
    codes: result.diagnostics.map((d) => d.code),
    errors,
  };
}

/** `SLA201-bad-zone.sla` → `SLA201` */
function codeOf(fixture: string): string {
  return fixture.split("-")[0] ?? "";
}

describe("sla check golden files: err/", () => {
  it.each(fixtures("err"))("%s", async (fixture) => {
    const path = join(FIXTURES, "err", fixture);
    const checked = checkLikeCli(path);
    await expect(checked.text).toMatchFileSnapshot(path.replace(/\.sla$/, ".expected"));
  });
});

describe("sla check golden files: ok/", () => {
  it.each(fixtures("ok"))("%s", async (fixture) => {
    const path = join(FIXTURES, "ok", fixture);
    const checked = checkLikeCli(path);
    expect(checked.codes).toEqual([]);
    expect(checked.text).toBe("# exit 0\n");
    await expect(checked.text).toMatchFileSnapshot(path.replace(/\.sla$/, ".expected"));
  });
});

describe("the code registry and the fixtures agree", () => {
  const codes = Object.keys(Codes) as Code[];
  const errFixtures = fixtures("err");

  it.each(codes)("%s has at least one err/ fixture", (code) => {
    expect(errFixtures.filter((f) => codeOf(f) === code), `add test/fixtures/check/err/${code}-<slug>.sla`).not.toHaveLength(0);
  });

  it.each(errFixtures)("%s is named after a registered code and produces it", (fixture) => {
    const code = codeOf(fixture);
    expect(codes).toContain(code);
    const checked = checkLikeCli(join(FIXTURES, "err", fixture));
    expect(checked.codes).toContain(code);
  });

  it("every err/ fixture fails the check, except the warning-only ones (9xx)", () => {
    const outcome = errFixtures.map((f) => {
      const checked = checkLikeCli(join(FIXTURES, "err", f));
      return { fixture: f, fails: checked.errors > 0 };
    });
    expect(outcome.filter((o) => o.fails === codeOf(o.fixture).startsWith("SLA9"))).toEqual([]);
  });

  it("each code has a title and an explanation", () => {
    for (const code of codes) {
      expect(code).toMatch(/^SLA\d{3}$/);
      expect(Codes[code].title.length).toBeGreaterThan(3);
      expect(Codes[code].explain.length).toBeGreaterThan(10);
    }
  });
});
