// The instructor's read-only view: a session's terminal in `view` mode (keystrokes are not
// sent, and the learner keeps control) beside their Docker activity. Given the session id
// and a token, typed in or from a viewer link (whose token the server lets only watch); a
// token from a link is moved into sessionStorage and taken out of the address bar.
import { ApiError } from "../api/api-request.ts";
import { SessionApi } from "../api/session-api.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { type Route, routeHref } from "../routing/route.ts";
import { type MountedTerminal, mountTerminal } from "../terminal/mount-terminal.ts";
import { activityList } from "./activity-list.ts";

type WatchRoute = Extract<Route, { page: "watch" }>;
const ACTIVITY_MS = 3000;
const REFUSED = "This viewer link no longer works: it was revoked, or it is not a link to this session.";

export class ViewerPage implements Page {
  private terminal: MountedTerminal | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(root: HTMLElement, ctx: AppContext, route: WatchRoute) {
    ctx.title("Watch a session");
    if (route.id && route.token) {
      ctx.tokens.saveViewer(route.id, route.token);
      history.replaceState(null, "", routeHref({ ...route, token: undefined }));
    }
    const token = route.id ? ctx.tokens.viewer(route.id) : undefined;
    const main = h(
      "main",
      { class: "viewer", id: "main" },
      h("h1", { tabindex: -1 }, "Watch a session"),
      watchForm(route, token),
    );
    root.append(topBar(), main);
    if (!route.id || !token) return;
    const api = new SessionApi(route.id, token);
    const screen = h("div", { class: "terminal-panel viewer-terminal" });
    const activity = h("div", { class: "activity-panel", "aria-live": "off" });
    main.append(
      h(
        "div",
        { class: "viewer-grid" },
        h(
          "section",
          { "aria-label": `Terminal ${route.term}, read-only` },
          h("h2", {}, `${route.term} (read-only)`),
          screen,
        ),
        h("section", { "aria-label": "Docker activity" }, h("h2", {}, "Docker activity"), activity),
      ),
    );
    this.terminal = mountTerminal(screen, { sessionId: route.id, token, term: route.term, mode: "view" });
    const poll = async () => {
      try {
        activity.replaceChildren(activityList(await api.activity()));
      } catch (e) {
        activity.replaceChildren(
          h("p", { class: "muted" }, `Activity is not available: ${(e as Error).message}`),
        );
        if (e instanceof ApiError && [401, 403, 404].includes(e.status)) {
          clearInterval(this.timer); // asking again will not help
          if (e.status !== 404) activity.replaceChildren(h("p", { class: "error" }, REFUSED));
        }
      }
    };
    void poll();
    this.timer = setInterval(() => void poll(), ACTIVITY_MS);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.terminal?.dispose();
  }
}

function watchForm(route: WatchRoute, token: string | undefined): HTMLElement {
  const field = (name: string, label: string, value = "", type = "text") =>
    h(
      "label",
      {},
      label,
      h("input", { name, type, value, required: true, autocomplete: "off", spellcheck: "false" }),
    );
  const form = h(
    "form",
    { class: "watch-form" },
    field("id", "Session id", route.id ?? ""),
    field("token", "Viewer token", token ?? "", "password"),
    field("term", "Terminal", route.term),
    h("button", { type: "submit", class: "primary" }, "Watch"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const get = (k: string) => String(data.get(k) ?? "").trim();
    location.hash = routeHref({
      page: "watch",
      id: get("id"),
      term: get("term") || "term1",
      token: get("token"),
    });
  });
  return form;
}
