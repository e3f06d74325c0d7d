// What a learner sees when every step of a guided lab has passed: the time it took, the help
// used, a link to the report, and the next lab of its track. Finishing is a moment of its
// own, not a grey line under the header.
import type { LabSummary, Track } from "../../../common/lab-types.ts";
import { apiRequest } from "../api/api-request.ts";
import type { SessionApi } from "../api/session-api.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";
import { formatElapsed } from "../time/format-time.ts";

/** The lab after `labId` in the first track that holds it, if any. */
export function nextInTrack(tracks: readonly Track[], labId: string): string | undefined {
  for (const t of tracks) {
    const i = t.labs.indexOf(labId);
    if (i >= 0) return t.labs[i + 1];
  }
  return undefined;
}

export async function completionView(api: SessionApi, labId: string): Promise<HTMLElement> {
  const [report, tracks, labs] = await Promise.all([
    api.report(),
    apiRequest<Track[]>("GET", "/api/tracks").catch((): Track[] => []),
    apiRequest<LabSummary[]>("GET", "/api/labs").catch((): LabSummary[] => []),
  ]);
  const next = labs.find((l) => l.id === nextInTrack(tracks, labId));
  const fact = (term: string, value: string) => [h("dt", {}, term), h("dd", {}, value)];
  return h(
    "section",
    { class: "completion", "aria-labelledby": "completion-title" },
    h("h2", { id: "completion-title" }, "Lab complete"),
    h(
      "dl",
      {},
      ...fact("Time taken", formatElapsed(report.timeUsedMs)),
      ...fact("Hints used", String(report.hintsRevealed)),
      ...fact("Solutions viewed", String(report.solutionsViewed)),
    ),
    h(
      "p",
      { class: "completion-links" },
      h("a", { href: routeHref({ page: "report", id: api.id }) }, "See the report"),
      next
        ? h("a", { class: "button primary", href: routeHref({ page: "catalog" }) }, `Next: ${next.title}`)
        : null,
    ),
  );
}
