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

const orNull = (s: string | null): string => (s === null ? "null" : str(s));

export function resultJson(r: TicketResult): string {
  let out = `{"id":${str(r.id)},"policy":${str(r.policy)},"asOf":${str(r.asOf)},"targets":[`;
  for (let i = 0; i < r.targets.length; i++) {
    const t = r.targets[i]!;
    if (t.trace !== undefined || t.recurring !== undefined) return JSON.stringify(r);
    if (i > 0) out += ",";
    out += `{"name":${str(t.name)},"goal":${str(t.goal)},"binding":${t.binding},"startedAt":${orNull(t.startedAt)},"due":${orNull(t.due)},"status":"${t.status}"`;
    if (t.stoppedAt !== undefined) out += `,"stoppedAt":${str(t.stoppedAt)}`;
    out += "}";
  }
  out += `],"escalations":[`;
  for (let i = 0; i < r.escalations.length; i++) {
    const e = r.escalations[i]!;
    out += `${i > 0 ? "," : ""}{"after":${str(e.after)},"to":${str(e.to)},"at":${str(e.at)}}`;
  }
  return `${out}],"credit":${r.credit === null ? "null" : `{"percent":${JSON.stringify(r.credit.percent)}}`}}`;
}
