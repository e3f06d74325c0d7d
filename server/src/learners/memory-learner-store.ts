// Learners in memory: for unit tests, and apps that need nothing to survive a restart.
import type { Learner, LinkRecord } from "./learner.ts";
import type { LearnerStore } from "./learner-store.ts";

export class MemoryLearnerStore implements LearnerStore {
  private readonly learners = new Map<string, Learner>();
  private readonly links = new Map<string, LinkRecord>();

  get = (id: string) => this.learners.get(id);

  byKeyHash = (keyHash: string) => [...this.learners.values()].find((l) => l.keyHash === keyHash);

  put(l: Learner): void {
    this.learners.set(l.id, l);
  }

  putLink(link: LinkRecord): void {
    this.links.set(link.codeHash, link);
  }

  takeLink(codeHash: string): LinkRecord | undefined {
    const link = this.links.get(codeHash);
    this.links.delete(codeHash);
    return link;
  }

  pruneLinks(now: number): void {
    for (const [k, l] of this.links) if (l.expiresAt < now) this.links.delete(k);
  }

  /** Nothing to release; the rows stay for a second app on them (a restart). */
  close(): void {}
}
