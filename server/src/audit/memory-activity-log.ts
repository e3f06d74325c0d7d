// An ActivityLog in memory: for unit tests, and a default where nothing must survive a restart.
import type { ActivityLog } from "./activity-log.ts";
import type { AuditEntry } from "./audit-entry.ts";

export class MemoryActivityLog implements ActivityLog {
  private readonly entries = new Map<string, AuditEntry[]>();
  private readonly listeners = new Map<string, Set<(e: AuditEntry) => void>>();

  constructor(private readonly cap = 5000) {}

  append(sessionId: string, entry: AuditEntry): void {
    const list = this.entries.get(sessionId) ?? [];
    list.push(entry);
    if (list.length > this.cap) list.splice(0, list.length - this.cap);
    this.entries.set(sessionId, list);
    for (const l of this.listeners.get(sessionId) ?? []) l(entry);
  }

  list(sessionId: string): AuditEntry[] {
    return [...(this.entries.get(sessionId) ?? [])];
  }

  subscribe(sessionId: string, listener: (entry: AuditEntry) => void): () => void {
    const set = this.listeners.get(sessionId) ?? new Set();
    set.add(listener);
    this.listeners.set(sessionId, set);
    return () => set.delete(listener);
  }
}
