// Turns a TypeScript checker and everything it imports into one plain ES module, so the
// checker process runs it with `node` alone (tsx's loader hooks need worker threads, which
// the process is not allowed) and reads no file but that one. Bundles are kept in memory by
// the content hash of their inputs: a repeated run re-reads and hashes a few small files
// instead of bundling, and an edit to any input (the checker or a helper it imports) makes
// the next run bundle again, which is how `lab dev` sees an edited checker at once.
import { build, type Message } from "esbuild";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";

export type BundleResult =
  { readonly ok: true; readonly code: string } | { readonly ok: false; readonly error: string };

interface Cached {
  /** Absolute path → sha256 of its content when bundled. */
  readonly inputs: ReadonlyMap<string, string>;
  readonly code: string;
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

export class CheckerBundler {
  private readonly cache = new Map<string, Cached>();

  /** `shownFrom` makes paths in error messages relative, e.g. to the lab folder. */
  async bundle(entry: string, shownFrom: string): Promise<BundleResult> {
    const cached = this.cache.get(entry);
    if (cached && (await unchanged(cached.inputs))) return { ok: true, code: cached.code };
    try {
      const built = await bundleModule(entry);
      this.cache.set(entry, built);
      return { ok: true, code: built.code };
    } catch (e) {
      this.cache.delete(entry);
      return { ok: false, error: describeBuildError(e, dirname(entry), shownFrom) };
    }
  }
}

async function unchanged(inputs: ReadonlyMap<string, string>): Promise<boolean> {
  const now = await Promise.all(
    [...inputs].map(async ([path, hash]) => sha256(await readFile(path).catch(() => "")) === hash),
  );
  return now.every(Boolean);
}

/** Bundles one module; also used for the harness. Throws esbuild's errors. */
export async function bundleModule(entry: string, o: { sourcemap?: boolean } = {}): Promise<Cached> {
  const cwd = dirname(entry);
  const out = await build({
    entryPoints: [entry],
    absWorkingDir: cwd,
    bundle: true,
    write: false,
    outfile: "checker.mjs",
    metafile: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Stack traces point at the checker's .ts lines (the process runs with source maps on).
    sourcemap: o.sourcemap === false ? false : "inline",
    // An ES module has no `require`; bundled CommonJS packages still call it for builtins.
    banner: {
      js: `import { createRequire as __slipwayRequire } from "node:module"; const require = __slipwayRequire(import.meta.url);`,
    },
    sourceRoot: `${cwd}/`,
    logLevel: "silent",
  });
  const paths = Object.keys(out.metafile.inputs).map((p) => resolve(cwd, p));
  const hashes = await Promise.all(paths.map(async (p) => [p, sha256(await readFile(p))] as const));
  return { inputs: new Map(hashes), code: out.outputFiles[0]?.text ?? "" };
}

function describeBuildError(e: unknown, cwd: string, shownFrom: string): string {
  const errors = (e as { errors?: Message[] }).errors;
  if (!errors?.length) return `could not be bundled: ${e instanceof Error ? e.message : String(e)}`;
  const at = (m: Message) =>
    m.location
      ? `${relative(shownFrom, resolve(cwd, m.location.file))}:${m.location.line}:${m.location.column + 1}: `
      : "";
  return errors
    .slice(0, 3)
    .map((m) => `${at(m)}${m.text}`)
    .join("; ");
}
