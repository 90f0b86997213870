/**
 * `.ci/run` judged from outside: run against a stand-in `npm` that records how it was called and
 * writes the vitest JSON results we choose, so each of its three guarantees can be seen failing.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** A stand-in for npm: logs `args | CI=…`, fails typecheck on demand (other scripts succeed), writes the results file. */
const FAKE_NPM = `#!/usr/bin/env bash
echo "$* | CI=\${CI:-}" >> "$FAKE_LOG"
case "$1" in
  ci) exit 0 ;;
  run) [ "$2" = typecheck ] && exit "\${FAKE_TYPECHECK_STATUS:-0}"; [ "$2" = test:postgres ] && exit "\${FAKE_PG_STATUS:-0}"; exit 0 ;;
  test)
    for a in "$@"; do case "$a" in --outputFile=*) out="\${a#--outputFile=}" ;; esac; done
    if [ -n "$FAKE_RESULTS" ]; then printf '%s' "$FAKE_RESULTS" > "$out"; fi
    exit "\${FAKE_TEST_STATUS:-0}" ;;
esac
`;

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[];
}

function runCi(opts: { results?: object; typecheck?: number; tests?: number; postgres?: number; env?: Record<string, string> }): Outcome {
  const dir = mkdtempSync(join(tmpdir(), "sla-ci-"));
  mkdirSync(join(dir, ".ci"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(".ci", "run"), join(dir, ".ci", "run"));
  writeFileSync(join(dir, "bin", "npm"), FAKE_NPM);
  chmodSync(join(dir, "bin", "npm"), 0o755);
  const log = join(dir, "calls.log");
  writeFileSync(log, "");
  const env: Record<string, string> = { PATH: `${join(dir, "bin")}:${process.env.PATH}`, FAKE_LOG: log, HOME: dir, ...opts.env };
  if (opts.results) env.FAKE_RESULTS = JSON.stringify(opts.results);
  env.FAKE_TYPECHECK_STATUS = String(opts.typecheck ?? 0);
  env.FAKE_TEST_STATUS = String(opts.tests ?? 0);
  env.FAKE_PG_STATUS = String(opts.postgres ?? 0);
  const r = spawnSync("bash", [join(dir, ".ci", "run")], { encoding: "utf8", env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls: readFileSync(log, "utf8").trim().split("\n") };
}

const counts = (passed: number, failed = 0, skipped = 0) => ({
  numTotalTests: passed + failed + skipped,
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: skipped,
  numTodoTests: 0,
});

describe(".ci/run", () => {
  it("installs, typechecks, and runs the tests with CI=true even when the caller did not set it", () => {
    const r = runCi({ results: counts(960), env: { CI: "" } });
    expect(r.calls.map((c) => c.replace(/--outputFile=\S+/, "--outputFile=F"))).toEqual([
      "ci | CI=",
      "run setup:browser | CI=",
      "run typecheck | CI=",
      "test -- --reporter=default --reporter=json --outputFile=F | CI=true",
      "run test:postgres | CI=",
    ]);
    expect(r.stdout.trim().split("\n").pop()).toBe("960 passed, 0 failed, 0 skipped");
    expect(r.status).toBe(0);
  });

  it("fails when the SQL differential on PostgreSQL fails, even when every other test passes", () => {
    const r = runCi({ results: counts(960), postgres: 1 });
    expect(r.stdout.trim().split("\n").pop()).toBe("960 passed, 0 failed, 0 skipped");
    expect(r.status).not.toBe(0);
  });

  it("fails on a type error even when every test passes", () => {
    const r = runCi({ results: counts(960), typecheck: 2 });
    expect(r.stdout.trim().split("\n").pop()).toBe("960 passed, 0 failed, 0 skipped");
    expect(r.status).not.toBe(0);
  });

  it("fails when the suite ran no tests, or fewer than the floor", () => {
    const none = runCi({ results: counts(0) });
    expect(none.stdout.trim().split("\n").pop()).toBe("0 passed, 0 failed, 0 skipped");
    expect(none.stderr).toContain("only 0 tests ran, expected at least 800");
    expect(none.status).toBe(1);
    const few = runCi({ results: counts(40, 0, 2) });
    expect(few.stdout.trim().split("\n").pop()).toBe("40 passed, 0 failed, 2 skipped");
    expect(few.status).toBe(1);
  });

  it("fails with a closing line when vitest wrote no results", () => {
    const r = runCi({ tests: 1 });
    expect(r.stdout.trim().split("\n").pop()).toBe("0 passed, 0 failed, 0 skipped");
    expect(r.stderr).toContain("vitest wrote no test results");
    expect(r.status).toBe(1);
  });

  it("keeps the tests' own failure", () => {
    const r = runCi({ results: counts(950, 10), tests: 1 });
    expect(r.stdout.trim().split("\n").pop()).toBe("950 passed, 10 failed, 0 skipped");
    expect(r.status).toBe(1);
  });
});
