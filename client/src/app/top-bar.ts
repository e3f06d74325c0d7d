import { h } from "../dom/h.ts";

/** The bar over the catalog, my labs and the viewer: the name, home, the learner's own labs,
 *  and the instructor's way in. */
export function topBar(): HTMLElement {
  return h(
    "header",
    { class: "top-bar" },
    h("a", { class: "brand", href: "#/" }, "Slipway"),
    h(
      "nav",
      { "aria-label": "Main" },
      h("a", { href: "#/" }, "Labs"),
      h("a", { href: "#/my" }, "My labs"),
      h("a", { href: "#/join" }, "Join a class"),
      h("a", { href: "#/watch" }, "Watch a session"),
      h("a", { href: "#/classes/new" }, "Run a class"),
    ),
  );
}
