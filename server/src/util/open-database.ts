// How every store opens Slipway's SQLite file: they share one file, so they must agree on
// its journal (WAL lets the server's readers run beside a writer) and its durability.
import Database from "better-sqlite3";

export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  return db;
}
