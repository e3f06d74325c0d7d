// #/classes/<id>: the instructor's live dashboard. The key is asked for once per tab (or
// comes from the create page) and kept in sessionStorage, never in the address. The grid is
// redrawn from each dashboard the server pushes; watching a learner mints a view-only token
// and opens the viewer in a new tab with it.
import type { DashboardLearner, DashboardView } from "../../../common/class-views.ts";
import { InstructorApi, instructorKeys } from "../api/class-api.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";
import { dashboardGrid, funnelTable } from "./dashboard-grid.ts";

export class DashboardPage implements Page {
  private close: (() => void) | undefined;
  private readonly main = h("main", { class: "class-dashboard", id: "main" });

  constructor(root: HTMLElement, ctx: AppContext, id: string) {
    ctx.title("Class dashboard");
    root.append(topBar(), this.main);
    const key = instructorKeys.get(id);
    if (key) this.open(id, key);
    else this.askKey(id);
  }

  private askKey(id: string): void {
    const input = h("input", { id: "instructor-key", type: "password", required: true, autocomplete: "off" });
    const form = h(
      "form",
      { class: "class-form" },
      h("p", {}, h("label", { for: "instructor-key" }, "Instructor key"), " ", input),
      h("button", { type: "submit", class: "primary" }, "Open the dashboard"),
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      instructorKeys.set(id, input.value.trim());
      this.main.replaceChildren();
      this.open(id, input.value.trim());
    });
    this.main.append(h("h1", { tabindex: -1 }, "Class dashboard"), form);
  }

  private open(id: string, key: string): void {
    const api = new InstructorApi(id, key);
    const say = h("p", { class: "notice", role: "status", "aria-live": "polite" });
    const heading = h("h1", { tabindex: -1 }, "Class dashboard");
    const facts = h("p", { class: "class-facts" });
    const keyNote = h("p", { class: "notice key-note" });
    if (sessionStorage.getItem(`slipway.class.${id}.new`)) {
      sessionStorage.removeItem(`slipway.class.${id}.new`);
      keyNote.append(
        "Your instructor key (shown once; keep it to yourself, it opens this dashboard): ",
        h("code", { class: "instructor-key" }, key),
      );
    } else keyNote.hidden = true;
    const grid = h("div", { class: "class-grid-wrap", "aria-live": "off" });
    const funnel = h("div", {});
    const announce = h("input", {
      id: "announce-text",
      maxlength: 500,
      placeholder: "e.g. Break until 11:00",
    });
    const button = (label: string, run: () => Promise<unknown>) => {
      const b = h("button", { type: "button" }, label);
      b.addEventListener("click", () => {
        b.disabled = true;
        run().then(
          () => (b.disabled = false),
          (e: Error) => ((say.textContent = e.message), (b.disabled = false)),
        );
      });
      return b;
    };
    const download = (format: "csv" | "json") =>
      api.export(format).then((blob) => {
        const a = h("a", { href: URL.createObjectURL(blob), download: `class-${id}.${format}` });
        document.body.append(a);
        a.click();
        a.remove();
        say.textContent = `Exported ${format.toUpperCase()}.`;
      });
    const controls = h(
      "div",
      { class: "class-controls" },
      h("label", { for: "announce-text" }, "Announcement"),
      announce,
      button("Announce", async () => {
        await api.announce(announce.value);
        say.textContent = announce.value ? "Announced to every learner." : "Announcement cleared.";
      }),
      button("Export CSV", () => download("csv")),
      button("Export JSON", () => download("json")),
      button("Close to new joins", async () => void (await api.close())),
      button("End class (pause sessions)", async () => {
        if (confirm("End the class? Its running sessions are paused.")) await api.end("pause");
      }),
    );
    this.main.append(
      heading,
      facts,
      keyNote,
      controls,
      say,
      h("h2", {}, "Learners"),
      grid,
      h("h2", {}, "Where the class gets stuck"),
      funnel,
    );
    const watch = (l: DashboardLearner, sessionId: string) =>
      void api.viewToken(sessionId).then(
        (t) =>
          window.open(
            routeHref({ page: "watch", id: sessionId, term: "term1", token: t.token }),
            "_blank",
            "noopener",
          ),
        (e: Error) => (say.textContent = `Cannot watch ${l.displayName}: ${e.message}`),
      );
    const draw = (d: DashboardView) => {
      heading.textContent = d.class.title;
      facts.textContent = `Join code ${d.class.joinCode} · ${location.origin}${d.class.joinPath} · ${d.class.members}/${d.class.capacity} learners · ${d.class.endedAt ? "ended" : d.class.open ? "open" : "closed to new joins"}${d.class.announcement ? ` · announcing “${d.class.announcement.text}”` : ""}`;
      grid.replaceChildren(dashboardGrid(d, watch));
      funnel.replaceChildren(funnelTable(d));
    };
    this.close = api.watch(draw, () => {
      instructorKeys.forget(id);
      say.textContent = "This key does not open this class's dashboard.";
      this.main.replaceChildren();
      this.askKey(id);
    });
  }

  dispose(): void {
    this.close?.();
  }
}
