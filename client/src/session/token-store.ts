// Where the client keeps what it needs to reach a session. A learner's own session tokens are
// not kept at all: the identity cookie gets any tab the token of any of its sessions
// (LearnerApi.sessionToken), held in memory for the page's life, so a new tab, a new window
// or a browser the identity was carried to opens the same session. Viewer tokens come from a
// link and stay with the tab that opened it (sessionStorage), apart from the learner's, so an
// instructor's watch link never opens a controlling shell. The terminal tabs a learner had
// open are remembered for every window (localStorage).
export interface TokenSource {
  sessionToken(id: string): Promise<string>;
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export class TokenStore {
  private readonly learner = new Map<string, Promise<string>>();

  constructor(
    private readonly source: TokenSource,
    private readonly tab: Store = sessionStorage,
    private readonly everywhere: Store = localStorage,
  ) {}

  /** The learner's token for one of their sessions; rejects when it is not theirs. */
  learnerToken(id: string): Promise<string> {
    let token = this.learner.get(id);
    if (!token) {
      token = this.source.sessionToken(id);
      this.learner.set(id, token);
      token.catch(() => this.learner.delete(id));
    }
    return token;
  }

  /** A session token handed out by something else (an assessment attempt's view). */
  give(id: string, token: string): void {
    this.learner.set(id, Promise.resolve(token));
  }

  saveViewer(id: string, token: string): void {
    this.tab.setItem(`slipway.viewer.${id}`, token);
  }

  viewer(id: string): string | undefined {
    return this.tab.getItem(`slipway.viewer.${id}`) ?? undefined;
  }

  /** The session ended: nothing of it is worth keeping. */
  forget(id: string): void {
    this.learner.delete(id);
    this.everywhere.removeItem(`slipway.terminals.${id}`);
  }

  /** The terminal tabs a learner had open, so a reload (or another window) brings them back. */
  terminals(id: string): string[] {
    try {
      const list: unknown = JSON.parse(this.everywhere.getItem(`slipway.terminals.${id}`) ?? "[]");
      return Array.isArray(list) && list.length > 0 ? list.filter((t) => typeof t === "string") : ["term1"];
    } catch {
      return ["term1"];
    }
  }

  saveTerminals(id: string, names: readonly string[]): void {
    this.everywhere.setItem(`slipway.terminals.${id}`, JSON.stringify(names));
  }
}
