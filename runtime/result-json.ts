/**
 * A hand-written JSON serializer for ticket results. `sla eval` streams millions of them and
 * JSON.stringify was its largest cost; this writes the known shape directly, quoting strings
 * with JSON.stringify only where a value may need escaping. Output is byte-identical to
 * `JSON.stringify(result)` (a property test checks it); a result carrying a `trace` falls back
 * to JSON.stringify, and so does one with a recurring target's intervals.
 */
import type { TicketResult } from "./io.js";

/** What JSON.stringify escapes or may write differently: controls, `"`, `\\`, lone surrogates. */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** Quote a string; instants and most names need no escaping, so test (natively) before calling stringify. */
function str(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/**
 * Quoted texts of the policy (target and role names, goal texts, thresholds): a handful of
 * distinct strings written on every line, so each is tested once. Bounded, in case a caller
 * feeds results of ever new policies.
 */
const quoted = new Map<string, string>();
const MAX_QUOTED = 10_000;

function policyText(s: string): string {
  let q = quoted.get(s);
  if (q === undefined) {
    if (quoted.size >= MAX_QUOTED) quoted.clear();
    q = str(s);
    quoted.set(s, q);
  }
  return q;
}

/**
 * An instant of the result: `formatInstant` writes only digits, `-:.+TZ` (or `NaN`/`Infinity`),
 * so it is quoted without the escape test, which would also flatten the string it builds.
 */
const instant = (s: string): string => `"${s}"`;
const instantOrNull = (s: string | null): string => (s === null ? "null" : `"${s}"`);

export function resultJson(r: TicketResult): string {
  let out = `{"id":${str(r.id)},"policy":${policyText(r.policy)},"asOf":${instant(r.asOf)},"targets":[`;
  for (let i = 0; i < r.targets.length; i++) {
    const t = r.targets[i]!;
    if (t.trace !== undefined || t.recurring !== undefined) return JSON.stringify(r);
    if (i > 0) out += ",";
    out += `{"name":${policyText(t.name)},"goal":${policyText(t.goal)},"binding":${t.binding},"startedAt":${instantOrNull(t.startedAt)},"due":${instantOrNull(t.due)},"status":"${t.status}"`;
    if (t.reason !== undefined) out += `,"reason":${str(t.reason)}`;
    if (t.stoppedAt !== undefined) out += `,"stoppedAt":${instant(t.stoppedAt)}`;
    out += "}";
  }
  out += `],"escalations":[`;
  for (let i = 0; i < r.escalations.length; i++) {
    const e = r.escalations[i]!;
    out += `${i > 0 ? "," : ""}{"after":${policyText(e.after)},"to":${policyText(e.to)},"at":${instant(e.at)}}`;
  }
  return `${out}],"credit":${r.credit === null ? "null" : `{"percent":${JSON.stringify(r.credit.percent)}}`}}`;
}
