/**
 * The chevrotain members `grammar/chevrotain-internals.ts` relies on. They are not in chevrotain's
 * public types, so an upgrade could drop one without a compile error; these tests fail instead.
 * (What the workarounds do is tested in `parser.test.ts`, "many errors", and in the re-sync
 * property of `test/property/parse.prop.test.ts`.)
 */
import { CstParser, VERSION } from "chevrotain";
import { describe, expect, it } from "vitest";
import { BoundedRecoveryParser } from "../../grammar/chevrotain-internals.js";
import { slaParser } from "../../grammar/parser.js";
import { slaLexer } from "../../grammar/tokens.js";

describe("chevrotain internals", () => {
  it("targets the pinned chevrotain version", () => {
    expect(VERSION).toBe("11.0.3");
  });

  it("finds the prototype methods it overrides or calls", () => {
    const proto = CstParser.prototype as unknown as Record<string, unknown>;
    expect({
      SAVE_ERROR: typeof proto["SAVE_ERROR"],
      findReSyncTokenType: typeof proto["findReSyncTokenType"],
      flattenFollowSet: typeof proto["flattenFollowSet"],
    }).toEqual({ SAVE_ERROR: "function", findReSyncTokenType: "function", flattenFollowSet: "function" });
  });

  it("finds the token cursor fields it reads and shortens", () => {
    slaParser.input = slaLexer.tokenize("plan gold plan silver").tokens;
    const fields = slaParser as unknown as Record<string, unknown>;
    expect({ currIdx: fields["currIdx"], tokVectorLength: fields["tokVectorLength"] }).toEqual({ currIdx: -1, tokVectorLength: 4 });
    slaParser.file();
    expect(fields["currIdx"]).toBe(3);
  });

  it("is what the grammar's parser extends", () => {
    expect(slaParser).toBeInstanceOf(BoundedRecoveryParser);
    expect(BoundedRecoveryParser.MAX_ERRORS).toBe(200);
  });
});
