// A line of plain text whose `backticked` parts are code, as lab and track summaries are
// written; text nodes only, so nothing in it is ever read as HTML.
import { h } from "./h.ts";

export function inlineCode(text: string): Array<Node | string> {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith("`") && part.endsWith("`") ? h("code", {}, part.slice(1, -1)) : part,
    );
}
