// Starting a lab: create the session, then wait in the queue if the server is full. The
// server answers POST once the sandbox is ready (or failed), or at once with a queue place.
import { ApiError, apiRequest } from "../api/api-request.ts";
import type { SessionView, StartedSession } from "../api/api-types.ts";

export type StartProgress =
  | { readonly state: "starting" }
  | { readonly state: "queued"; readonly position: number; readonly estimatedWaitMs: number };

export interface StartLabOptions {
  readonly onProgress: (p: StartProgress) => void;
  /** Stores the token as soon as there is one, so a reload while queued keeps the place. */
  readonly onCreated: (id: string, token: string) => void;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
}

/** Resolves with the session id once it is ready; rejects with an ApiError saying why not. */
export async function startLab(lab: string, o: StartLabOptions): Promise<string> {
  o.onProgress({ state: "starting" });
  const s = await apiRequest<StartedSession>("POST", "/api/sessions", { json: { lab } });
  o.onCreated(s.id, s.token);
  let view: SessionView = s;
  while (view.state === "queued" || view.state === "starting") {
    o.onProgress(
      view.state === "queued" && view.queue
        ? { state: "queued", position: view.queue.position, estimatedWaitMs: view.queue.estimatedWaitMs }
        : { state: "starting" },
    );
    await new Promise((r) => setTimeout(r, o.pollMs ?? 2000));
    if (o.signal?.aborted) throw new ApiError(0, "aborted", "stopped waiting");
    view = await apiRequest<SessionView>("GET", `/api/sessions/${encodeURIComponent(s.id)}`, {
      token: s.token,
    });
  }
  if (view.state !== "ready")
    throw new ApiError(0, view.state, `the sandbox could not start: ${view.reason ?? view.state}`);
  return s.id;
}
