// Runs async tasks at most `n` at a time, in the order they were queued: `lab test --jobs N`
// shares one limit across every lab, so sessions (not labs) are what is counted.
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(n: number): Limit {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${n}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finished task hands its slot straight to the next in line: freeing it first would let
  // a caller arriving before the waiter wakes take it too.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (task) => {
    if (running < n) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
