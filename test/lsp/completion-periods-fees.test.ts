/** Completion of the settlement period and the fee rules of issue 12.2 and 12.5, over the protocol. */
import { describe, expect, it } from "vitest";
import { serverForFile, seed } from "./client.js";
import { marked } from "./markers.js";

const server = serverForFile();
let n = 0;

async function labels(fixture: string): Promise<string[]> {
  const { text, position } = marked(fixture);
  const uri = `file:///test/completion-periods-fees-${n++}.sla`;
  await server().open(uri, text);
  const result = await server().completion(uri, position);
  return (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
}

const promotron = seed("promotron");
/** PromoTron's fees block with a line typed at its end. */
const inFees = (line: string): string => promotron.replace("  payment by end of month\n}", `  payment by end of month\n  ${line}\n}`);

describe("completion of periods and fee rules", () => {
  it("offers `period` at top level, then its units and the months of a fiscal start", async () => {
    expect(await labels(`${promotron}\n<|>`)).toContain("period");
    expect(await labels(`${promotron}\nperiod <|>`)).toEqual(expect.arrayContaining(["month", "quarter starting", "year starting"]));
    expect(await labels(`${promotron}\nperiod quarter starting <|>`)).toEqual(expect.arrayContaining(["Jan", "Feb", "Dec"]));
  });

  it("offers charges and quotas in fees, kinds of work for quotas and allowances, and their periods", async () => {
    expect(await labels(inFees("<|>"))).toEqual(expect.arrayContaining(["charge", "quota"]));
    expect(await labels(inFees("quota <|>"))).toEqual(expect.arrayContaining(["support", "onboarding"]));
    expect(await labels(inFees("allowance <|>"))).toEqual(expect.arrayContaining(["basic", "customization"]));
    expect(await labels(inFees("quota support 10 hours per <|>"))).toEqual(expect.arrayContaining(["week", "month", "quarter"]));
    expect(await labels(inFees("charge extended_hours 20% of licence, <|>"))).toContain("at least");
  });

  it("offers a rollover after a quota's bucket, and its expiry with the Term after `rollover`", async () => {
    expect(await labels(inFees("quota support 10 hours per quarter <|>"))).toEqual(["rollover", "rollover until end of term"]);
    expect(await labels(inFees("quota support 10 hours per quarter rollover <|>"))).toEqual(["until end of term"]);
  });
});
