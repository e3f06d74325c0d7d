import type { Attempt } from "./attempt.ts";
import type { AttemptStore } from "./attempt-store.ts";

export class MemoryAttemptStore implements AttemptStore {
  private readonly rows = new Map<string, string>();
  // Stored as JSON, as SQLite does, so a test never shares an object with the service.
  get = (id: string): Attempt | undefined => {
    const row = this.rows.get(id);
    return row === undefined ? undefined : (JSON.parse(row) as Attempt);
  };
  put = (a: Attempt): void => void this.rows.set(a.id, JSON.stringify(a));
  unfinished = (): Attempt[] =>
    [...this.rows.values()].map((r) => JSON.parse(r) as Attempt).filter((a) => a.finishedAt === undefined);
  close(): void {}
}
