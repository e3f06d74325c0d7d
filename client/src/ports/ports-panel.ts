// Opens a web server running in the sandbox (say nginx published on 8080) in a new browser
// tab, through the server's port proxy.
import type { SessionApi } from "../api/session-api.ts";
import { h } from "../dom/h.ts";

export function portsPanel(api: SessionApi): HTMLElement {
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
  const opened = h("ul", { class: "opened-ports", "aria-label": "Opened ports" });
  const error = h("p", { class: "error", role: "alert" });
  const form = h(
    "form",
    { class: "port-form" },
    h("label", { for: "port-input" }, "Port"),
    port,
    h("label", { for: "port-path" }, "Path"),
    path,
    h("button", { type: "submit", class: "primary" }, "Open in a new tab"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const n = Number(port.value);
    if (!Number.isInteger(n) || n < 1 || n > 65535) {
      error.textContent = "A port is a whole number from 1 to 65535.";
      return;
    }
    error.textContent = "";
    const url = api.portUrl(n, path.value.trim() || "/");
    window.open(url, "_blank", "noopener");
    if (![...opened.querySelectorAll("a")].some((a) => a.getAttribute("href") === url))
      opened.append(
        h(
          "li",
          {},
          h("a", { href: url, target: "_blank", rel: "noopener" }, `port ${n}${path.value.trim() || "/"}`),
        ),
      );
  });
  return h(
    "div",
    { class: "ports-panel" },
    h("h2", {}, "Open a port"),
    h(
      "p",
      {},
      "See a web server you run in your sandbox, for example after ",
      h("code", {}, "docker run -d -p 8080:80 nginx"),
      ". The page opens in a new tab, as if you browsed to localhost inside the sandbox.",
    ),
    form,
    error,
    opened,
  );
}
