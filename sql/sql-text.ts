/**
 * Small SQL text helpers shared by the query modules: literals, lists, and the relation type.
 */

/** One relation of the compiled query: a name and the SELECT that defines it. */
export interface Relation {
  readonly name: string;
  readonly sql: string;
  /**
   * Columns a runner that materializes the relation indexes (PostgreSQL: `CREATE INDEX`), for a
   * later step that looks rows up in it one at a time; DuckDB's `ASOF` joins need none.
   */
  readonly indexes?: readonly string[];
}

/** A string literal. */
export const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** `expr IN ('a', 'b')`, or `false` for an empty list (SQL has no empty IN list). */
export function inList(expr: string, values: readonly string[]): string {
  return values.length === 0 ? "false" : `${expr} IN (${values.map(lit).join(", ")})`;
}

/**
 * The SELECTs `parts` joined by `UNION ALL`, or `none` when there are none (a policy without
 * targets or without clocks): `none` selects the same columns from an empty set, since a view
 * needs one SELECT.
 */
export function unionAll(parts: readonly string[], none: string): string {
  return parts.length === 0 ? none : parts.join("\nUNION ALL\n");
}

/** A `CASE expr WHEN 'a' THEN x … ELSE e END`, or `e` alone when there are no cases. */
export function caseOf(expr: string, cases: ReadonlyArray<readonly [string, string]>, otherwise: string): string {
  if (cases.length === 0) return otherwise;
  return `CASE ${expr} ${cases.map(([when, then]) => `WHEN ${lit(when)} THEN ${then}`).join(" ")} ELSE ${otherwise} END`;
}

/** A SQL value literal for table rows. */
export function valueLiteral(v: number | string | boolean | null): string {
  if (v === null) return "NULL";
  if (typeof v === "string") return lit(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Open ms before instant `probe`, from the `sla_windows` row `window` found by an `after` lookup on `to_ms`. */
export function openBefore(window: string, probe: string): string {
  return `(${window}.cum_ms + greatest(${probe} - ${window}.from_ms, 0))`;
}
