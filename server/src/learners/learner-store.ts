import type { Learner, LinkRecord } from "./learner.ts";

export interface LearnerStore {
  get(id: string): Learner | undefined;
  byKeyHash(keyHash: string): Learner | undefined;
  put(learner: Learner): void;
  putLink(link: LinkRecord): void;
  /** Removes and returns the link with this code hash, atomically: a code works once. */
  takeLink(codeHash: string): LinkRecord | undefined;
  /** Forgets links that expired before `now`. */
  pruneLinks(now: number): void;
  close(): void;
}
