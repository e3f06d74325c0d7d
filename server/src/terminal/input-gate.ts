// A fresh tty runs `stty …; exec dtach …`. Keys that arrive before the attach puts the pty in
// raw mode can be discarded by its tcsetattr and leave the first attach blank: hold input until
// the shell has drawn something and gone quiet (or a few seconds passed), then send it in order.
export class InputGate {
  private queue: Array<string | Buffer> | undefined = [];
  private quietTimer: NodeJS.Timeout | undefined;
  private readonly maxTimer: NodeJS.Timeout;

  constructor(
    private readonly write: (data: string | Buffer) => void,
    private readonly quietMs = 150,
    maxWaitMs = 3000,
  ) {
    this.maxTimer = setTimeout(() => this.open(), maxWaitMs);
  }

  /** The tty produced output: open once it has been quiet for a moment. */
  output(): void {
    if (!this.queue) return;
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.open(), this.quietMs);
  }

  input(data: string | Buffer): void {
    if (this.queue) this.queue.push(data);
    else this.write(data);
  }

  cancel(): void {
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.queue = undefined;
  }

  private open(): void {
    const pending = this.queue;
    this.cancel();
    for (const d of pending ?? []) this.write(d);
  }
}
