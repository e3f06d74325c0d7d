// #/classes/new: an instructor makes a class from labs (ticked in catalog order) or a track.
// The key comes back once: it is kept for this tab and shown on the dashboard with a warning.
import type { LabSummary, Track } from "../../../common/lab-types.ts";
import { apiRequest } from "../api/api-request.ts";
import { createClass, instructorKeys } from "../api/class-api.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";

export class ClassNewPage implements Page {
  constructor(root: HTMLElement, ctx: AppContext) {
    ctx.title("Run a class");
    const title = h("input", { id: "class-title", required: true, maxlength: 120, value: "" });
    const capacity = h("input", { id: "class-capacity", type: "number", min: 1, max: 500, value: 30 });
    const stuck = h("input", { id: "class-stuck", type: "number", min: 0.05, step: "any", value: 10 });
    const hints = h("input", { id: "class-hints", type: "checkbox", checked: true });
    const solutions = h("input", { id: "class-solutions", type: "checkbox", checked: true });
    const track = h("select", { id: "class-track" }, h("option", { value: "" }, "— or pick labs below —"));
    const labs = h("fieldset", { class: "class-labs" }, h("legend", {}, "Labs"));
    const say = h("p", { class: "notice", role: "status", "aria-live": "polite" });
    const submit = h("button", { type: "submit", class: "primary" }, "Create the class");
    const field = (label: string, input: HTMLElement) =>
      h("p", {}, h("label", { for: input.id }, label), " ", input);
    const form = h(
      "form",
      { class: "class-form" },
      field("Title", title),
      field("Track", track),
      labs,
      field("Capacity", capacity),
      field("Stuck after (minutes without a passed step)", stuck),
      h("p", {}, hints, " ", h("label", { for: "class-hints" }, "Hints allowed")),
      h("p", {}, solutions, " ", h("label", { for: "class-solutions" }, "Solutions allowed")),
      submit,
      say,
    );
    void Promise.all([
      apiRequest<LabSummary[]>("GET", "/api/labs"),
      apiRequest<Track[]>("GET", "/api/tracks"),
    ]).then(([all, tracks]) => {
      for (const t of tracks) track.append(h("option", { value: t.id }, t.title));
      for (const l of all)
        labs.append(
          h(
            "label",
            { class: "class-lab" },
            h("input", { type: "checkbox", name: "lab", value: l.id }),
            ` ${l.title}`,
          ),
        );
    });
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const picked = [...labs.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
      submit.disabled = true;
      say.textContent = "Creating…";
      createClass({
        title: title.value,
        ...(track.value ? { track: track.value } : { labs: picked }),
        capacity: Number(capacity.value),
        stuckAfterMinutes: Number(stuck.value),
        hintsAllowed: hints.checked,
        solutionsAllowed: solutions.checked,
      }).then(
        (made) => {
          instructorKeys.set(made.class.id, made.instructorKey);
          sessionStorage.setItem(`slipway.class.${made.class.id}.new`, "1");
          location.hash = routeHref({ page: "dashboard", id: made.class.id });
        },
        (e: Error) => {
          say.textContent = `Could not create it: ${e.message}`;
          submit.disabled = false;
        },
      );
    });
    root.append(
      topBar(),
      h("main", { class: "message-page", id: "main" }, h("h1", { tabindex: -1 }, "Run a class"), form),
    );
  }

  dispose(): void {}
}
