/**
 * Discovery in source code (Python, JavaScript/TypeScript, Go, Jupyter notebooks), parsed with
 * tree-sitter: AI library imports, model and dataset references, provider clients and endpoints,
 * MCP servers and vector stores.
 */
import type { Analyzer, AnalyzerContext, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import { detectAssets } from './detect.js';
import { detectGoAssets } from './go-detect.js';
import { logicalLines, shellLineAssets, SHELL_HINT } from '../infra/shell-scripts.js';
import { extractFacts } from './facts.js';
import { NotebookError, notebookSource } from './notebook.js';
import { mayYieldAssets } from './prefilter.js';
import { MAX_BRACKET_DEPTH, nestsDeeperThan } from './nesting.js';
import type { Note } from '../../core/model.js';
import { languageOf, parseCode } from './tree-sitter.js';

/** Source files above this size are generated or vendored more often than written; skip them with a note. */
const MAX_CODE_BYTES = 2 * 1024 * 1024;
/**
 * Installed third-party package trees. Their inventory comes from their metadata (`*.dist-info/METADATA`,
 * `node_modules/<name>/package.json`, read by the packages analyzer), so their source is not parsed:
 * in a container image they hold most of the code and most of the parse time, and an import inside
 * a library says nothing about what the application uses.
 */
const INSTALLED_PACKAGES = /(?:^|\/)(?:site-packages|dist-packages|node_modules|bower_components)\//;
const SKIP_PATH = /(?:^|\/)(?:__pycache__|\.venv|venv|\.tox)\//;
/** Go's vendored modules: inventoried from go.mod/go.sum like any installed package tree. */
const GO_VENDOR = /(?:^|\/)vendor\//;
const EXTENSIONS = ['.py', '.pyw', '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.go', '.ipynb'];

export interface CodeAnalyzerOptions {
  /** Parse the source of installed package trees too (site-packages, dist-packages, node_modules); default false. */
  parseInstalledPackages?: boolean;
}

function deepNote(path: string): Note {
  return { level: 'warning', path, message: `bom-code: not parsed, brackets nest more than ${MAX_BRACKET_DEPTH} deep (Python allows 200); no hand-written source nests like that`, source: 'bom-code' };
}

function budgetNote(path: string): Note {
  return { level: 'warning', path, message: 'bom-code: stopped at the syntax-node budget; assets found before it are reported', source: 'bom-code' };
}

export function createCodeAnalyzer(opts: CodeAnalyzerOptions = {}): Analyzer {
  return {
    name: 'bom-code',
    version: 1,
    rules: [],
    wants: { extensions: EXTENSIONS },
    match(f: FileInfo) {
      if (SKIP_PATH.test(f.path) || f.name.endsWith('.min.js') || f.name.endsWith('.d.ts')) return false;
      if (!opts.parseInstalledPackages && (INSTALLED_PACKAGES.test(f.path) || (f.ext === '.go' && GO_VENDOR.test(f.path)))) return false;
      return f.ext === '.ipynb' || languageOf(f.ext) !== undefined;
    },
    async analyze(file, ctx): Promise<AnalyzerResult> {
      if (file.size > MAX_CODE_BYTES) return { notes: [{ level: 'info', path: file.path, message: `bom-code: skipped, ${file.size} bytes is over the ${MAX_CODE_BYTES}-byte limit for source files`, source: 'bom-code' }] };
      const text = await file.text();
      if (text === undefined) return {};
      if (file.ext === '.ipynb') {
        let nb;
        try {
          nb = notebookSource(text);
        } catch (err) {
          if (err instanceof NotebookError) return { notes: [{ level: 'warning', path: file.path, message: `bom-code: notebook skipped: ${err.message}`, source: 'bom-code' }] };
          throw err;
        }
        // Shell escapes (`!docker run … text-generation-inference … --model-id X`, `!ollama pull x`).
        const shell = nb.shellRows.some((r) => SHELL_HINT.test(r.text)) ? logicalLines(nb.shellRows).flatMap((r) => shellLineAssets(r.text, file.path, r.line)) : [];
        if (nb.language !== 'python' || !nb.source.trim() || !mayYieldAssets('python', nb.source)) return { assets: shell };
        if (nestsDeeperThan(nb.source)) return { assets: shell, notes: [deepNote(file.path)] };
        const tree = await parseCode('python', nb.source);
        if (!tree) return { assets: shell };
        try {
          const facts = extractFacts('python', tree, (row) => nb.rowLines[row] ?? nb.rowLines[nb.rowLines.length - 1] ?? 1);
          return { assets: [...detectAssets(facts, file.path, 'python'), ...shell], notes: facts.truncated ? [budgetNote(file.path)] : [] };
        } finally {
          tree.delete();
        }
      }
      const lang = languageOf(file.ext)!;
      const family = lang === 'python' ? 'python' : lang === 'go' ? 'go' : 'js';
      if (!mayYieldAssets(family, text)) return {};
      if (nestsDeeperThan(text)) return { notes: [deepNote(file.path)] };
      const tree = await parseCode(lang, text);
      if (!tree) return {};
      try {
        const facts = extractFacts(lang, tree);
        const assets = family === 'go' ? detectGoAssets(facts, file.path, await ownGoModule(file.path, ctx)) : detectAssets(facts, file.path, family);
        return { assets, notes: facts.truncated ? [budgetNote(file.path)] : [] };
      } finally {
        tree.delete();
      }
    },
  };
}

/**
 * The module the Go file belongs to (the `module` line of the nearest go.mod above it), so that the
 * project's imports of its own packages (`github.com/ollama/ollama/api` inside Ollama) are not
 * taken for a dependency.
 */
async function ownGoModule(path: string, ctx: AnalyzerContext | undefined): Promise<string | undefined> {
  if (!ctx) return undefined;
  const parts = path.split('/');
  for (let n = parts.length - 1; n >= 0 && parts.length - n <= 16; n--) {
    const candidate = [...parts.slice(0, n), 'go.mod'].join('/');
    if (!ctx.exists(candidate)) continue;
    const f = ctx.open(candidate);
    if (!f || f.size > 1024 * 1024) return undefined;
    const text = await f.text();
    return text === undefined ? undefined : /^\s*module\s+"?([^\s"]+)"?/m.exec(text)?.[1];
  }
  return undefined;
}

/** The default: installed package trees are inventoried from their metadata, not parsed. */
export const codeAnalyzer: Analyzer = createCodeAnalyzer();
