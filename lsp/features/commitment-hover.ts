/**
 * Hovers on the name of an availability commitment or an objective (issue 12.3–12.4): what it
 * commits to, read from the IR (the numbers as the settlement uses them: the window, what is
 * measured and excused, the credit rule), so a reviewer sees the clause's meaning in one place.
 */
import type { AvailabilityIR, ObjectiveIR, PolicyIR } from "../../runtime/ir.js";
import { MONTHS } from "./keyword-docs.js";

const UNITS: readonly [number, string][] = [
  [7 * 24 * 3_600_000, "week"],
  [24 * 3_600_000, "day"],
  [3_600_000, "hour"],
  [60_000, "minute"],
];

/** `172800000` → `48 hours`: the largest unit that divides it (durations are written in whole units). */
function duration(ms: number): string {
  const [size, unit] = UNITS.find(([size]) => ms % size === 0 && ms >= size) ?? [1000, "second"];
  const n = ms / size;
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

function windowWords(a: AvailabilityIR): string {
  if (!a.window) return "each settled period";
  if (a.window.unit === "month") return "each month";
  return `each ${a.window.unit} starting ${MONTHS[a.window.startMonth - 1]} 1 (judged in a period that is one)`;
}

function creditWords(a: AvailabilityIR): string {
  if (a.downtimeFeeMultiple) return `missed: ${a.downtimeFeeMultiple} × the fee paid for the downtime`;
  if (a.stepCredit) {
    const { creditPercent, step, upToPercent } = a.stepCredit;
    const bound = upToPercent ? `, up to ${upToPercent}%` : "";
    return `missed: ${creditPercent}% of the fees per ${step.started ? "started " : ""}${duration(step.ms)} of counted downtime${bound}`;
  }
  if (a.bands.length === 0) return "no credit";
  return `credit of the period's fees:\n${a.bands.map((b) => `- below ${b.belowPercent}%: ${b.creditPercent}%`).join("\n")}`;
}

function availabilityLines(a: AvailabilityIR): string[] {
  const over = a.over.kind === "elapsed" ? "elapsed time" : `the open time of calendar \`${a.over.calendar}\``;
  const lines = [`commits to **${a.commitPercent}%** over ${over}, ${windowWords(a)}; shown to ${a.decimals} decimals`];
  const scope = [a.components ? `outages of ${a.components.map((c) => `\`${c}\``).join(", ")}` : "every outage", a.plans ? `for ${a.plans.map((p) => `\`${p}\``).join(", ")}` : null];
  lines.push(`counts ${scope.filter(Boolean).join(", ")}`);
  const excused: string[] = [];
  if (a.excuse) {
    const e = a.excuse;
    const parts = [
      e.within ? `inside calendar \`${e.within}\`` : null,
      e.announcedAheadMs !== null ? `announced ${duration(e.announcedAheadMs)} ahead` : null,
      e.eachMs !== undefined ? `up to ${duration(e.eachMs)} each` : null,
      e.capMs !== null ? `up to ${duration(e.capMs)} per period` : null,
    ];
    excused.push(["scheduled maintenance", ...parts.filter(Boolean)].join(", "));
  }
  if (a.excusedCauses?.length) excused.push(`outages caused by ${a.excusedCauses.map((c) => `\`${c}\``).join(", ")}`);
  if (excused.length > 0) lines.push(`excused: ${excused.join("; ")}`);
  lines.push(creditWords(a));
  return lines;
}

function objectiveLines(o: ObjectiveIR): string[] {
  const credit = o.creditPercent !== null ? `missed: ${o.creditPercent}% of the period's fees` : "missed: no credit";
  return [`at least **${o.sharePercent}%** of the decided tickets meet target \`${o.target}\`; shown to ${o.decimals} decimals`, credit];
}

/**
 * The hover of the availability or objective named `name`: its title, then its meaning from `ir`
 * (the IR of the latest version without errors; without one, the title alone).
 */
export function commitmentHover(ir: PolicyIR | null, kind: "availability" | "objective", name: string, title: string | null): string {
  const lines = [`**${kind}** \`${name}\`${title ? `: ${title}` : ""}`];
  if (kind === "availability") {
    const a = ir?.availability?.find((x) => x.name === name);
    if (a) lines.push(...availabilityLines(a));
  } else {
    const o = ir?.objectives?.find((x) => x.name === name);
    if (o) lines.push(...objectiveLines(o));
  }
  return lines.join("\n\n");
}
