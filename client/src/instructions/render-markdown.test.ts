import { describe, expect, it } from "vitest";
import { commandsToType, createMarkdown } from "./render-markdown.ts";

const md = createMarkdown();

describe("step Markdown", () => {
  it("escapes raw HTML instead of passing it through", () => {
    const html = md.render(
      'Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<div>block</div>',
    );
    expect(html).not.toMatch(/<script|<img|<div>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  });

  it("refuses script links and opens others in a new tab", () => {
    const html = md.render(
      "[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) [c](https://docs.docker.com/)",
    );
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toContain(
      '<a href="https://docs.docker.com/" target="_blank" rel="noopener noreferrer">c</a>',
    );
  });

  it("gives shell code blocks Copy and Run, other code Copy only, and escapes their text", () => {
    const html = md.render("```sh\necho '<b>' && docker ps\n```\n\n```yaml\nkey: <v>\n```\n");
    expect(html).toContain("<code class=\"language-sh\">echo '&lt;b&gt;' &amp;&amp; docker ps\n</code>");
    expect(html.match(/class="code-copy"/g)).toHaveLength(2);
    expect(html.match(/class="code-run"/g)).toHaveLength(1);
    expect(md.render('```sh" onclick="x\nls\n```')).not.toContain('onclick="x"');
  });

  it("types each line with Enter, and only the prompted lines of a console block", () => {
    expect(commandsToType("docker ps\ndocker images\n", "sh")).toBe("docker ps\rdocker images\r");
    expect(commandsToType("$ docker ps\nCONTAINER ID  IMAGE\n$ docker rm -f web\n", "console")).toBe(
      "docker ps\rdocker rm -f web\r",
    );
  });
});
