/**
 * Tables (SPEC §1: "tables in the document should be tables in the file"): the header row names
 * the columns, later rows are keyed by their first cell. Goal matrices are priority × plan.
 */
import type { Span } from "../grammar/source.js";
import type * as A from "./ast.js";
import type { CheckContext } from "./context.js";
import type { SymbolKind } from "./symbols.js";

export interface TableRow {
  /** The row's key (a priority or plan name), resolved. */
  readonly key: A.Name;
  readonly cells: readonly A.Cell[];
  readonly row: A.Row;
}

export interface ReadTable {
  readonly keyKind: "priority" | "plan";
  /**
   * Column names after the key column: plan names, or words like `goal`, `after`, `to`; a goal
   * matrix's column may be a field's value instead (`product x`: `attribute` set).
   */
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** Keys of rows already reported as malformed (wrong width): present, so not "missing". */
  readonly malformedKeys: ReadonlySet<string>;
}

/** A column of a table's header. */
export interface TableColumn {
  readonly text: string;
  readonly span: Span;
  /** `product x`: the column of the tickets whose field `product` is `x` (goal matrices only). */
  readonly attribute?: { readonly field: A.Name; readonly value: A.Name };
}

function cellWord(cell: A.Cell | undefined): string | null {
  if (!cell) return null;
  if (cell.kind === "word") return cell.word;
  if (cell.kind === "name") return cell.name.text;
  return null;
}

/**
 * Read a table's header and rows. `fixedColumns` names the columns when they are words
 * (`["after", "to"]`); otherwise the columns are plan names (a goal matrix) or `goal`.
 */
export function readTable(ctx: CheckContext, table: A.Table, what: string, fixedColumns: readonly string[] | null): ReadTable | null {
  const [header, ...body] = table.rows;
  const expected = fixedColumns
    ? `\`| priority | ${fixedColumns.join(" | ")} |\``
    : "`| priority | goal |`, `| plan | goal |` or `| priority | basic | gold | … |`";
  if (!header) {
    ctx.diagnostics.error("SLA303", table.span, `the ${what} table is empty`, { help: `start it with a header row such as ${expected}` });
    return null;
  }
  const first = cellWord(header.cells[0]);
  if (first !== "priority" && first !== "plan") {
    ctx.diagnostics.error("SLA303", header.span, `the ${what} table has no header row`, {
      help: `its first row names the columns, e.g. ${expected}`,
    });
    return null;
  }
  const columns: TableColumn[] = [];
  for (const c of header.cells.slice(1)) {
    if (c.kind === "attribute" && !fixedColumns) {
      columns.push({ text: `${c.field.text} ${c.value.text}`, span: c.span, attribute: { field: c.field, value: c.value } });
      continue;
    }
    const w = cellWord(c);
    if (w === null) {
      ctx.diagnostics.error("SLA303", c.span, `a header cell names a column, not a value`, { help: `expected a header such as ${expected}` });
      return null;
    }
    columns.push({ text: w, span: c.span });
  }
  if (fixedColumns && columns.map((c) => c.text).join() !== fixedColumns.join()) {
    ctx.diagnostics.error("SLA303", header.span, `the ${what} table's columns are \`${fixedColumns.join("`, `")}\``, {
      help: `write the header as ${expected}`,
    });
    return null;
  }
  const keyKind: SymbolKind = first;
  const rows: TableRow[] = [];
  const malformedKeys = new Set<string>();
  for (const row of body) {
    const keyCell = row.cells[0];
    if (!keyCell) continue;
    if (keyCell.kind !== "name") {
      ctx.diagnostics.error("SLA306", keyCell.span, `a row starts with the ${first} it is for`, { help: `write the ${first}'s name in the first column` });
      continue;
    }
    if (row.cells.length !== header.cells.length) {
      malformedKeys.add(keyCell.name.text);
      const cells = (n: number) => `${n} cell${n === 1 ? "" : "s"}`;
      ctx.diagnostics.error("SLA302", row.span, `row has ${cells(row.cells.length)} but the header has ${cells(header.cells.length)}`, {
        help: "give every row one cell per column",
        labels: [{ span: header.span, message: "the header" }],
      });
      continue;
    }
    if (!ctx.symbols.resolve(keyKind, keyCell.name)) continue;
    rows.push({ key: keyCell.name, cells: row.cells.slice(1), row });
  }
  return { keyKind: first, columns, rows, malformedKeys };
}

/** Report rows whose key repeats; returns the rows keyed by name (first one wins). */
export function uniqueRows(ctx: CheckContext, rows: readonly TableRow[]): Map<string, TableRow> {
  const byKey = new Map<string, TableRow>();
  for (const r of rows) {
    const first = byKey.get(r.key.text);
    if (first) {
      ctx.diagnostics.error("SLA302", r.row.span, `a second row for \`${r.key.text}\``, {
        labels: [{ span: first.row.span, message: "first row" }],
        help: "keep one row per key",
      });
      continue;
    }
    byKey.set(r.key.text, r);
  }
  return byKey;
}

/** Text of a row to insert for a missing key, aligned loosely: the formatter aligns it. */
export function missingRowText(key: string, width: number, filler: string): string {
  return `| ${key} | ${Array.from({ length: width }, () => filler).join(" | ")} |`;
}
