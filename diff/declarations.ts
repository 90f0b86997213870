/**
 * Declarations without a rule of their own: kinds of work (`work bug_fix "…"`) and the customer's
 * obligations (`obligation keep_updated "Customer shall keep the software updated…"`).
 *
 * Kinds of work are the words of the period file: what each costs is in `fees` (rates, free work,
 * allowances and quotas per kind, compared in `fees.ts`), so a kind added or removed moves no
 * money by itself (`neutral`); it says which work the period file may report. An obligation binds
 * the customer: one added gives the provider a ground to refuse or delay (looser for the
 * provider), one dropped the opposite (stricter). Renaming an obligation's identifier changes
 * nothing (no clause names it). Words are not judged: a kind of work described otherwise, or an
 * obligation reworded, is reported with effect `unknown`, citing both clauses.
 */
import type { Named, PolicyIR } from "../runtime/ir.js";
import { change } from "./cite.js";
import { namedSet } from "./coverage.js";
import type { Change } from "./model.js";

/** A declaration's words: its title and description, as one text to compare. */
const words = (n: Named) => JSON.stringify([n.title, n.description]);

/** Declarations of both versions with one name whose words differ: `unknown`, as words are not read. */
function reworded(kind: Change["kind"], what: string, a: readonly Named[], b: readonly Named[], summary: string): Change[] {
  const now = new Map(b.map((n) => [n.name, n]));
  return a.flatMap((x) => {
    const y = now.get(x.name);
    return y && words(x) !== words(y) ? [change(kind, what ? `${what} ${x.name}` : x.name, summary, "unknown", x.origin, y.origin)] : [];
  });
}

/** The period file's vocabulary of work: kinds added or removed (`neutral`), a policy starting or stopping to declare any. */
export function diffWorks(a: PolicyIR, b: PolicyIR): Change[] {
  const reported = (n: string, added: boolean) => `the period file may ${added ? "now" : "no longer"} report work of kind \`${n}\`${!added && b.works.length === 0 ? " (no kind declared: any kind is accepted)" : ""}`;
  return [
    ...namedSet("fees", "kind of work", a.works, b.works, "neutral", reported),
    ...reworded("fees", "kind of work", a.works, b.works, "described in other words (which work it covers: not judged)"),
  ];
}

/**
 * The customer's obligations, matched by name, then (an identifier renamed) by their words: one
 * added is looser for the provider, one removed stricter, one reworded `unknown`.
 */
export function diffObligations(a: PolicyIR, b: PolicyIR): Change[] {
  const oldNames = new Set(a.obligations.map((n) => n.name));
  const newNames = new Set(b.obligations.map((n) => n.name));
  // An identifier renamed with the same words is the same obligation: each removed one pairs with an added one of equal words.
  const added = b.obligations.filter((y) => !oldNames.has(y.name));
  const renamed = new Set<Named>();
  for (const x of a.obligations.filter((o) => !newNames.has(o.name))) {
    const y = added.find((o) => !renamed.has(o) && words(o) === words(x));
    if (y) renamed.add(x).add(y);
  }
  return [
    ...namedSet(
      "obligation",
      "",
      a.obligations.filter((x) => !renamed.has(x)),
      b.obligations.filter((y) => !renamed.has(y)),
      "looser",
      (n, isNew) => `the customer ${isNew ? "now has to" : "no longer has to"} meet obligation \`${n}\``,
    ),
    ...reworded("obligation", "", a.obligations, b.obligations, "reworded (what the customer has to do: not judged)"),
  ];
}
