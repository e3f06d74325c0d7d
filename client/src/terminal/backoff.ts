// Reconnect delays: doubling from 250 ms to 5 s, with jitter so that a hundred tabs dropped by
// one server restart do not all come back in the same millisecond.
const FIRST_MS = 250;
const MAX_MS = 5000;

/** attempt 0 is the first retry; random is injectable for tests. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_MS, FIRST_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base / 2 + (random() * base) / 2);
}
