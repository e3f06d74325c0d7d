// Opens a learner's app in a new tab, on its preview origin. The tab is opened at once,
// while the click still counts as the learner's (pop-up blockers), cut off from this page
// (no window.opener: the app is the learner's code, not Slipway's), and sent on once the
// one-time link has come back.
import type { SessionApi } from "../api/session-api.ts";

export async function openPreview(api: SessionApi, port: number, path: string): Promise<void> {
  const tab = window.open("", "_blank");
  if (tab) tab.opener = null;
  try {
    const { url } = await api.previewLink(port, path);
    if (!tab) throw new Error("the browser blocked the new tab: allow pop-ups for this site and try again");
    tab.location.href = url;
  } catch (e) {
    tab?.close();
    throw e;
  }
}
