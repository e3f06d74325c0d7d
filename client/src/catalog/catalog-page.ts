// The catalog: every lab the server offers (the playground first), and "Start".
import type { LabSummary } from "../../../common/lab-types.ts";
import { ApiError, apiRequest } from "../api/api-request.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";
import { formatWait } from "../time/format-time.ts";
import { type LabCard, labCard } from "./lab-card.ts";
import { startLab } from "./start-lab.ts";

// The playground is built into the server; it is offered even where the labs list lacks it.
const PLAYGROUND: LabSummary = {
  id: "playground",
  title: "Playground",
  summary: "A shell and your own Docker engine, with nothing to check. Try anything.",
  level: "beginner",
  mode: "guided",
  durationMs: 3_600_000,
  tags: ["sandbox"],
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
    try {
      const r = await apiRequest<LabSummary[] | { labs: LabSummary[] }>("GET", "/api/labs");
      labs = Array.isArray(r) ? r : r.labs;
      this.notice.textContent = "";
    } catch (e) {
      this.notice.textContent = `The lab list could not be loaded (${(e as Error).message}). The playground is still available.`;
    }
    const playground = labs.find((l) => l.id === PLAYGROUND.id) ?? PLAYGROUND;
    const ordered = [playground, ...labs.filter((l) => l.id !== PLAYGROUND.id)];
    this.list.replaceChildren(...ordered.map((lab) => this.card(lab)));
  }

  private card(lab: LabSummary): HTMLElement {
    const card: LabCard = labCard(lab, () => void this.start(lab, card));
    return card.el;
  }

  private async start(lab: LabSummary, card: LabCard): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    card.button.disabled = true;
    card.el.setAttribute("aria-busy", "true");
    try {
      const id = await startLab(lab.id, {
        signal: this.abort.signal,
        onCreated: (sid, token) => this.ctx.tokens.save("learner", sid, token),
        onProgress: (p) => {
          card.status.className = "lab-status";
          card.status.textContent =
            p.state === "queued"
              ? `All sandboxes are busy. You are number ${p.position} in line; the wait is ${formatWait(p.estimatedWaitMs)}. Keep this page open.`
              : "Starting your sandbox…";
        },
      });
      location.hash = routeHref({ page: "session", id });
    } catch (e) {
      if (this.abort.signal.aborted) return;
      card.status.className = "lab-status error";
      card.status.textContent = `Could not start: ${e instanceof ApiError ? e.message : String(e)}`;
      card.button.disabled = false;
    } finally {
      this.busy = false;
      card.el.removeAttribute("aria-busy");
    }
  }
}
