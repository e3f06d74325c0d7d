// What the session header's buttons do: extend, pause, end, submit (challenge), viewer links.
import type { SessionView } from "../api/api-types.ts";
import type { SessionApi } from "../api/session-api.ts";
import { confirmAction } from "../dom/confirm-dialog.ts";
import { showViewerLinks } from "./viewer-links-dialog.ts";

export interface SessionActionsDeps {
  readonly api: SessionApi;
  readonly say: (text: string) => void;
  readonly setDeadline: (at: number) => void;
  readonly disableExtend: (why: string) => void;
  readonly ended: (reason: string) => void;
  readonly paused: (view: SessionView) => void;
  readonly showReport: () => void;
}

const MINUTES = 30;

export class SessionActions {
  constructor(private readonly d: SessionActionsDeps) {}

  async extend(): Promise<void> {
    try {
      const before = (await this.d.api.view()).expiresAt;
      const view = await this.d.api.extend(MINUTES);
      const gained = Date.parse(view.expiresAt) - Date.parse(before);
      this.d.setDeadline(Date.parse(view.expiresAt));
      if (gained >= MINUTES * 60_000) return this.d.say("Extended: the new end time is shown above.");
      // The server caps a session's life; a short gain means the cap was reached.
      const why = "This session has reached the longest time a session may run, so it cannot be extended.";
      this.d.disableExtend(why);
      this.d.say(gained > 0 ? `Extended as far as it goes. ${why}` : why);
    } catch (e) {
      this.d.say(`Could not extend: ${(e as Error).message}`);
    }
  }

  /** Nothing is lost: the sandbox stops and its disk is kept until the learner resumes. */
  async pause(): Promise<void> {
    this.d.say("Pausing: stopping your containers…");
    try {
      this.d.paused(await this.d.api.pause());
    } catch (e) {
      this.d.say(`Could not pause: ${(e as Error).message}`);
    }
  }

  async end(): Promise<void> {
    const ok = await confirmAction(
      "End this session?",
      "Your sandbox, its containers and your files are deleted. This cannot be undone.",
      "End session",
    );
    if (!ok) return;
    await this.d.api.end().catch(() => undefined);
    this.d.ended("you ended it");
  }

  /** Submitting ends the session, so the score is final; the report page shows it. */
  async submit(): Promise<void> {
    const ok = await confirmAction(
      "Submit your work?",
      "Your tasks are checked one last time, then the session ends and you see your score.",
      "Submit",
    );
    if (!ok) return;
    this.d.say("Checking your work…");
    await this.d.api.check().catch(() => undefined);
    await this.d.api.end().catch(() => undefined);
    this.d.showReport();
  }

  /** Read-only links with tokens of their own: handed out and revoked here. */
  viewerLinks(): void {
    showViewerLinks(this.d.api);
  }
}
