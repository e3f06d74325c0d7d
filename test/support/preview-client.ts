// Requests to a preview host as a browser makes them. Node cannot resolve `*.localhost`
// (Chromium does by itself), so it connects to the server's address and names the preview
// in the Host header, which is all the server routes on.
import { request } from "node:http";
import WebSocket from "ws";

export interface PreviewResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export function previewRequest(
  serverUrl: string,
  url: string,
  o: { method?: string; headers?: Record<string, string> } = {},
): Promise<PreviewResponse> {
  const target = new URL(url);
  const server = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: server.hostname,
        port: server.port,
        method: o.method ?? "GET",
        path: `${target.pathname}${target.search}`,
        headers: { host: target.host, ...o.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Follows a preview link's ticket exchange and returns the cookie it set. */
export async function openPreview(serverUrl: string, link: string): Promise<string> {
  const r = await previewRequest(serverUrl, link);
  const cookie = [r.headers["set-cookie"] ?? []].flat()[0];
  if (r.status !== 303 || !cookie) throw new Error(`the preview did not open: ${r.status} ${r.body}`);
  return cookie.split(";")[0] as string;
}

export function previewSocket(serverUrl: string, url: string, headers: Record<string, string>): WebSocket {
  const target = new URL(url);
  const server = new URL(serverUrl);
  return new WebSocket(`ws://${server.host}${target.pathname}`, {
    headers: { host: target.host, ...headers },
  });
}
