// The editor tab: the workspace's files on the left, Monaco on the right. Ctrl+S (or Save)
// writes the file with the version it was opened at; if the terminal changed it meanwhile
// the server refuses, and the learner chooses whose text wins.
import { ApiError } from "../api/api-request.ts";
import type { SessionApi } from "../api/session-api.ts";
import { askText } from "../dom/ask-text.ts";
import { askUser } from "../dom/confirm-dialog.ts";
import { h } from "../dom/h.ts";
import { type CodeEditor, loadCodeEditor } from "./code-editor.ts";
import { buildTree } from "./file-tree.ts";
import { fileTreeView } from "./file-tree-view.ts";

interface OpenFile {
  readonly path: string;
  /** The version on disk this text started from; "none" for a file not yet saved. */
  version: string;
}

export class EditorPanel {
  readonly el: HTMLElement;
  private readonly tree = h("div", {
    class: "file-tree",
    role: "navigation",
    "aria-label": "Workspace files",
  });
  private readonly pathLabel = h("span", { class: "file-path" }, "No file open");
  private readonly state = h("span", { class: "save-state", role: "status", "aria-live": "polite" });
  private readonly saveButton = h(
    "button",
    { type: "button", disabled: true, onclick: () => void this.save() },
    "Save",
  );
  private readonly host = h("div", { class: "editor-host" });
  private readonly notice = h("p", { class: "editor-notice", role: "status" }, "Choose a file to edit it.");
  private editor: CodeEditor | undefined;
  private file: OpenFile | undefined;
  private disposed = false;

  constructor(private readonly api: SessionApi) {
    this.el = h(
      "div",
      { class: "editor-panel" },
      h(
        "div",
        { class: "file-pane" },
        h(
          "div",
          { class: "pane-bar" },
          h("button", { type: "button", onclick: () => void this.refresh() }, "Refresh"),
          h("button", { type: "button", onclick: () => void this.newFile() }, "New file"),
        ),
        this.tree,
      ),
      h(
        "div",
        { class: "editor-pane" },
        h("div", { class: "pane-bar" }, this.pathLabel, this.state, this.saveButton),
        this.notice,
        this.host,
      ),
    );
    this.host.hidden = true;
  }

  /** Called whenever the tab is shown: files may have changed in the terminal. */
  async shown(): Promise<void> {
    await this.refresh();
    if (this.file && this.file.version !== "none" && !this.editor?.isDirty())
      await this.open(this.file.path, true);
  }

  dispose(): void {
    this.disposed = true;
    this.editor?.dispose();
  }

  async refresh(): Promise<void> {
    try {
      const { entries, truncated } = await this.api.listFiles();
      this.tree.replaceChildren(fileTreeView(buildTree(entries), (path) => void this.open(path)));
      if (truncated) this.tree.append(h("p", { class: "muted" }, "Only the first 2000 entries are listed."));
    } catch (e) {
      this.tree.replaceChildren(
        h("p", { class: "error" }, `Files could not be listed: ${(e as Error).message}`),
      );
    }
  }

  async open(path: string, quiet = false): Promise<void> {
    if (!quiet && this.file && this.file.path !== path && !(await this.leaveFile())) return;
    try {
      const f = await this.api.readFile(path);
      if (f.kind !== "text") {
        this.showNotice(
          path,
          f.kind === "binary"
            ? `${path} is a binary file; it is not shown here.`
            : `${path} is over 1 MiB; open it in the terminal instead (less, vim).`,
        );
        return;
      }
      const editor = await this.ensureEditor();
      if (this.file?.path === path && this.file.version === f.version && quiet) return;
      editor.open(path, f.content);
      this.file = { path, version: f.version };
      this.showEditor(path);
      if (!quiet) editor.focus();
    } catch (e) {
      this.showNotice(path, `${path} could not be opened: ${(e as Error).message}`);
    }
  }

  async save(): Promise<void> {
    const file = this.file;
    const editor = this.editor;
    if (!file || !editor) return;
    this.setState("Saving…");
    try {
      await this.write(file, editor, file.version);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === "conflict"))
        return this.setState(`Not saved: ${(e as Error).message}`);
      const choice = await askUser(
        "The file changed",
        `${file.path} was changed in the workspace (perhaps from the terminal) since you opened it.`,
        [
          { label: "Keep editing", value: "cancel" },
          { label: "Load the file from disk", value: "reload" },
          { label: "Overwrite it with mine", value: "overwrite", primary: true },
        ],
        "cancel",
      );
      if (choice === "overwrite")
        await this.write(file, editor, undefined).catch((err: Error) =>
          this.setState(`Not saved: ${err.message}`),
        );
      else if (choice === "reload") await this.open(file.path, true);
      else this.setState("Not saved: the file changed on disk");
    }
  }

  private async write(file: OpenFile, editor: CodeEditor, base: string | undefined): Promise<void> {
    const typed = editor.value();
    // Files end with a newline (POSIX text): `cat` then leaves the prompt on a line of its own.
    const text = typed === "" || typed.endsWith("\n") ? typed : `${typed}\n`;
    const saved = await this.api.saveFile(file.path, text, base);
    file.version = saved.version;
    if (editor.value() === typed) editor.markSaved();
    this.setState("Saved");
  }

  private async newFile(): Promise<void> {
    const path = (
      await askText("New file", "Path in your workspace (/home/learner)", "e.g. app/Dockerfile")
    )?.replace(/^\/home\/learner\//, "");
    if (!path || !(await this.leaveFile())) return;
    const editor = await this.ensureEditor();
    editor.open(path, "");
    this.file = { path, version: "none" };
    this.showEditor(path);
    this.setState("New file: save to create it");
    editor.focus();
  }

  /** True when it is fine to replace the open file (nothing unsaved, or the learner said so). */
  private async leaveFile(): Promise<boolean> {
    if (!this.file || !this.editor?.isDirty()) return true;
    return askUser(
      "Unsaved changes",
      `${this.file.path} has changes that are not saved. Discard them?`,
      [
        { label: "Keep editing", value: false },
        { label: "Discard changes", value: true, primary: true },
      ],
      false,
    );
  }

  private async ensureEditor(): Promise<CodeEditor> {
    if (this.editor) return this.editor;
    this.setState("Loading the editor…");
    const create = await loadCodeEditor();
    if (this.disposed) throw new Error("closed");
    this.host.hidden = false;
    this.editor = create(this.host, () => void this.save());
    this.editor.onChange(() => this.setState(this.editor?.isDirty() ? "Modified" : "Saved"));
    this.setState("");
    return this.editor;
  }

  private showEditor(path: string): void {
    this.pathLabel.textContent = path;
    this.notice.hidden = true;
    this.host.hidden = false;
    this.saveButton.disabled = false;
    this.setState("");
  }

  private showNotice(path: string, text: string): void {
    this.pathLabel.textContent = path;
    this.notice.textContent = text;
    this.notice.hidden = false;
    this.host.hidden = true;
    this.saveButton.disabled = true;
    this.file = undefined;
    this.editor?.close();
  }

  private setState(text: string): void {
    this.state.textContent = text;
  }
}
