// Keeps the newest output of a terminal so that a client that reconnects gets exactly what
// it missed. Trimmed by whole chunks: a chunk is replayed entirely or not at all, so seq
// numbers map one to one onto what the client has seen.
import { utf8Length } from "../../../common/terminal-protocol.ts";

export interface Chunk {
  readonly seq: number;
  readonly data: string;
  readonly bytes: number;
}

export interface Replay {
  readonly chunks: readonly Chunk[];
  /** Output after lastSeq was dropped before the client came back; `chunks` is what is kept. */
  readonly truncated: boolean;
}

export class ReplayBuffer {
  private readonly chunks: Chunk[] = [];
  private head = 0;
  private bytes = 0;
  private lastSeq: number;
  /** Every seq up to here is gone: trimmed, or from before this buffer existed. */
  private forgottenUpTo: number;

  /** `firstSeq - 1` is the seq before the first chunk; see Terminal for why it is not 0. */
  constructor(
    private readonly maxBytes: number,
    firstSeq = 1,
  ) {
    this.lastSeq = firstSeq - 1;
    this.forgottenUpTo = firstSeq - 1;
  }

  get seq(): number {
    return this.lastSeq;
  }

  get size(): number {
    return this.bytes;
  }

  push(data: string): Chunk {
    const chunk = { seq: ++this.lastSeq, data, bytes: utf8Length(data) };
    this.chunks.push(chunk);
    this.bytes += chunk.bytes;
    // The newest chunk always stays, even when larger than the bound on its own.
    while (this.bytes > this.maxBytes && this.chunks.length - this.head > 1) {
      const old = this.chunks[this.head++] as Chunk;
      this.bytes -= old.bytes;
      this.forgottenUpTo = old.seq;
    }
    // Compact now and then instead of shift() on every trim, which is O(n).
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks.splice(0, this.head);
      this.head = 0;
    }
    return chunk;
  }

  /** lastSeq 0 is a new client; it gets all that is kept, and nothing counts as missed. */
  since(lastSeq: number): Replay {
    const kept = this.chunks.slice(this.head);
    if (lastSeq > this.lastSeq) return { chunks: kept, truncated: true };
    const truncated = lastSeq !== 0 && lastSeq < this.forgottenUpTo;
    const first = this.chunks[this.head]?.seq ?? this.lastSeq + 1;
    return { chunks: kept.slice(Math.max(0, lastSeq + 1 - first)), truncated };
  }
}
