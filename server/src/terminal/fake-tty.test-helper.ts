// A TtyStream that records what the terminal does to it, and a driver that hands them out.
import type { SandboxRef, TtyOptions, TtyStream } from "../sandbox/sandbox-driver.ts";

export class FakeTty implements TtyStream {
  readonly written: string[] = [];
  readonly resizes: Array<[number, number]> = [];
  paused = false;
  closed = false;
  pauses = 0;
  private dataListeners: Array<(chunk: Buffer) => void> = [];
  private exitListeners: Array<(code: number | null) => void> = [];

  constructor(readonly opts: TtyOptions) {}

  onData(listener: (chunk: Buffer) => void): void {
    this.dataListeners.push(listener);
  }
  onExit(listener: (code: number | null) => void): void {
    this.exitListeners.push(listener);
  }
  write(data: string | Buffer): void {
    this.written.push(data.toString());
  }
  async resize(cols: number, rows: number): Promise<void> {
    this.resizes.push([cols, rows]);
  }
  pause(): void {
    this.paused = true;
    this.pauses++;
  }
  resume(): void {
    this.paused = false;
  }
  close(): void {
    this.closed = true;
  }
  emit(chunk: Buffer | string): void {
    for (const l of this.dataListeners) l(Buffer.from(chunk));
  }
  exit(code: number | null): void {
    for (const l of this.exitListeners) l(code);
  }
}

export class FakeDriver {
  readonly ttys: FakeTty[] = [];
  async openTty(_ref: SandboxRef, opts: TtyOptions): Promise<TtyStream> {
    const tty = new FakeTty(opts);
    this.ttys.push(tty);
    return tty;
  }
  get last(): FakeTty {
    const t = this.ttys.at(-1);
    if (!t) throw new Error("no tty opened");
    return t;
  }
}
