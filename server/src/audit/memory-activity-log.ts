// An ActivityLog in memory: for unit tests, and a default where nothing must survive a restart.
import type { ActivityLog } from "./activity-log.ts";
import { ActivityListeners, DEFAULT_ACTIVITY_CAP, isRead } from "./activity-listeners.ts";
import type { AuditEntry } from "../../../common/audit-entry.ts";

export class MemoryActivityLog implements ActivityLog {
  private readonly entries = new Map<string, AuditEntry[]>();
  private readonly listeners = new ActivityListeners();

  constructor(private readonly cap = DEFAULT_ACTIVITY_CAP) {}

  append(sessionId: string, entry: AuditEntry): void {
    const list = this.entries.get(sessionId) ?? [];
    list.push(entry);
    if (list.length > this.cap) {
      const read = list.findIndex((e) => isRead(e.method));
      list.splice(read >= 0 ? read : 0, 1);
    }
    this.entries.set(sessionId, list);
    this.listeners.publish(sessionId, entry);
  }

  list(sessionId: string): AuditEntry[] {
    return [...(this.entries.get(sessionId) ?? [])].sort((a, b) =>
      a.time < b.time ? -1 : a.time > b.time ? 1 : 0,
    );
  }

  subscribe(sessionId: string, listener: (entry: AuditEntry) => void): () => void {
    return this.listeners.subscribe(sessionId, listener);
  }
}
