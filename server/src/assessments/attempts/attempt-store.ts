import type { Attempt } from "./attempt.ts";

/** Where attempts and their reports are kept (SQLite in production, memory in unit tests). */
export interface AttemptStore {
  get(id: string): Attempt | undefined;
  put(attempt: Attempt): void;
  /** Attempts not finished yet (their end is scheduled again at boot). */
  unfinished(): Attempt[];
  close(): void;
}
