// Puts a live terminal into an element: xterm.js for the screen, a TerminalConnection for the
// wire, and a one-line status under it. The page must load @xterm/xterm/css/xterm.css.
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import type { TerminalMode } from "../../../common/terminal-protocol.ts";
import { TerminalConnection } from "./terminal-connection.ts";
import { isTerminalReport } from "./terminal-report.ts";
import { TerminalStatusLine } from "./terminal-status-line.ts";

export interface MountTerminalOptions {
  readonly sessionId: string;
  readonly token: string;
  readonly term: string;
  readonly mode?: TerminalMode;
}

export interface MountedTerminal {
  readonly connection: TerminalConnection;
  focus(): void;
  dispose(): void;
}

export function terminalUrl(sessionId: string, term: string, loc: Location = location): string {
  const scheme = loc.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${loc.host}/api/sessions/${encodeURIComponent(sessionId)}/terminals/${encodeURIComponent(term)}`;
}

export function mountTerminal(el: HTMLElement, opts: MountTerminalOptions): MountedTerminal {
  const screen = el.appendChild(document.createElement("div"));
  screen.style.cssText = "width:100%;height:calc(100% - 1.5em)";
  const status = new TerminalStatusLine(el.appendChild(document.createElement("div")));

  const xterm = new Terminal({ cursorBlink: true, scrollback: 5000, disableStdin: opts.mode === "view" });
  const fit = new FitAddon();
  xterm.loadAddon(fit);
  xterm.open(screen);
  fit.fit();
  xterm.attachCustomKeyEventHandler(shortcuts(xterm));

  let replaying = 0;
  const connection = new TerminalConnection({
    url: terminalUrl(opts.sessionId, opts.term),
    token: opts.token,
    term: opts.term,
    mode: opts.mode ?? "control",
    size: () => ({ cols: xterm.cols, rows: xterm.rows }),
    onOutput: (data, done, replayed) => {
      if (replayed) replaying++;
      xterm.write(data, () => {
        if (replayed) replaying--;
        done();
      });
    },
    onStatus: (s) => status.show(s),
    onGap: () => xterm.write("\r\n\x1b[2m[earlier output was dropped while disconnected]\x1b[0m\r\n"),
  });
  status.onRetry(() => connection.connect());

  const subscriptions = [
    xterm.onData((data) => {
      // xterm answers the queries it parses (device attributes, cursor position). Queries in
      // replayed history were answered long ago; answering again types garbage at the prompt.
      if (replaying > 0 && isTerminalReport(data)) return;
      connection.input(data);
    }),
    xterm.onResize(({ cols, rows }) => connection.resize(cols, rows)),
  ];
  // Refit on every layout change, once per frame at most; xterm reports the new size.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => fit.fit());
  });
  observer.observe(el);
  connection.connect();

  return {
    connection,
    focus: () => xterm.focus(),
    dispose() {
      observer.disconnect();
      cancelAnimationFrame(frame);
      for (const s of subscriptions) s.dispose();
      connection.close();
      status.dispose();
      xterm.dispose();
      el.replaceChildren();
    },
  };
}

/** Shift+Tab leaves the terminal. Ctrl+Shift+C/V copy and paste on Linux and Windows
 *  (Cmd+C/V already work on macOS). Returning false hands the key to the browser instead of the shell; everything else,
 *  including browser shortcuts xterm does not claim, is left alone. */
function shortcuts(xterm: Terminal): (ev: KeyboardEvent) => boolean {
  return (ev) => {
    // Tab completes in the shell; Shift+Tab moves focus out, so the terminal is no keyboard trap.
    if (ev.key === "Tab" && ev.shiftKey && !ev.ctrlKey && !ev.altKey && !ev.metaKey) return false;
    if (ev.type !== "keydown" || !ev.ctrlKey || !ev.shiftKey) return true;
    const key = ev.key.toLowerCase();
    if (key === "c" && xterm.hasSelection()) {
      ev.preventDefault(); // Ctrl+Shift+C opens devtools in Chrome otherwise
      navigator.clipboard?.writeText(xterm.getSelection()).catch(() => {});
      return false;
    }
    // The browser then fires `paste` on xterm's textarea, which xterm handles.
    return key !== "v";
  };
}
