// #/link/<code>: this browser takes over the labs of the learner who made the code. Asked
// first, since it replaces whatever identity this browser had (a link can be sent by anyone).
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";

export class LinkPage implements Page {
  constructor(root: HTMLElement, ctx: AppContext, code: string) {
    ctx.title("Use your labs here");
    const say = h("p", { class: "notice", role: "status", "aria-live": "polite" });
    const button = h("button", { type: "button", class: "primary" }, "Use these labs in this browser");
    button.addEventListener("click", () => {
      button.disabled = true;
      say.textContent = "Linking…";
      ctx.learner.claim(code).then(
        () => (location.hash = routeHref({ page: "my" })),
        (e: Error) => {
          say.textContent = `That did not work: ${e.message}`;
          button.disabled = false;
        },
      );
    });
    root.append(
      topBar(),
      h(
        "main",
        { class: "message-page", id: "main" },
        h("h1", { tabindex: -1 }, "Use your labs in this browser?"),
        h(
          "p",
          {},
          `This browser will show the labs of the learner who made the code ${code}. Labs this browser started under another identity are no longer shown here. Only continue if you made the code yourself.`,
        ),
        h("div", { class: "lab-actions-row" }, button, h("a", { href: "#/" }, "Cancel")),
        say,
      ),
    );
  }

  dispose(): void {}
}
