// Single keypresses from the terminal, for `lab dev` ("r" restarts its session). In raw mode
// Ctrl-C arrives as a character instead of SIGINT, so it is handed to the same handler.
// Nothing is read when stdin is not a terminal (CI, a pipe): keys are then undefined.
export function terminalKeys(onCtrlC: () => void): AsyncIterable<string> | undefined {
  const stdin = process.stdin;
  if (!stdin.isTTY) return undefined;
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  process.once("exit", () => stdin.isTTY && stdin.setRawMode(false));
  return (async function* () {
    for await (const chunk of stdin as AsyncIterable<string>)
      for (const ch of chunk) {
        if (ch === "\u0003") onCtrlC();
        else yield ch;
      }
  })();
}
