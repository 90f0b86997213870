/**
 * `ineligible account overdue, suspended` in a credits block (issue 12 follow-up, Centage: "no
 * credit while fees are overdue or the account is suspended"): the standings a period's `account`
 * may report that void every credit of the period.
 */
import type { CreditsIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import type { CheckContext } from "./context.js";
import { didYouMean } from "./suggest.js";

/** The account standings a period input reports (`"account": { "overdue": true }`). */
export const ACCOUNT_STANDINGS = ["overdue", "suspended"] as const;
type Standing = (typeof ACCOUNT_STANDINGS)[number];

const isStanding = (word: string): word is Standing => (ACCOUNT_STANDINGS as readonly string[]).includes(word);

/** Add the clause's standings to `ir.ineligibleAccount`; an unknown word is SLA101 with a suggestion. */
export function lowerAccountStanding(ctx: CheckContext, item: Extract<A.CreditsItem, { kind: "ineligibleAccount" }>, ir: CreditsIR): void {
  const standings = new Set<Standing>(ir.ineligibleAccount ?? []);
  for (const n of item.standings) {
    if (isStanding(n.text)) {
      standings.add(n.text);
      continue;
    }
    const suggestion = didYouMean(n.text, ACCOUNT_STANDINGS);
    ctx.diagnostics.error("SLA101", n.span, `unknown account standing \`${n.text}\``, {
      help: suggestion ? `did you mean \`${suggestion}\`?` : `an account is ${ACCOUNT_STANDINGS.map((s) => `\`${s}\``).join(" or ")}`,
      ...(suggestion ? { fixes: [{ title: `change to \`${suggestion}\``, edits: [{ span: n.span, newText: suggestion }] }] } : {}),
    });
  }
  // In the one order the input names them, so the IR does not depend on how the clause was written.
  if (standings.size > 0) ir.ineligibleAccount = ACCOUNT_STANDINGS.filter((s) => standings.has(s));
}
