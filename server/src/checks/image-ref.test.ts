import { describe, expect, it } from "vitest";
import {
  anySameImage,
  familiarName,
  familiarString,
  isImageId,
  parseImageRef,
  sameImage,
  tryImageRef,
} from "./image-ref.ts";

const HEX = "a".repeat(64);
const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;

describe("parseImageRef: Docker's grammar, normalised", () => {
  it.each([
    ["nginx", { domain: "docker.io", path: "library/nginx" }],
    ["nginx:1.22", { domain: "docker.io", path: "library/nginx", tag: "1.22" }],
    ["library/nginx", { domain: "docker.io", path: "library/nginx" }],
    ["docker.io/library/nginx:latest", { domain: "docker.io", path: "library/nginx", tag: "latest" }],
    ["docker.io/nginx", { domain: "docker.io", path: "library/nginx" }],
    ["index.docker.io/library/nginx", { domain: "docker.io", path: "library/nginx" }],
    ["user/repo", { domain: "docker.io", path: "user/repo" }],
    ["user/repo:v2", { domain: "docker.io", path: "user/repo", tag: "v2" }],
    ["localhost:5000/app:1", { domain: "localhost:5000", path: "app", tag: "1" }],
    ["localhost/app", { domain: "localhost", path: "app" }],
    ["ghcr.io/org/team/app", { domain: "ghcr.io", path: "org/team/app" }],
    ["[::1]:5000/app", { domain: "[::1]:5000", path: "app" }],
    ["Registry.Example.com/app", { domain: "Registry.Example.com", path: "app" }],
    [`nginx@${DIGEST}`, { domain: "docker.io", path: "library/nginx", digest: DIGEST }],
    [`nginx:1.22@${DIGEST}`, { domain: "docker.io", path: "library/nginx", tag: "1.22", digest: DIGEST }],
    ["a__b-c---d/e.f_g", { domain: "docker.io", path: "a__b-c---d/e.f_g" }],
    // No registry and no slash: a port-looking suffix is a tag, as in Docker.
    ["localhost:5000", { domain: "docker.io", path: "library/localhost", tag: "5000" }],
  ])("%s", (s, want) => {
    expect(parseImageRef(s)).toEqual(want);
  });

  it.each([
    ["", /at least one component/],
    ["Nginx", /must be lowercase/],
    ["user/Repo:1", /must be lowercase/],
    ["docker.io/Library/nginx", /must be lowercase/],
    [HEX, /64-byte hexadecimal/],
    [`sha256:${HEX}`, /invalid/],
    ["nginx:", /invalid tag/],
    ["nginx:-bad", /invalid tag/],
    [`nginx:${"t".repeat(129)}`, /invalid tag/],
    ["nginx@sha256:abc", /invalid digest/],
    [`nginx@md5:${"a".repeat(32)}`, /unsupported digest algorithm/],
    [`nginx@sha256:${"A".repeat(64)}`, /lowercase hex/],
    ["a//b", /invalid reference format/],
    ["-app", /invalid reference format/],
    ["app_", /invalid reference format/],
    ["bad host!/app", /invalid reference format/],
    // A dot makes the first component a registry, and "_" is not allowed in a host name.
    ["a_b.c/app", /registry/],
    [`${"a".repeat(250)}/app`, /more than 255/],
  ])("rejects %j", (s, message) => {
    expect(() => parseImageRef(s)).toThrow(message);
  });

  it("tells ids from names", () => {
    expect(isImageId(HEX)).toBe(true);
    expect(isImageId(`sha256:${HEX}`)).toBe(true);
    expect(isImageId("nginx")).toBe(false);
    expect(tryImageRef(HEX)).toBeUndefined();
    expect(tryImageRef(undefined)).toBeUndefined();
  });

  it("prints references the way docker does", () => {
    expect(familiarName(parseImageRef("docker.io/library/nginx:1"))).toBe("nginx");
    expect(familiarName(parseImageRef("index.docker.io/user/app"))).toBe("user/app");
    expect(familiarName(parseImageRef("library/a/b"))).toBe("library/a/b");
    expect(familiarString(parseImageRef("localhost:5000/app:1"))).toBe("localhost:5000/app:1");
    expect(familiarString(parseImageRef(`nginx:1@${DIGEST}`))).toBe(`nginx:1@${DIGEST}`);
  });
});

describe("sameImage: a tag or digest is required only where the check names one", () => {
  const same = (want: string, got: string) => sameImage(parseImageRef(want), parseImageRef(got));

  it("accepts every spelling of one repository, and any tag or digest when none is asked for", () => {
    for (const got of [
      "nginx",
      "nginx:latest",
      "nginx:1.22",
      "library/nginx",
      "docker.io/library/nginx:latest",
      "index.docker.io/library/nginx:1.22",
      `nginx@${DIGEST}`,
    ])
      expect(same("nginx", got), got).toBe(true);
  });

  it("requires the tag when the check names one; no tag means latest", () => {
    expect(same("nginx:1.22", "nginx:1.22")).toBe(true);
    expect(same("nginx:1.22", "docker.io/library/nginx:1.22")).toBe(true);
    expect(same("nginx:1.22", "nginx")).toBe(false);
    expect(same("nginx:1.22", "nginx:1.23")).toBe(false);
    expect(same("nginx:latest", "nginx")).toBe(true);
    expect(same("nginx:latest", `nginx@${DIGEST}`)).toBe(false);
  });

  it("requires the digest when the check names one", () => {
    expect(same(`nginx@${DIGEST}`, `nginx:1.22@${DIGEST}`)).toBe(true);
    expect(same(`nginx@${DIGEST}`, "nginx:1.22")).toBe(false);
  });

  it("keeps different repositories and registries apart", () => {
    expect(same("nginx", "nginxinc/nginx")).toBe(false);
    expect(same("nginx", "localhost:5000/nginx")).toBe(false);
    expect(same("localhost:5000/app", "localhost:5000/app:1")).toBe(true);
    expect(same("localhost:5000/app", "localhost:5001/app")).toBe(false);
    expect(same("app", "library/app")).toBe(true);
    expect(same("user/app", "app")).toBe(false);
  });

  it("reads engine lists, skipping what is not a reference", () => {
    const want = parseImageRef("nginx:1.22");
    expect(anySameImage(want, ["<none>:<none>", "nginx:latest", "nginx:1.22"])).toBe(true);
    expect(anySameImage(want, [undefined, "nginx:latest", `nginx@${DIGEST}`])).toBe(false);
  });
});
