import { describe, expect, it } from "vitest";
import { MAX_FRAME_BYTES, ProtocolError, parseClientMessage, utf8Length } from "./terminal-protocol.ts";

const hello = { t: "hello", token: "tok", term: "main", cols: 80, rows: 24, lastSeq: 0, mode: "control" };

describe("parseClientMessage", () => {
  it("accepts each message type and ignores unknown fields", () => {
    expect(parseClientMessage(JSON.stringify({ ...hello, extra: 1 }))).toEqual(hello);
    expect(parseClientMessage('{"t":"in","data":"ls\\r"}')).toEqual({ t: "in", data: "ls\r" });
    expect(parseClientMessage('{"t":"resize","cols":1,"rows":1000}')).toEqual({
      t: "resize",
      cols: 1,
      rows: 1000,
    });
    expect(parseClientMessage('{"t":"ack","bytes":262144}')).toEqual({ t: "ack", bytes: 262144 });
    expect(parseClientMessage('{"t":"ping"}')).toEqual({ t: "ping" });
  });

  it.each([
    ["not json", "{"],
    ["array", "[]"],
    ["null", "null"],
    ["unknown type", '{"t":"rm"}'],
    ["cols 0", '{"t":"resize","cols":0,"rows":5}'],
    ["cols 1001", '{"t":"resize","cols":1001,"rows":5}'],
    ["fractional rows", '{"t":"resize","cols":5,"rows":2.5}'],
    ["negative ack", '{"t":"ack","bytes":-1}'],
    ["data too long", JSON.stringify({ t: "in", data: "x".repeat(64 * 1024 + 1) })],
    ["data not a string", '{"t":"in","data":5}'],
    ["bad mode", JSON.stringify({ ...hello, mode: "admin" })],
    ["missing token", JSON.stringify({ ...hello, token: undefined })],
    ["frame too large", JSON.stringify({ t: "ping", pad: "x".repeat(MAX_FRAME_BYTES) })],
  ])("rejects %s", (_name, text) => {
    expect(parseClientMessage(text)).toBeInstanceOf(ProtocolError);
  });

  it("never throws on random or mutated input", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const valid = [
      JSON.stringify(hello),
      '{"t":"in","data":"é\\u0000"}',
      '{"t":"resize","cols":80,"rows":24}',
      '{"t":"ack","bytes":1}',
      '{"t":"ping"}',
    ];
    const alphabet = '{}[]":,tin0123456789.-eE\\u"helloackpingresizemodeviewcontrol \u0000\ud800é';
    for (let i = 0; i < 5000; i++) {
      const base = valid[rand(valid.length)] as string;
      let text: string;
      if (i % 3 === 0) {
        text = Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join("");
      } else {
        const chars = [...base];
        for (let k = rand(4) + 1; k > 0; k--) {
          const at = rand(chars.length + 1);
          const op = rand(3);
          if (op === 0) chars.splice(at, 1);
          else if (op === 1) chars.splice(at, 0, alphabet[rand(alphabet.length)] as string);
          else chars[at] = alphabet[rand(alphabet.length)] as string;
        }
        text = chars.join("");
      }
      const result = parseClientMessage(text);
      expect(result instanceof ProtocolError || typeof result.t === "string").toBe(true);
    }
  });
});

describe("utf8Length", () => {
  it("matches Buffer.byteLength, lone surrogates included", () => {
    for (const s of ["", "abc", "é", "€", "😀", "a\ud800b", "\udc00", "x😀y€é"]) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
    }
  });
});
