// Progress in memory: for unit tests, and apps that need nothing to survive a restart.
import type { LabProgress } from "./progress.ts";
import type { ProgressStore } from "./progress-store.ts";

export class MemoryProgressStore implements ProgressStore {
  private readonly rows = new Map<string, LabProgress>();

  get(sessionId: string): LabProgress | undefined {
    return this.rows.get(sessionId);
  }

  put(p: LabProgress): void {
    this.rows.set(p.sessionId, p);
  }

  close(): void {
    this.rows.clear();
  }
}
