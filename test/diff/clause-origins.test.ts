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

/** A policy whose credits block and availability hold `c`, after `pad` blank lines (to move every clause). */
function policy(c: Clauses, pad = 0): string {
  return [
    "policy journal \"Journal publishing platform\"",
    ...Array<string>(pad).fill(""),
    "plan professional \"Professional\"",
    "plan enterprise \"Enterprise\"",
    "priority P1 \"Outage\"",
    "target response \"First response\" {",
    "  stop on respond, resolve",
    "  goals {",
    "    | priority | professional | enterprise |",
    "    | P1       | 8 hours      | 2 hours    |",
    "  }",
    "}",
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
