// Whoever can make a class can set its webhook, so a webhook must not become a way to make
// the server call addresses only it can reach: loopback, private networks, link-local (cloud
// metadata). Checked on the address actually connected to, so a name that resolves (or
// re-resolves) to one is refused too.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress, postWebhook } from "./webhook-post.ts";

let server: Server;
let hits = 0;
let port = 0;
beforeAll(async () => {
  server = createServer((_req, res) => (hits++, res.end()));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => void server.close());

const post = (url: string, allowPrivate: boolean) =>
  postWebhook(url, { headers: {}, body: "{}", timeoutMs: 2000, allowPrivate });

describe("webhook POST", () => {
  it("refuses loopback, private and link-local receivers, by literal or by name", async () => {
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://localhost:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/",
      "http://0.0.0.0/",
    ])
      await expect(post(url, false), url).rejects.toThrow(/not a public address/);
    expect(hits).toBe(0);
  });

  it("posts to such a receiver when the operator allows private addresses", async () => {
    expect((await post(`http://localhost:${port}/`, true)).status).toBe(200);
    expect(hits).toBe(1);
  });

  it("tells public from private addresses", () => {
    expect(["8.8.8.8", "2001:4860:4860::8888", "93.184.216.34"].map(isPublicAddress)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [
        "172.16.5.4",
        "192.168.1.1",
        "100.64.0.1",
        "fd00::1",
        "fe80::1",
        "::",
        "224.0.0.1",
        "::ffff:10.1.2.3",
      ].map(isPublicAddress),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });
});
