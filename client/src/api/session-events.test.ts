import { afterEach, expect, it, vi } from "vitest";
import type { LabEvent } from "../../../common/lab-events.ts";
import { endsSession, subscribeSessionEvents } from "./session-events.ts";

afterEach(() => vi.unstubAllGlobals());

it("knows which events end the stream", () => {
  expect(endsSession({ type: "session", state: "stopped", reason: "expired" })).toBe(true);
  expect(endsSession({ type: "session", state: "failed" })).toBe(true);
  expect(endsSession({ type: "session", state: "ready" })).toBe(false);
  expect(endsSession({ type: "step", stepId: "a", status: "passed", results: [] })).toBe(false);
  expect(endsSession({ type: "completed" })).toBe(false);
});

it("sends the token in a header, never the URL, and stops once the session has ended", async () => {
  const calls: Array<[string, RequestInit | undefined]> = [];
  const body =
    'retry: 2000\n\nid: 1\ndata: {"type":"completed"}\n\n: ping\n\ndata: {"type":"session","state":"stopped"}\n\n';
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    calls.push([url, init]);
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
  const events: LabEvent[] = [];
  const connected: boolean[] = [];
  subscribeSessionEvents("/api/sessions/s1/events", "secret", {
    onEvent: (e) => events.push(e),
    onConnected: (c) => connected.push(c),
  });
  await vi.waitFor(() => expect(events).toHaveLength(2));
  await new Promise((r) => setTimeout(r, 50));
  expect(calls).toHaveLength(1);
  expect(calls[0]?.[0]).toBe("/api/sessions/s1/events");
  expect(calls[0]?.[1]?.headers).toEqual({ authorization: "Bearer secret" });
  expect(events.map((e) => e.type)).toEqual(["completed", "session"]);
  expect(connected).toEqual([true]);
});

it("gives up when the token is refused (revoked), and asks again after a drop", async () => {
  const answers = [new Response("", { status: 503 }), new Response("{}", { status: 403 })];
  const fetch = vi.fn(async () => answers.shift() as Response);
  vi.stubGlobal("fetch", fetch);
  const refused = vi.fn();
  subscribeSessionEvents("/x", "t", { onEvent: () => {}, onRefused: refused });
  await vi.waitFor(() => expect(refused).toHaveBeenCalledWith(403), { timeout: 3000 });
  await new Promise((r) => setTimeout(r, 700));
  expect(fetch).toHaveBeenCalledTimes(2);
});
