// One session's API, holding its id and token: the pages call methods, not URLs. The token
// only ever goes in the Authorization header, never in a URL.
import type {
  CheckReport,
  HintAnswer,
  ScoreReport,
  SessionLabView,
  SolutionAnswer,
} from "../../../common/lab-events.ts";
import type { PortList, PreviewLink } from "../../../common/previews.ts";
import type { IssuedToken, TokenInfo } from "../../../common/session-tokens.ts";
import type { FileContent, FileList, SavedFile } from "../../../common/workspace-files.ts";
import { apiRequest, type RequestOptions } from "./api-request.ts";
import type { ActivityEntry, SessionView } from "./api-types.ts";
import { type SessionEventHandlers, subscribeSessionEvents } from "./session-events.ts";

export class SessionApi {
  readonly base: string;

  constructor(
    readonly id: string,
    readonly token: string,
  ) {
    this.base = `/api/sessions/${encodeURIComponent(id)}`;
  }

  view = () => this.call<SessionView>("GET", "");
  end = () => this.call<SessionView>("DELETE", "");
  pause = () => this.call<SessionView>("POST", "/pause");
  resume = () => this.call<SessionView>("POST", "/resume");
  extend = (minutes: number) => this.call<SessionView>("POST", "/extend", { json: { minutes } });
  lab = () => this.call<SessionLabView>("GET", "/lab");
  check = () => this.call<CheckReport>("POST", "/check", { json: {} });
  hint = (step: string) => this.call<HintAnswer>("POST", "/hints", { json: { step } });
  solution = (step: string) => this.call<SolutionAnswer>("POST", "/solution", { json: { step } });
  report = () => this.call<ScoreReport>("GET", "/report");
  /** The gateway's audit trail, oldest first. */
  activity = async (): Promise<readonly ActivityEntry[]> =>
    (await this.call<{ entries: ActivityEntry[] }>("GET", "/activity")).entries;

  listFiles = () => this.call<FileList>("GET", "/files");
  readFile = (path: string) =>
    this.call<FileContent>("GET", `/files/content?path=${encodeURIComponent(path)}`);
  /** `base`: the version this edit started from, "none" for a new file, undefined to overwrite. */
  saveFile = (path: string, text: string, base: string | undefined) =>
    this.call<SavedFile>("PUT", `/files/content?path=${encodeURIComponent(path)}`, {
      text,
      headers: base === "none" ? { "if-none-match": "*" } : base ? { "if-match": `"${base}"` } : {},
    });

  /** A read-only token to hand out (a viewer link); shown once, revocable. */
  mintViewToken = (label?: string) =>
    this.call<IssuedToken>("POST", "/tokens", { json: { scope: "view", ...(label ? { label } : {}) } });
  tokens = async (): Promise<readonly TokenInfo[]> =>
    (await this.call<{ tokens: TokenInfo[] }>("GET", "/tokens")).tokens;
  revokeToken = async (tokenId: string): Promise<readonly TokenInfo[]> =>
    (await this.call<{ tokens: TokenInfo[] }>("DELETE", `/tokens/${encodeURIComponent(tokenId)}`)).tokens;

  /** Ports listening in the sandbox, with their preview addresses. */
  ports = () => this.call<PortList>("GET", "/ports");
  /** A one-time link that opens the app on `port` at `path`, on the preview's own origin. */
  previewLink = (port: number, path = "/") =>
    this.call<PreviewLink>("POST", "/previews", {
      json: { port, path: path.startsWith("/") ? path : `/${path}` },
    });

  /** The session's event stream; returns a function that closes it. */
  events = (h: SessionEventHandlers) => subscribeSessionEvents(`${this.base}/events`, this.token, h);

  private call<T>(method: string, sub: string, o: RequestOptions = {}): Promise<T> {
    return apiRequest<T>(method, `${this.base}${sub}`, { ...o, token: this.token });
  }
}
