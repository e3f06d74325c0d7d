// What every page is to the router: something mounted into the app element, disposed of
// (sockets closed, timers stopped) when the address changes.
import type { LearnerApi } from "../api/learner-api.ts";
import type { TokenStore } from "../session/token-store.ts";

export interface Page {
  dispose(): void;
}

export interface AppContext {
  readonly tokens: TokenStore;
  /** The learner's identity API (the cookie rides along by itself). */
  readonly learner: LearnerApi;
  /** Sets the document title: "<what> · Slipway". */
  title(what: string): void;
}
