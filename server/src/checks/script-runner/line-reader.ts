// Splits a stream into lines (the checker protocol is one JSON object per line) without
// letting a line grow past a cap: a process that writes without newlines must not make the
// server hold its output.
import type { Readable } from "node:stream";

export function lineReader(
  stream: Readable,
  maxLine: number,
  onLine: (line: string) => void,
  onOverflow: () => void,
): void {
  let partial = "";
  stream.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) onLine(line);
    if (partial.length > maxLine) {
      partial = "";
      onOverflow();
    }
  });
}
