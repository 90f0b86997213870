/**
 * Workarounds that reach into chevrotain's error recovery below its public API.
 *
 * Targets chevrotain 11.0.3 (pinned exactly in package.json). Each override relies on members
 * that are not in chevrotain's type declarations (`SAVE_ERROR`, `flattenFollowSet`, `currIdx`,
 * `tokVectorLength`); `test/grammar/chevrotain-internals.test.ts` fails if an upgrade renames or
 * removes any of them, so re-check both workarounds against the new version's recovery code then.
 * Keeping them here leaves the rule modules (`grammar/rules/`) with the grammar alone.
 */
import { CstParser, EOF, tokenMatcher, type IRecognitionException, type IToken, type TokenType } from "chevrotain";

/** The members of chevrotain 11.0.3's parser that these workarounds read or call. */
interface RecoveryInternals {
  /** Index of the last consumed token (chevrotain's `LexerAdapter`). */
  currIdx: number;
  /** Length of the token vector; `LA` answers EOF at and after it. */
  tokVectorLength: number;
  /** The token types that may follow the current rule invocation stack (chevrotain's `Recoverable`). */
  flattenFollowSet(): TokenType[];
}

/** chevrotain's own `SAVE_ERROR` (from `ErrorHandler`), called by the override before it decides to stop. */
const chevrotainSaveError = (CstParser.prototype as unknown as { SAVE_ERROR(this: CstParser, e: IRecognitionException): IRecognitionException }).SAVE_ERROR;

/**
 * A CstParser whose error recovery is bounded in depth and linear in time. The grammar class
 * extends it; the parser's constructor options stay with the grammar.
 */
export abstract class BoundedRecoveryParser extends CstParser {
  /**
   * Syntax errors after which the parser stops and treats the rest of the input as absent.
   * chevrotain recovers from a stray token inside a repetition by calling the repetition again,
   * one stack level per recovery: a few thousand stray tokens in one block or between declarations
   * overflowed the stack (`compile` threw RangeError on ~50 KB of `foo plan a` lines). A bounded
   * number of errors bounds that depth; a file with this many syntax errors is not a policy anyway.
   */
  static readonly MAX_ERRORS = 200;

  /** The token the parser stopped at after `MAX_ERRORS` errors, or null when it read everything. */
  stoppedAt: IToken | null = null;

  /** The last re-sync scan, reused while the parser is inside the range it scanned. */
  private lastReSync: { key: string; from: number; at: number; type: TokenType } | null = null;

  private stopped = false;

  private get internals(): RecoveryInternals {
    return this as unknown as RecoveryInternals;
  }

  override reset(): void {
    super.reset();
    this.stopped = false;
    this.stoppedAt = null;
    this.lastReSync = null;
  }

  /**
   * Why: bounds recovery depth (see `MAX_ERRORS`). chevrotain 11.0.3 records every recognition
   * error through this method (not in its public types), so it is the one place to count them.
   * After the limit it shortens the token vector so that `LA(1)` is EOF from here on: every open
   * rule then unwinds as at the end of the input, without further recovery.
   */
  SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    // Once stopped, the rules unwinding at the artificial end of input report nothing more.
    if (this.stopped) return error;
    const saved = chevrotainSaveError.call(this, error);
    if (this.errors.length >= BoundedRecoveryParser.MAX_ERRORS) {
      const self = this.internals;
      this.stopped = true;
      this.stoppedAt = this.LA(1).tokenType === EOF ? null : this.LA(1);
      self.tokVectorLength = Math.min(self.tokVectorLength, self.currIdx + 1);
      this.lastReSync = null;
    }
    return saved;
  }

  /**
   * Why: linear time on broken files. chevrotain 11.0.3's recovery scans ahead for the first token
   * of the current follow set (EOF is always in it). Between declarations that set is only EOF, so
   * each stray token there scanned to the end of the file: quadratic time on large broken files
   * (1 MB of junk took 17 s). Same answer here, at once when only EOF can match, and without
   * lodash's per-token overhead otherwise. `test/property/parse.prop.test.ts` checks the answers
   * against chevrotain's own method.
   */
  findReSyncTokenType(): TokenType {
    const follows = this.internals.flattenFollowSet();
    if (follows.length === 1 && follows[0] === EOF) return EOF;
    const from = this.internals.currIdx + 1;
    const key = follows.map((t) => t.tokenTypeIdx).join();
    const last = this.lastReSync;
    // INVARIANT: no token in [last.from, last.at) matches a type of `last.key`, so the same scan
    // started anywhere in [last.from, last.at] stops at `last.at` with the same answer. Without
    // this, each error inside a long block rescanned to its distant `}`.
    if (last !== null && last.key === key && last.from <= from && from <= last.at) return last.type;
    for (let k = 1; ; k++) {
      const token = this.LA(k);
      const type = follows.find((t) => tokenMatcher(token, t)) ?? (token.tokenType === EOF ? EOF : undefined);
      if (type !== undefined) {
        this.lastReSync = { key, from, at: from + k - 1, type };
        return type;
      }
    }
  }
}
