/**
 * The run budget of the property tests, set by the environment so that `npm test` stays quick
 * on a small machine and `npm run test:deep` searches hard:
 *
 * - `SLA_PROPERTY_RUNS` — runs of a property of ordinary cost (default {@link FAST_RUNS});
 *   each property asks for a share of it by its cost, see {@link propertyRuns}.
 * - `SLA_PROPERTY_SEED` — replay a failure: fast-check prints `seed` (and `path`) in the error
 *   of a failed property; set this to that seed to run the same cases again.
 *
 * Wall-clock limits are not used: a loaded machine is slower, never wrong.
 */
import fc from "fast-check";

/** Runs of an ordinary property in the fast suite. */
export const FAST_RUNS = 100;
/** Runs of an ordinary property in `npm run test:deep`. */
export const DEEP_RUNS = 2000;

/** Parses a positive integer setting; anything else is an error naming the variable. */
export function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === "") return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`\`${name}\` must be a positive integer, got \`${text}\``);
  return n;
}

/** The runs of an ordinary property, from `SLA_PROPERTY_RUNS`. */
export const baseRuns = (): number => positiveInteger("SLA_PROPERTY_RUNS", process.env["SLA_PROPERTY_RUNS"], FAST_RUNS);

/**
 * Runs for one property: `share` of the budget (a reference model 20× slower than the engine
 * takes 0.2, a cheap algebraic law 3), never fewer than `min` so every property still runs.
 */
export function propertyRuns(share = 1, min = 10): number {
  return Math.max(min, Math.round(baseRuns() * share));
}

/** A seed to replay, from `SLA_PROPERTY_SEED` (any integer fast-check printed), else none. */
export function replaySeed(): number | undefined {
  const text = process.env["SLA_PROPERTY_SEED"];
  if (text === undefined || text.trim() === "") return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`\`SLA_PROPERTY_SEED\` must be an integer, got \`${text}\``);
  return n;
}

/**
 * Applied to every test file (vitest `setupFiles`): properties that do not set `numRuns` get the
 * budget, and a replay seed, when given, applies to all of them.
 */
export function configurePropertyBudget(): void {
  const seed = replaySeed();
  fc.configureGlobal({ numRuns: baseRuns(), ...(seed === undefined ? {} : { seed }) });
}
