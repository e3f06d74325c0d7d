// What the app needs from the editor bundle. The app never imports Monaco itself; it loads
// dist/editor.js (monaco-entry.ts) by URL and talks to it through this.
export interface CodeEditor {
  /** Shows a file; its language follows from the name. */
  open(path: string, content: string): void;
  close(): void;
  value(): string;
  /** Changed since open() or markSaved(); undo back to the saved text counts as clean. */
  isDirty(): boolean;
  markSaved(): void;
  onChange(listener: () => void): void;
  focus(): void;
  dispose(): void;
}

export type CreateCodeEditor = (host: HTMLElement, onSave: () => void) => CodeEditor;

/** Loads the editor bundle and its stylesheet once; later calls reuse the browser's module. */
export async function loadCodeEditor(): Promise<CreateCodeEditor> {
  const css = new URL("editor.css", document.baseURI).href;
  if (!document.querySelector(`link[href="${css}"]`))
    document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: css }));
  const url = new URL("editor.js", document.baseURI).href;
  const mod = (await import(url)) as { createCodeEditor: CreateCodeEditor };
  return mod.createCodeEditor;
}
