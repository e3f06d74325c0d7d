// Who wants to hear about a session's next call (live checks). Shared by the activity logs.
import type { AuditEntry } from "./audit-entry.ts";

type Listener = (entry: AuditEntry) => void;

export class ActivityListeners {
  private readonly bySession = new Map<string, Set<Listener>>();

  add(sessionId: string, listener: Listener): () => void {
    const set = this.bySession.get(sessionId) ?? new Set();
    set.add(listener);
    this.bySession.set(sessionId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.bySession.get(sessionId) === set) this.bySession.delete(sessionId);
    };
  }

  emit(sessionId: string, entry: AuditEntry): void {
    for (const listener of this.bySession.get(sessionId) ?? []) {
      // A failing listener is its owner's problem; the learner's Docker call already happened.
      try {
        listener(entry);
      } catch {
        /* ignored */
      }
    }
  }
}

/** Reads go first when a trail is trimmed, so a `watch docker ps` loop cannot push out the
 *  `docker run` a check is looking for. */
export const isRead = (method: string): boolean => method === "GET" || method === "HEAD";

export const DEFAULT_ACTIVITY_CAP = 5000;
