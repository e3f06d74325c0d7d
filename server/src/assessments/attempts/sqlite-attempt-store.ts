// Assessment attempts and their reports in the session database (a table of their own). A
// report outlives the sandboxes it was made from, so it is written here, not derived later.
import type Database from "better-sqlite3";
import { openDatabase } from "../../util/open-database.ts";
import type { Attempt } from "./attempt.ts";
import type { AttemptStore } from "./attempt-store.ts";

export class SqliteAttemptStore implements AttemptStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { data: string }>;
  private readonly open: Database.Statement<[], { data: string }>;
  private readonly upsert: Database.Statement<[string, number, string]>;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS attempts (id TEXT PRIMARY KEY, finished INTEGER NOT NULL, data TEXT NOT NULL)",
    );
    this.select = this.db.prepare("SELECT data FROM attempts WHERE id = ?");
    this.open = this.db.prepare("SELECT data FROM attempts WHERE finished = 0");
    this.upsert = this.db.prepare(
      "INSERT INTO attempts (id, finished, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET finished = excluded.finished, data = excluded.data",
    );
  }

  get(id: string): Attempt | undefined {
    const row = this.select.get(id);
    return row ? (JSON.parse(row.data) as Attempt) : undefined;
  }

  put(a: Attempt): void {
    this.upsert.run(a.id, a.finishedAt === undefined ? 0 : 1, JSON.stringify(a));
  }

  unfinished(): Attempt[] {
    return this.open.all().map((r) => JSON.parse(r.data) as Attempt);
  }

  close(): void {
    this.db.close();
  }
}
