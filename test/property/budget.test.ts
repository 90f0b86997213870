/**
 * The run budget: read from the environment, shared out by cost, and a failing property prints
 * the seed that replays it (what a developer needs from a red CI run).
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { baseRuns, FAST_RUNS, positiveInteger, propertyRuns, replaySeed } from "./budget.js";

const saved = { runs: process.env["SLA_PROPERTY_RUNS"], seed: process.env["SLA_PROPERTY_SEED"] };
afterEach(() => {
  for (const [name, value] of [["SLA_PROPERTY_RUNS", saved.runs], ["SLA_PROPERTY_SEED", saved.seed]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("property run budget", () => {
  it("defaults to the fast suite and follows SLA_PROPERTY_RUNS", () => {
    delete process.env["SLA_PROPERTY_RUNS"];
    expect(baseRuns()).toBe(FAST_RUNS);
    process.env["SLA_PROPERTY_RUNS"] = "3000";
    expect(propertyRuns()).toBe(3000);
    expect(propertyRuns(0.3)).toBe(900);
    expect(propertyRuns(3)).toBe(9000);
  });

  it("never gives a property fewer than its minimum", () => {
    process.env["SLA_PROPERTY_RUNS"] = "1";
    expect(propertyRuns(0.3)).toBe(10);
    expect(propertyRuns(0.3, 2)).toBe(2);
  });

  it("refuses a budget that is not a positive integer, naming the variable", () => {
    for (const bad of ["0", "-5", "1.5", "many", "1e400"]) {
      expect(() => positiveInteger("SLA_PROPERTY_RUNS", bad, 100)).toThrow("`SLA_PROPERTY_RUNS` must be a positive integer, got `" + bad + "`");
    }
    expect(positiveInteger("X", " ", 7)).toBe(7);
  });

  it("reads a replay seed, and none when unset", () => {
    delete process.env["SLA_PROPERTY_SEED"];
    expect(replaySeed()).toBeUndefined();
    process.env["SLA_PROPERTY_SEED"] = "-1234567";
    expect(replaySeed()).toBe(-1234567);
    process.env["SLA_PROPERTY_SEED"] = "x";
    expect(() => replaySeed()).toThrow("`SLA_PROPERTY_SEED` must be an integer");
  });

  it("a failing property reports its seed and path, and the seed replays the same counterexample", () => {
    const failing = fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => n < 500_000);
    let message = "";
    try {
      fc.assert(failing, { numRuns: 200 });
    } catch (e) {
      message = (e as Error).message;
    }
    const seed = /seed: (-?\d+)/.exec(message)?.[1];
    expect(seed).toBeDefined();
    expect(message).toMatch(/path: "[\d:]+"/);
    const counterexample = /Counterexample: \[(\d+)\]/.exec(message)?.[1];
    const replay = fc.check(failing, { numRuns: 200, seed: Number(seed) });
    expect(replay.counterexample?.[0]).toBe(Number(counterexample));
  });
});
