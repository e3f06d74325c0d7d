import { expect, it } from "vitest";
import { SseParser } from "./sse-parser.ts";

it("reads messages however the stream is cut, skipping comments and other fields", () => {
  const p = new SseParser();
  const stream =
    'retry: 2000\n\nid: 1\ndata: {"type":"snapshot"}\n\n: ping\n\nid: 2\r\ndata: a\r\ndata:b\r\n\r\n';
  const got: string[] = [];
  for (const c of stream.match(/[\s\S]{1,3}/g) ?? []) got.push(...p.push(c));
  expect(got).toEqual(['{"type":"snapshot"}', "a\nb"]);
  expect(p.push("data: unfinished\n")).toEqual([]);
});
