// Sessions in memory, for unit tests and throwaway apps. Records go through the same schema
// as SQLite's (as JSON), so a test catches a record the real store would refuse.
import { SlipwayError } from "../../errors.ts";
import type { Session } from "../session.ts";
import { type MigrationDefaults, readSession, writeSession } from "./session-schema.ts";
import type { PooledSandbox, SessionStore, UnreadableRow } from "./session-store.ts";

export class MemorySessionStore implements SessionStore {
  private readonly rows = new Map<string, string>();
  private pool: PooledSandbox[] = [];

  constructor(private readonly defaults: MigrationDefaults = { maxTtlMs: 8 * 3_600_000 }) {}

  /** Stores a raw document as it might be found on disk (tests of old and damaged rows). */
  putRaw(id: string, json: string): void {
    this.rows.set(id, json);
  }

  get(id: string): Session | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    try {
      return readSession(row, this.defaults);
    } catch (e) {
      throw new SlipwayError("unavailable", `session ${id} cannot be read: ${(e as Error).message}`);
    }
  }

  list(): Session[] {
    return [...this.rows.keys()].flatMap((id) => {
      try {
        return [this.get(id) as Session];
      } catch {
        return [];
      }
    });
  }

  unreadable(): UnreadableRow[] {
    return [...this.rows.keys()].flatMap((id) => {
      try {
        this.get(id);
        return [];
      } catch (e) {
        return [{ id, problem: (e as Error).message }];
      }
    });
  }

  put(s: Session): void {
    this.rows.set(s.id, writeSession(s));
  }

  listPool(): PooledSandbox[] {
    return [...this.pool];
  }

  putPool(e: PooledSandbox): void {
    this.pool = [...this.pool.filter((p) => p.id !== e.id), e].sort((a, b) => a.createdAt - b.createdAt);
  }

  takePool(lab?: string): PooledSandbox | undefined {
    const e = this.pool.find((p) => p.lab === lab);
    if (e) this.pool = this.pool.filter((p) => p !== e);
    return e;
  }

  deletePool(id: string): void {
    this.pool = this.pool.filter((p) => p.id !== id);
  }

  /** Nothing to release; the rows stay, so a test can open a second app on them (a restart). */
  close(): void {}
}
