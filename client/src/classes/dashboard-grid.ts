// The dashboard's grid: a row per learner, a cell per step of each lab (green passed, red
// failing, grey not yet), then what the learner is on now: step, time on it, failed runs,
// hints and solutions, idle time, and a stuck flag. The name opens their terminal read-only.
import type {
  DashboardCell,
  DashboardLearner,
  DashboardStep,
  DashboardView,
} from "../../../common/class-views.ts";
import { h } from "../dom/h.ts";

export function minutes(ms: number | undefined): string {
  if (ms === undefined) return "—";
  const s = Math.round(ms / 1000);
  return s < 60
    ? `${s}s`
    : s < 3600
      ? `${Math.floor(s / 60)}m ${s % 60}s`
      : `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

/** Passed green; the step the learner is on red while its checks fail; the steps after it
 *  grey: live checks run them too, but an instructor reads red as "went wrong". */
function stepCell(c: DashboardCell, s: DashboardStep): HTMLElement {
  const state = !c.sessionId
    ? "not-started"
    : s.status === "passed"
      ? "passed"
      : s.id === c.currentStep && s.status === "failed"
        ? "failed"
        : "ahead";
  const says = {
    "not-started": "not started",
    passed: "passed",
    failed: "failing now",
    ahead: "not reached",
  }[state];
  return h(
    "td",
    { class: `step-cell ${state}`, title: `${c.lab} / ${s.id}: ${says}` },
    state === "passed" ? "✓" : state === "failed" ? "✗" : "·",
  );
}

export function dashboardGrid(
  d: DashboardView,
  watch: (l: DashboardLearner, sessionId: string) => void,
): HTMLElement {
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Learner"),
    ...d.labs.flatMap((lab) =>
      lab.steps.map((s, n) => h("th", { scope: "col", title: `${lab.title}: ${s.title}` }, `${n + 1}`)),
    ),
    h("th", { scope: "col" }, "Now on"),
    h("th", { scope: "col" }, "Time on it"),
    h("th", { scope: "col" }, "Failed runs"),
    h("th", { scope: "col" }, "Hints / solutions"),
    h("th", { scope: "col" }, "Idle"),
    h("th", { scope: "col" }, "Flag"),
  );
  const labHead = h(
    "tr",
    {},
    h("th", {}),
    ...d.labs.map((lab) => h("th", { colspan: lab.steps.length, scope: "colgroup" }, lab.title)),
    h("th", { colspan: 6 }),
  );
  const rows = d.learners.map((l) => {
    const working = l.cells.find((c) => c.state === "ready") ?? l.cells.find((c) => c.sessionId);
    const current = working?.steps.find((s) => s.id === working.currentStep);
    const stepTitle = d.labs
      .find((x) => x.id === working?.lab)
      ?.steps.find((s) => s.id === working?.currentStep)?.title;
    const hints = l.cells.reduce((n, c) => n + c.steps.reduce((m, s) => m + s.hintsRevealed, 0), 0);
    const solutions = l.cells.reduce((n, c) => n + c.steps.filter((s) => s.solutionViewed).length, 0);
    const name = working?.sessionId
      ? h(
          "button",
          {
            type: "button",
            class: "link-button",
            title: `Watch ${l.displayName}'s terminal, read-only, in a new tab`,
          },
          l.displayName,
        )
      : h("span", {}, l.displayName);
    if (working?.sessionId) {
      const id = working.sessionId;
      name.addEventListener("click", () => watch(l, id));
    }
    return h(
      "tr",
      { class: l.stuck ? "stuck" : "", "data-learner": l.displayName },
      h("th", { scope: "row" }, name),
      ...l.cells.flatMap((c) => c.steps.map((s) => stepCell(c, s))),
      h("td", {}, working?.completed ? "done" : (stepTitle ?? "—")),
      h("td", {}, minutes(working?.onStepMs)),
      h("td", {}, String(current?.failedRuns ?? 0)),
      h("td", {}, `${hints} / ${solutions}`),
      h("td", {}, minutes(l.idleMs)),
      h(
        "td",
        { class: "flag" },
        l.stuck ? h("span", { class: "stuck-flag", title: l.stuck.detail }, `stuck: ${l.stuck.detail}`) : "",
      ),
    );
  });
  return h(
    "table",
    { class: "class-grid" },
    h("thead", {}, labHead, head),
    h(
      "tbody",
      {},
      ...(rows.length ? rows : [h("tr", {}, h("td", { colspan: 99 }, "No one has joined yet."))]),
    ),
  );
}

export function funnelTable(d: DashboardView): HTMLElement {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return h(
    "table",
    { class: "class-funnel" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...[
          "Step",
          "Reached",
          "Passed",
          "Median time to pass",
          "Hints",
          "Solutions",
          "Most common failing check",
        ].map((t) => h("th", { scope: "col" }, t)),
      ),
    ),
    h(
      "tbody",
      {},
      ...d.funnel.map((f) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, `${d.labs.find((l) => l.id === f.lab)?.title ?? f.lab}: ${f.title}`),
          h("td", {}, String(f.reached)),
          h("td", {}, String(f.passed)),
          h("td", {}, minutes(f.medianMsToPass)),
          h("td", {}, pct(f.hintRate)),
          h("td", {}, pct(f.solutionRate)),
          h("td", {}, f.commonFailingCheck ?? "—"),
        ),
      ),
    ),
  );
}
