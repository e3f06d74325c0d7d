// The editor bundle (dist/editor.js): Monaco with the features and languages a Docker lab
// needs, not all eighty. The app loads it the first time the editor tab opens.
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/features/codicon/register.js";
import "monaco-editor/features/bracketMatching/register.js";
import "monaco-editor/features/clipboard/register.js";
import "monaco-editor/features/comment/register.js";
import "monaco-editor/features/contextmenu/register.js";
import "monaco-editor/features/find/register.js";
import "monaco-editor/features/folding/register.js";
import "monaco-editor/features/hover/register.js";
import "monaco-editor/features/indentation/register.js";
import "monaco-editor/features/linesOperations/register.js";
import "monaco-editor/features/multicursor/register.js";
import "monaco-editor/features/wordHighlighter/register.js";
import "monaco-editor/languages/definitions/dockerfile/register.js";
import "monaco-editor/languages/definitions/ini/register.js";
import "monaco-editor/languages/definitions/javascript/register.js";
import "monaco-editor/languages/definitions/markdown/register.js";
import "monaco-editor/languages/definitions/python/register.js";
import "monaco-editor/languages/definitions/shell/register.js";
import "monaco-editor/languages/definitions/xml/register.js";
import "monaco-editor/languages/definitions/yaml/register.js";
import type { CodeEditor } from "./code-editor.ts";

// Monaco asks where its worker is; the build emits it next to this bundle.
self.MonacoEnvironment = { getWorkerUrl: () => new URL("editor.worker.js", import.meta.url).href };

export function createCodeEditor(host: HTMLElement, onSave: () => void): CodeEditor {
  const editor = monaco.editor.create(host, {
    automaticLayout: true,
    theme: "vs-dark", // the page is dark (app.css)
    fontSize: 14,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, onSave);
  let savedAt = 0;
  return {
    open(path, content) {
      editor.getModel()?.dispose();
      const model = monaco.editor.createModel(content, undefined, monaco.Uri.file(`/workspace/${path}`));
      editor.setModel(model);
      savedAt = model.getAlternativeVersionId();
    },
    close() {
      editor.getModel()?.dispose();
      editor.setModel(null);
    },
    value: () => editor.getValue(),
    isDirty: () => (editor.getModel()?.getAlternativeVersionId() ?? savedAt) !== savedAt,
    markSaved() {
      savedAt = editor.getModel()?.getAlternativeVersionId() ?? 0;
    },
    onChange: (listener) => void editor.onDidChangeModelContent(() => listener()),
    focus: () => editor.focus(),
    dispose() {
      editor.getModel()?.dispose();
      editor.dispose();
    },
  };
}
