// The learner's identity on My labs: a display name, and carrying these labs to another
// browser (a link, or a code to type there) or taking them over from one.
import type { LearnerView } from "../../../common/learner-views.ts";
import type { LearnerApi } from "../api/learner-api.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";

export function identityPanel(api: LearnerApi, me: LearnerView | null): DocumentFragment {
  const say = h("p", { class: "notice", role: "status", "aria-live": "polite" });
  const name = h("input", {
    type: "text",
    name: "displayName",
    maxlength: 60,
    value: me?.displayName ?? "",
    autocomplete: "nickname",
  });
  const nameForm = h(
    "form",
    { class: "inline-form" },
    h("label", {}, "Display name ", name),
    h("button", { type: "submit" }, "Save"),
  );
  nameForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    api.rename(name.value).then(
      (v) =>
        (say.textContent = v.displayName ? `Saved: you are ${v.displayName}.` : "Saved: no display name."),
      (e: Error) => (say.textContent = `Could not save: ${e.message}`),
    );
  });
  const out = h("div", { class: "link-code" });
  const carry = h(
    "button",
    {
      type: "button",
      disabled: !me,
      onclick: () =>
        void api.link().then(
          ({ code, expiresAt }) => {
            const link = `${location.origin}${location.pathname}${routeHref({ page: "link", code })}`;
            out.replaceChildren(
              h("p", {}, "Open this link in the other browser, once, within ten minutes:"),
              h("p", {}, h("code", { class: "copyable" }, link)),
              h("p", {}, "or enter this code there: ", h("code", { class: "code" }, code)),
              h("p", { class: "muted" }, `Valid until ${new Date(expiresAt).toLocaleTimeString()}.`),
            );
          },
          (e: Error) => (say.textContent = `No code: ${e.message}`),
        ),
    },
    "Use my labs in another browser",
  );
  const code = h("input", {
    type: "text",
    name: "code",
    placeholder: "abcd-efgh-jkmn",
    autocomplete: "off",
    spellcheck: "false",
  });
  const claimForm = h(
    "form",
    { class: "inline-form" },
    h("label", {}, "Code from another browser ", code),
    h("button", { type: "submit" }, "Use these labs here"),
  );
  claimForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (code.value.trim()) location.hash = routeHref({ page: "link", code: code.value.trim() });
  });
  const f = document.createDocumentFragment();
  f.append(
    h("h2", { id: "identity-title" }, "You"),
    h(
      "p",
      { class: "muted" },
      "This browser keeps your labs under an identity of its own; there is no password. Carry it to another browser to continue there.",
    ),
    nameForm,
    carry,
    out,
    claimForm,
    say,
  );
  return f;
}
