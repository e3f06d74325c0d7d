import { describe, expect, it } from "vitest";
import { EngineJsonError, at, parseEngineJson } from "./engine-json.ts";

describe("parseEngineJson", () => {
  it("folds keys the way Go's encoding/json matches them", () => {
    const body = parseEngineJson('{"hostconfig":{"PRIVILEGED":true,"\u017fysctls":{"a":"1"}}}');
    expect(at(body, "hostconfig", "privileged")).toBe(true);
    expect(at(body, "hostconfig", "sysctls", "a")).toBe("1");
    expect(at(parseEngineJson('{"\u212Aey":1}'), "key")).toBe(1);
  });

  it("refuses a key repeated exactly or after folding, which Go would merge", () => {
    expect(() => parseEngineJson('{"HostConfig":{"Privileged":true},"HostConfig":{}}')).toThrow(
      EngineJsonError,
    );
    expect(() => parseEngineJson('{"Privileged":false,"privileged":true}')).toThrow(/repeats the key/);
    expect(() => parseEngineJson('{"a":{"b":1,"b":2}}')).toThrow(EngineJsonError);
  });

  it("counts keys only outside strings and escapes", () => {
    expect(at(parseEngineJson('{"a":"x\\":y","b":["c:",{"d":"\\\\"}]}'), "b")).toEqual(["c:", { d: "\\" }]);
  });

  it("treats an empty body as an empty object and rejects what is not JSON", () => {
    expect(parseEngineJson("")).toEqual({});
    expect(() => parseEngineJson("{nope")).toThrow(/not valid JSON/);
  });

  it("keeps __proto__ as data", () => {
    const body = parseEngineJson('{"__proto__":{"privileged":true}}');
    expect(at(body, "__proto__", "privileged")).toBe(true);
    expect(at(body, "privileged")).toBeUndefined();
  });
});
