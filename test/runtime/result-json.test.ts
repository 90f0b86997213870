/**
 * `resultJson` (the serializer `sla eval` streams with) writes exactly what `JSON.stringify`
 * writes, on varied tickets of every seed policy (escalations, credits, stops, no-SLA results),
 * and on names that need escaping.
 */
import { describe, expect, it } from "vitest";
import { seedPolicy, variedTickets } from "../../bench/workloads.js";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket } from "../../runtime/io.js";
import { resultJson } from "../../runtime/result-json.js";

describe("resultJson", () => {
  it.each(["imagicle", "kustomer", "lucy", "lumapps", "promotron"])("is byte-identical to JSON.stringify on varied %s tickets", (name) => {
    const policy = seedPolicy(name);
    let escalations = 0;
    for (const json of variedTickets(name, 400, 11)) {
      const parsed = parseTicket(json, policy);
      if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
      const r = evaluateTicket(policy, parsed.ticket);
      escalations += r.escalations.length;
      expect(resultJson(r)).toBe(JSON.stringify(r));
    }
    if (name === "imagicle") expect(escalations).toBeGreaterThan(0);
  });

  it("escapes what JSON escapes", () => {
    const r = {
      id: 'a"b\\c\n\u0001\ud800',
      policy: "p",
      asOf: "2026-01-01T00:00:00Z",
      targets: [{ name: "t\u2028", goal: "g", binding: true, startedAt: null, due: null, status: "pending" as const }],
      escalations: [{ after: "1 hour", to: "Ré\"", at: "2026-01-01T01:00:00Z" }],
      credit: { percent: 12.5 },
    };
    expect(resultJson(r)).toBe(JSON.stringify(r));
  });
});
