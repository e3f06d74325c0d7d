// The classes API (/api/classes…): making a class, joining one, the learner's class, and the
// instructor's calls, each with the instructor key as a Bearer header (never in a URL). The
// dashboard's stream is read with fetch, like a session's, and opened again with backoff.
import type {
  ClassCreated,
  ClassView,
  DashboardView,
  LearnerClassView,
} from "../../../common/class-views.ts";
import type { IssuedToken } from "../../../common/session-tokens.ts";
import { backoffDelay } from "../terminal/backoff.ts";
import { apiRequest } from "./api-request.ts";
import { SseParser } from "./sse-parser.ts";

export interface NewClassInput {
  readonly title: string;
  readonly labs?: readonly string[];
  readonly track?: string;
  readonly capacity: number;
  readonly hintsAllowed: boolean;
  readonly solutionsAllowed: boolean;
  readonly stuckAfterMinutes: number;
}

export const createClass = (input: NewClassInput) =>
  apiRequest<ClassCreated>("POST", "/api/classes", { json: input });
export const joinClass = (code: string, displayName: string) =>
  apiRequest<LearnerClassView>("POST", "/api/classes/join", { json: { code, displayName } });
export const myClass = () => apiRequest<LearnerClassView | null>("GET", "/api/me/class");

export class InstructorApi {
  private readonly base: string;
  constructor(
    readonly id: string,
    private readonly key: string,
  ) {
    this.base = `/api/classes/${encodeURIComponent(id)}`;
  }

  view = () => apiRequest<ClassView>("GET", this.base, { token: this.key });
  close = () => apiRequest<ClassView>("POST", `${this.base}/close`, { token: this.key });
  end = (then: "pause" | "stop") =>
    apiRequest<unknown>("POST", `${this.base}/end`, { token: this.key, json: { then } });
  announce = (text: string) =>
    apiRequest<ClassView>("PUT", `${this.base}/announcement`, { token: this.key, json: { text } });
  viewToken = (sessionId: string) =>
    apiRequest<IssuedToken>("POST", `${this.base}/sessions/${encodeURIComponent(sessionId)}/view-token`, {
      token: this.key,
    });

  /** The export as a file the browser saves (a blob URL: the key never rides in a link). */
  async export(format: "csv" | "json"): Promise<Blob> {
    const res = await fetch(`${this.base}/export?format=${format}`, {
      headers: { authorization: `Bearer ${this.key}` },
    });
    if (!res.ok) throw new Error(`export failed: HTTP ${res.status}`);
    return res.blob();
  }

  /** Calls back with each dashboard; `onRefused` once the key is refused. Returns the closer. */
  watch(onDashboard: (d: DashboardView) => void, onRefused: (status: number) => void): () => void {
    const abort = new AbortController();
    void (async () => {
      for (let attempt = 0; !abort.signal.aborted; attempt++) {
        try {
          const res = await fetch(`${this.base}/events`, {
            headers: { authorization: `Bearer ${this.key}` },
            signal: abort.signal,
          });
          if ([401, 403, 404].includes(res.status)) return onRefused(res.status);
          if (res.ok && res.body) {
            attempt = 0;
            const parser = new SseParser();
            const decoder = new TextDecoder();
            const reader = res.body.getReader();
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              for (const data of parser.push(decoder.decode(value, { stream: true })))
                onDashboard(JSON.parse(data) as DashboardView);
            }
          }
        } catch {
          // dropped: try again below
        }
        if (!abort.signal.aborted) await new Promise((r) => setTimeout(r, backoffDelay(attempt)));
      }
    })();
    return () => abort.abort();
  }
}

/** The instructor key of a class, for this tab only (sessionStorage): never in the URL. */
export const instructorKeys = {
  get: (id: string): string | undefined => sessionStorage.getItem(`slipway.class.${id}`) ?? undefined,
  set: (id: string, key: string): void => sessionStorage.setItem(`slipway.class.${id}`, key),
  forget: (id: string): void => sessionStorage.removeItem(`slipway.class.${id}`),
};
