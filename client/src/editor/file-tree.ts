// The workspace listing as a tree: folders first, then files, each by name.
import type { FileEntry } from "../../../common/workspace-files.ts";

export interface TreeNode {
  readonly name: string;
  readonly entry: FileEntry;
  readonly children: TreeNode[];
}

export function buildTree(entries: readonly FileEntry[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const byPath = new Map<string, TreeNode>();
  // Parents list before their children in `find` output, but sorting makes it certain.
  for (const entry of [...entries].sort((a, b) => a.path.localeCompare(b.path))) {
    const cut = entry.path.lastIndexOf("/");
    const node: TreeNode = { name: entry.path.slice(cut + 1), entry, children: [] };
    byPath.set(entry.path, node);
    const parent = cut < 0 ? undefined : byPath.get(entry.path.slice(0, cut));
    (parent?.children ?? roots).push(node);
  }
  const order = (nodes: TreeNode[]): TreeNode[] => {
    nodes.sort(
      (a, b) =>
        Number(b.entry.type === "dir") - Number(a.entry.type === "dir") || a.name.localeCompare(b.name),
    );
    for (const n of nodes) order(n.children);
    return nodes;
  };
  return order(roots);
}
