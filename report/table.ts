/**
 * Tables for the text, markdown and HTML renderers: one row model, several layouts. Counts and
 * percentages are right-aligned, so columns of them line up by their units.
 */

/** A table: its header and rows of cells already worded. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** A count, a percentage, a count with its paused share, or the dash of "no value". */
export const isNumeric = (cell: string): boolean => /^(\d[\d,.]*( %)?( \(\d[\d,]* paused\))?|–)$/.test(cell);
const numeric = isNumeric;

/** Aligned columns, two spaces apart, each line indented by `indent`. */
export function textTable(t: Table, indent = "  "): string {
  const widths = t.header.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[], isHeader: boolean) =>
    indent +
    cells
      .map((c, i) => (!isHeader && numeric(c) && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(t.header, true), ...t.rows.map((r) => line(r, false))].join("\n") + "\n";
}

/** A GitHub-flavoured markdown table; `|` inside a cell is escaped. */
export function markdownTable(t: Table): string {
  const cell = (c: string) => c.replaceAll("|", "\\|");
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const align = t.header.map((_, i) => (i > 0 && t.rows.length > 0 && t.rows.every((r) => numeric(r[i] ?? "")) ? "---:" : "---"));
  return [row(t.header), `| ${align.join(" | ")} |`, ...t.rows.map(row)].join("\n") + "\n";
}
