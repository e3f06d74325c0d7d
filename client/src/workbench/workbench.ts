// The right half of a session: terminals (term1, "+" for more), the editor and the ports
// form, as tabs. Terminals connect the first time their tab is shown and stay connected
// while hidden, so a build running in term2 keeps streaming.
import type { SessionApi } from "../api/session-api.ts";
import { h } from "../dom/h.ts";
import { EditorPanel } from "../editor/editor-panel.ts";
import { portsPanel } from "../ports/ports-panel.ts";
import type { TokenStore } from "../session/token-store.ts";
import { type MountedTerminal, mountTerminal } from "../terminal/mount-terminal.ts";
import { TabStrip } from "./tab-strip.ts";

const EDITOR = "editor";
const PORTS = "ports";

export class Workbench {
  readonly el: HTMLElement;
  private readonly tabs: TabStrip;
  private readonly panels = new Map<string, HTMLElement>();
  private readonly terminals = new Map<string, MountedTerminal>();
  private readonly editor: EditorPanel;
  private activeTerminal = "term1";

  constructor(
    private readonly api: SessionApi,
    private readonly tokens: TokenStore,
  ) {
    this.tabs = new TabStrip("Workbench", {
      onSelect: (id) => this.selected(id),
      onClose: (id) => this.closeTerminal(id),
    });
    this.editor = new EditorPanel(api);
    const add = h(
      "button",
      {
        type: "button",
        class: "tab-add",
        "aria-label": "New terminal",
        title: "New terminal",
        onclick: () => this.newTerminal(),
      },
      "+",
    );
    this.el = h(
      "div",
      { class: "workbench" },
      h("div", { class: "tab-bar" }, this.tabs.list, add),
      this.tabs.panels,
    );
    for (const name of tokens.terminals(api.id)) this.addTerminal(name);
    this.tabs.add({
      id: EDITOR,
      label: "Editor",
      panel: h("div", { class: "panel-editor" }, this.editor.el),
    });
    this.tabs.add({ id: PORTS, label: "Ports", panel: h("div", { class: "panel-ports" }, portsPanel(api)) });
  }

  /** Call once the workbench is in the document: xterm measures its cells when it opens. */
  start(): void {
    this.tabs.select(`t-${this.activeTerminal}`);
  }

  /** Shows the terminal last used, or the editor (a phone's view buttons). */
  show(what: "terminal" | "editor"): void {
    this.tabs.select(what === "editor" ? EDITOR : `t-${this.activeTerminal}`);
  }

  /** Types into the terminal last used ("Run in terminal" in the instructions). */
  typeInTerminal(keys: string): void {
    this.tabs.select(`t-${this.activeTerminal}`);
    const t = this.terminals.get(this.activeTerminal);
    t?.connection.input(keys);
    t?.focus();
  }

  /** Runs one command in the terminal last used. Pasted, so a shell that asked for bracketed
   *  paste takes a multi-line command whole (tabs stay tabs, no continuation prompts). */
  runInTerminal(command: string): void {
    this.tabs.select(`t-${this.activeTerminal}`);
    const t = this.terminals.get(this.activeTerminal);
    t?.paste(command);
    t?.connection.input("\r");
    t?.focus();
  }

  dispose(): void {
    for (const t of this.terminals.values()) t.dispose();
    this.editor.dispose();
  }

  private addTerminal(name: string): void {
    const panel = h("div", { class: "terminal-panel" });
    this.panels.set(name, panel);
    this.tabs.add({ id: `t-${name}`, label: name, panel, closable: name !== "term1" }, EDITOR);
  }

  private newTerminal(): void {
    const names = [...this.panels.keys()];
    let n = 2;
    while (names.includes(`term${n}`)) n++;
    this.addTerminal(`term${n}`);
    this.tokens.saveTerminals(this.api.id, [...this.panels.keys()]);
    this.tabs.select(`t-term${n}`, true);
  }

  /** Closing a tab lets go of the socket; the shell itself lives on in the sandbox. */
  private closeTerminal(id: string): void {
    const name = id.slice(2);
    this.terminals.get(name)?.dispose();
    this.terminals.delete(name);
    this.panels.delete(name);
    this.tabs.remove(id);
    this.tokens.saveTerminals(this.api.id, [...this.panels.keys()]);
    if (this.activeTerminal === name) this.activeTerminal = "term1";
  }

  private selected(id: string): void {
    if (id === EDITOR) return void this.editor.shown();
    if (!id.startsWith("t-")) return;
    const name = id.slice(2);
    this.activeTerminal = name;
    const panel = this.panels.get(name);
    if (!panel) return;
    let t = this.terminals.get(name);
    if (!t) {
      t = mountTerminal(panel, { sessionId: this.api.id, token: this.api.token, term: name });
      this.terminals.set(name, t);
    }
    const mounted = t;
    requestAnimationFrame(() => mounted.focus());
  }
}
