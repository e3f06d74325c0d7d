import type { IncomingMessage } from "node:http";
import { expect, it } from "vitest";
import { upstreamHeaders, type Upstream } from "./preview-proxy.ts";

const to: Upstream = {
  host: "10.90.0.2",
  port: 8080,
  appPort: 8080,
  publicHost: "p8080-abc.localhost:3000",
  scheme: "http",
  isSlipwayCredential: (auth) => auth === "Bearer slipway-token",
};
const request = (...rawHeaders: string[]) => ({ rawHeaders }) as unknown as IncomingMessage;
const asObject = (raw: string[]) =>
  raw.reduce<Array<[string, string]>>((o, v, i) => (i % 2 ? o : [...o, [v, raw[i + 1] as string]]), []);

it("keeps Slipway's credentials from the app, and the app's own for it", () => {
  const headers = asObject(
    upstreamHeaders(
      request(
        "Host",
        "p8080-abc.localhost:3000",
        "Cookie",
        "slipway_preview=1.mac; session=app",
        "Authorization",
        "Bearer slipway-token",
        "X-Forwarded-Host",
        "spoofed",
        "Connection",
        "keep-alive",
        "Accept",
        "text/html",
      ),
      to,
      false,
    ),
  );
  expect(headers).toEqual([
    ["Cookie", "session=app"],
    ["Accept", "text/html"],
    ["Host", "localhost:8080"],
    ["X-Forwarded-Host", "p8080-abc.localhost:3000"],
    ["X-Forwarded-Proto", "http"],
  ]);
  const own = upstreamHeaders(
    request("Authorization", "Basic dTpw", "Cookie", "slipway_preview=1.mac"),
    to,
    false,
  );
  expect(asObject(own).slice(0, 1)).toEqual([["Authorization", "Basic dTpw"]]);
});

it("keeps what a websocket upgrade needs", () => {
  const headers = upstreamHeaders(
    request("Connection", "Upgrade", "Upgrade", "websocket", "Sec-WebSocket-Key", "k"),
    to,
    true,
  );
  expect(asObject(headers).slice(0, 3)).toEqual([
    ["Connection", "Upgrade"],
    ["Upgrade", "websocket"],
    ["Sec-WebSocket-Key", "k"],
  ]);
});
