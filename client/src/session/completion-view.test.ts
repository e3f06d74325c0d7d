import { expect, it } from "vitest";
import { nextInTrack } from "./completion-view.ts";

it("finds the lab after this one in its track", () => {
  const tracks = [
    { id: "basics", title: "Basics", summary: "", labs: ["first-container", "container-lifecycle"] },
    { id: "fix", title: "Fix", summary: "", labs: ["troubleshoot-exit-codes"] },
  ];
  expect(nextInTrack(tracks, "first-container")).toBe("container-lifecycle");
  expect(nextInTrack(tracks, "container-lifecycle")).toBeUndefined();
  expect(nextInTrack(tracks, "playground")).toBeUndefined();
});
