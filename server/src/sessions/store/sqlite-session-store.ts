// Sessions in an embedded SQLite file in the state directory. WAL mode with synchronous
// NORMAL: each write is durable across a process crash (kill -9), which is what we need.
import Database from "better-sqlite3";
import type { Session } from "./session.ts";
import type { PooledSandbox, SessionStore } from "./session-store.ts";

export class SqliteSessionStore implements SessionStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, status TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS pool (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, data TEXT NOT NULL);
    `);
  }

  get(id: string): Session | undefined {
    const row = this.db.prepare("SELECT data FROM sessions WHERE id = ?").get(id) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Session) : undefined;
  }

  list(): Session[] {
    const rows = this.db.prepare("SELECT data FROM sessions").all() as Array<{ data: string }>;
    return rows.map((r) => JSON.parse(r.data) as Session);
  }

  put(s: Session): void {
    this.db
      .prepare(
        "INSERT INTO sessions (id, status, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET status = excluded.status, data = excluded.data",
      )
      .run(s.id, s.status, JSON.stringify(s));
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

  takePool(): PooledSandbox | undefined {
    return this.db.transaction(() => {
      const row = this.db.prepare("SELECT id, data FROM pool ORDER BY created_at LIMIT 1").get() as
        { id: string; data: string } | undefined;
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
}
