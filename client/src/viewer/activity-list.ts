// The learner's Docker activity, newest first, as the commands they typed ("docker run -d
// --name hello nginx"): what an instructor watching wants to see besides the screen. The
// API calls behind each command are in its tooltip; the CLI's plumbing is left out.
import type { ActivityEntry } from "../api/api-types.ts";
import { h } from "../dom/h.ts";
import { commandsOf } from "./docker-command.ts";

const SHOWN = 50;

export function activityList(entries: readonly ActivityEntry[]): HTMLElement {
  const commands = commandsOf(entries);
  if (commands.length === 0) return h("p", { class: "muted" }, "No Docker commands yet.");
  return h(
    "ol",
    { class: "activity", reversed: true },
    ...commands
      .slice(-SHOWN)
      .reverse()
      .map(({ entry: e, command }) =>
        h(
          "li",
          { class: e.status >= 400 ? "fail" : "", title: `${e.method} ${apiPath(e.path)} → ${e.status}` },
          h("time", { datetime: e.time }, new Date(e.time).toLocaleTimeString()),
          " ",
          h("code", {}, command),
          e.summary.denied
            ? h("span", { class: "error" }, ` refused: ${e.summary.denied}`)
            : e.status >= 400
              ? h("span", { class: "error" }, ` failed (${e.status})`)
              : "",
        ),
      ),
  );
}

/** "/v1.41/containers/4e74…(64 hex)/start" → "/containers/4e7476aeb78a/start", as docker ps shows ids. */
export const apiPath = (path: string): string => shortIds(path.replace(/^\/v[\d.]+(?=\/)/, ""));

const shortIds = (text: string): string => text.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, "$1");
