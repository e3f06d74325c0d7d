import { expect, it } from "vitest";
import { isTerminalReport } from "./terminal-report.ts";

it("tells the emulator's own replies from keystrokes", () => {
  for (const report of [
    "\x1b[>0;276;0c",
    "\x1b[?1;2c",
    "\x1b[0n",
    "\x1b[24;80R",
    "\x1b[?2004;1$y",
    "\x1b]11;rgb:0000/0000/0000\x1b\\",
    "\x1b]10;rgb:ffff/ffff/ffff\x07",
  ])
    expect(isTerminalReport(report), JSON.stringify(report)).toBe(true);
  for (const key of ["ls\r", "c", "\x1b[A", "\x1b[15~", "\x03", "\x1b", "0;276;0c"])
    expect(isTerminalReport(key), JSON.stringify(key)).toBe(false);
});
