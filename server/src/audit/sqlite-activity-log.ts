// The audit trail in the session database (its own connection, WAL), so it outlives a
// restart like the session it belongs to. Capped per session, trimming reads first.
import type Database from "better-sqlite3";
import { openDatabase } from "../util/open-database.ts";
import type { ActivityLog } from "./activity-log.ts";
import { ActivityListeners, DEFAULT_ACTIVITY_CAP, isRead } from "./activity-listeners.ts";
import type { AuditEntry } from "../../../common/audit-entry.ts";

export class SqliteActivityLog implements ActivityLog {
  private readonly db: Database.Database;
  private readonly listeners = new ActivityListeners();
  private readonly counts = new Map<string, number>();
  private readonly insert: Database.Statement;
  private readonly trimRead: Database.Statement;
  private readonly trimAny: Database.Statement;

  constructor(
    file: string,
    private readonly cap = DEFAULT_ACTIVITY_CAP,
  ) {
    this.db = openDatabase(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS activity (
        id INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL, time TEXT NOT NULL,
        is_read INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS activity_by_session ON activity (session, is_read, id);
    `);
    this.insert = this.db.prepare("INSERT INTO activity (session, time, is_read, data) VALUES (?, ?, ?, ?)");
    const oldest = (filter: string) =>
      this.db.prepare(
        `DELETE FROM activity WHERE id = (SELECT id FROM activity WHERE session = ? ${filter} ORDER BY id LIMIT 1)`,
      );
    this.trimRead = oldest("AND is_read = 1");
    this.trimAny = oldest("");
  }

  append(sessionId: string, entry: AuditEntry): void {
    const count = this.count(sessionId) + 1;
    this.insert.run(sessionId, entry.time, isRead(entry.method) ? 1 : 0, JSON.stringify(entry));
    if (count > this.cap && this.trimRead.run(sessionId).changes === 0) this.trimAny.run(sessionId);
    this.counts.set(sessionId, Math.min(count, this.cap));
    this.listeners.publish(sessionId, entry);
  }

  list(sessionId: string): AuditEntry[] {
    const rows = this.db
      .prepare("SELECT data FROM activity WHERE session = ? ORDER BY time, id")
      .all(sessionId) as Array<{ data: string }>;
    return rows.map((r) => JSON.parse(r.data) as AuditEntry);
  }

  subscribe(sessionId: string, listener: (entry: AuditEntry) => void): () => void {
    return this.listeners.subscribe(sessionId, listener);
  }

  close(): void {
    this.db.close();
  }

  private count(sessionId: string): number {
    const known = this.counts.get(sessionId);
    if (known !== undefined) return known;
    const row = this.db.prepare("SELECT COUNT(*) AS n FROM activity WHERE session = ?").get(sessionId) as {
      n: number;
    };
    return row.n;
  }
}
