// The session's Server-Sent Events (common/lab-events.ts): a snapshot first, then step,
// session and timer events. EventSource reconnects by itself and each reconnect begins with
// a fresh snapshot; the stream is closed here once the session has ended, since the server
// ends it then and EventSource would otherwise reconnect forever.
import type { LabEvent } from "../../../common/lab-events.ts";

export interface SessionEventHandlers {
  readonly onEvent: (e: LabEvent) => void;
  readonly onConnected?: (connected: boolean) => void;
}

/** Returns a function that closes the stream. */
export function subscribeSessionEvents(url: string, h: SessionEventHandlers): () => void {
  const source = new EventSource(url);
  source.addEventListener("message", (ev: MessageEvent<string>) => {
    let e: LabEvent;
    try {
      e = JSON.parse(ev.data) as LabEvent;
    } catch {
      return; // a malformed event is skipped; the next snapshot resynchronizes
    }
    if (endsSession(e)) source.close();
    h.onEvent(e);
  });
  source.addEventListener("open", () => h.onConnected?.(true));
  source.addEventListener("error", () => h.onConnected?.(source.readyState === EventSource.OPEN));
  return () => source.close();
}

export function endsSession(e: LabEvent): boolean {
  const state = e.type === "session" ? e.state : e.type === "snapshot" ? e.view.state : undefined;
  return state === "stopped" || state === "failed";
}
