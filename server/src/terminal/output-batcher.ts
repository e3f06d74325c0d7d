// Output arrives in pty-sized pieces (4 KiB from dtach). Sending each as its own message spent
// more time framing and parsing than moving bytes: pieces that arrive in one turn of the event
// loop go out as one message, up to maxChars. A keystroke's echo, alone in its turn, still
// goes out at once.
export class OutputBatcher {
  private pending = "";
  private timer: NodeJS.Immediate | undefined;

  constructor(
    private readonly send: (data: string) => void,
    private readonly maxChars = 64 * 1024,
  ) {}

  push(data: string): void {
    if (data === "") return;
    this.pending += data;
    if (this.pending.length >= this.maxChars) return this.flush();
    this.timer ??= setImmediate(() => this.flush());
  }

  flush(): void {
    this.cancel();
    const data = this.pending;
    this.pending = "";
    if (data !== "") this.send(data);
  }

  /** Drops nothing already sent; what is pending stays pending until flush(). */
  cancel(): void {
    if (this.timer) clearImmediate(this.timer);
    this.timer = undefined;
  }
}
