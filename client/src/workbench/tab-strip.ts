// Tabs as the WAI-ARIA pattern has them: one tab stop for the strip, arrow keys (and Home,
// End) move between tabs, each tab controls its panel. A closable tab gets a small button of
// its own beside it, since nothing interactive may sit inside a role=tab.
import { h } from "../dom/h.ts";

export interface TabSpec {
  readonly id: string;
  readonly label: string;
  readonly panel: HTMLElement;
  readonly closable?: boolean;
}

interface Tab {
  readonly spec: TabSpec;
  readonly button: HTMLButtonElement;
  readonly item: HTMLElement;
}

export class TabStrip {
  readonly list = h("div", { role: "tablist", class: "tab-list" });
  readonly panels = h("div", { class: "tab-panels" });
  private readonly tabs: Tab[] = [];
  private selectedId: string | undefined;

  constructor(
    label: string,
    private readonly events: { onSelect?: (id: string) => void; onClose?: (id: string) => void } = {},
  ) {
    this.list.setAttribute("aria-label", label);
    this.list.addEventListener("keydown", (ev) => this.keydown(ev));
  }

  get selected(): string | undefined {
    return this.selectedId;
  }

  add(spec: TabSpec, beforeId?: string): void {
    const button = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${spec.id}`,
        "aria-controls": `panel-${spec.id}`,
        "aria-selected": "false",
        tabindex: -1,
        onclick: () => this.select(spec.id),
      },
      spec.label,
    );
    const close = spec.closable
      ? h(
          "button",
          {
            type: "button",
            class: "tab-close",
            "aria-label": `Close ${spec.label}`,
            onclick: () => this.events.onClose?.(spec.id),
          },
          "×",
        )
      : null;
    const item = h("span", { class: "tab-item", role: "presentation" }, button, close);
    spec.panel.id = `panel-${spec.id}`;
    spec.panel.setAttribute("role", "tabpanel");
    spec.panel.setAttribute("aria-labelledby", button.id);
    spec.panel.hidden = true;
    const before = this.tabs.find((t) => t.spec.id === beforeId);
    this.list.insertBefore(item, before?.item ?? null);
    this.panels.append(spec.panel);
    this.tabs.splice(before ? this.tabs.indexOf(before) : this.tabs.length, 0, { spec, button, item });
  }

  remove(id: string): void {
    const tab = this.tabs.find((t) => t.spec.id === id);
    if (!tab) return;
    const i = this.tabs.indexOf(tab);
    this.tabs.splice(i, 1);
    tab.item.remove();
    tab.spec.panel.remove();
    if (this.selectedId === id) {
      this.selectedId = undefined;
      const next = this.tabs[Math.max(0, i - 1)];
      if (next) this.select(next.spec.id, true);
    }
  }

  select(id: string, focus = false): void {
    for (const t of this.tabs) {
      const on = t.spec.id === id;
      t.button.setAttribute("aria-selected", String(on));
      t.button.tabIndex = on ? 0 : -1;
      t.spec.panel.hidden = !on;
      if (on && focus) t.button.focus();
    }
    if (this.selectedId === id) return;
    this.selectedId = id;
    this.events.onSelect?.(id);
  }

  private keydown(ev: KeyboardEvent): void {
    const i = this.tabs.findIndex((t) => t.button === document.activeElement);
    if (i < 0) return;
    const last = this.tabs.length - 1;
    const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[
      ev.key
    ];
    const tab = to === undefined ? undefined : this.tabs[to];
    if (!tab) return;
    ev.preventDefault();
    this.select(tab.spec.id, true);
  }
}
