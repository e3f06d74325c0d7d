// A terminal on an in-memory sandbox: a line-based shell that echoes what is typed and runs
// each line as a canned command. The same name reattaches to the same shell (its earlier
// output is redrawn, as dtach's redraw does), until the sandbox pauses.
import type { TtyStream } from "../sandbox-driver.ts";
import type { MemorySandbox } from "./memory-sandbox.ts";

const PROMPT = "$ ";

export function memoryTty(sandbox: MemorySandbox, name: string): TtyStream {
  const fresh = !sandbox.shells.has(name);
  const screen = sandbox.shells.get(name) ?? [];
  sandbox.shells.set(name, screen);
  const data = new Set<(chunk: Buffer) => void>();
  const exits = new Set<(code: number | null) => void>();
  let line = "";
  let open = true;
  const ended = () => {
    if (!open) return;
    open = false;
    for (const l of exits) l(null);
  };
  sandbox.onStop.add(ended);
  const emit = (text: string) => {
    if (!open) return;
    screen.push(text);
    for (const l of data) l(Buffer.from(text));
  };
  const redraw = () => {
    const text = fresh ? PROMPT : screen.join("");
    if (fresh) screen.push(PROMPT);
    for (const l of data) l(Buffer.from(text));
  };
  return {
    onData(l) {
      data.add(l);
      if (data.size === 1) queueMicrotask(redraw);
    },
    onExit: (l) => void exits.add(l),
    write(input) {
      for (const ch of Buffer.from(input).toString()) {
        if (ch !== "\r" && ch !== "\n") {
          line += ch;
          emit(ch);
          continue;
        }
        const cmd = line.trim();
        line = "";
        emit("\r\n");
        if (cmd === "exit") {
          open = false;
          sandbox.shells.delete(name);
          sandbox.onStop.delete(ended);
          for (const l of exits) l(0);
          return;
        }
        try {
          const r = sandbox.run(cmd);
          emit((r.stdout + r.stderr).replace(/\n/g, "\r\n"));
        } catch (e) {
          emit(`${(e as Error).message}\r\n`);
        }
        emit(PROMPT);
      }
    },
    resize: async () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    close() {
      open = false;
      data.clear();
      sandbox.onStop.delete(ended);
    },
  };
}
