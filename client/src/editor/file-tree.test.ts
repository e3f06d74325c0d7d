import { expect, it } from "vitest";
import type { FileEntry } from "../../../common/workspace-files.ts";
import { buildTree, type TreeNode } from "./file-tree.ts";

const f = (path: string, type: FileEntry["type"] = "file"): FileEntry => ({ path, type, size: 1 });
const shape = (nodes: TreeNode[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.name]: shape(n.children) } : n.name));

it("nests entries under their folders, folders first", () => {
  const tree = buildTree([
    f("z.txt"),
    f("app/b.py"),
    f("app", "dir"),
    f("a.txt"),
    f("app/lib", "dir"),
    f("app/lib/x.py"),
  ]);
  expect(shape(tree)).toEqual([{ app: [{ lib: ["x.py"] }, "b.py"] }, "a.txt", "z.txt"]);
});
