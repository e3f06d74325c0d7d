// A modal question with buttons, on the native <dialog>: focus is trapped and restored, and
// Escape cancels, without window.confirm's blocking (and browser-styled) box.
import { h } from "./h.ts";

export interface DialogChoice<T> {
  readonly label: string;
  readonly value: T;
  readonly primary?: boolean;
}

/** Resolves to the chosen value, or `cancel` when the dialog is dismissed. */
export function askUser<T>(
  title: string,
  message: string,
  choices: readonly DialogChoice<T>[],
  cancel: T,
): Promise<T> {
  return new Promise((resolve) => {
    let result = cancel;
    const buttons = choices.map((c) =>
      h(
        "button",
        {
          type: "button",
          class: c.primary ? "primary" : undefined,
          onclick: () => {
            result = c.value;
            dialog.close();
          },
        },
        c.label,
      ),
    );
    const dialog = h(
      "dialog",
      { class: "dialog", "aria-labelledby": "dialog-title" },
      h("h2", { id: "dialog-title" }, title),
      h("p", {}, message),
      h("div", { class: "dialog-buttons" }, ...buttons),
    );
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    (buttons.find((_, i) => choices[i]?.primary) ?? buttons[0])?.focus();
  });
}

export async function confirmAction(title: string, message: string, yes: string): Promise<boolean> {
  return askUser(
    title,
    message,
    [
      { label: "Cancel", value: false },
      { label: yes, value: true, primary: true },
    ],
    false,
  );
}
