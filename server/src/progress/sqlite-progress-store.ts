// Progress in the session database (its own table and connection), written on every change.
// WAL with synchronous NORMAL, like the session store: each write survives kill -9.
import type Database from "better-sqlite3";
import { openDatabase } from "../util/open-database.ts";
import type { LabProgress } from "./progress.ts";
import type { ProgressStore } from "./progress-store.ts";

export class SqliteProgressStore implements ProgressStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { data: string }>;
  private readonly upsert: Database.Statement<[string, string]>;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec("CREATE TABLE IF NOT EXISTS progress (session_id TEXT PRIMARY KEY, data TEXT NOT NULL)");
    this.select = this.db.prepare("SELECT data FROM progress WHERE session_id = ?");
    this.upsert = this.db.prepare(
      "INSERT INTO progress (session_id, data) VALUES (?, ?) ON CONFLICT(session_id) DO UPDATE SET data = excluded.data",
    );
  }

  get(sessionId: string): LabProgress | undefined {
    const row = this.select.get(sessionId);
    return row ? (JSON.parse(row.data) as LabProgress) : undefined;
  }

  put(p: LabProgress): void {
    this.upsert.run(p.sessionId, JSON.stringify(p));
  }

  close(): void {
    this.db.close();
  }
}
