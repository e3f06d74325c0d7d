import { expect, it } from "vitest";
import { apiPath } from "./activity-list.ts";

it("shows API paths as a learner knows them: no version prefix, short ids", () => {
  const id = "4e7476aeb78a21b705403591ba9a8494e68ecde7f9a700e379cdabe6c8756870";
  expect(apiPath(`/v1.41/containers/${id}/start`)).toBe("/containers/4e7476aeb78a/start");
  expect(apiPath("/v1.41/containers/json?all=1")).toBe("/containers/json?all=1");
  expect(apiPath("/_ping")).toBe("/_ping");
});
