import { h } from "./h.ts";

/** Label–value pairs (a lab's level and length, a report's figures) as a description list. */
export function factsList(facts: ReadonlyArray<readonly [string, string]>): HTMLElement {
  return h("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}
