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
  /** As a paste: bracketed when the program asked for it, newlines as Enter. */
  paste(text: string): void;
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
  const viewer = opts.mode === "view";
  const status = new TerminalStatusLine(el.appendChild(document.createElement("div")), !viewer);
  const xterm = new Terminal({ cursorBlink: true, scrollback: 5000, disableStdin: opts.mode === "view" });
  const fit = new FitAddon();
  xterm.loadAddon(fit);
  xterm.open(screen);
  fit.fit();
  xterm.attachCustomKeyEventHandler(shortcuts(xterm));

  let replaying = 0;
  /** The shell ended (`exit`, a killed shell): the next key starts a new one. */
  let ended = false;
  let learnerSize: { cols: number; rows: number } | undefined;
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
    onStatus: (s) => {
      ended = !viewer && s.state === "closed" && s.code === "exit";
      // Said where the learner is looking, too: the status line is easy to miss.
      if (ended && s.state === "closed")
        xterm.write(`\r\n\x1b[2m[${s.reason}: press any key for a new shell]\x1b[0m\r\n`);
      status.show(s);
    },
    // A viewer draws at the learner's size, or full-screen programs (top) come out garbled.
    onSize: (cols, rows) => {
      learnerSize = { cols, rows };
      xterm.resize(cols, rows);
      letterbox(screen, xterm);
    },
    onGap: () => xterm.write("\r\n\x1b[2m[earlier output was dropped while disconnected]\x1b[0m\r\n"),
  });
  status.onRetry(() => connection.connect());
  const onContextMenu = rightClick(xterm, (text) => status.note(text));
  if (!viewer) screen.addEventListener("contextmenu", onContextMenu);

  const subscriptions = [
    xterm.onData((data) => {
      // xterm answers the queries it parses (device attributes, cursor position). Queries in
      // replayed history were answered long ago; answering again types garbage at the prompt.
      if (replaying > 0 && isTerminalReport(data)) return;
      // The key that brings the shell back is not typed into the new one.
      if (ended) return connection.connect();
      connection.input(data);
    }),
    xterm.onResize(({ cols, rows }) => viewer || connection.resize(cols, rows)),
  ];
  // Refit on every layout change, once per frame at most; xterm reports the new size.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => (learnerSize ? letterbox(screen, xterm) : fit.fit()));
  });
  observer.observe(el);
  connection.connect();

  return {
    connection,
    paste: (text) => xterm.paste(text),
    focus: () => xterm.focus(),
    dispose() {
      observer.disconnect();
      screen.removeEventListener("contextmenu", onContextMenu);
      cancelAnimationFrame(frame);
      for (const s of subscriptions) s.dispose();
      connection.close();
      status.dispose();
      xterm.dispose();
      el.replaceChildren();
    },
  };
}

/** Centres the terminal at its own size on a dark box, scaled down if the box is smaller. */
function letterbox(box: HTMLElement, xterm: Terminal): void {
  const el = xterm.element;
  if (!el) return;
  box.classList.add("letterboxed");
  el.style.transform = "";
  const scale = Math.min(1, box.clientWidth / el.offsetWidth, box.clientHeight / el.offsetHeight);
  el.style.transform = scale < 1 ? `scale(${scale})` : "";
}

/** Shift+Tab leaves the terminal. Ctrl+V (and Ctrl+Shift+V, Cmd+V) paste: in a shell ^V
 *  only quotes the next key, which learners never mean (the next Enter became a literal ^M).
 *  Ctrl+Shift+C copies a selection. Returning false hands the key to the browser instead of
 *  the shell; everything else, including browser shortcuts xterm does not claim, is left alone. */
function shortcuts(xterm: Terminal): (ev: KeyboardEvent) => boolean {
  return (ev) => {
    // Tab completes in the shell; Shift+Tab moves focus out, so the terminal is no keyboard trap.
    if (ev.key === "Tab" && ev.shiftKey && !ev.ctrlKey && !ev.altKey && !ev.metaKey) return false;
    if (ev.type !== "keydown" || !ev.ctrlKey || ev.altKey || ev.metaKey) return true;
    const key = ev.key.toLowerCase();
    // The browser then fires `paste` on xterm's textarea, which xterm handles.
    if (key === "v") return false;
    if (key === "c" && ev.shiftKey && xterm.hasSelection()) {
      ev.preventDefault(); // Ctrl+Shift+C opens devtools in Chrome otherwise
      navigator.clipboard?.writeText(xterm.getSelection()).catch(() => {});
      return false;
    }
    return true;
  };
}

/** Right-click copies the selection if there is one, and pastes otherwise, as terminals on
 *  Windows do: the browser's own menu would offer neither for the terminal's canvas. */
function rightClick(xterm: Terminal, say: (text: string) => void): (ev: MouseEvent) => void {
  return (ev) => {
    ev.preventDefault();
    if (xterm.hasSelection()) {
      const text = xterm.getSelection();
      xterm.clearSelection();
      navigator.clipboard?.writeText(text).catch(() => say("copy refused: use Ctrl+Shift+C"));
      return;
    }
    navigator.clipboard
      ?.readText()
      .then((text) => xterm.paste(text))
      .catch(() => say("the browser did not allow reading the clipboard: use Ctrl+V"));
  };
}
