/**
 * A credit graded by how long a breached ticket took (Blue Arctic: "45 to 60 minutes 5 % · 60 to
 * 120 minutes 10 % · … · over 360 minutes 100 %"): a credits table `| after | credit |` whose rows
 * are elapsed durations from the target's start. A breach stopped more than a row's duration
 * after its start (or still running at the period's end) earns that row; the last such row wins.
 * Rows rise in duration and never fall in credit, so a later answer never earns less.
 */
import type { CreditsIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";
import { lowerPercent } from "./percent.js";

const UNIT_MS: Record<Exclude<A.UnitName, "month">, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** True for a credits table headed `| after | credit |` (the lateness bands), not a priority or plan table. */
export function isLatenessTable(table: A.Table): boolean {
  const first = table.rows[0]?.cells[0];
  return first?.kind === "word" && first.word === "after";
}

/** The rows of a `| after | credit |` table as bands, checked (SLA303, SLA304, SLA306, SLA505). */
export function lowerLatenessBands(ctx: CheckContext, table: A.Table): NonNullable<CreditsIR["afterBands"]> {
  const [header, ...rows] = table.rows;
  const words = header?.cells.map((c) => (c.kind === "word" ? c.word : "")) ?? [];
  if (words.join(",") !== "after,credit") {
    ctx.diagnostics.error("SLA303", header?.span ?? table.span, "a credit graded by time taken has the header `| after | credit |`", { help: "write `| after | credit |`, then a row such as `| 60 minutes | 10% |`" });
    return [];
  }
  const bands: NonNullable<CreditsIR["afterBands"]> = [];
  for (const row of rows) {
    const [after, credit] = row.cells;
    if (row.cells.length !== 2 || after?.kind !== "duration" || credit?.kind !== "percent" || credit.of) {
      ctx.diagnostics.error("SLA306", row.span, "a row of a credit graded by time taken is a duration and a credit", { help: "write `| 60 minutes | 10% |`" });
      continue;
    }
    if (after.business || after.unit === "month") {
      ctx.diagnostics.error("SLA304", after.span, "a credit's time taken is elapsed minutes, hours, days or weeks", { help: "write e.g. `| 120 minutes | 25% |`" });
      continue;
    }
    const creditPercent = lowerPercent(ctx, credit.span);
    if (creditPercent === null) continue;
    const afterMs = Math.round(after.amount * UNIT_MS[after.unit]);
    const prev = bands.at(-1);
    if (prev && afterMs <= prev.afterMs) {
      ctx.diagnostics.error("SLA505", row.span, "the rows of a credit graded by time taken rise: each one's time comes after the row above", { help: "write the rows from the shortest time to the longest" });
      continue;
    }
    // Percent texts have at most 9 significant digits: their doubles order exactly as the decimals do.
    if (prev && Number(creditPercent) < Number(prev.creditPercent)) {
      ctx.diagnostics.error("SLA505", row.span, `a later answer earns less: ${creditPercent}% after a row of ${prev.creditPercent}%`, { help: "a longer time taken earns at least the credit of a shorter one" });
      continue;
    }
    bands.push({ afterMs, creditPercent, origin: sourceRef(ctx, row.span) });
  }
  return bands;
}
