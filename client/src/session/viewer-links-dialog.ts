// The learner's viewer links: each carries a read-only token of its own (it watches the
// terminal, the steps and the Docker calls; it cannot type or change anything), so handing
// one out never hands out the session, and each can be revoked, which cuts it off at once.
import type { TokenInfo } from "../../../common/session-tokens.ts";
import type { SessionApi } from "../api/session-api.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";

/** The viewer page's address with the token in the fragment: it never reaches a server log. */
export const viewerLink = (id: string, token: string): string =>
  `${location.origin}${location.pathname}${routeHref({ page: "watch", id, term: "term1", token })}`;

export function showViewerLinks(api: SessionApi): void {
  const list = h("ul", { class: "viewer-links", "aria-label": "Viewer links you handed out" });
  const status = h("p", { class: "muted", role: "status", "aria-live": "polite" });
  const name = h("input", {
    type: "text",
    name: "label",
    maxlength: 80,
    id: "viewer-link-label",
    placeholder: "e.g. my teacher",
  });
  const fresh = h("div", { class: "new-viewer-link" });
  const fail = (what: string) => (e: unknown) =>
    (status.textContent = `Could not ${what}: ${(e as Error).message}`);

  const show = (tokens: readonly TokenInfo[]) => {
    list.replaceChildren(...tokens.map((t) => linkItem(t, () => void revoke(t))));
    if (tokens.length === 0) list.append(h("li", { class: "muted" }, "None yet."));
  };
  const revoke = async (t: TokenInfo) => {
    try {
      show(await api.revokeToken(t.id));
      status.textContent = `Revoked ${t.label ?? "the link"}: it stopped working.`;
      fresh.replaceChildren();
    } catch (e) {
      fail("revoke it")(e);
    }
  };
  const create = async () => {
    try {
      const issued = await api.mintViewToken(name.value.trim() || undefined);
      const link = viewerLink(api.id, issued.token);
      const field = h("input", {
        type: "text",
        readonly: true,
        value: link,
        "aria-label": "New viewer link",
      });
      fresh.replaceChildren(h("label", {}, "New viewer link (shown once)"), field);
      field.select();
      // No clipboard on a plain-http address other than localhost: the box is there for that.
      const copied = await (navigator.clipboard?.writeText(link) ?? Promise.reject()).then(
        () => true,
        () => false,
      );
      status.textContent = copied ? "The new link is on your clipboard." : "Copy the new link from the box.";
      show(await api.tokens());
    } catch (e) {
      fail("create a link")(e);
    }
  };

  const dialog = h(
    "dialog",
    { class: "dialog viewer-links-dialog", "aria-labelledby": "viewer-links-title" },
    h("h2", { id: "viewer-links-title" }, "Viewer links"),
    h(
      "p",
      {},
      "Someone with a viewer link can watch your terminal, your progress and your Docker commands. They cannot type, open your files or change anything. Revoke a link to cut it off at once.",
    ),
    h("label", { for: "viewer-link-label" }, "Who is it for? (optional)"),
    name,
    h(
      "div",
      { class: "dialog-buttons" },
      h("button", { type: "button", class: "primary", onclick: () => void create() }, "Create a viewer link"),
    ),
    fresh,
    h("h3", {}, "Links you handed out"),
    list,
    status,
    h(
      "div",
      { class: "dialog-buttons" },
      h("button", { type: "button", onclick: () => dialog.close() }, "Close"),
    ),
  );
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  api.tokens().then(show, fail("list your links"));
}

function linkItem(t: TokenInfo, revoke: () => void): HTMLElement {
  const when = new Date(t.createdAt).toLocaleTimeString();
  const what = t.label ? `${t.label}, made at ${when}` : `made at ${when}`;
  return h(
    "li",
    {},
    h("span", {}, what),
    " ",
    h(
      "button",
      { type: "button", class: "danger", "aria-label": `Revoke the link ${what}`, onclick: revoke },
      "Revoke",
    ),
  );
}
