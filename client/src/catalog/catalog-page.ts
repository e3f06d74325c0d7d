// The catalog: every lab the server offers (the playground first), each with where the
// learner stands in it, and "Start" or "Continue".
import type { LabStanding } from "../../../common/learner-views.ts";
import type { LabSummary } from "../../../common/lab-types.ts";
import { apiRequest } from "../api/api-request.ts";
import type { StartedSession } from "../api/api-types.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";
import { type LabCard, labCard } from "./lab-card.ts";

// The playground is built into the server; it is offered even where the labs list lacks it.
const PLAYGROUND: LabSummary = {
  id: "playground",
  title: "Playground",
  summary: "A shell and your own Docker engine, with nothing to check. Try anything.",
  level: "beginner",
  mode: "guided",
  durationMs: 3_600_000,
  tags: ["sandbox"],
  covers: [],
  prerequisites: [],
  stepCount: 0,
};

export class CatalogPage implements Page {
  private readonly abort = new AbortController();
  private readonly list = h("ul", { class: "lab-grid", "aria-label": "Labs" });
  private readonly notice = h("p", { class: "notice", role: "status" });
  private busy = false;

  constructor(
    root: HTMLElement,
    private readonly ctx: AppContext,
  ) {
    ctx.title("Labs");
    root.append(
      topBar(),
      h(
        "main",
        { class: "catalog", id: "main" },
        h("h1", { tabindex: -1 }, "Hands-on Docker labs"),
        h(
          "p",
          { class: "lead" },
          "Each lab gives you a Docker engine of your own and a shell in the browser. Steps check your work as you go.",
        ),
        this.notice,
        this.list,
      ),
    );
    void this.load();
  }

  dispose(): void {
    this.abort.abort();
  }

  private async load(): Promise<void> {
    this.notice.textContent = "Loading labs…";
    let labs: LabSummary[] = [];
    // Where the learner stands is a nicety: without it every lab reads "not started".
    const standings = this.ctx.learner.labs().catch((): LabStanding[] => []);
    try {
      labs = await apiRequest<LabSummary[]>("GET", "/api/labs");
      this.notice.textContent = "";
    } catch (e) {
      this.notice.textContent = `The lab list could not be loaded (${(e as Error).message}). The playground is still available.`;
    }
    const byLab = new Map((await standings).map((s) => [s.lab, s]));
    if (this.abort.signal.aborted) return;
    const playground = labs.find((l) => l.id === PLAYGROUND.id) ?? PLAYGROUND;
    const ordered = [playground, ...labs.filter((l) => l.id !== PLAYGROUND.id)];
    this.list.replaceChildren(
      ...ordered.map((lab) => this.card(lab, byLab.get(lab.id) ?? { lab: lab.id, standing: "not-started" })),
    );
  }

  private card(lab: LabSummary, standing: LabStanding): HTMLElement {
    const card: LabCard = labCard(lab, standing, () => void this.start(lab, card));
    return card.el;
  }

  /** Creates the session (the server answers once its sandbox is ready, or at once with a
   *  queue place); the session page takes it from there, queue included. */
  private async start(lab: LabSummary, card: LabCard): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    card.button.disabled = true;
    card.el.setAttribute("aria-busy", "true");
    card.status.className = "lab-status";
    card.status.textContent = "Starting your sandbox…";
    try {
      const s = await apiRequest<StartedSession>("POST", "/api/sessions", { json: { lab: lab.id } });
      if (s.state === "failed")
        throw new Error(`the sandbox could not start: ${s.reason ?? "no reason given"}`);
      location.hash = routeHref({ page: "session", id: s.id });
    } catch (e) {
      if (this.abort.signal.aborted) return;
      card.status.className = "lab-status error";
      card.status.textContent = `Could not start: ${(e as Error).message}`;
      card.button.disabled = false;
    } finally {
      this.busy = false;
      card.el.removeAttribute("aria-busy");
    }
  }
}
