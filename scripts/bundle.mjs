/**
 * Bundles the CLI (after `tsc` has type-checked and emitted dist/): dist/cli/main.js becomes one ESM
 * entry plus code-split chunks, one per command (the commands are dynamic imports) and a few shared
 * ones (GROUPS below), so an empty `aigis scan` opens 7 files instead of ~260 modules. Packages that
 * ship WASM or locate files beside themselves (tree-sitter, h5wasm, 7z) stay external and load only
 * when a file needs them. Chunks sit in dist/cli/ so that `new URL('../../data/…', import.meta.url)`
 * still points at the package's data/.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Groups: the source modules that every command uses (error and exit handling, option parsing, output
 * files), the secrets redaction of free text, and the rest of what a plain `aigis scan` runs (the fast
 * path, the scan command and pipeline, the lazy analyzer registry, the table and JSON formatters) each
 * go into one chunk.
 *
 * esbuild puts each piece of code in the chunk of the set of entry points (the bundle's entry and each
 * dynamic import) that reach it, so modules shared by different sets of commands and analyzers were
 * spread over dozens of small chunks: an empty scan opened 37 files, each a resolution, URL work, a
 * compilation and a link in Node's module loader, which together cost more than the scan itself.
 * Here each module of a group imports first a shared module whose one statement uses the namespace of
 * every module of the group: whoever reaches one of them reaches all, so they share one set of entry
 * points, hence one chunk. Inside a group, dynamic imports of the group's modules become static ones
 * (the code is in the chunk anyway; each would otherwise add a small file that re-exports from it). A
 * command that uses a part of a group loads all of it (the scan group is ~160 KB, compiled lazily by
 * V8); what is outside (the other commands, the analyzers, the other formatters, WASM packages) still
 * loads on demand. Modules that main.ts imports statically stay out of the groups, so that `aigis
 * --version` loads neither, and a group leaves out the modules of the groups before it.
 */
const GROUPS = {
  common: ['src/cli/exit.ts', 'src/cli/options.ts', 'src/cli/report-error.ts', 'src/cli/output.ts', 'src/cli/format-name.ts', 'src/cli/progress.ts', 'src/report/safe-text.ts'],
  // Free-text redaction (the secrets catalogue and its engine): also used by detect, explain and serve.
  redact: ['src/secrets/redact-text.ts'],
  scan: ['src/cli/fast-scan.ts', 'src/analyzers/lazy.ts', 'src/report/json.ts', 'src/report/table.ts'],
};
const ENTRY = 'src/cli/main.ts';

/** Our source files that `roots` import statically, directly or not (read from a metafile of the same build). */
function staticClosure(metafile, roots) {
  const files = new Set();
  const todo = [...roots];
  while (todo.length) {
    const file = todo.pop();
    if (files.has(file) || !file.startsWith('src/')) continue;
    files.add(file);
    for (const i of metafile.inputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) todo.push(i.path);
  }
  return files;
}

/** The group of each source file in a group (absolute path → group name), from the import graph of `metafile`. */
function groupsOf(metafile) {
  const group = new Map();
  const taken = staticClosure(metafile, [ENTRY]);
  for (const [name, roots] of Object.entries(GROUPS)) {
    for (const f of staticClosure(metafile, roots)) {
      if (taken.has(f)) continue;
      taken.add(f);
      group.set(resolve(ROOT, f), name);
    }
  }
  return group;
}

/**
 * Rewrites each source as it loads (`group`: see groupsOf):
 * - `import.meta.url`: sources find data files and packages relative to their own module (`new
 *   URL('../../data/x.json', import.meta.url)`, `createRequire(import.meta.url)`). In the bundle every
 *   module shares the URL of its chunk, so each source's `import.meta.url` is rewritten to the URL its
 *   tsc-emitted twin has (dist/<dir>/<file>.js): relative look-ups resolve exactly as in the unbundled build.
 * - a module of a group imports the group's `aigis-live:` module first, and its `import('./x.js')` of a
 *   module of the same group becomes a static namespace import (see above).
 */
function rewriteSources(group) {
  return {
    name: 'rewrite-sources',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        const original = source;
        if (source.includes('import.meta.url')) {
          const twin = relative(resolve(ROOT, 'src'), args.path).replace(/\.ts$/, '.js').split('\\').join('/');
          const rel = `../${twin}`; // from dist/cli/<chunk>.js to dist/<twin>
          source = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
        }
        const name = group.get(args.path);
        if (name) {
          const hoisted = [`import 'aigis-live:${name}';`];
          source = source.replace(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (call, _q, spec) => {
            if (group.get(resolve(dirname(args.path), spec.replace(/\.js$/, '.ts'))) !== name) return call;
            hoisted.push(`import * as __aigisGroup${hoisted.length} from ${JSON.stringify(spec)};`);
            return `Promise.resolve(__aigisGroup${hoisted.length - 1})`;
          });
          source = `${hoisted.join(' ')}${source}`; // on the first line: line numbers stay
        }
        return source === original ? undefined : { contents: source, loader: 'ts' };
      });
      // aigis-all:<group> imports the namespace of every module of the group; the statement of
      // aigis-live:<group> uses them all, so that every export of the group is live for whoever reaches one
      // of its modules. ESM order: aigis-live runs after aigis-all, its only import, whichever module comes first.
      b.onResolve({ filter: /^aigis-(?:all|live):/ }, (args) => ({ path: args.path.slice(args.path.indexOf(':') + 1), namespace: args.path.slice(0, args.path.indexOf(':')) }));
      b.onLoad({ filter: /.*/, namespace: 'aigis-live' }, (args) => ({
        contents: `import { all } from 'aigis-all:${args.path}';\nif (all.length === 0) throw new Error('empty group');\n`,
        resolveDir: ROOT,
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'aigis-all' }, (args) => {
        const files = [...group].filter(([, g]) => g === args.path).map(([f]) => f).sort();
        const lines = files.map((f, i) => `import * as m${i} from ${JSON.stringify(f)};`);
        return { contents: `${lines.join('\n')}\nexport const all = [${files.map((_f, i) => `m${i}`).join(', ')}];\n`, resolveDir: ROOT, loader: 'js' };
      });
    },
  };
}

// @electric-sql/pglite: ships its WASM build and data files beside its module (aigis serve).
const EXTERNAL = ['@vscode/tree-sitter-wasm', '@tree-sitter-grammars/tree-sitter-hcl', 'h5wasm', '7z-wasm', '@cdktf/hcl2json', '@electric-sql/pglite'];

// Chunks carry content hashes: drop the previous build's so dist/ holds only what main.js imports.
for (const f of await readdir(resolve(ROOT, 'dist/cli'))) if (/^chunk-.*\.js$/.test(f)) await rm(resolve(ROOT, 'dist/cli', f));

const options = {
  entryPoints: { main: ENTRY },
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
  logLevel: 'warning',
  allowOverwrite: true,
};
// A first pass (not written) gives the import graph; the second builds with each group in one chunk.
const { metafile } = await build({ ...options, write: false, metafile: true, plugins: [rewriteSources(new Map())] });
await build({ ...options, plugins: [rewriteSources(groupsOf(metafile))] });
