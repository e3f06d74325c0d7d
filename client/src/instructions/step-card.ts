// One step of the instructions: its text, live status, check results, and (guided mode)
// hints one at a time and the solution behind a confirmation.
import type MarkdownIt from "markdown-it";
import type { CheckResult, StepStatus, StepView } from "../../../common/lab-types.ts";
import { confirmAction } from "../dom/confirm-dialog.ts";
import { h } from "../dom/h.ts";
import { checkResults } from "./check-results.ts";

export interface StepHelp {
  /** Reveals the next hint and resolves to it. */
  hint(stepId: string): Promise<string>;
  /** Null in challenge mode, where solutions are never shown. */
  solution: ((stepId: string) => Promise<string>) | null;
}

const STATUS_TEXT: Record<StepStatus, string> = {
  pending: "to do",
  checking: "checking…",
  passed: "done",
  failed: "not yet",
};

export class StepCard {
  readonly el: HTMLDetailsElement;
  private readonly statusEl = h("span", { class: "step-status" });
  private readonly results = h("div", { class: "step-results" });
  private readonly hints = h("ol", { class: "hints", "aria-label": "Hints" });
  private readonly hintButton = h("button", { type: "button" });
  private readonly solutionEl = h("div", { class: "solution" });
  private readonly solutionButton = h(
    "button",
    { type: "button", onclick: () => void this.showSolution() },
    "Show solution",
  );
  private readonly revealed: string[];
  private current: StepStatus;
  /** Whether the learner has acted on this step: some check passes, it passed once, or they
   *  asked for a check. Until then a failed step is simply "to do", with no unmet checks listed. */
  private acted = false;

  constructor(
    index: number,
    private readonly step: StepView,
    private readonly md: MarkdownIt,
    private readonly help: StepHelp,
  ) {
    this.current = step.status;
    this.revealed = [...step.hints];
    const body = h("div", { class: "markdown" });
    body.innerHTML = md.render(step.bodyMarkdown); // safe: raw HTML is escaped (render-markdown.ts)
    // Step files usually open with their title as a heading; the summary shows it already.
    const first = body.firstElementChild;
    if (first?.tagName === "H1" && first.textContent?.trim() === step.title) first.remove();
    const helpBar = h("div", { class: "step-help" }, this.hints);
    if (step.hintCount > 0) helpBar.append(this.hintButton);
    if (help.solution) helpBar.append(this.solutionButton);
    helpBar.append(this.solutionEl);
    this.el = h(
      "details",
      { class: "step", "data-step": step.id },
      h(
        "summary",
        {},
        h("span", { class: "step-number" }, `${index + 1}`),
        h("span", { class: "step-title" }, step.title),
        this.statusEl,
      ),
      body,
      this.results,
      helpBar,
    );
    this.hintButton.addEventListener("click", () => void this.nextHint());
    this.showHints();
    // Opened before a reload: the server remembers, so it is shown again without asking.
    if (step.solution !== undefined) this.renderSolution(step.solution);
    this.update(step.status, step.results);
  }

  get id(): string {
    return this.step.id;
  }

  get status(): StepStatus {
    return this.current;
  }

  /** The learner pressed "Check now": what is missing is worth showing from now on. */
  asked(): void {
    this.acted = true;
  }

  update(status: StepStatus, results: readonly CheckResult[]): void {
    this.current = status;
    this.acted ||= status === "passed" || results.some((r) => r.pass);
    const shown = status === "failed" && !this.acted ? "pending" : status;
    this.el.dataset.status = status;
    this.el.dataset.shown = shown;
    this.statusEl.textContent = STATUS_TEXT[shown];
    this.results.replaceChildren(results.length > 0 && shown !== "pending" ? checkResults(results) : "");
  }

  private showHints(): void {
    const hints = this.revealed;
    this.hints.replaceChildren(
      ...hints.map((text) => {
        const li = h("li", { class: "markdown", tabindex: -1 });
        li.innerHTML = this.md.renderInline(text);
        return li;
      }),
    );
    const left = this.step.hintCount - hints.length;
    this.hintButton.hidden = left <= 0;
    this.hintButton.textContent = `Show a hint (${hints.length + 1} of ${this.step.hintCount})`;
  }

  private async nextHint(): Promise<void> {
    this.hintButton.disabled = true;
    try {
      this.revealed.push(await this.help.hint(this.step.id));
      this.showHints();
      (this.hints.lastElementChild as HTMLElement | null)?.focus();
    } catch (e) {
      this.hints.append(h("li", { class: "error" }, `No hint: ${(e as Error).message}`));
    } finally {
      this.hintButton.disabled = false;
    }
  }

  private async showSolution(): Promise<void> {
    const ok = await confirmAction(
      "Show the solution?",
      "Trying first teaches more. Viewing the solution is recorded in your progress.",
      "Show solution",
    );
    if (!ok || !this.help.solution) return;
    try {
      this.renderSolution(await this.help.solution(this.step.id));
    } catch (e) {
      this.solutionEl.textContent = `The solution could not be loaded: ${(e as Error).message}`;
    }
  }

  private renderSolution(script: string): void {
    this.solutionButton.hidden = true;
    this.solutionEl.innerHTML = this.md.render(
      `Solution:\n\n\`\`\`\`sh script\n${script.trimEnd()}\n\`\`\`\`\n`,
    );
  }
}
