// The learner's web apps: what listens in the sandbox (refreshed while the tab is shown),
// each opened in a new tab on an origin of its own, and a form for any other port.
import type { ListeningPortView } from "../../../common/previews.ts";
import type { SessionApi } from "../api/session-api.ts";
import { h } from "../dom/h.ts";
import { openPreview } from "./open-preview.ts";

const REFRESH_MS = 4000;

export function portsPanel(api: SessionApi): HTMLElement {
  const list = h("ul", { class: "listening-ports", "aria-label": "Listening ports" });
  const status = h("p", { class: "muted", role: "status" });
  const error = h("p", { class: "error", role: "alert" });
  const open = (port: number, path: string) => {
    error.textContent = "";
    openPreview(api, port, path).catch(
      (e: Error) => (error.textContent = `Could not open port ${port}: ${e.message}`),
    );
  };
  const form = portForm(open, (message) => (error.textContent = message));
  const el = h(
    "div",
    { class: "ports-panel" },
    h("h2", {}, "Your web apps"),
    h(
      "p",
      {},
      "Servers listening in your sandbox, for example after ",
      h("code", {}, "docker run -d -p 8080:80 nginx"),
      ". Each opens in a new tab at an address of its own, as if you browsed to localhost inside the sandbox.",
    ),
    list,
    status,
    h("h3", {}, "Open another port"),
    form,
    error,
  );

  let shown = "";
  const refresh = async () => {
    try {
      const { ports } = await api.ports();
      const key = JSON.stringify(ports);
      if (key === shown) return; // unchanged: keep focus where it is
      shown = key;
      list.replaceChildren(...ports.map((p) => portItem(p, () => open(p.port, "/"))));
      status.textContent = ports.length === 0 ? "Nothing is listening yet." : "";
    } catch (e) {
      status.textContent = `The listening ports are not available: ${(e as Error).message}`;
    }
  };
  // Refreshed when the tab is shown and every few seconds while it is; stops once removed.
  const visible = () => el.isConnected && el.closest("[hidden]") === null;
  const observer = new IntersectionObserver(
    (entries) => entries.some((e) => e.isIntersecting) && void refresh(),
  );
  observer.observe(el);
  let mounted = false;
  const timer = setInterval(() => {
    if (el.isConnected) mounted = true;
    else if (mounted) return (clearInterval(timer), observer.disconnect());
    if (visible()) void refresh();
  }, REFRESH_MS);
  return el;
}

function portItem(p: ListeningPortView, open: () => void): HTMLElement {
  const name = h("strong", {}, `Port ${p.port}`);
  if (!p.reachable)
    return h(
      "li",
      { class: "unreachable" },
      name,
      h(
        "span",
        {},
        "listens on loopback (127.0.0.1) only, so it cannot be opened from here: make it listen on ",
        h("code", {}, `0.0.0.0:${p.port}`),
        ".",
      ),
    );
  return h(
    "li",
    {},
    name,
    h("button", { type: "button", class: "primary", onclick: open }, `Open port ${p.port}`),
    h("span", { class: "muted preview-address" }, new URL(p.previewUrl).host),
  );
}

function portForm(open: (port: number, path: string) => void, invalid: (message: string) => void) {
  const port = h("input", {
    type: "number",
    name: "port",
    min: 1,
    max: 65535,
    value: 8080,
    required: true,
    id: "port-input",
  });
  const path = h("input", { type: "text", name: "path", value: "/", id: "port-path" });
  const form = h(
    "form",
    { class: "port-form" },
    h("label", { for: "port-input" }, "Port"),
    port,
    h("label", { for: "port-path" }, "Path"),
    path,
    h("button", { type: "submit" }, "Open in a new tab"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const n = Number(port.value);
    if (!Number.isInteger(n) || n < 1 || n > 65535)
      return invalid("A port is a whole number from 1 to 65535.");
    open(n, path.value.trim() || "/");
  });
  return form;
}
