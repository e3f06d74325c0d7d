// Step Markdown to HTML. Lab text is trusted less than our own: raw HTML is escaped, never
// passed through (markdown-it's `html: false`), and links to javascript:/data: are refused
// by markdown-it's link validation. Code blocks get "Copy" and, for shell code, "Run"; a
// block marked `script` after its language, or starting with `#!`, runs as one script.
import MarkdownIt from "markdown-it";
import { isScript } from "./script-command.ts";

const SHELL = new Set(["sh", "bash", "shell", "console", "zsh"]);

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const words = (token?.info ?? "").trim().toLowerCase().split(/\s+/);
    const lang = words[0] ?? "";
    const script = words.includes("script") || isScript(token?.content ?? "") ? " data-script" : "";
    const code = md.utils.escapeHtml(token?.content ?? "");
    const cls = lang ? ` class="language-${md.utils.escapeHtml(lang)}"` : "";
    const run = SHELL.has(lang)
      ? `<button type="button" class="code-run" data-lang="${md.utils.escapeHtml(lang)}"${script}>Run in terminal</button>`
      : "";
    return (
      `<div class="code-block"><pre><code${cls}>${code}</code></pre>` +
      `<div class="code-actions"><button type="button" class="code-copy">Copy</button>${run}</div></div>\n`
    );
  };
  const defaultLink = md.renderer.rules.link_open ?? ((t, i, o, _e, self) => self.renderToken(t, i, o));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]?.attrSet("target", "_blank");
    tokens[idx]?.attrSet("rel", "noopener noreferrer");
    return defaultLink(tokens, idx, options, env, self);
  };
  return md;
}

/** What "Run in terminal" types: the block's lines, or in a `console` block only the lines
 *  after a `$ ` prompt (the rest is sample output). Each line ends with Enter. */
export function commandsToType(code: string, lang: string): string {
  let lines = code.replace(/\n+$/, "").split("\n");
  if (lang === "console") lines = lines.filter((l) => /^\s*\$ /.test(l)).map((l) => l.replace(/^\s*\$ /, ""));
  return lines.map((l) => `${l}\r`).join("");
}
