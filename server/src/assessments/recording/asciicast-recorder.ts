// Records an assessment task's terminal as asciicast v2: a header line, then one
// `[seconds, "o", data]` line per output chunk. One shell per session is recorded, the first
// opened (the candidate's own; a second tab's would interleave). A recording stops growing at
// its cap, and says so, so a `yes` loop cannot fill the server's memory or the report.

interface Cast {
  readonly term: string;
  readonly startedAt: number;
  lines: string[];
  bytes: number;
  truncated: boolean;
}

export interface RecorderOptions {
  readonly maxBytes: number;
  readonly clock: () => number;
  /** Only sessions this says yes to are recorded (an assessment's tasks). */
  readonly records: (sessionId: string) => boolean;
}

export class AsciicastRecorder {
  private readonly casts = new Map<string, Cast>();

  constructor(private readonly o: RecorderOptions) {}

  /** A terminal of the session opened (again, after a reconnect or restart: same recording). */
  opened(sessionId: string, term: string, size: { cols: number; rows: number }): void {
    if (this.casts.has(sessionId) || !this.o.records(sessionId)) return;
    const startedAt = this.o.clock();
    const header = JSON.stringify({
      version: 2,
      width: size.cols,
      height: size.rows,
      timestamp: Math.floor(startedAt / 1000),
      env: { TERM: "xterm-256color" },
    });
    this.casts.set(sessionId, {
      term,
      startedAt,
      lines: [header],
      bytes: header.length + 1,
      truncated: false,
    });
  }

  output(sessionId: string, term: string, data: string): void {
    const c = this.casts.get(sessionId);
    if (!c || c.term !== term || c.truncated) return;
    const t = Math.round(this.o.clock() - c.startedAt) / 1000;
    const line = JSON.stringify([t, "o", data]);
    const size = Buffer.byteLength(line) + 1;
    if (c.bytes + size > this.o.maxBytes) {
      c.truncated = true;
      return;
    }
    c.lines.push(line);
    c.bytes += size;
  }

  /** The recording so far, as an .cast file's text. */
  cast(sessionId: string): { cast: string; truncated: boolean } | undefined {
    const c = this.casts.get(sessionId);
    return c && { cast: c.lines.join("\n") + "\n", truncated: c.truncated };
  }

  /** Forgets a recording once the report holds it. */
  drop(sessionId: string): void {
    this.casts.delete(sessionId);
  }
}
