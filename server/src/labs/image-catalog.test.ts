import { describe, expect, it } from "vitest";
import { catalogRepositories, isCatalogImage } from "./image-catalog.ts";

describe("the image catalog a lab may pre-pull", () => {
  it("is the learner images' repositories from docker/images, and nothing else", () => {
    expect(catalogRepositories()).toContain("hashicorp/http-echo");
    expect(catalogRepositories()).toContain("registry");
    expect(catalogRepositories()).not.toContain("http-echo");
    expect(catalogRepositories()).not.toContain("slipway/engine");
  });

  it.each([
    ["nginx", true],
    ["nginx:1.22", true],
    ["hashicorp/http-echo:1.0", true],
    ["registry:2", true],
    ["http-echo", false],
    ["ngnix", false],
    ["nginx:", false],
    ["docker.io/library/nginx", false],
  ])("%s → %s", (ref, ok) => expect(isCatalogImage(ref)).toBe(ok));
});
