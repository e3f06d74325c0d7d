// Per-key publish/subscribe (a session id to its listeners). A listener that throws stops
// no one else: one broken event stream must not starve the others.
export class EventHub<T> {
  private readonly listeners = new Map<string, Set<(event: T) => void>>();
  private readonly everyKey = new Set<(key: string, event: T) => void>();

  /** Every event of every key (a class dashboard follows all its sessions). */
  subscribeAll(listener: (key: string, event: T) => void): () => void {
    this.everyKey.add(listener);
    return () => void this.everyKey.delete(listener);
  }

  /** Returns the unsubscribe function. */
  subscribe(key: string, listener: (event: T) => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }

  publish(key: string, event: T): void {
    for (const listener of [...(this.listeners.get(key) ?? [])]) {
      try {
        listener(event);
      } catch {
        // ignored, see above
      }
    }
    for (const listener of [...this.everyKey]) {
      try {
        listener(key, event);
      } catch {
        // ignored, see above
      }
    }
  }

  count(key: string): number {
    return this.listeners.get(key)?.size ?? 0;
  }
}
