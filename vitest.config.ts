import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Two projects, so that a slow machine is never mistaken for a broken test:
 *
 * - `property` (test/property/): no wall-clock limit at all. Their work is set by a run budget
 *   (`SLA_PROPERTY_RUNS`, see test/property/budget.ts), not by a clock, so a loaded machine only
 *   makes them slower.
 * - `unit` (everything else): a limit only to end a test that hangs (a server that never
 *   answers), ten minutes, far beyond any test's time even on a busy machine.
 *
 * Every core runs test files: vitest's default keeps one core for itself, which on a 2-core
 * machine halves the suite's speed for a main process that mostly waits.
 *
 * Test files share their worker's module cache (`isolate: false`): importing the compiler,
 * runtime and their libraries again for each of ~110 files cost ~75 s of the suite's ~105 s.
 * No test relies on fresh module state (each builds what it needs, environment-dependent
 * settings are exercised through spawned processes), and the suite passes the same either way.
 */
const HANG = 600_000;

export default defineConfig({
  test: {
    maxWorkers: Math.max(1, availableParallelism()),
    isolate: false,
    setupFiles: ["test/property/budget-setup.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/property/**"], testTimeout: HANG, hookTimeout: HANG },
      },
      {
        extends: true,
        test: { name: "property", include: ["test/property/**/*.test.ts"], testTimeout: 0, hookTimeout: 0 },
      },
    ],
  },
});
