// How "Run in terminal" runs a script (a revealed solution, or any block that starts with
// `#!`): as one command that hands the whole text to a fresh shell. Typed line by line, its
// `set -eu` would change the learner's own shell, and the next failing command would end it.
// The command stays visible at the prompt, so the learner still sees what ran.

/** `bash` when the shebang asks for it; `sh` otherwise (a `#!` line is a comment to both). */
function interpreter(script: string): string {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(script);
  const program = shebang?.[1]?.endsWith("/env") ? shebang[2] : shebang?.[1];
  return program?.split("/").pop() === "bash" ? "bash" : "sh";
}

/** Single quotes keep every character as written; a quote inside becomes '\''. */
export function scriptCommand(script: string): string {
  const body = script.replace(/\n+$/, "").replace(/'/g, `'\\''`);
  return `${interpreter(script)} -c '${body}'`;
}

export function isScript(code: string): boolean {
  return code.startsWith("#!");
}
