import type { LabSummary } from "../../../common/lab-types.ts";
import { factsList } from "../dom/facts-list.ts";
import { h } from "../dom/h.ts";
import { formatDuration } from "../time/format-time.ts";

export interface LabCard {
  readonly el: HTMLElement;
  readonly button: HTMLButtonElement;
  /** The line under the button: progress, queue place or error. */
  readonly status: HTMLElement;
}

export function labCard(lab: LabSummary, onStart: (lab: LabSummary) => void): LabCard {
  const titleId = `lab-${lab.id}`;
  const button = h(
    "button",
    { type: "button", class: "primary", "aria-describedby": titleId, onclick: () => onStart(lab) },
    lab.mode === "challenge" ? "Start challenge" : "Start",
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
  const el = h(
    "li",
    { class: `lab-card mode-${lab.mode}` },
    h("h2", { id: titleId }, lab.title),
    h("p", { class: "lab-summary" }, lab.summary),
    factsList(facts),
    lab.tags.length > 0
      ? h("ul", { class: "tags", "aria-label": "Tags" }, ...lab.tags.map((t) => h("li", {}, t)))
      : null,
    h("div", { class: "lab-actions" }, button),
    status,
  );
  return { el, button, status };
}
