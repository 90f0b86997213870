/**
 * Credits that grow in steps: "5 % for each 30 minutes of downtime (or portion thereof), up to
 * 100 %", "5 % for each additional hour (or portion thereof)". Design in three lines —
 *   steps:   whole steps of an elapsed length (`started`: a step begun counts whole), integer ms;
 *   percent: the rate times the steps, exact in decimal.js, bounded by the clause's own limit;
 *   words:   the arithmetic spelled out for a result's `reason`.
 */
import type { CreditStepIR } from "./ir.js";
import { Dec } from "./settle-decimal.js";

/** How many steps `ms` holds: a step begun counts whole when `started` ("or portion thereof"). */
export function stepsIn(ms: number, step: CreditStepIR): number {
  if (ms <= 0) return 0;
  return step.started ? Math.ceil(ms / step.ms) : Math.floor(ms / step.ms);
}

/** The step in words: `started 30 minutes`, `hour`. */
export function stepWords(step: CreditStepIR): string {
  const units: [number, string][] = [
    [604_800_000, "week"],
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  const [size, unit] = units.find(([u]) => step.ms % u === 0) ?? [1, "ms"];
  const n = step.ms / size;
  return `${step.started ? "started " : ""}${n === 1 ? unit : `${n} ${unit}s`}`;
}

/** `rate` × `steps` as exact percent text, bounded by `upTo` when given; `capped` says whether it was. */
export function stepPercent(rate: string, steps: number, upTo: string | undefined): { percent: string; capped: boolean } {
  const raw = new Dec(rate).times(steps);
  if (upTo !== undefined && raw.gt(upTo)) return { percent: new Dec(upTo).toFixed(), capped: true };
  return { percent: raw.toFixed(), capped: false };
}
