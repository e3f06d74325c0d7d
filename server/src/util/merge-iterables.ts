// Interleaves several async iterables into one, in arrival order, until all end or the
// signal aborts. A source that throws ends only itself: the others keep flowing.
export async function* mergeIterables<T>(
  sources: readonly AsyncIterable<T>[],
  signal: AbortSignal,
): AsyncIterable<T> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let live = sources.length;
  const poke = () => (wake?.(), (wake = undefined));
  for (const source of sources)
    void (async () => {
      try {
        for await (const item of source) {
          if (signal.aborted) return;
          queue.push(item);
          poke();
        }
      } catch {
        // ends this source only
      } finally {
        live--;
        poke();
      }
    })();
  const onAbort = () => poke();
  signal.addEventListener("abort", onAbort);
  try {
    while (!signal.aborted) {
      const item = queue.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (live === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
