// Learners and their one-time link codes, in the session database (tables of their own).
// Rows are read through a schema, like sessions: nothing is cast from the disk.
import type Database from "better-sqlite3";
import { openDatabase } from "../util/open-database.ts";
import { z } from "zod";
import type { Learner, LinkRecord } from "./learner.ts";
import type { LearnerStore } from "./learner-store.ts";

const StoredLearner = z.object({
  id: z.string().min(1),
  keyHash: z.string().length(64),
  displayName: z.string().optional(),
  createdAt: z.number().int(),
  classId: z.string().optional(),
});

export class SqliteLearnerStore implements LearnerStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS learners (id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS learner_links (code_hash TEXT PRIMARY KEY, learner_id TEXT NOT NULL,
        sealed_key TEXT NOT NULL, expires_at INTEGER NOT NULL);
    `);
  }

  get(id: string): Learner | undefined {
    return this.read(this.db.prepare("SELECT data FROM learners WHERE id = ?").get(id));
  }

  byKeyHash(keyHash: string): Learner | undefined {
    return this.read(this.db.prepare("SELECT data FROM learners WHERE key_hash = ?").get(keyHash));
  }

  put(l: Learner): void {
    this.db
      .prepare(
        "INSERT INTO learners (id, key_hash, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET key_hash = excluded.key_hash, data = excluded.data",
      )
      .run(l.id, l.keyHash, JSON.stringify(StoredLearner.parse(l)));
  }

  putLink(link: LinkRecord): void {
    this.db
      .prepare(
        "INSERT INTO learner_links (code_hash, learner_id, sealed_key, expires_at) VALUES (?, ?, ?, ?)",
      )
      .run(link.codeHash, link.learnerId, link.sealedKey, link.expiresAt);
  }

  takeLink(codeHash: string): LinkRecord | undefined {
    return this.db.transaction(() => {
      const row = this.db.prepare("SELECT * FROM learner_links WHERE code_hash = ?").get(codeHash) as
        { code_hash: string; learner_id: string; sealed_key: string; expires_at: number } | undefined;
      if (!row) return undefined;
      this.db.prepare("DELETE FROM learner_links WHERE code_hash = ?").run(codeHash);
      return {
        codeHash: row.code_hash,
        learnerId: row.learner_id,
        sealedKey: row.sealed_key,
        expiresAt: row.expires_at,
      };
    })();
  }

  pruneLinks(now: number): void {
    this.db.prepare("DELETE FROM learner_links WHERE expires_at < ?").run(now);
  }

  close(): void {
    this.db.close();
  }

  private read(row: unknown): Learner | undefined {
    if (!row) return undefined;
    const r = StoredLearner.safeParse(JSON.parse((row as { data: string }).data));
    if (!r.success) throw new Error(`a stored learner cannot be read: ${z.prettifyError(r.error)}`);
    return r.data as Learner;
  }
}
