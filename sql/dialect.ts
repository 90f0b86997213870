/**
 * The SQL dialects the compiler writes (issue 15): what differs between engines, and nothing else.
 *
 * Design: the query builder (`query.ts`) writes portable SQL (CTE-free relations, window
 * functions, `VALUES` lists) and asks the dialect for the three things that differ: instants as
 * epoch ms and back, and the "nearest row" lookup that business-time arithmetic rests on (DuckDB's
 * `ASOF JOIN`; PostgreSQL's `LATERAL … ORDER BY … LIMIT 1` over an index).
 */

/** A nearest-row lookup: the row of `table` with the same `calendar` nearest `probe` in one direction. */
export interface NearestLookup {
  /** The lookup table (`sla_windows`, `sla_business_days`). */
  readonly table: string;
  /** Alias the looked-up row gets. */
  readonly alias: string;
  /** Alias of the probing relation (its columns `calendar` and `probe` are compared). */
  readonly from: string;
  /** The probing relation's calendar column and probe column. */
  readonly calendar: string;
  /** The table's column compared with `calendar` (default `calendar`; `okey` for an obligation's spans). */
  readonly group?: string;
  readonly probe: string;
  /** The table's ordered column. */
  readonly key: string;
  /**
   * `after`: the row with the smallest key > probe; `atOrBefore`: the largest key <= probe;
   * `before`: the largest key < probe.
   */
  readonly direction: "after" | "atOrBefore" | "before";
}

/** What an engine needs said its own way. */
export interface Dialect {
  readonly name: "duckdb" | "postgres";
  /** A TIMESTAMPTZ expression as epoch milliseconds (BIGINT). */
  toMs(expr: string): string;
  /** Epoch milliseconds (BIGINT) as TIMESTAMPTZ. */
  fromMs(expr: string): string;
  /** The join clause (appended after `FROM <from>`) of a nearest-row lookup. */
  nearest(l: NearestLookup): string;
  /** The same inside the recursive term of a `WITH RECURSIVE` (DuckDB 1.5 has no `ASOF` there). */
  nearestInRecursion(l: NearestLookup): string;
}

const OPERATOR = { after: "<", atOrBefore: ">=", before: ">" } as const;

/** DuckDB: `ASOF LEFT JOIN` does the nearest-row lookup in one sort-merge pass. */
export const duckdb: Dialect = {
  name: "duckdb",
  toMs: (e) => `epoch_ms(${e})`,
  fromMs: (e) => `make_timestamptz(CAST(${e} AS BIGINT) * 1000)`,
  nearest: (l) =>
    `ASOF LEFT JOIN ${l.table} ${l.alias} ON ${l.alias}.${l.group ?? "calendar"} = ${l.from}.${l.calendar} AND ${l.from}.${l.probe} ${OPERATOR[l.direction]} ${l.alias}.${l.key}`,
  nearestInRecursion: (l) => lateralNearest(l),
};

/** A lateral subquery ordered on the key, first row: served by an index on (group, key). */
function lateralNearest(l: NearestLookup): string {
  const cmp = { after: ">", atOrBefore: "<=", before: "<" }[l.direction];
  const order = l.direction === "after" ? "ASC" : "DESC";
  return `LEFT JOIN LATERAL (SELECT * FROM ${l.table} n WHERE n.${l.group ?? "calendar"} = ${l.from}.${l.calendar} AND n.${l.key} ${cmp} ${l.from}.${l.probe} ORDER BY n.${l.key} ${order} LIMIT 1) ${l.alias} ON true`;
}

/** PostgreSQL (tested with 15): a lateral subquery served by the lookup tables' primary keys. */
export const postgres: Dialect = {
  name: "postgres",
  toMs: (e) => `(floor(extract(epoch from ${e}) * 1000))::bigint`,
  fromMs: (e) => `to_timestamp((${e}) / 1000.0)`,
  nearest: lateralNearest,
  nearestInRecursion: lateralNearest,
};

/** The dialects by name, for `--dialect`. */
export const DIALECTS: ReadonlyMap<string, Dialect> = new Map([
  ["duckdb", duckdb],
  ["postgres", postgres],
]);
