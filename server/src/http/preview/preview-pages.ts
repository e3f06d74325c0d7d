// What a preview host answers when there is no app to show: a small HTML page saying what
// happened and what to try, on the preview's own origin (never Slipway's JSON errors).
import type { ServerResponse } from "node:http";

export interface PreviewPage {
  readonly status: number;
  readonly title: string;
  readonly lines: readonly string[];
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** `code` spans in lines are written as `like this`. */
export function renderPage(p: PreviewPage): string {
  const para = (l: string) => `<p>${escape(l).replace(/`([^`]+)`/g, "<code>$1</code>")}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(p.title)} · Slipway preview</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1d2433}
code{background:#eef1f6;padding:.1em .3em;border-radius:3px}h1{font-size:1.4rem}</style></head>
<body><h1>${escape(p.title)}</h1>${p.lines.map(para).join("")}</body></html>`;
}

export function sendPage(res: ServerResponse, p: PreviewPage): void {
  const body = renderPage(p);
  res.writeHead(p.status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

export const pages = {
  noSuchPreview: (): PreviewPage => ({
    status: 404,
    title: "No such preview",
    lines: [
      "This address does not belong to any running Slipway session.",
      "Open your app from the Ports tab of your session: it gives the right address.",
    ],
  }),
  needsOpening: (): PreviewPage => ({
    status: 401,
    title: "Open this preview from your session",
    lines: [
      "Previews open only from the Ports tab of the Slipway session they belong to, so that nobody else can see your app.",
      "A preview link works once and for a minute; if you followed an old one, open the port again from the Ports tab.",
    ],
  }),
  sessionNotReady: (state: string): PreviewPage => ({
    status: state === "starting" || state === "queued" ? 503 : 410,
    title:
      state === "starting" || state === "queued" ? "The sandbox is still starting" : "This session has ended",
    lines:
      state === "starting" || state === "queued"
        ? ["Try again in a few seconds."]
        : ["Its sandbox and the apps in it are gone. Start a new session to run them again."],
  }),
  broken: (): PreviewPage => ({
    status: 502,
    title: "The preview failed",
    lines: ["Slipway could not relay this request to your app. Reload the page to try again."],
  }),
  notListening: (port: number, reason: string): PreviewPage => ({
    status: 502,
    title: `Nothing answers on port ${port}`,
    lines: [
      `Your sandbox has no server accepting connections on port ${port} (${reason}).`,
      `Start something listening on \`0.0.0.0:${port}\`, for example \`docker run -d -p ${port}:80 nginx\`, then reload this page.`,
      `A server that listens on \`127.0.0.1\` only cannot be reached from outside the sandbox: make it listen on \`0.0.0.0\`. The Ports tab lists what is listening.`,
    ],
  }),
};
