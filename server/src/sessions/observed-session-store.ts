// A SessionStore that tells a listener whenever a session's status moves, whoever moved it
// (the manager, the reconciler at boot or on expiry). Live checks and the event stream
// follow sessions through this one seam instead of hooks in every transition.
import type { Session } from "./session.ts";
import type { SessionStore } from "./session-store.ts";

export function observeSessionStore(store: SessionStore, onStatus: (s: Session) => void): SessionStore {
  return {
    get: (id) => store.get(id),
    list: () => store.list(),
    put(s) {
      const before = store.get(s.id)?.status;
      store.put(s);
      if (before !== s.status) onStatus(s);
    },
    listPool: () => store.listPool(),
    putPool: (e) => store.putPool(e),
    takePool: () => store.takePool(),
    deletePool: (id) => store.deletePool(id),
    close: () => store.close(),
  };
}
