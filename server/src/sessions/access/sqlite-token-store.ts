// Handed-out tokens (hashes only) and server keys in the session database, on a connection of
// their own like progress and activity. WAL with synchronous NORMAL: a minted or revoked
// token is on disk before the API answers, and survives kill -9.
import type Database from "better-sqlite3";
import { openDatabase } from "../../util/open-database.ts";
import { randomBytes } from "node:crypto";
import type { TokenRecord, TokenStore } from "./token-store.ts";

export class SqliteTokenStore implements TokenStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS session_tokens (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL, created_at INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS session_tokens_by_session ON session_tokens (session_id, created_at);
      CREATE TABLE IF NOT EXISTS server_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
    `);
  }

  add(r: TokenRecord): void {
    this.db
      .prepare("INSERT INTO session_tokens (id, session_id, created_at, data) VALUES (?, ?, ?, ?)")
      .run(r.id, r.sessionId, r.createdAt, JSON.stringify(r));
  }

  list(sessionId: string): TokenRecord[] {
    const rows = this.db
      .prepare("SELECT data FROM session_tokens WHERE session_id = ? ORDER BY created_at, id")
      .all(sessionId) as Array<{ data: string }>;
    return rows.map((row) => JSON.parse(row.data) as TokenRecord);
  }

  remove(sessionId: string, id: string): boolean {
    return (
      this.db.prepare("DELETE FROM session_tokens WHERE session_id = ? AND id = ?").run(sessionId, id)
        .changes > 0
    );
  }

  secret(name: string): Buffer {
    // INSERT OR IGNORE then read: two processes on one database agree on one key.
    this.db
      .prepare("INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)")
      .run(name, randomBytes(32));
    const row = this.db.prepare("SELECT value FROM server_secrets WHERE name = ?").get(name) as {
      value: Buffer;
    };
    return row.value;
  }

  close(): void {
    this.db.close();
  }
}
