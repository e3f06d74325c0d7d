// The http check's direct path: a passing answer from the server's own request counts at once;
// anything less (a wrong status, a refusal, an answer too big) goes to curl in the sandbox.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeCheckContext } from "./fake-check-context.ts";
import { httpCheck } from "./http-check.ts";
import { localPort } from "./http-direct.ts";

let server: Server;
let port = 0;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} host=${req.headers.host}`);
    if (req.url === "/big") return void res.end("x".repeat(2 * 1024 * 1024));
    if (req.url === "/missing") return void res.writeHead(404).end("nope");
    res.end("Welcome to the shop");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

/** A sandbox whose port 8080 is our server; curl answers with what the test says. */
function sandbox(curl: string, to = () => ({ host: "127.0.0.1", port })) {
  const execs: string[][] = [];
  const ctx = fakeCheckContext({
    exec: (cmd) => (execs.push([...cmd]), { exitCode: 0, stdout: curl, stderr: "" }),
  });
  return { ctx: { ...ctx, sandboxPort: async () => to() }, execs };
}
const run = (ctx: Parameters<typeof httpCheck.run>[1], raw: object) =>
  httpCheck.run(httpCheck.parse({ type: "http", ...raw }, "t"), ctx);

describe("the http check's direct request", () => {
  it("passes on the server's own request, with no exec, sending the URL's host as curl would", async () => {
    const { ctx, execs } = sandbox("");
    const r = await run(ctx, { url: "http://localhost:8080/shop?x=1", body: { contains: "Welcome" } });
    expect(r.pass).toBe(true);
    expect(execs).toEqual([]);
    expect(seen.at(-1)).toBe("GET /shop?x=1 host=localhost:8080");
  });

  it("leaves every answer that does not pass to curl in the sandbox, whose verdict stands", async () => {
    for (const path of ["/missing", "/big"]) {
      const { ctx, execs } = sandbox("fine\n__slipway_status__:200");
      expect((await run(ctx, { url: `http://localhost:8080${path}` })).pass).toBe(true);
      expect(execs).toHaveLength(1);
    }
    const refused = sandbox("\n__slipway_status__:503", () => ({ host: "127.0.0.1", port: 1 }));
    expect((await run(refused.ctx, { url: "http://localhost:8080/" })).errors).toEqual([
      "GET http://localhost:8080/: status expected 200, got 503",
    ]);
  });

  it("is only for the sandbox's own loopback over plain HTTP", () => {
    expect(localPort("http://localhost:8080/")).toBe(8080);
    expect(localPort("http://127.0.0.1/")).toBe(80);
    expect(localPort("http://[::1]:3000/x")).toBe(3000);
    for (const url of [
      "https://localhost:8443/",
      "http://web:80/",
      "http://10.0.0.2/",
      "http://u:p@localhost/",
      "bad",
    ])
      expect(localPort(url), url).toBeUndefined();
  });
});
