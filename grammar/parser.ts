/**
 * The `.sla` grammar (SPEC §1) as a chevrotain CstParser with error recovery.
 *
 * Newlines carry no meaning: every clause starts with its own keyword, and tables delimit their
 * cells with `|`, so a file can be re-flowed by the formatter without changing what it says.
 *
 * The rules live in one module per section of the grammar, under `grammar/rules/`, in this order
 * (each section's class extends the one before, so the rules are defined in this order):
 * `declarations.ts` (the file, one-line declarations, conditions), `calendars.ts` (calendars,
 * regions, name lists), `targets.ts` (targets, tables, durations, escalations), `credits.ts`,
 * `availability.ts` (availability and objectives), `fees.ts` (fees, invoices, the settlement
 * period) and `examples.ts`. This class only builds the parser.
 */
import type { CstNode } from "chevrotain";
import { ExampleRules } from "./rules/examples.js";
import * as T from "./tokens.js";

/** The grammar; error recovery is bounded by `BoundedRecoveryParser` (chevrotain workarounds). */
export class SlaParser extends ExampleRules {
  constructor() {
    // The grammar's self-checks (ambiguities, left recursion) cost ~25 ms at every start: they run
    // in the tests (from source), and the bundled CLI (NODE_ENV "production") skips them.
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "onlyOffset", skipValidations: process.env.NODE_ENV === "production" });
    // INVARIANT: every section's field initialisers have run by now (they run inside `super()`'s
    // chain, base first), so the analysis records every rule, in the sections' order.
    this.performSelfAnalysis();
  }
}

/** One parser instance, reused: chevrotain parsers are built once and fed new input. */
export const slaParser = new SlaParser();

export type { CstNode };
