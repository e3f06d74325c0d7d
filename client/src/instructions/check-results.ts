import type { CheckResult } from "../../../common/lab-types.ts";
import { h } from "../dom/h.ts";

/** A check's outcome as a plain sentence: the check type's `summary` when it gives one, or
 *  the lab's name for the check ("a container called hello is running nginx"). */
function sentence(r: CheckResult): string {
  if (r.summary) return r.summary;
  return r.pass ? `Done: ${r.name}.` : `Not yet: ${r.name}.`;
}

/** Each check as a sentence; a failure's exact expected-vs-actual lines wait behind "Details". */
export function checkResults(results: readonly CheckResult[]): HTMLElement {
  return h(
    "ul",
    { class: "check-results", "aria-label": "Check results" },
    ...results.map((r) =>
      h(
        "li",
        { class: r.pass ? "pass" : "fail" },
        h("span", { class: "check-mark", "aria-hidden": "true" }, r.pass ? "✓" : "•"),
        sentence(r),
        !r.pass && r.errors.length > 0
          ? h(
              "details",
              { class: "check-details" },
              h("summary", {}, "Details"),
              h("ul", { class: "check-errors" }, ...r.errors.map((e) => h("li", {}, h("code", {}, e)))),
            )
          : null,
      ),
    ),
  );
}
