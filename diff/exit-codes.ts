/** Exit codes of `sla diff` (docs/diff.md): distinct for each outcome CI may branch on. */
export const DiffExit = {
  /** No change in meaning (and the assertion, if any, holds). */
  same: 0,
  /** The policy files have errors, or a ticket file cannot be read. */
  inputError: 1,
  /** The command was called wrongly. */
  usage: 2,
  /** Changes in meaning (and the assertion, if any, holds). */
  changes: 3,
  /** `--assert` failed: a counterexample ticket is printed. */
  assertionFailed: 4,
} as const;
