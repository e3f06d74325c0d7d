// Classes and their members in the session database, tables of their own. A member row's
// (class, name key) is unique, and a join's capacity check and insert are one transaction,
// so two learners racing for the last seat or the same name cannot both get it.
import type Database from "better-sqlite3";
import { openDatabase } from "../util/open-database.ts";
import { type ClassMember, type ClassRecord, nameKey } from "./class.ts";
import { readClass, readMember, writeClass, writeMember } from "./class-schema.ts";
import type { ClassStore } from "./class-store.ts";

type Row = { id: string; data: string };

export class SqliteClassStore implements ClassStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS classes (id TEXT PRIMARY KEY, join_code TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS class_members (class_id TEXT NOT NULL, learner_id TEXT NOT NULL,
        name_key TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (class_id, learner_id), UNIQUE (class_id, name_key));
    `);
  }

  get(id: string): ClassRecord | undefined {
    const row = this.db.prepare("SELECT id, data FROM classes WHERE id = ?").get(id) as Row | undefined;
    return row && readClass(row.data, row.id);
  }

  byJoinCode(code: string): ClassRecord | undefined {
    const row = this.db.prepare("SELECT id, data FROM classes WHERE join_code = ?").get(code) as
      Row | undefined;
    return row && readClass(row.data, row.id);
  }

  list(): ClassRecord[] {
    return (this.db.prepare("SELECT id, data FROM classes").all() as Row[]).map((r) =>
      readClass(r.data, r.id),
    );
  }

  put(c: ClassRecord): void {
    this.db
      .prepare(
        "INSERT INTO classes (id, join_code, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data",
      )
      .run(c.id, c.joinCode, writeClass(c));
  }

  members(classId: string): ClassMember[] {
    const rows = this.db
      .prepare("SELECT data FROM class_members WHERE class_id = ? ORDER BY rowid")
      .all(classId) as { data: string }[];
    return rows.map((r) => readMember(r.data));
  }

  addMember(m: ClassMember, capacity: number): "full" | "name-taken" | undefined {
    return this.db.transaction(() => {
      const key = nameKey(m.displayName);
      if (
        this.db.prepare("SELECT 1 FROM class_members WHERE class_id = ? AND name_key = ?").get(m.classId, key)
      )
        return "name-taken";
      const { n } = this.db
        .prepare("SELECT count(*) AS n FROM class_members WHERE class_id = ?")
        .get(m.classId) as {
        n: number;
      };
      if (n >= capacity) return "full";
      this.db
        .prepare("INSERT INTO class_members (class_id, learner_id, name_key, data) VALUES (?, ?, ?, ?)")
        .run(m.classId, m.learnerId, key, writeMember(m));
      return undefined;
    })();
  }

  close(): void {
    this.db.close();
  }
}
