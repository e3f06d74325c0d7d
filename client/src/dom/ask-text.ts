// A one-field form in a dialog, rather than window.prompt, which blocks and cannot be styled.
import { h } from "./h.ts";

/** Resolves to the trimmed text, or undefined when cancelled or empty. */
export async function askText(title: string, label: string, placeholder = ""): Promise<string | undefined> {
  const input = h("input", { type: "text", required: true, placeholder, "aria-label": label });
  const dialog = h(
    "dialog",
    { class: "dialog", "aria-label": title },
    h(
      "form",
      { method: "dialog" },
      h("h2", {}, title),
      h("p", {}, `${label}:`),
      input,
      h(
        "div",
        { class: "dialog-buttons" },
        h("button", { type: "button", onclick: () => dialog.close() }, "Cancel"),
        h("button", { type: "submit", class: "primary", value: "ok" }, "OK"),
      ),
    ),
  );
  document.body.append(dialog);
  dialog.showModal();
  input.focus();
  await new Promise((r) => dialog.addEventListener("close", r, { once: true }));
  dialog.remove();
  const text = input.value.trim();
  return dialog.returnValue === "ok" && text ? text : undefined;
}
