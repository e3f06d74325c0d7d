// Sessions in an embedded SQLite file in the state directory. WAL mode with synchronous
// NORMAL: each write is durable across a process crash (kill -9), which is what we need.
// Rows are read through the schema (session-schema.ts), so an old row is migrated and a row
// this version cannot read is reported instead of half-read.
import type Database from "better-sqlite3";
import { openDatabase } from "../../util/open-database.ts";
import { SlipwayError } from "../../errors.ts";
import type { Session } from "../session.ts";
import { type MigrationDefaults, UnreadableSession, readSession, writeSession } from "./session-schema.ts";
import type { PooledSandbox, SessionStore, UnreadableRow } from "./session-store.ts";

type Row = { id: string; data: string };

export class SqliteSessionStore implements SessionStore {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly defaults: MigrationDefaults,
  ) {
    this.db = openDatabase(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, status TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS pool (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, data TEXT NOT NULL);
    `);
  }

  get(id: string): Session | undefined {
    const row = this.db.prepare("SELECT id, data FROM sessions WHERE id = ?").get(id) as Row | undefined;
    if (!row) return undefined;
    try {
      return readSession(row.data, this.defaults);
    } catch (e) {
      throw new SlipwayError("unavailable", `session ${id} cannot be read: ${(e as Error).message}`);
    }
  }

  list(): Session[] {
    return this.rows().flatMap((r) => (r.session ? [r.session] : []));
  }

  unreadable(): UnreadableRow[] {
    return this.rows().flatMap((r) => (r.problem ? [{ id: r.id, problem: r.problem }] : []));
  }

  put(s: Session): void {
    this.db
      .prepare(
        "INSERT INTO sessions (id, status, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET status = excluded.status, data = excluded.data",
      )
      .run(s.id, s.status, writeSession(s));
  }

  listPool(): PooledSandbox[] {
    const rows = this.db.prepare("SELECT data FROM pool ORDER BY created_at").all() as Array<{
      data: string;
    }>;
    return rows.map((r) => JSON.parse(r.data) as PooledSandbox);
  }

  putPool(e: PooledSandbox): void {
    this.db
      .prepare("INSERT OR REPLACE INTO pool (id, created_at, data) VALUES (?, ?, ?)")
      .run(e.id, e.createdAt, JSON.stringify(e));
  }

  takePool(lab?: string): PooledSandbox | undefined {
    return this.db.transaction(() => {
      const row = this.db
        .prepare(
          "SELECT id, data FROM pool WHERE json_extract(data, '$.lab') IS ? ORDER BY created_at LIMIT 1",
        )
        .get(lab ?? null) as Row | undefined;
      if (!row) return undefined;
      this.db.prepare("DELETE FROM pool WHERE id = ?").run(row.id);
      return JSON.parse(row.data) as PooledSandbox;
    })();
  }

  deletePool(id: string): void {
    this.db.prepare("DELETE FROM pool WHERE id = ?").run(id);
  }

  close(): void {
    this.db.close();
  }

  private rows(): Array<{ id: string; session?: Session; problem?: string }> {
    const rows = this.db.prepare("SELECT id, data FROM sessions").all() as Row[];
    return rows.map((r) => {
      try {
        return { id: r.id, session: readSession(r.data, this.defaults) };
      } catch (e) {
        if (!(e instanceof UnreadableSession)) throw e;
        return { id: r.id, problem: e.message };
      }
    });
  }
}
