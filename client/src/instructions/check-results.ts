import type { CheckResult } from "../../../common/lab-types.ts";
import { h } from "../dom/h.ts";

/** Each check with pass/fail and, for a failure, its expected-vs-actual lines. */
export function checkResults(results: readonly CheckResult[]): HTMLElement {
  return h(
    "ul",
    { class: "check-results", "aria-label": "Check results" },
    ...results.map((r) =>
      h(
        "li",
        { class: r.pass ? "pass" : "fail" },
        h("span", { class: "check-mark", "aria-hidden": "true" }, r.pass ? "✓" : "✗"),
        h("span", { class: "visually-hidden" }, r.pass ? "Passed: " : "Not yet: "),
        r.name,
        r.errors.length > 0
          ? h("ul", { class: "check-errors" }, ...r.errors.map((e) => h("li", {}, h("code", {}, e))))
          : null,
      ),
    ),
  );
}
