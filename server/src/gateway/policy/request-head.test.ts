import { describe, expect, it } from "vitest";
import { GoQuery } from "./go-query.ts";
import { checkRequestHead } from "./request-head.ts";

const JSON_TYPE = ["Content-Type", "application/json"];

describe("checkRequestHead", () => {
  it("refuses a query pair Go skips on a call that carries policy, naming the pair", () => {
    expect(checkRequestHead(JSON_TYPE, GoQuery.parse("t=a;cgroupparent=/&q=1"), true)).toEqual({
      status: 400,
      message: `slipway gateway: the query pair "t=a;cgroupparent=/" has a ';' or a bad %-escape; percent-encode it`,
    });
    const long = `t=${"a".repeat(100)}%zz`;
    expect(checkRequestHead([], GoQuery.parse(long), true)?.message).toContain(`"t=${"a".repeat(58)}…"`);
  });

  it("leaves other calls' queries to the engine (which answers 400 itself, or ignores them)", () => {
    expect(checkRequestHead(JSON_TYPE, GoQuery.parse("filters=%zz;x"), false)).toBeUndefined();
    expect(checkRequestHead(JSON_TYPE, GoQuery.parse("t=a%3Bb"), true)).toBeUndefined();
  });

  it("refuses a form body on any call, first", () => {
    const form = ["Content-Type", "application/x-www-form-urlencoded"];
    expect(checkRequestHead(form, GoQuery.parse(""), false)?.status).toBe(403);
    expect(checkRequestHead(form, GoQuery.parse("a;b"), true)?.status).toBe(403);
  });
});
