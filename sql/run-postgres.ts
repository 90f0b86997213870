/**
 * The PostgreSQL runner of the SQL target (issue 15): the compiled SQL in a schema of its own on
 * a real server, for the portability test (`scripts/test-postgres.sh`).
 *
 * Design: one schema per run (dropped on close), so runs never see each other's tables; tickets
 * go in as arrays through `unnest` (one statement per 5,000 tickets); every relation is created
 * as a table and analyzed, so the planner knows each step's size before the next.
 */
import pg from "pg";
import type { TicketJson } from "../runtime/io.js";
import { calendarStatements } from "./calendar-tables.js";
import { PARAMS_DDL, policyStatements, relationStatements, type CompiledSql } from "./compile.js";

const CHUNK = 5000;

/** A schema on a PostgreSQL server with a compiled policy's tables loaded. */
export class PostgresRun {
  private constructor(
    private readonly client: pg.Client,
    private readonly schema: string,
  ) {}

  /** Connect to `url`, create a fresh schema and load the policy's tables into it. */
  static async open(url: string, sql: CompiledSql): Promise<PostgresRun> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schema = `sla_run_${process.pid}_${Date.now()}`;
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    const run = new PostgresRun(client, schema);
    for (const s of [...calendarStatements(sql.calendars, true), ...policyStatements(sql.policyTables), PARAMS_DDL]) await client.query(s);
    await client.query("ANALYZE");
    return run;
  }

  /** Insert tickets in sla's JSON ticket shape into `tickets` and `ticket_events`. */
  async loadTickets(tickets: readonly TicketJson[]): Promise<void> {
    await this.client.query(
      "CREATE TABLE tickets (id TEXT PRIMARY KEY, opened_at TIMESTAMPTZ NOT NULL, priority TEXT, plan TEXT, region TEXT, channel TEXT, language TEXT, cause TEXT, as_of TIMESTAMPTZ)",
    );
    await this.client.query(`CREATE TABLE ticket_events (ticket_id TEXT NOT NULL, seq INTEGER NOT NULL, "at" TIMESTAMPTZ NOT NULL, type TEXT NOT NULL, priority TEXT)`);
    await this.client.query("CREATE TABLE ticket_attributes (ticket_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL)");
    for (let i = 0; i < tickets.length; i += CHUNK) {
      const part = tickets.slice(i, i + CHUNK);
      const col = (f: (t: TicketJson) => string | null | undefined) => part.map((t) => f(t) ?? null);
      await this.client.query(
        "INSERT INTO tickets SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])",
        [col((t) => t.id), col((t) => t.openedAt), col((t) => t.priority), col((t) => t.plan), col((t) => t.region), col((t) => t.channel), col((t) => t.language), col((t) => t.cause), col((t) => t.asOf)],
      );
      const events = part.flatMap((t) => (t.events ?? []).map((e, seq) => [t.id, seq + 1, e.at, e.type, e.priority ?? null] as const));
      await this.client.query("INSERT INTO ticket_events SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::text[], $5::text[])", [0, 1, 2, 3, 4].map((k) => events.map((e) => e[k])));
      const attributes = part.flatMap((t) => Object.entries(t.attributes ?? {}).map(([name, value]) => [t.id, name, String(value)] as const));
      await this.client.query("INSERT INTO ticket_attributes SELECT * FROM unnest($1::text[], $2::text[], $3::text[])", [0, 1, 2].map((k) => attributes.map((a) => a[k])));
    }
    await this.client.query("ANALYZE tickets");
    await this.client.query("ANALYZE ticket_events");
    await this.client.query("ANALYZE ticket_attributes");
  }

  /** Evaluate at `asOfMs` (null: each ticket's own `as_of`, else now): every relation as an analyzed table. */
  async evaluate(sql: CompiledSql, asOfMs: number | null): Promise<void> {
    await this.client.query("INSERT INTO sla_params VALUES ($1)", [asOfMs === null ? null : new Date(asOfMs).toISOString()]);
    const statements = relationStatements(sql, true);
    for (let i = 0; i < statements.length; i++) {
      const relation = sql.relations[i]!;
      await this.client.query(statements[i]!);
      for (const columns of relation.indexes ?? []) await this.client.query(`CREATE INDEX ON ${relation.name} (${columns})`);
      await this.client.query(`ANALYZE ${relation.name}`);
    }
  }

  /** Rows of a query (BIGINT columns arrive as decimal strings). */
  async rows(query: string): Promise<Array<Record<string, unknown>>> {
    return (await this.client.query(query)).rows as Array<Record<string, unknown>>;
  }

  /** Drop the schema and disconnect. */
  async close(): Promise<void> {
    try {
      await this.client.query(`DROP SCHEMA ${this.schema} CASCADE`);
    } finally {
      await this.client.end();
    }
  }
}
