import { expect, it } from "vitest";
import type { LabSummary, Track } from "../../../common/lab-types.ts";
import { catalogSections } from "./catalog-sections.ts";

const lab = (id: string): LabSummary => ({
  id,
  title: id,
  summary: "",
  level: "beginner",
  mode: "guided",
  durationMs: 0,
  tags: [],
  covers: [],
  prerequisites: [],
  stepCount: 1,
});
const track = (id: string, labs: string[]): Track => ({ id, title: id, summary: "", labs });
const ids = (s: ReturnType<typeof catalogSections>) =>
  s.map((x) => [x.track?.id ?? "more", x.labs.map((l) => l.id)]);

it("puts each track's labs in the track's order, then the rest, the playground last", () => {
  const labs = ["playground", "networks", "first", "volumes", "broken"].map(lab);
  const tracks = [track("foundations", ["first", "volumes", "networks"]), track("challenges", ["broken"])];
  expect(ids(catalogSections(labs, tracks))).toEqual([
    ["foundations", ["first", "volumes", "networks"]],
    ["challenges", ["broken"]],
    ["more", ["playground"]],
  ]);
});

it("skips labs the server does not offer, leaves out empty tracks, and shows a lab once", () => {
  const labs = ["playground", "first", "extra"].map(lab);
  const tracks = [track("a", ["gone", "first"]), track("b", ["gone"]), track("c", ["first"])];
  expect(ids(catalogSections(labs, tracks))).toEqual([
    ["a", ["first"]],
    ["more", ["extra", "playground"]],
  ]);
  expect(ids(catalogSections(labs, []))).toEqual([["more", ["first", "extra", "playground"]]]);
});
