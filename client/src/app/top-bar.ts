import { h } from "../dom/h.ts";

/** The bar over the catalog and the viewer: the name, home, and the instructor's way in. */
export function topBar(): HTMLElement {
  return h(
    "header",
    { class: "top-bar" },
    h("a", { class: "brand", href: "#/" }, "Slipway"),
    h(
      "nav",
      { "aria-label": "Main" },
      h("a", { href: "#/" }, "Labs"),
      h("a", { href: "#/watch" }, "Watch a session"),
    ),
  );
}
