import type { FileEntry } from "../../../common/workspace-files.ts";
import { h } from "../dom/h.ts";
import type { TreeNode } from "./file-tree.ts";

/** Folders as <details> (keyboard and screen readers know them), files as buttons. */
export function fileTreeView(nodes: readonly TreeNode[], open: (path: string) => void): HTMLElement {
  return h(
    "ul",
    {},
    ...nodes.map((n) =>
      h(
        "li",
        {},
        n.entry.type === "dir"
          ? h("details", {}, h("summary", {}, `${n.name}/`), fileTreeView(n.children, open))
          : h(
              "button",
              {
                type: "button",
                class: `file type-${n.entry.type}`,
                title: describe(n.entry),
                onclick: () => open(n.entry.path),
              },
              n.name,
            ),
      ),
    ),
  );
}

const describe = (e: FileEntry) => `${e.path} (${e.type === "file" ? `${e.size} bytes` : e.type})`;
