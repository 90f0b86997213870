/**
 * The calendar data of a policy compiled to SQL (issue 15): every calendar's open windows in UTC
 * epoch ms with the open time before each, and its business days with their closes, over a range
 * of local years. The rows come from the runtime's own calendar engine (`calendarRows`), so
 * holidays, closures and DST edges are exactly the evaluator's.
 *
 * Design: calendars are numbered (the `calendar` column is a SMALLINT, cheap to join on); each
 * calendar's windows end with a zero-length sentinel at the range's end carrying the total, so
 * "open time before x" is one nearest-row lookup for any x inside the range and NULL past it.
 */
import { calendarRows, type CalendarRows } from "../runtime/calendar-export.js";
import { UTC_ALWAYS } from "../runtime/compiled.js";
import type { CalendarIR, PolicyIR } from "../runtime/ir.js";

/** Local years the tables cover, both included. */
export interface YearRange {
  readonly from: number;
  readonly to: number;
}

/** One calendar of the tables: its number, its IR and its rows. */
export interface CalendarTable {
  readonly id: number;
  readonly ir: CalendarIR;
  readonly rows: CalendarRows;
}

/** The calendars of a policy as SQL tables, and the instants the tables cover for all of them. */
export interface CalendarTables {
  readonly years: YearRange;
  readonly calendars: readonly CalendarTable[];
  /** Id of a calendar by name (the policy's, and `24x7` for the UTC fallback). */
  readonly idOf: ReadonlyMap<string, number>;
  /** The latest range start and earliest range end over the calendars: instants every table covers. */
  readonly coveredFromMs: number;
  readonly coveredToMs: number;
}

/**
 * The tables of every calendar of `ir`, plus the 24×7 UTC calendar the evaluator falls back to
 * when the policy has no default calendar.
 */
export function calendarTables(ir: PolicyIR, years: YearRange): CalendarTables {
  const irs = ir.defaultCalendar === null ? [...ir.calendars, UTC_ALWAYS] : [...ir.calendars];
  const calendars = irs.map((c, id) => ({ id, ir: c, rows: calendarRows(c, years.from, years.to) }));
  return {
    years,
    calendars,
    idOf: new Map(calendars.map((c) => [c.ir.name, c.id])),
    coveredFromMs: Math.max(...calendars.map((c) => c.rows.startMs)),
    coveredToMs: Math.min(...calendars.map((c) => c.rows.endMs)),
  };
}

/** The DDL of the calendar tables (both dialects). */
export const CALENDAR_DDL = [
  `CREATE TABLE sla_calendars (calendar SMALLINT PRIMARY KEY, name TEXT NOT NULL, zone TEXT NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL)`,
  `CREATE TABLE sla_windows (calendar SMALLINT NOT NULL, from_ms BIGINT NOT NULL, to_ms BIGINT NOT NULL, cum_ms BIGINT NOT NULL, PRIMARY KEY (calendar, to_ms))`,
  `CREATE TABLE sla_business_days (calendar SMALLINT NOT NULL, ordinal INTEGER NOT NULL, day_start_ms BIGINT NOT NULL, close_ms BIGINT NOT NULL, PRIMARY KEY (calendar, ordinal))`,
] as const;

/** Secondary indexes PostgreSQL's lateral lookups need (DuckDB's ASOF join needs none). */
export const POSTGRES_INDEXES = [
  `CREATE INDEX sla_windows_cum ON sla_windows (calendar, cum_ms)`,
  `CREATE INDEX sla_business_days_start ON sla_business_days (calendar, day_start_ms)`,
] as const;

/** Rows of `sla_calendars`. */
export function calendarRowsOf(t: CalendarTables): Array<[number, string, string, number, number]> {
  return t.calendars.map((c) => [c.id, c.ir.name, c.ir.zone, c.rows.startMs, c.rows.endMs]);
}

/** Rows of `sla_windows`, the sentinel at each range's end included. */
export function windowRowsOf(t: CalendarTables): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (const c of t.calendars) {
    let total = 0;
    for (const w of c.rows.windows) {
      out.push([c.id, w.fromMs, w.toMs, w.cumMs]);
      total = w.cumMs + (w.toMs - w.fromMs);
    }
    // INVARIANT: the last real window ends at or before endMs; a window ending exactly there
    // shares the sentinel's to_ms, so the sentinel then sits one ms later (never looked up
    // inside the range, as the real window answers first).
    const last = c.rows.windows[c.rows.windows.length - 1];
    const end = last !== undefined && last.toMs >= c.rows.endMs ? last.toMs + 1 : c.rows.endMs;
    out.push([c.id, end, end, total]);
  }
  return out;
}

/** Rows of `sla_business_days`. */
export function businessDayRowsOf(t: CalendarTables): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (const c of t.calendars) for (const d of c.rows.businessDays) out.push([c.id, d.ordinal, d.dayStartMs, d.closeMs]);
  return out;
}

const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** `INSERT` statements for rows, `chunk` rows each (engines limit a statement's size). */
export function insertStatements(table: string, rows: ReadonlyArray<ReadonlyArray<number | string>>, chunk = 1000): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows
      .slice(i, i + chunk)
      .map((r) => `(${r.map((v) => (typeof v === "string" ? quote(v) : String(v))).join(", ")})`)
      .join(",\n");
    out.push(`INSERT INTO ${table} VALUES\n${values}`);
  }
  return out;
}

/** The calendar data as SQL statements: DDL, then inserts. */
export function calendarStatements(t: CalendarTables, postgresIndexes: boolean): string[] {
  return [
    ...CALENDAR_DDL,
    ...(postgresIndexes ? POSTGRES_INDEXES : []),
    ...insertStatements("sla_calendars", calendarRowsOf(t)),
    ...insertStatements("sla_windows", windowRowsOf(t)),
    ...insertStatements("sla_business_days", businessDayRowsOf(t)),
  ];
}
