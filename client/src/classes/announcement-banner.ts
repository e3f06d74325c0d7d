// The instructor's announcement, over every page of a learner in a class: asked for every
// POLL_MS (a learner without a class gets null, and nothing shows). A new announcement is
// read out once by screen readers (role=status).
import { myClass } from "../api/class-api.ts";

const POLL_MS = 5_000;

export function announcementBanner(): HTMLElement {
  const el = document.createElement("div");
  el.className = "announcement";
  el.setAttribute("role", "status");
  el.hidden = true;
  let shown = "";
  const poll = async () => {
    const c = await myClass().catch(() => null);
    const text = c?.announcement?.text ?? "";
    if (text !== shown) {
      shown = text;
      el.textContent = text ? `${c?.title ?? "Your class"}: ${text}` : "";
      el.hidden = !text;
    }
  };
  void poll();
  setInterval(() => void poll(), POLL_MS);
  return el;
}
