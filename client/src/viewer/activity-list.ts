// The learner's Docker API calls as the gateway recorded them, newest first: what an
// instructor watching wants to see besides the screen ("they ran docker ps -a").
import type { ActivityEntry } from "../api/api-types.ts";
import { h } from "../dom/h.ts";

const SHOWN = 50;

export function activityList(entries: readonly ActivityEntry[]): HTMLElement {
  if (entries.length === 0) return h("p", { class: "muted" }, "No Docker calls yet.");
  return h(
    "ol",
    { class: "activity", reversed: true },
    ...entries
      .slice(-SHOWN)
      .reverse()
      .map((e) =>
        h(
          "li",
          { class: e.status >= 400 ? "fail" : "" },
          h("time", { datetime: e.time }, new Date(e.time).toLocaleTimeString()),
          " ",
          h("code", {}, `${e.method} ${apiPath(e.path)}`),
          " ",
          h(
            "span",
            { class: "muted" },
            shortIds([e.summary.name, e.summary.image, ...e.summary.flags].filter(Boolean).join(" ")),
          ),
          e.summary.denied
            ? h("span", { class: "error" }, ` refused: ${e.summary.denied}`)
            : ` → ${e.status}`,
        ),
      ),
  );
}

/** "/v1.41/containers/4e74…(64 hex)/start" → "/containers/4e7476aeb78a/start", as docker ps shows ids. */
export const apiPath = (path: string): string => shortIds(path.replace(/^\/v[\d.]+(?=\/)/, ""));

const shortIds = (text: string): string => text.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, "$1");
