/**
 * Clauses that state a bare value (a percentage, a flag, plan names, a step) cite their own line
 * in `sla diff` (IR 14's `…Origin` beside the field), not their block's header: `cap … per
 * target`, `credit per … late`, `claim within … after …`, `no claim for …`, `credit on next
 * invoice`, an availability's `commit …` (its percentage and window) and `credit N × downtime fee`.
 * Where the IR has no such origin (a version without the clause, an IR made by hand) the block
 * is cited; moving a clause to another line alone is no change.
 */
import { describe, expect, it } from "vitest";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const sources = { oldFile: "old.sla", newFile: "new.sla" };

/** The clauses a version writes, each on its own line of the blocks below. */
interface Clauses {
  readonly credits: readonly string[];
  readonly commit: string;
  readonly credit: string;
}

/** The policies' first target: a response goal per plan. */
const RESPONSE = [
  "target response \"First response\" {",
  "  stop on respond, resolve",
  "  goals {",
  "    | priority | professional | enterprise |",
  "    | P1       | 8 hours      | 2 hours    |",
  "  }",
  "}",
];

/** A policy whose credits block and availability hold `c`, after `pad` blank lines (to move every clause). */
function policy(c: Clauses, pad = 0): string {
  return [
    "policy journal \"Journal publishing platform\"",
    ...Array<string>(pad).fill(""),
    "plan professional \"Professional\"",
    "plan enterprise \"Enterprise\"",
    "priority P1 \"Outage\"",
    ...RESPONSE,
    "credits for professional, enterprise {",
    "  zone \"Europe/Berlin\"",
    "  {",
    "    | priority | credit |",
    "    | P1       | 10%    |",
    "  }",
    "  sum per breach",
    ...c.credits.map((x) => `  ${x}`),
    "}",
    "availability platform \"Monthly Uptime Percentage\" {",
    `  ${c.commit}`,
    "  over elapsed time",
    `  ${c.credit}`,
    "}",
    "",
  ].join("\n");
}

const OLD: Clauses = {
  credits: ["claim within 30 days after period", "credit per started hour late", "cap 50% per target", "no claim for enterprise", "credit on next invoice"],
  commit: "commit 99.9%",
  credit: "credit 10 × downtime fee",
};
const NEW: Clauses = {
  credits: ["claim within 15 days after period", "credit per started 30 minutes late", "cap 100% per target", "no claim for professional", "credit on next invoice"],
  commit: "commit 99.95% per quarter starting Jan 1",
  credit: "credit 20 × downtime fee",
};

/** Each change as `summary → [old line, old text, new line, new text]`. */
function citations(a: PolicyIR, b: PolicyIR): Record<string, unknown[]> {
  const r = diffPolicies(a, b, H, sources);
  return Object.fromEntries(r.changes.map((c) => [c.summary.split(":")[0], [c.old?.line ?? null, c.old?.text ?? null, c.new?.line ?? null, c.new?.text ?? null]]));
}

/** The line of `clause` in `text`, 1-based. */
const lineOf = (text: string, clause: string): number => text.split("\n").findIndex((l) => l.trim() === clause) + 1;

describe("sla diff cites the clause that changed", () => {
  const oldText = policy(OLD);
  const newText = policy(NEW);
  const a = irOf("old.sla", oldText);
  const b = irOf("new.sla", newText);
  const both = (o: string, n: string) => [lineOf(oldText, o), o, lineOf(newText, n), n];

  it("each credits clause and the availability's commit and multiple, on both sides", () => {
    expect(citations(a, b)).toEqual({
      "claim within": both(OLD.credits[0]!, NEW.credits[0]!),
      "each breach earns its row": both(OLD.credits[1]!, NEW.credits[1]!),
      "cap per target": both(OLD.credits[2]!, NEW.credits[2]!),
      "plans needing no claim": both(OLD.credits[3]!, NEW.credits[3]!),
      commitment: both(OLD.commit, NEW.commit),
      "judged in": both(OLD.commit, NEW.commit),
      "credit when missed": both(OLD.credit, NEW.credit),
    });
    // The clause is on its own line, not the header's (line 12 `credits for …`, line 25 `availability platform …`).
    expect([a.credits?.origin.line, a.credits?.lateStepOrigin?.line]).toEqual([12, 20]);
    expect(a.availability?.[0]?.origin.line).toBe(25);
    expect(a.availability?.[0]?.commitOrigin?.line).toBe(26);
  });

  it("`credit on next invoice` added cites its line in the new version and the block in the old", () => {
    const without = irOf("old.sla", policy({ ...OLD, credits: OLD.credits.slice(0, 4) }));
    const header = without.credits!.origin;
    expect(citations(without, a)["credit deducted from"]).toEqual([header.line, "credits", lineOf(oldText, "credit on next invoice"), "credit on next invoice"]);
  });

  it("an IR without the clauses' origins (made by hand) cites the blocks' headers", () => {
    const strip = (p: PolicyIR): PolicyIR => {
      const q = structuredClone(p);
      for (const k of ["claimDaysAfterOrigin", "lateStepOrigin", "capPerTargetOrigin", "noClaimPlansOrigin", "onNextInvoiceOrigin"] as const) delete q.credits![k];
      for (const v of q.availability ?? []) delete v.commitOrigin;
      return q;
    };
    const cited = citations(strip(a), strip(b));
    expect(cited["claim within"]).toEqual([a.credits!.origin.line, "credits", b.credits!.origin.line, "credits"]);
    expect(cited.commitment).toEqual([a.availability![0]!.origin.line, "platform", b.availability![0]!.origin.line, "platform"]);
  });

  it("every clause moved down a line, its meaning the same, is no change", () => {
    const moved = irOf("old.sla", policy(OLD, 1));
    expect(moved.credits?.onNextInvoiceOrigin?.line).toBe(a.credits!.onNextInvoiceOrigin!.line + 1);
    expect(moved.availability?.[0]?.downtimeFeeMultipleOrigin?.line).toBe(a.availability![0]!.downtimeFeeMultipleOrigin!.line + 1);
    const r = diffPolicies(a, moved, H, sources);
    expect(r.changes).toEqual([]);
    expect(r.same).toBe(true);
  });
});

