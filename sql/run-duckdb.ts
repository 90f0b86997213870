/**
 * The embedded engine of `sla eval --engine duckdb` (issue 15): DuckDB in process, the compiled
 * SQL run over ticket files as a warehouse export gives them.
 *
 * Design: one in-memory database per run. Calendar rows go in through the appender (tens of
 * thousands of rows, no SQL text); ticket files are read by DuckDB itself (`read_json`,
 * `read_parquet`, `read_csv`) into `tickets` and `ticket_events`; the relations are created as
 * tables, so each step runs once and the three results can be read or copied out.
 */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { businessDayRowsOf, calendarRowsOf, CALENDAR_DDL, windowRowsOf } from "./calendar-tables.js";
import { PARAMS_DDL, policyStatements, RESULT_RELATIONS, relationStatements, type CompiledSql } from "./compile.js";
import { lit } from "./sql-text.js";

/** An open DuckDB database with a compiled policy's tables loaded. */
export class DuckDbRun {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** The ticket attributes the policy's conditions read (`CompiledSql.attributes`). */
    private readonly attributes: readonly string[],
  ) {}

  /**
   * Open an in-memory database and load the policy's tables. (The session zone stays DuckDB's
   * UTC: without the ICU extension, which is not bundled, zone-less timestamps read as UTC.)
   */
  static async open(sql: CompiledSql, options: { threads?: number; memoryLimit?: string } = {}): Promise<DuckDbRun> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) config["threads"] = String(options.threads);
    if (options.memoryLimit !== undefined) config["memory_limit"] = options.memoryLimit;
    const instance = await DuckDBInstance.create(":memory:", config);
    const run = new DuckDbRun(instance, await instance.connect(), sql.attributes);
    await run.loadPolicy(sql);
    return run;
  }

  private async loadPolicy(sql: CompiledSql): Promise<void> {
    for (const s of CALENDAR_DDL) await this.connection.run(s);
    await this.append("sla_calendars", calendarRowsOf(sql.calendars), (a, r) => {
      a.appendSmallInt(r[0]);
      a.appendVarchar(r[1]);
      a.appendVarchar(r[2]);
      a.appendBigInt(BigInt(r[3]));
      a.appendBigInt(BigInt(r[4]));
    });
    await this.append("sla_windows", windowRowsOf(sql.calendars), (a, r) => {
      a.appendSmallInt(r[0]);
      for (let i = 1; i < 4; i++) a.appendBigInt(BigInt(r[i]!));
    });
    await this.append("sla_business_days", businessDayRowsOf(sql.calendars), (a, r) => {
      a.appendSmallInt(r[0]);
      a.appendInteger(r[1]);
      a.appendBigInt(BigInt(r[2]));
      a.appendBigInt(BigInt(r[3]));
    });
    for (const s of policyStatements(sql.policyTables)) await this.connection.run(s);
    await this.connection.run(PARAMS_DDL);
  }

  private async append<R>(table: string, rows: readonly R[], write: (a: Awaited<ReturnType<DuckDBConnection["createAppender"]>>, row: R) => void): Promise<void> {
    const a = await this.connection.createAppender(table);
    for (const r of rows) {
      write(a, r);
      a.endRow();
    }
    a.closeSync();
  }

  /**
   * Read tickets in sla's NDJSON ticket format (`sla eval`'s input: `openedAt`, `asOf`, `events`
   * as objects) into `tickets` and `ticket_events`.
   */
  async loadNdjson(path: string): Promise<void> {
    const names = ["id", "openedAt", "priority", "plan", "region", "channel", "language", "cause", "asOf"];
    const columns = `{${names.map((n) => `'${n}': 'VARCHAR'`).join(", ")}, 'attributes': 'JSON', 'events': 'STRUCT("at" VARCHAR, "type" VARCHAR, "priority" VARCHAR)[]'}`;
    await this.connection.run(`CREATE TABLE sla_input AS SELECT * FROM read_json(${lit(path)}, format = 'newline_delimited', columns = ${columns})`);
    await this.connection.run(`CREATE TABLE tickets AS SELECT id, CAST("openedAt" AS TIMESTAMPTZ) AS opened_at, priority, plan, region, channel, language, cause, CAST("asOf" AS TIMESTAMPTZ) AS as_of FROM sla_input`);
    await this.connection.run(`CREATE TABLE ticket_events AS
SELECT id AS ticket_id, seq, CAST(ev."at" AS TIMESTAMPTZ) AS "at", ev.type AS type, ev.priority AS priority
FROM (SELECT id, unnest(events) AS ev, generate_subscripts(events, 1) AS seq FROM sla_input WHERE events IS NOT NULL) e`);
    await this.loadAttributes("attributes");
    await this.connection.run("DROP TABLE sla_input");
  }

  /**
   * Read a warehouse export (Parquet or CSV) with the columns of `tickets` (docs/sql.md) and an
   * optional `events` column: a list of `{at, type, priority}` (Parquet), or that list as JSON
   * text (CSV). Optional columns that are absent read as NULL.
   */
  async loadExport(path: string, format: "parquet" | "csv"): Promise<void> {
    const reader = format === "parquet" ? `read_parquet(${lit(path)})` : `read_csv(${lit(path)}, header = true, all_varchar = true)`;
    await this.connection.run(`CREATE TABLE sla_input AS SELECT * FROM ${reader}`);
    const described = await this.connection.runAndReadAll("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'sla_input'");
    const types = new Map(described.getRows().map((r) => [String(r[0]), String(r[1])]));
    for (const required of ["id", "opened_at"]) {
      if (!types.has(required)) throw new InputFileError(`\`${path}\` has no column \`${required}\` (docs/sql.md lists the columns)`);
    }
    const col = (name: string) => (types.has(name) ? name : "NULL");
    await this.connection.run(`CREATE TABLE tickets AS SELECT CAST(id AS VARCHAR) AS id, CAST(opened_at AS TIMESTAMPTZ) AS opened_at,
  ${["priority", "plan", "region", "channel", "language", "cause"].map((c) => `CAST(${col(c)} AS VARCHAR) AS ${c}`).join(", ")},
  CAST(${col("as_of")} AS TIMESTAMPTZ) AS as_of FROM sla_input`);
    const events = types.get("events");
    const list = events === undefined ? null : events.endsWith("[]") ? "events" : `from_json(events, '[{"at": "VARCHAR", "type": "VARCHAR", "priority": "VARCHAR"}]')`;
    await this.connection.run(
      list === null
        ? `CREATE TABLE ticket_events (ticket_id VARCHAR, seq INTEGER, "at" TIMESTAMPTZ, type VARCHAR, priority VARCHAR)`
        : `CREATE TABLE ticket_events AS
SELECT ticket_id, seq, CAST(ev."at" AS TIMESTAMPTZ) AS "at", CAST(ev.type AS VARCHAR) AS type, CAST(ev.priority AS VARCHAR) AS priority
FROM (SELECT CAST(id AS VARCHAR) AS ticket_id, unnest(l) AS ev, generate_subscripts(l, 1) AS seq FROM (SELECT id, ${list} AS l FROM sla_input) x WHERE l IS NOT NULL) e`,
    );
    const attributes = types.get("attributes");
    await this.loadAttributes(attributes === undefined ? null : attributes === "VARCHAR" || attributes === "JSON" ? "CAST(attributes AS JSON)" : "to_json(attributes)");
    await this.connection.run("DROP TABLE sla_input");
  }

  /**
   * Fill `ticket_attributes(ticket_id, name, value)` from `sla_input`'s JSON expression `json`
   * (an object of field values and flags, as in sla's ticket format), one row per attribute the
   * policy reads and the ticket gives; empty without `json`.
   */
  private async loadAttributes(json: string | null): Promise<void> {
    await this.connection.run("CREATE TABLE ticket_attributes (ticket_id VARCHAR, name VARCHAR, value VARCHAR)");
    if (json === null) return;
    for (const name of this.attributes) {
      await this.connection.run(`INSERT INTO ticket_attributes SELECT * FROM (
  SELECT CAST(id AS VARCHAR), ${lit(name)}, json_extract_string(${json}, ${lit(`$."${name}"`)}) AS value FROM sla_input) a WHERE value IS NOT NULL`);
    }
  }

  /**
   * Evaluate: set `asOf` (epoch ms; null: each ticket's own, else now) and create every relation
   * as a table. With `dropSteps`, a step's table is dropped as soon as the last relation reading
   * it exists (what bounds memory on millions of tickets); the results stay either way.
   */
  async evaluate(sql: CompiledSql, asOfMs: number | null, options: { dropSteps?: boolean } = {}): Promise<void> {
    await this.connection.run("DELETE FROM sla_params");
    await this.connection.run(`INSERT INTO sla_params VALUES (${asOfMs === null ? "NULL" : `make_timestamptz(${asOfMs * 1000})`})`);
    const statements = relationStatements(sql, true);
    const lastUse = options.dropSteps ? lastUses(sql) : new Map<number, string[]>();
    for (let i = 0; i < statements.length; i++) {
      await this.connection.run(statements[i]!);
      for (const name of lastUse.get(i) ?? []) await this.connection.run(`DROP TABLE ${name}`);
    }
  }

  /**
   * Evaluate in batches of about `batchTickets` tickets (by a hash of the ticket id, so a ticket
   * and its events stay together), appending each batch's results: memory follows the batch,
   * not the file. One batch is {@link evaluate} with `dropSteps`.
   */
  async evaluateInBatches(sql: CompiledSql, asOfMs: number | null, batchTickets: number): Promise<void> {
    const [count] = await this.rows("SELECT count(*) AS n FROM tickets");
    const batches = Math.max(1, Math.ceil(Number(count?.["n"] ?? 0) / batchTickets));
    if (batches === 1) return this.evaluate(sql, asOfMs, { dropSteps: true });
    const run = (s: string) => this.connection.run(s);
    await run("ALTER TABLE tickets RENAME TO sla_all_tickets");
    await run("ALTER TABLE ticket_events RENAME TO sla_all_ticket_events");
    await run("ALTER TABLE ticket_attributes RENAME TO sla_all_ticket_attributes");
    for (let b = 0; b < batches; b++) {
      await run(`CREATE TABLE tickets AS SELECT * FROM sla_all_tickets WHERE hash(id) % ${batches} = ${b}`);
      await run(`CREATE TABLE ticket_events AS SELECT * FROM sla_all_ticket_events WHERE hash(ticket_id) % ${batches} = ${b}`);
      await run(`CREATE TABLE ticket_attributes AS SELECT * FROM sla_all_ticket_attributes WHERE hash(ticket_id) % ${batches} = ${b}`);
      await this.evaluate(sql, asOfMs, { dropSteps: true });
      for (const r of RESULT_RELATIONS) {
        if (b === 0) await run(`ALTER TABLE ${r} RENAME TO ${r}_all`);
        else {
          await run(`INSERT INTO ${r}_all SELECT * FROM ${r}`);
          await run(`DROP TABLE ${r}`);
        }
      }
      await run("DROP TABLE tickets");
      await run("DROP TABLE ticket_events");
      await run("DROP TABLE ticket_attributes");
    }
    for (const r of RESULT_RELATIONS) await run(`ALTER TABLE ${r}_all RENAME TO ${r}`);
  }

  /** Rows of a query as objects (BIGINTs as JS numbers: epoch ms fit exactly). */
  async rows(query: string): Promise<Array<Record<string, unknown>>> {
    const reader = await this.connection.runAndReadAll(query);
    return reader.getRowObjectsJS() as Array<Record<string, unknown>>;
  }

  /** Close the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** For each relation index, the step relations it is the last reader of (results are never dropped). */
function lastUses(sql: CompiledSql): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const results = new Set<string>(RESULT_RELATIONS);
  sql.relations.forEach((r, i) => {
    if (results.has(r.name)) return;
    const word = new RegExp(`\\b${r.name}\\b`);
    let last = -1;
    for (let j = i + 1; j < sql.relations.length; j++) if (word.test(sql.relations[j]!.sql)) last = j;
    if (last >= 0) out.set(last, [...(out.get(last) ?? []), r.name]);
  });
  return out;
}

/** A ticket file DuckDB cannot use as an export (a required column missing): a user error. */
export class InputFileError extends Error {}
