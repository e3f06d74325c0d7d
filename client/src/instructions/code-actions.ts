// The buttons render-markdown puts on code blocks: copy the code, or type it into the
// terminal. One listener on the container serves every block, present and future.
import { commandsToType } from "./render-markdown.ts";
import { scriptCommand } from "./script-command.ts";

export interface TerminalRunner {
  /** Types keys into the learner's shell, as if typed. */
  type(keys: string): void;
  /** Runs one (possibly multi-line) command: pasted, then Enter. */
  command(text: string): void;
}

export function wireCodeActions(container: HTMLElement, run: TerminalRunner): void {
  container.addEventListener("click", (ev) => {
    const button = (ev.target as Element | null)?.closest("button");
    const code = button?.closest(".code-block")?.querySelector("code");
    if (!button || !code) return;
    const text = code.textContent ?? "";
    if (button.classList.contains("code-run") && button.dataset.script !== undefined)
      run.command(scriptCommand(text));
    else if (button.classList.contains("code-run"))
      run.type(commandsToType(text, button.dataset.lang ?? "sh"));
    if (button.classList.contains("code-copy")) void copy(text, button);
  });
}

async function copy(text: string, button: HTMLButtonElement): Promise<void> {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Copy failed: select the text";
  }
  setTimeout(() => (button.textContent = label), 1500);
}
