// A new session may wait: in the queue while the server is full, or starting while its
// sandbox is prepared. The session page polls until it is ready, showing the place in line,
// so a reload while waiting keeps the place.
import { ApiError } from "../api/api-request.ts";
import type { SessionView, StartProgress } from "../api/api-types.ts";
import type { SessionApi } from "../api/session-api.ts";

export type WaitProgress =
  | { readonly state: "starting"; readonly progress?: StartProgress }
  | { readonly state: "queued"; readonly position: number; readonly estimatedWaitMs: number };

export interface WaitOptions {
  readonly onProgress: (p: WaitProgress) => void;
  readonly signal: AbortSignal;
  readonly pollMs?: number;
}

/** Resolves with the ready session; rejects with an ApiError saying why it will not be. */
export async function waitUntilReady(
  api: Pick<SessionApi, "view">,
  first: SessionView,
  o: WaitOptions,
): Promise<SessionView> {
  let view = first;
  while (view.state === "queued" || view.state === "starting" || view.state === "resuming") {
    o.onProgress(
      view.state === "queued" && view.queue
        ? { state: "queued", position: view.queue.position, estimatedWaitMs: view.queue.estimatedWaitMs }
        : { state: "starting", ...(view.starting ? { progress: view.starting } : {}) },
    );
    // A start takes seconds, and its steps are worth seeing as they pass; a queue takes minutes.
    await new Promise((r) => setTimeout(r, o.pollMs ?? (view.state === "queued" ? 2000 : 500)));
    if (o.signal.aborted) throw new ApiError(0, "aborted", "stopped waiting");
    view = await api.view();
  }
  if (view.state !== "ready")
    throw new ApiError(0, view.state, `the sandbox could not start: ${view.reason ?? view.state}`);
  return view;
}
