/**
 * Bundles the CLI (after `tsc` has type-checked and emitted dist/): dist/cli/main.js becomes one ESM
 * entry plus code-split chunks, one per command (the commands are dynamic imports), so a run opens a
 * handful of files instead of ~260 modules. Packages that ship WASM or locate files beside themselves
 * (tree-sitter, h5wasm, 7z) stay external and load only when a file needs them. Chunks sit in
 * dist/cli/ so that `new URL('../../data/…', import.meta.url)` still points at the package's data/.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Sources find data files and packages relative to their own module (`new URL('../../data/x.json',
 * import.meta.url)`, `createRequire(import.meta.url)`). In the bundle every module shares the URL of
 * its chunk, so each source's `import.meta.url` is rewritten to the URL its tsc-emitted twin has
 * (dist/<dir>/<file>.js): relative look-ups resolve exactly as in the unbundled build.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const twin = relative(resolve(ROOT, 'src'), args.path).replace(/\.ts$/, '.js').split('\\').join('/');
      const rel = `../${twin}`; // from dist/cli/<chunk>.js to dist/<twin>
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

// @electric-sql/pglite: ships its WASM build and data files beside its module (aigis serve).
const EXTERNAL = ['@vscode/tree-sitter-wasm', '@tree-sitter-grammars/tree-sitter-hcl', 'h5wasm', '7z-wasm', '@cdktf/hcl2json', '@electric-sql/pglite'];

// Chunks carry content hashes: drop the previous build's so dist/ holds only what main.js imports.
for (const f of await readdir(resolve(ROOT, 'dist/cli'))) if (/^chunk-.*\.js$/.test(f)) await rm(resolve(ROOT, 'dist/cli', f));

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer packages' ESM builds: some UMD builds (jsonc-parser) require() their own files dynamically.
  mainFields: ['module', 'main'],
  target: 'node20',
  external: EXTERNAL,
  // Bundled CommonJS packages (semver, commander) call require() for Node built-ins. The require
  // function is created on the first call: every chunk carries this banner, and createRequire (a
  // Module with its node_modules lookup paths) in each of the ~20 chunks a run opens cost start-up.
  banner: {
    js: "import { createRequire as __aigisCreateRequire } from 'node:module';\nlet __aigisRequire;\nfunction require(id) { return (__aigisRequire ??= __aigisCreateRequire(import.meta.url))(id); }",
  },
  legalComments: 'none',
  plugins: [keepModuleUrls],
  logLevel: 'warning',
  allowOverwrite: true,
});
