import type { LabStanding } from "../../../common/learner-views.ts";
import type { LabSummary } from "../../../common/lab-types.ts";
import { factsList } from "../dom/facts-list.ts";
import { h } from "../dom/h.ts";
import { inlineCode } from "../dom/inline-code.ts";
import { routeHref } from "../routing/route.ts";
import { formatDate } from "../time/format-date.ts";
import { formatDuration } from "../time/format-time.ts";
import { inProgressText } from "./standing-text.ts";

export interface LabCard {
  readonly el: HTMLElement;
  readonly button: HTMLButtonElement;
  /** The line under the button: progress, queue place or error. */
  readonly status: HTMLElement;
}

/** A lab in the catalog, with where the learner stands in it: not started (Start), in progress
 *  (Continue, to the running or paused session), or completed (when, its report, Start again). */
export function labCard(
  lab: LabSummary,
  standing: LabStanding,
  onStart: (lab: LabSummary) => void,
  /** Titles of prerequisite labs not completed yet. */
  takeFirst: readonly string[] = [],
): LabCard {
  const titleId = `lab-${lab.id}`;
  const startLabel = lab.mode === "challenge" ? "Start challenge" : "Start";
  const button = h(
    "button",
    { type: "button", class: "primary", "aria-describedby": titleId, onclick: () => onStart(lab) },
    standing.standing === "completed" ? "Start again" : startLabel,
  );
  const status = h("p", { class: "lab-status", role: "status", "aria-live": "polite" });
  const facts: Array<[string, string]> = [
    ["Level", lab.level],
    ["Time", formatDuration(lab.timeLimitMs ?? lab.durationMs)],
    // A lab with no steps (the playground) guides nothing: it is a free sandbox.
    [
      "Mode",
      lab.mode === "challenge" ? "challenge (timed, no hints)" : lab.stepCount > 0 ? "guided" : "free",
    ],
  ];
  if (lab.stepCount > 0) facts.push(["Steps", String(lab.stepCount)]);
  if (takeFirst.length > 0) facts.push(["Take first", takeFirst.join(", ")]);
  let actions: HTMLElement;
  let where: HTMLElement | null = null;
  if (standing.standing === "in-progress") {
    const href = routeHref({ page: "session", id: standing.session.id });
    actions = h("a", { class: "button primary", href, "aria-describedby": titleId }, "Continue");
    where = h("p", { class: "standing in-progress" }, inProgressText(standing.session));
  } else if (standing.standing === "completed") {
    const report = routeHref({ page: "report", id: standing.session.id });
    actions = h("div", { class: "lab-actions-row" }, button, h("a", { href: report }, "Report"));
    where = h("p", { class: "standing completed" }, `Completed on ${formatDate(standing.completedAt)}`);
  } else {
    actions = button;
  }
  const el = h(
    "li",
    { class: `lab-card mode-${lab.mode}`, "data-standing": standing.standing },
    h("h3", { id: titleId }, lab.title),
    h("p", { class: "lab-summary" }, ...inlineCode(lab.summary)),
    lab.covers.length > 0
      ? h("ul", { class: "covers", "aria-label": "What you learn" }, ...lab.covers.map((c) => h("li", {}, c)))
      : null,
    factsList(facts),
    lab.tags.length > 0
      ? h("ul", { class: "tags", "aria-label": "Tags" }, ...lab.tags.map((t) => h("li", {}, t)))
      : null,
    where,
    h("div", { class: "lab-actions" }, actions),
    status,
  );
  return { el, button, status };
}
