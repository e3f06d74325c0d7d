// Maps a path inside a parsed YAML document (as zod reports it) back to line:col, so every
// error points at the offending line. A path that runs past what exists (a missing field)
// points at the deepest node that does exist.
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";

export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface LocatedYaml {
  readonly data: unknown;
  readonly syntaxErrors: ReadonlyArray<{ message: string } & Position>;
  /** `key: true` points at the key of the last segment (for unknown keys). */
  locate(path: readonly PropertyKey[], opts?: { key?: boolean }): Position;
}

export function parseLocatedYaml(text: string): LocatedYaml {
  const lc = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lc, keepSourceTokens: true, prettyErrors: false });
  const pos = (offset: number): Position => lc.linePos(offset);
  const syntaxErrors = doc.errors.map((e) => ({ message: e.message, ...pos(e.pos[0]) }));

  function locate(path: readonly PropertyKey[], opts: { key?: boolean } = {}): Position {
    let node = doc.contents as Node | null;
    let offset = node?.range?.[0] ?? 0;
    for (const [i, seg] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyNode = pair.key as Node;
        offset =
          (last && opts.key ? keyNode.range?.[0] : (pair.value as Node | null)?.range?.[0]) ??
          keyNode.range?.[0] ??
          offset;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof seg === "number" && node.items[seg]) {
        node = node.items[seg] as Node;
        offset = node.range?.[0] ?? offset;
      } else break;
    }
    return pos(offset);
  }

  return { data: syntaxErrors.length ? undefined : doc.toJS(), syntaxErrors, locate };
}
