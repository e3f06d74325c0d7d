// #/join[/<code>]: a learner joins a class with its code and the name the instructor will see.
import { joinClass } from "../api/class-api.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";

export class JoinPage implements Page {
  constructor(root: HTMLElement, ctx: AppContext, code?: string) {
    ctx.title("Join a class");
    const codeIn = h("input", { id: "join-code", required: true, value: code ?? "", autocomplete: "off" });
    const name = h("input", { id: "join-name", required: true, maxlength: 60, autocomplete: "nickname" });
    const say = h("p", { class: "notice", role: "status", "aria-live": "polite" });
    const submit = h("button", { type: "submit", class: "primary" }, "Join");
    const form = h(
      "form",
      { class: "class-form" },
      h("p", {}, h("label", { for: "join-code" }, "Class code"), " ", codeIn),
      h("p", {}, h("label", { for: "join-name" }, "Your name (your instructor sees it)"), " ", name),
      submit,
      say,
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      submit.disabled = true;
      say.textContent = "Joining…";
      joinClass(codeIn.value, name.value).then(
        () => (location.hash = routeHref({ page: "class" })),
        (e: Error) => {
          say.textContent = e.message;
          submit.disabled = false;
        },
      );
    });
    root.append(
      topBar(),
      h("main", { class: "message-page", id: "main" }, h("h1", { tabindex: -1 }, "Join a class"), form),
    );
    (code ? name : codeIn).focus();
  }

  dispose(): void {}
}
