// A window drag fires dozens of resizes; the shell only needs the last one, and none at all
// when the size did not change.
import type { TtyStream } from "../sandbox/sandbox-driver.ts";

export class DebouncedResize {
  private timer: NodeJS.Timeout | undefined;
  private pending: { cols: number; rows: number } | undefined;

  constructor(
    private readonly tty: Pick<TtyStream, "resize">,
    private readonly delayMs: number,
    private size: { cols: number; rows: number },
    private readonly onError: (err: unknown) => void,
    private readonly onResized: (size: { cols: number; rows: number }) => void = () => {},
  ) {}

  /** The size the shell was last given. */
  get current(): { cols: number; rows: number } {
    return this.size;
  }

  request(cols: number, rows: number): void {
    this.pending = { cols, rows };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply(), this.delayMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  private apply(): void {
    const next = this.pending;
    if (!next || (next.cols === this.size.cols && next.rows === this.size.rows)) return;
    this.size = next;
    this.tty.resize(next.cols, next.rows).catch(this.onError);
    this.onResized(next);
  }
}
