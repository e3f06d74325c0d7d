// The session's Server-Sent Events (common/lab-events.ts): a snapshot first, then step,
// session and timer events. Read with fetch rather than EventSource, so the token travels
// in the Authorization header and never in a URL. A dropped stream is opened again with
// backoff (each opening starts with a fresh snapshot); it stops for good once the session
// has ended or the token is refused (revoked, or the session is gone).
import type { LabEvent } from "../../../common/lab-events.ts";
import { backoffDelay } from "../terminal/backoff.ts";
import { SseParser } from "./sse-parser.ts";

export interface SessionEventHandlers {
  readonly onEvent: (e: LabEvent) => void;
  readonly onConnected?: (connected: boolean) => void;
  /** The server refused the token: asking again will not help. */
  readonly onRefused?: (status: number) => void;
}

/** Returns a function that closes the stream. */
export function subscribeSessionEvents(url: string, token: string, h: SessionEventHandlers): () => void {
  const abort = new AbortController();
  let attempt = 0;
  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      const ended = await readOnce(url, token, abort.signal, h, () => (attempt = 0)).catch(() => false);
      if (ended || abort.signal.aborted) return;
      h.onConnected?.(false);
      await new Promise((r) => setTimeout(r, backoffDelay(attempt++)));
    }
  };
  void run();
  return () => abort.abort();
}

/** One connection; true when nothing more will come (the session ended, or refused). */
async function readOnce(
  url: string,
  token: string,
  signal: AbortSignal,
  h: SessionEventHandlers,
  opened: () => void,
): Promise<boolean> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    h.onRefused?.(res.status);
    return true;
  }
  if (!res.ok || !res.body) return false;
  opened();
  h.onConnected?.(true);
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    for (const data of parser.push(decoder.decode(value, { stream: true }))) {
      let e: LabEvent;
      try {
        e = JSON.parse(data) as LabEvent;
      } catch {
        continue; // a malformed event is skipped; the next snapshot resynchronizes
      }
      h.onEvent(e);
      if (endsSession(e)) {
        reader.cancel().catch(() => undefined);
        return true;
      }
    }
  }
}

export function endsSession(e: LabEvent): boolean {
  const state = e.type === "session" ? e.state : e.type === "snapshot" ? e.view.state : undefined;
  return state === "stopped" || state === "failed";
}
