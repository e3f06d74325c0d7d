import { describe, expect, it } from "vitest";
import { checkContentType } from "./content-type.ts";

const ct = (...values: string[]) => checkContentType(values.flatMap((v) => ["Content-Type", v]));

describe("checkContentType", () => {
  it("refuses both form media types however Go would still recognise them", () => {
    for (const v of [
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=B",
      "  Application/X-WWW-Form-URLencoded ;charset=utf-8",
      "MULTIPART/FORM-DATA",
      "application/x-www-form-urlencoded;;;bad params", // Go still parses the form
      "\tmultipart/form-data\t;",
    ])
      expect(ct(v), v).toMatchObject({
        status: 403,
        message: expect.stringMatching(/^slipway gateway: form bodies/),
      });
    expect(checkContentType(["cOnTeNt-TyPe", "application/x-www-form-urlencoded"])?.status).toBe(403);
  });

  it("lets everything the docker CLI, Compose and docker-py send through", () => {
    for (const v of [
      "application/json",
      "application/x-tar",
      "application/tar",
      "text/plain",
      "",
      "multipart/mixed",
    ])
      expect(ct(v), v).toBeUndefined();
    expect(checkContentType(["Host", "d", "Content-Length", "0"])).toBeUndefined();
    // A form type in another header is nothing to Go.
    expect(checkContentType(["X-Content-Type", "application/x-www-form-urlencoded"])).toBeUndefined();
  });

  it("refuses values Go could fold into a form type and JavaScript would not", () => {
    // As Node hands them over: bytes as latin1. İ (U+0130) is C4 B0; NBSP is C2 A0.
    for (const v of [
      "APPL\xc4\xb0CATION/X-WWW-FORM-URLENCODED",
      "\xc2\xa0multipart/form-data",
      "text/plain\x7f",
    ])
      expect(ct(v)).toEqual({
        status: 400,
        message: "slipway gateway: the Content-Type header is not plain ASCII",
      });
  });

  it("refuses more than one Content-Type, whatever their order or spelling", () => {
    const two = {
      status: 400,
      message: "slipway gateway: the request has more than one Content-Type header",
    };
    expect(ct("application/x-tar", "application/x-www-form-urlencoded")).toEqual(two);
    expect(ct("application/json", "application/json")).toEqual(two);
    expect(checkContentType(["content-type", "a/b", "CONTENT-TYPE", "a/b"])).toEqual(two);
  });
});
