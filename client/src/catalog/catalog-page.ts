// The catalog: the labs the server offers grouped by track (labs/tracks.yaml, in order), then
// the rest and the playground; each with where the learner stands in it, and "Start" or
// "Continue". Above them, the learner's labs in progress, to pick up where they left off.
import type { AssessmentSummary } from "../../../common/assessment-views.ts";
import type { LabStanding } from "../../../common/learner-views.ts";
import type { LabSummary, Track } from "../../../common/lab-types.ts";
import { apiRequest } from "../api/api-request.ts";
import type { StartedSession } from "../api/api-types.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { inlineCode } from "../dom/inline-code.ts";
import { startAttempt } from "../assessment/attempt-api.ts";
import { formatDuration } from "../time/format-time.ts";
import { routeHref } from "../routing/route.ts";
import { catalogSections } from "./catalog-sections.ts";
import { inProgressList } from "./in-progress-list.ts";
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
  private readonly mine = h("section", { class: "catalog-mine", "aria-labelledby": "mine-title" });
  private readonly sections = h("div", { class: "catalog-sections" });
  private readonly assessments = h("section", {
    class: "track",
    "aria-labelledby": "assessments-title",
    hidden: true,
  });
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
        this.mine,
        this.sections,
        this.assessments,
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
    // Tracks and where the learner stands are niceties: without them the labs show in one
    // list, each "not started".
    const tracks = apiRequest<Track[]>("GET", "/api/tracks").catch((): Track[] => []);
    const standings = this.ctx.learner.labs().catch((): LabStanding[] => []);
    try {
      labs = await apiRequest<LabSummary[]>("GET", "/api/labs");
      this.notice.textContent = "";
    } catch (e) {
      this.notice.textContent = `The lab list could not be loaded (${(e as Error).message}). The playground is still available.`;
    }
    void this.loadAssessments();
    const byLab = new Map((await standings).map((s) => [s.lab, s]));
    const trackList = await tracks;
    if (this.abort.signal.aborted) return;
    if (!labs.some((l) => l.id === PLAYGROUND.id)) labs.push(PLAYGROUND);
    const titles = new Map(labs.map((l) => [l.id, l.title]));
    const standingOf = (id: string): LabStanding => byLab.get(id) ?? { lab: id, standing: "not-started" };
    const going = labs.flatMap((l) => {
      const st = standingOf(l.id);
      return st.standing === "in-progress" ? [st.session] : [];
    });
    this.mine.replaceChildren(...inProgressList(going));
    this.mine.hidden = going.length === 0;
    this.sections.replaceChildren(
      ...catalogSections(labs, trackList, PLAYGROUND.id).map((section, i) => {
        const id = `track-${section.track?.id ?? "more"}`;
        const heading = section.track?.title ?? (trackList.length > 0 ? "More labs" : "Labs");
        return h(
          "section",
          { class: "track", "aria-labelledby": id },
          h("h2", { id, class: "track-title" }, heading),
          section.track ? h("p", { class: "lead" }, ...inlineCode(section.track.summary)) : null,
          h(
            section.track ? "ol" : "ul",
            { class: "lab-grid", "aria-label": heading, "data-section": i },
            ...section.labs.map((lab) => {
              // "Take first" only while a prerequisite is not yet completed.
              const first = lab.prerequisites
                .filter((p) => standingOf(p).standing !== "completed")
                .map((p) => titles.get(p) ?? p);
              return this.card(lab, standingOf(lab.id), first);
            }),
          ),
        );
      }),
    );
  }

  /** Assessments: challenges drawn for the candidate, under one clock, with a report. */
  private async loadAssessments(): Promise<void> {
    const list = await apiRequest<{ assessments: AssessmentSummary[] }>("GET", "/api/assessments").then(
      (r) => r.assessments,
      (): AssessmentSummary[] => [],
    );
    if (this.abort.signal.aborted || list.length === 0) return;
    this.assessments.hidden = false;
    this.assessments.replaceChildren(
      h("h2", { id: "assessments-title", class: "track-title" }, "Assessments"),
      h(
        "p",
        { class: "lead" },
        "Troubleshooting tasks drawn for you, under one clock, with a report you can share.",
      ),
      h(
        "ul",
        { class: "lab-grid", "aria-label": "Assessments" },
        ...list.map((a) => {
          const status = h("p", { class: "lab-status", role: "status" });
          const button: HTMLButtonElement = h(
            "button",
            {
              type: "button",
              onclick: () => {
                button.disabled = true;
                status.textContent = "Starting your first task…";
                startAttempt(a.id).then(
                  (at) => void (location.hash = routeHref({ page: "attempt", id: at.id })),
                  (e: Error) => {
                    status.textContent = `Could not start: ${e.message}`;
                    button.disabled = false;
                  },
                );
              },
            },
            "Start assessment",
          );
          return h(
            "li",
            { class: "lab-card", "data-assessment": a.id },
            h("h3", {}, a.title),
            h("p", {}, a.summary),
            h(
              "p",
              { class: "lab-meta" },
              `${a.tasks} tasks · ${formatDuration(a.timeLimitMs)} · pass at ${a.passLine} %`,
            ),
            button,
            status,
          );
        }),
      ),
    );
  }

  private card(lab: LabSummary, standing: LabStanding, takeFirst: readonly string[]): HTMLElement {
    const card: LabCard = labCard(lab, standing, () => void this.start(lab, card), takeFirst);
    return card.el;
  }

  /** Creates the session without waiting for its sandbox: the session page shows the start's
   *  steps (or the place in the queue) and takes it from there. */
  private async start(lab: LabSummary, card: LabCard): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    card.button.disabled = true;
    card.el.setAttribute("aria-busy", "true");
    card.status.className = "lab-status";
    card.status.textContent = "Starting your sandbox…";
    try {
      const s = await apiRequest<StartedSession>("POST", "/api/sessions", {
        json: { lab: lab.id, wait: false },
      });
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