/**
 * IR 15: the remaining clauses of a credits block (`cap N%`, how breaches add up, `claim by end of
 * next month`, `claim subject`, `zone`, `ineligible …`, `target …`, the header's `credits for
 * <plans>`) and of the fees (`currency`, VAT, `free`, `invoice`, `payment`, `late charge`, `zone`).
 */
describe("sla diff cites every credits and fees clause on its own line", () => {
  /** A policy with two targets, a channel and works, then `blocks` (each line as written), after `pad` blank lines. */
  const withBlocks = (blocks: readonly string[], pad = 0): string =>
    [
      "policy journal \"Journal publishing platform\"",
      ...Array<string>(pad).fill(""),
      "plan professional \"Professional\"",
      "plan enterprise \"Enterprise\"",
      "priority P1 \"Outage\"",
      "channel email \"Email\"",
      "channel web \"Web portal\"",
      "work bug_fix \"Bug fixes\"",
      "work training \"Training\"",
      "cause customer \"Caused by the customer\"",
      ...RESPONSE,
      "target resolution \"Resolution\" {",
      "  stop on resolve",
      "  goals {",
      "    | priority | professional | enterprise |",
      "    | P1       | 5 days       | 3 days     |",
      "  }",
      "}",
      ...blocks,
      "",
    ].join("\n");
  const credits = (header: string, clauses: readonly string[]) => [header, "  {", "    | priority | credit |", "    | P1       | 10%    |", "  }", ...clauses.map((x) => `  ${x}`), "}"];
  const fees = (clauses: readonly string[]) => ["fees {", ...clauses.map((x) => `  ${x}`), "}"];

  const OLD_HEADER = "credits for professional, enterprise {";
  const NEW_HEADER = "credits for enterprise {";
  const OLD_CREDITS = ["zone \"Europe/Berlin\"", "target response", "sum per breach", "claim by end of next month", "claim subject \"SLA credit\"", "ineligible channel email", "ineligible account overdue", "ineligible cause customer", "cap 50%"];
  const NEW_CREDITS = ["zone \"Europe/Rome\"", "target response, resolution", "amount 500 EUR per breach", "claim subject \"Credit request\"", "ineligible channel email, web", "ineligible account overdue, suspended", "ineligible optional languages", "cap 100%"];
  const FEES = ["zone \"Europe/Berlin\"", "currency EUR", "invoice monthly", "payment net 30 days"];
  const oldText = withBlocks([...credits(OLD_HEADER, OLD_CREDITS), ...fees(FEES)]);
  const newText = withBlocks([...credits(NEW_HEADER, NEW_CREDITS), ...fees(FEES)]);
  const a = irOf("old.sla", oldText);
  const b = irOf("new.sla", newText);
  const both = (o: string, n: string) => [lineOf(oldText, o), o, lineOf(newText, n), n];

  it("each credits clause, the version without it citing the header", () => {
    const cited = citations(a, b);
    expect(cited).toMatchObject({
      "plans that earn credits": [lineOf(oldText, OLD_HEADER), "credits for professional, enterprise", lineOf(newText, NEW_HEADER), "credits for enterprise"],
      "targets that earn a credit": both("target response", "target response, resolution"),
      "breaches add up as": both("sum per breach", "amount 500 EUR per breach"),
      // `claim by end of next month` removed: the new version cites its block.
      "claim deadline (months after the period)": [lineOf(oldText, "claim by end of next month"), "claim by end of next month", lineOf(newText, NEW_HEADER), "credits"],
      "claim subject": both("claim subject \"SLA credit\"", "claim subject \"Credit request\""),
      zone: both("zone \"Europe/Berlin\"", "zone \"Europe/Rome\""),
      "ineligible channels": both("ineligible channel email", "ineligible channel email, web"),
      "ineligible account standings": both("ineligible account overdue", "ineligible account overdue, suspended"),
      // `ineligible optional languages` added: the old version cites its block.
      "optional languages ineligible": [lineOf(oldText, OLD_HEADER), "credits", lineOf(newText, "ineligible optional languages"), "ineligible optional languages"],
      cap: both("cap 50%", "cap 100%"),
    });
    const removed = diffPolicies(a, b, H, sources).changes.find((c) => c.subject === "ineligible for credit cause customer");
    expect([removed?.old?.line, removed?.old?.text, removed?.new]).toEqual([lineOf(oldText, "ineligible cause customer"), "ineligible cause customer", null]);
  });

  const OLD_FEES = ["zone \"Europe/Berlin\"", "currency EUR", "plus vat", "free bug_fix", "invoice monthly", "payment net 30 days", "late charge 1% per started month"];
  const NEW_FEES = ["zone \"Europe/Rome\"", "currency USD", "vat 19%", "free bug_fix, training", "invoice monthly", "payment by end of month", "late charge 2% per started month"];
  const feesOld = withBlocks(fees(OLD_FEES));
  const feesNew = withBlocks(fees(NEW_FEES));
  const fa = irOf("old.sla", feesOld);
  const fb = irOf("new.sla", feesNew);

  it("each fees clause; the invoice's change cites `payment …` when only the due date changed", () => {
    const bothFees = (o: string, n: string) => [lineOf(feesOld, o), o, lineOf(feesNew, n), n];
    expect(citations(fa, fb)).toEqual({
      currency: bothFees("currency EUR", "currency USD"),
      "free work": bothFees("free bug_fix", "free bug_fix, training"),
      VAT: bothFees("plus vat", "vat 19%"),
      invoice: bothFees("payment net 30 days", "payment by end of month"),
      "late charge (% per started month)": bothFees("late charge 1% per started month", "late charge 2% per started month"),
      "billing zone": bothFees("zone \"Europe/Berlin\"", "zone \"Europe/Rome\""),
    });
  });

  it("a changed schedule cites `invoice …`; a zone taken from the default calendar cites the block", () => {
    const quarterly = withBlocks(fees(["currency EUR", "invoice quarterly", "payment net 30 days"]));
    const q = irOf("new.sla", quarterly);
    expect(q.fees?.zoneOrigin).toBeUndefined();
    const cited = citations(fa, q);
    expect(cited.invoice).toEqual([lineOf(feesOld, "invoice monthly"), "invoice monthly", lineOf(quarterly, "invoice quarterly"), "invoice quarterly"]);
    expect(cited["billing zone"]).toEqual([lineOf(feesOld, "zone \"Europe/Berlin\""), "zone \"Europe/Berlin\"", q.fees!.origin.line, "fees"]);
  });

  it("an IR without the clauses' origins (made by hand) cites the blocks' headers", () => {
    const strip = (p: PolicyIR): PolicyIR => JSON.parse(JSON.stringify(p, (k: string, v: unknown) => (k.endsWith("Origin") ? undefined : v))) as PolicyIR;
    // A credit row and `amount … per breach` carry an `origin` of their own: still cited.
    const ownOrigin = ["credit 10% → no credit", "amount per breach"];
    const cited = Object.entries({ ...citations(strip(a), strip(b)), ...citations(strip(fa), strip(fb)) }).filter(([what]) => !ownOrigin.includes(what));
    expect(cited.length).toBe(17);
    // The removed `ineligible cause customer` has no new side.
    expect(new Set(cited.map(([, c]) => `${String(c[1])} → ${String(c[3])}`))).toEqual(new Set(["credits → credits", "credits → null", "fees → fees"]));
  });

  it("every clause moved down a line, its meaning the same, is no change", () => {
    const moved = irOf("old.sla", withBlocks([...credits(OLD_HEADER, OLD_CREDITS), ...fees(OLD_FEES)], 1));
    const before = irOf("old.sla", withBlocks([...credits(OLD_HEADER, OLD_CREDITS), ...fees(OLD_FEES)]));
    expect(moved.credits?.capPercentOrigin?.line).toBe(before.credits!.capPercentOrigin!.line + 1);
    expect(moved.credits?.ineligibleWhenOrigin?.[0]?.line).toBe(before.credits!.ineligibleWhenOrigin![0]!.line + 1);
    expect(moved.fees?.invoiceDueOrigin?.line).toBe(before.fees!.invoiceDueOrigin!.line + 1);
    const r = diffPolicies(before, moved, H, sources);
    expect(r.changes).toEqual([]);
    expect(r.same).toBe(true);
  });
});
