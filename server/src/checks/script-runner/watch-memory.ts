// Polls a process's resident memory. The heap cap (--max-old-space-size) does not count
// Buffers and other memory outside the JavaScript heap, so this is what stops a checker
// that fills those. Linux only (/proc); elsewhere it watches nothing.
import { readFile } from "node:fs/promises";

const EVERY_MS = 50;

/** Calls `over` once when the process's RSS exceeds `limitMiB`; returns a stop function. */
export function watchMemory(pid: number | undefined, limitMiB: number, over: () => void): () => void {
  if (pid === undefined) return () => undefined;
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    readFile(`/proc/${pid}/status`, "utf8")
      .then((status) => {
        const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
        if (kib > limitMiB * 1024) {
          clearInterval(timer);
          over();
        }
      })
      .catch(() => clearInterval(timer))
      .finally(() => (reading = false));
  }, EVERY_MS);
  return () => clearInterval(timer);
}
