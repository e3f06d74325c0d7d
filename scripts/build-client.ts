// Bundles the browser client into client/dist: the app, the Monaco editor as a bundle of its
// own (loaded when the editor tab first opens, so the catalog does not parse 3 MB of editor)
// and Monaco's editor worker. A hash of every input is kept next to the output; when it
// matches, nothing is rebuilt, so a warm `npm start` pays a few milliseconds here.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export interface ClientBuild {
  readonly outDir: string;
  /** False when the previous build was still current. */
  readonly built: boolean;
  readonly ms: number;
}

// Everything the bundles are made of: our sources, the shared code, and the dependency tree.
const INPUTS = ["client/src", "client/index.html", "common", "scripts/build-client.ts", "package-lock.json"];
const STAMP = ".inputs-hash";

export function hashClientInputs(root: string): string {
  const hash = createHash("sha256");
  const visit = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else if (!path.endsWith(".test.ts")) {
      hash.update(path.slice(root.length)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  for (const input of INPUTS) visit(join(root, input));
  return hash.digest("hex");
}

export async function buildClient(root: string, opts: { force?: boolean } = {}): Promise<ClientBuild> {
  const started = Date.now();
  const outDir = join(root, "client", "dist");
  const stamp = join(outDir, STAMP);
  const inputs = hashClientInputs(root);
  const current = existsSync(stamp) && readFileSync(stamp, "utf8") === inputs;
  if (current && !opts.force) return { outDir, built: false, ms: Date.now() - started };
  rmSync(outDir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      app: "client/src/main.ts",
      editor: "client/src/editor/monaco-entry.ts",
      "editor.worker": "monaco-editor/editor/editor.worker.js",
    },
    outdir: outDir,
    bundle: true,
    // Monaco 0.5x starts its worker as a module (`await import(url)` in a blob).
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: "linked",
    loader: { ".ttf": "file" },
    assetNames: "assets/[name]-[hash]",
    logLevel: "warning",
  });
  writeFileSync(join(outDir, "index.html"), readFileSync(join(root, "client", "index.html")));
  writeFileSync(stamp, inputs);
  return { outDir, built: true, ms: Date.now() - started };
}

// `node --import tsx scripts/build-client.ts [--force]`: what `npm start` runs before serving.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = resolve(import.meta.dirname, "..");
  buildClient(root, { force: process.argv.includes("--force") }).then(
    (r) => console.log(`[slipway] client ${r.built ? `built in ${r.ms} ms` : "up to date"}`),
    (e: unknown) => {
      console.error(`[slipway] client build failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
