// The left half of a session: the lab's steps with live status, progress, and "Check now".
// Status arrives by itself from the events stream; "Check now" is for the impatient.
import type { CheckReport, SessionLabView } from "../../../common/lab-events.ts";
import type { CheckResult, StepStatus } from "../../../common/lab-types.ts";
import { h } from "../dom/h.ts";
import { type TerminalRunner, wireCodeActions } from "./code-actions.ts";
import { createMarkdown } from "./render-markdown.ts";
import { StepCard, type StepHelp } from "./step-card.ts";

export interface InstructionsOptions {
  readonly check: () => Promise<CheckReport>;
  readonly help: StepHelp;
  readonly run: TerminalRunner;
}

export class InstructionsPanel {
  readonly el: HTMLElement;
  private readonly cards: StepCard[];
  private readonly progress = h("progress", { max: 1, value: 0 });
  private readonly progressText = h("span", { class: "progress-text" });
  private readonly announce = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  private readonly checkButton = h("button", { type: "button", class: "primary" }, "Check now");

  constructor(
    lab: SessionLabView,
    private readonly opts: InstructionsOptions,
  ) {
    const md = createMarkdown();
    this.cards = lab.steps.map((s, i) => new StepCard(i, s, md, opts.help));
    this.progress.max = Math.max(1, this.cards.length);
    this.checkButton.addEventListener("click", () => void this.checkNow());
    const label = lab.lab.mode === "challenge" ? "Tasks" : "Steps";
    this.el = h(
      "section",
      { class: "instructions", "aria-label": "Instructions" },
      h("p", { class: "lab-summary" }, lab.lab.summary),
      h("div", { class: "progress-bar" }, this.progress, this.progressText, this.checkButton),
      h("h2", { class: "visually-hidden" }, label),
      h("div", { class: "steps" }, ...this.cards.map((c) => c.el)),
      this.announce,
    );
    wireCodeActions(this.el, opts.run);
    this.refreshProgress();
    this.openCurrent();
  }

  /** A snapshot (after a reconnect): every step as the server has it now. */
  applyView(view: SessionLabView): void {
    for (const s of view.steps) this.applyStep(s.id, s.status, s.results);
  }

  applyStep(stepId: string, status: StepStatus, results: readonly CheckResult[]): void {
    const card = this.cards.find((c) => c.id === stepId);
    if (!card) return;
    const before = card.status;
    card.update(status, results);
    if (status === "passed" && before !== "passed") {
      this.announce.textContent = `Step ${this.cards.indexOf(card) + 1} done: ${card.el.querySelector(".step-title")?.textContent ?? ""}`;
      this.openCurrent();
    }
    this.refreshProgress();
  }

  async checkNow(): Promise<void> {
    this.checkButton.disabled = true;
    this.checkButton.textContent = "Checking…";
    try {
      for (const c of this.cards) c.asked();
      for (const s of (await this.opts.check()).steps) this.applyStep(s.stepId, s.status, s.results);
    } catch (e) {
      this.announce.textContent = `Checking failed: ${(e as Error).message}`;
    } finally {
      this.checkButton.disabled = false;
      this.checkButton.textContent = "Check now";
    }
  }

  private refreshProgress(): void {
    const done = this.cards.filter((c) => c.status === "passed").length;
    this.progress.value = done;
    this.progressText.textContent = `${done} of ${this.cards.length} done`;
  }

  /** Opens the first step not done yet; the learner's own opening and closing is left alone. */
  private openCurrent(): void {
    const next = this.cards.find((c) => c.status !== "passed");
    if (next) next.el.open = true;
  }
}
