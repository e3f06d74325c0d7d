import { describe, expect, it } from "vitest";
import { workspacePath } from "./workspace-path.ts";

describe("workspacePath", () => {
  it("normalizes relative paths", () => {
    expect(workspacePath("notes.txt")).toBe("notes.txt");
    expect(workspacePath("./app//src/./main.py/")).toBe("app/src/main.py");
  });

  it.each(["../etc/passwd", "a/../../b", "a/..", "/etc/passwd", "~/x", "", ".", "./", "a\0b", 7, undefined])(
    "refuses %j",
    (raw) => {
      expect(() => workspacePath(raw)).toThrow(expect.objectContaining({ code: "invalid-input" }));
    },
  );

  it("allows dots that are not a parent reference", () => {
    expect(workspacePath(".bashrc")).toBe(".bashrc");
    expect(workspacePath("a/..b/c...")).toBe("a/..b/c...");
  });
});
