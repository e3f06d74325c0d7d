// One operation at a time per session: a pause, a resume, a stop and the end of a launch each
// read the status, act on the sandbox for seconds, then move the status. Two of them
// interleaved (a stop during a resume) would each act on a sandbox the other changed.
export class SessionLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(id: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(id) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return result;
  }

  /** Resolves once every operation queued so far has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.allSettled([...this.tails.values()]);
  }
}
