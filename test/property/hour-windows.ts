/**
 * A day's windows for the clock references: 0–2 windows on whole hours, each at least an hour (so
 * none fits inside a DST gap and every edge is a whole minute for the minute-stepping references).
 */
import fc from "fast-check";
import type { Window } from "../../runtime/ir.js";

export const hourWindowsArb: fc.Arbitrary<Window[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 24 }), { maxLength: 4 })
  .map((edges) => {
    const s = [...edges].sort((a, b) => a - b);
    const ws: Window[] = [];
    for (let i = 0; i + 1 < s.length; i += 2) ws.push({ from: s[i]! * 60, to: s[i + 1]! * 60 });
    return ws;
  });
