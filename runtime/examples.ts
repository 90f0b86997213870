/**
 * Running the example cases written inside a policy (SPEC §4 `sla test`): each expectation is
 * compared with what the runtime answers, through the same entry points every caller uses.
 */
import { evaluateTicket } from "./evaluate.js";
import { parseInstant } from "./instant.js";
import { parseTicket, type TicketResult } from "./io.js";
import type { ExampleIR, Expectation, PolicyIR, SourceRef } from "./ir.js";
import { parsePeriod } from "./period.js";
import { settle, type SettlementResult } from "./settle.js";

export interface ExpectationOutcome {
  readonly pass: boolean;
  readonly origin: SourceRef;
  readonly expected: string;
  readonly actual: string;
}

export interface ExampleOutcome {
  readonly name: string;
  readonly origin: SourceRef;
  readonly pass: boolean;
  /** Set when the example's input itself is invalid (a field of the ticket or period). */
  readonly error: string | null;
  readonly expectations: readonly ExpectationOutcome[];
}

/** Two instants are equal when they denote the same instant (SPEC §2.1). */
function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return parseInstant(a) === parseInstant(b);
}

function roleTitle(policy: PolicyIR, role: string): string {
  const r = policy.roles.find((x) => x.name === role);
  return r?.title ?? role;
}

function checkTicketExpectation(policy: PolicyIR, e: Expectation, result: TicketResult): ExpectationOutcome {
  const origin = e.origin;
  switch (e.kind) {
    case "target": {
      const t = result.targets.find((x) => x.name === e.target);
      const breaches = e.breaches === undefined ? null : `${e.breaches} breach${e.breaches === 1 ? "" : "es"}`;
      const expected = [e.status, breaches, e.dueNone ? "due none" : e.due ? `due ${e.due}` : null].filter(Boolean).join(", ");
      if (!t) return { pass: false, origin, expected, actual: `no target \`${e.target}\` in the result` };
      // A recurring target's breaches are its missed intervals (issue 11.5); a one-shot target has at most one.
      const misses = t.recurring ? t.recurring.misses : t.status === "breached" ? 1 : 0;
      const actual = `${t.status}${breaches === null ? "" : `, ${misses} breach${misses === 1 ? "" : "es"}`}, due ${t.due ?? "none"} (goal ${t.goal})`;
      const pass =
        (e.status === null || e.status === t.status) &&
        (e.breaches === undefined || e.breaches === misses) &&
        (e.dueNone ? t.due === null : e.due === null || sameInstant(e.due, t.due));
      return { pass, origin, expected, actual };
    }
    case "escalation": {
      const title = roleTitle(policy, e.role);
      const hits = result.escalations.filter((x) => x.to === title);
      const expected = `escalation to ${title}${e.at ? ` at ${e.at}` : ""}`;
      const actual = result.escalations.length === 0 ? "no escalation" : result.escalations.map((x) => `${x.to} at ${x.at}`).join("; ");
      return { pass: hits.some((h) => e.at === null || sameInstant(h.at, e.at)), origin, expected, actual };
    }
    case "noEscalation":
      return {
        pass: result.escalations.length === 0,
        origin,
        expected: "no escalation",
        actual: result.escalations.length === 0 ? "no escalation" : result.escalations.map((x) => `${x.to} at ${x.at}`).join("; "),
      };
    case "credit":
      return {
        pass: e.percent === null ? result.credit === null : result.credit?.percent === e.percent,
        origin,
        expected: e.percent === null ? "no credit" : `credit ${e.percent}%`,
        actual: result.credit === null ? "no credit" : `credit ${result.credit.percent}%`,
      };
    case "settle":
      return { pass: false, origin, expected: `${e.field} = ${e.value}`, actual: "a ticket example has no settlement" };
    case "availability":
    case "objective":
      return { pass: false, origin, expected: `${e.kind} ${e.name}`, actual: "a ticket example has no settlement" };
  }
}

/** `expect availability platform 99.876%` (as shown) and `expect objective fix missed` (issue 12.3–12.4). */
function checkCommitment(e: Extract<Expectation, { kind: "availability" | "objective" }>, result: SettlementResult): ExpectationOutcome {
  if (e.kind === "availability") {
    const a = result.availability?.[e.name];
    const actual = a ? `availability ${e.name} ${a.availabilityPercent}%` : `no availability \`${e.name}\` in the settlement`;
    return { pass: a?.availabilityPercent === e.percent, origin: e.origin, expected: `availability ${e.name} ${e.percent}%`, actual };
  }
  const o = result.objectives?.[e.name];
  const actual = o ? `objective ${e.name} ${o.status} (${o.reason})` : `no objective \`${e.name}\` in the settlement`;
  return { pass: o?.status === e.status, origin: e.origin, expected: `objective ${e.name} ${e.status}`, actual };
}

/** Read a dotted path (`invoice.total`, `credit.lines.0.amount`) of a value, as text. */
function fieldText(value: unknown, path: string): string {
  let v: unknown = value;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object" || !Object.prototype.hasOwnProperty.call(v, key)) return "(absent)";
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * Run every example of a policy. `readPeriod` loads a period file named by a settlement
 * example (relative to the policy); it returns the parsed JSON or an error message.
 */
export function runExamples(policy: PolicyIR, readPeriod: (file: string) => { ok: true; json: unknown } | { ok: false; message: string }): ExampleOutcome[] {
  return policy.examples.map((ex) => {
    try {
      return runExample(policy, ex, readPeriod);
    } catch (e) {
      // An IR the runtime cannot build (a holiday code it does not know) fails this example
      // with the reason rather than ending `sla test` or a hover with an internal error.
      return { name: ex.name, origin: ex.origin, pass: false, error: `cannot evaluate: ${(e as Error).message}`, expectations: [] };
    }
  });
}

function runExample(policy: PolicyIR, ex: ExampleIR, readPeriod: Parameters<typeof runExamples>[1]): ExampleOutcome {
  const fail = (error: string): ExampleOutcome => ({ name: ex.name, origin: ex.origin, pass: false, error, expectations: [] });
  if (ex.kind === "ticket") {
    const parsed = parseTicket(ex.ticket, policy);
    if (!parsed.ok) return fail(`invalid ticket: \`${parsed.error.field}\` ${parsed.error.message}`);
    const result = evaluateTicket(policy, parsed.ticket);
    const expectations = ex.expectations.map((e) => checkTicketExpectation(policy, e, result));
    return { name: ex.name, origin: ex.origin, pass: expectations.every((e) => e.pass), error: null, expectations };
  }
  const read = readPeriod(ex.periodFile);
  if (!read.ok) return fail(read.message);
  const period = parsePeriod(read.json, policy);
  if (!period.ok) return fail(`invalid period: \`${period.error.field}\` ${period.error.message}`);
  const result = settle(policy, period.period);
  const expectations = ex.expectations.map((e): ExpectationOutcome => {
    if (e.kind === "availability" || e.kind === "objective") return checkCommitment(e, result);
    // The compiler only lets settlement fields into a period example (SLA601).
    if (e.kind !== "settle") return { pass: false, origin: e.origin, expected: "a settlement field", actual: "(not a settlement field)" };
    const actual = fieldText(result, e.field);
    return { pass: actual === e.value, origin: e.origin, expected: `${e.field} = ${e.value}`, actual: `${e.field} = ${actual}` };
  });
  return { name: ex.name, origin: ex.origin, pass: expectations.every((e) => e.pass), error: null, expectations };
}
