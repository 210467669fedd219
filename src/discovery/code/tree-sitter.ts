/**
 * tree-sitter (WASM) for Python, JavaScript, TypeScript and Go. `@vscode/tree-sitter-wasm` ships the
 * runtime and the grammars built together, so the grammar ABI always matches the runtime; nothing is
 * fetched at run time. The runtime and each grammar are loaded once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type * as TS from '@vscode/tree-sitter-wasm';

export type SyntaxNode = TS.Node;
export type SyntaxTree = TS.Tree;
export type CodeLanguage = 'python' | 'javascript' | 'typescript' | 'tsx' | 'go';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;
/**
 * The runtime module, required on first use: its 170 KB of JavaScript are compiled only by runs
 * that parse code or Terraform, not by every start-up.
 */
export function runtime(): typeof TS {
  return (loaded ??= require('@vscode/tree-sitter-wasm') as typeof TS);
}
const wasmDir = (): string => dirname(require.resolve('@vscode/tree-sitter-wasm'));

let init: Promise<void> | undefined;
const parsers = new Map<CodeLanguage, Promise<TS.Parser>>();
/**
 * The options object given to `Parser.init`: the Emscripten runtime adopts it as its `Module`, so once
 * initialised it also carries the WASM exports (`_ts_tree_cursor_*_wasm`, …). Read only through
 * `runtimeModule()`, by code that checks what it uses and has a fallback (documents/terraform/flat-tree.ts).
 */
const moduleObject: { locateFile: (file: string) => string } & Record<string, unknown> = { locateFile: (file: string) => join(wasmDir(), file) };

/** The shared runtime, initialised once; other grammars (Terraform) load into the same runtime. */
export function initRuntime(): Promise<void> {
  if (!init) {
    const flag = wasmTieringFlag(process.execArgv, process.env.NODE_OPTIONS);
    if (flag) setFlagsFromString(flag);
  }
  init ??= runtime().Parser.init(moduleObject);
  return init;
}

/**
 * V8's budget for recompiling a hot WebAssembly function with TurboFan, about 1,000 times its default
 * (1.8 million "bytes executed"). V8 compiles each function with its baseline compiler (Liftoff) and
 * recompiles the hot ones in the background; a grammar's lexer and parse tables make functions so
 * large that TurboFan spends more on them than it saves while parsing a few files: on examples/ai-lab
 * it was a fifth of all instructions of `aigis bom` (valgrind: 3.65 → 2.84 billion with this budget).
 * A scan that parses megabytes of source still gets TurboFan's code, after its first few megabytes,
 * so the cost for large trees is bounded (about +10% on 11 MB of Python parsed in one process).
 * Syntax trees do not depend on the compiler tier.
 */
export const WASM_TIERING_BUDGET = 1_800_000_000;

/**
 * The V8 flag that sets WASM_TIERING_BUDGET, or undefined when the user already chose how WebAssembly
 * is compiled (a `--wasm-tiering-budget`, `--liftoff…`, `--wasm-tier-up` or `--wasm-dynamic-tiering`
 * option of Node).
 */
export function wasmTieringFlag(execArgv: readonly string[], nodeOptions = ''): string | undefined {
  const chosen = /--(?:no-)?(?:liftoff|wasm[-_](?:tiering[-_]budget|tier[-_]up|dynamic[-_]tiering))/;
  if (execArgv.some((a) => chosen.test(a)) || chosen.test(nodeOptions)) return undefined;
  return `--wasm-tiering-budget=${WASM_TIERING_BUDGET}`;
}

/** The runtime's Emscripten module object (see `moduleObject`); meaningful after `initRuntime()`. */
export function runtimeModule(): Readonly<Record<string, unknown>> {
  return moduleObject;
}

/** The parser of a language, created on first use and reused afterwards. */
export function getParser(lang: CodeLanguage): Promise<TS.Parser> {
  let p = parsers.get(lang);
  if (!p) {
    p = (async () => {
      await initRuntime();
      const language = await runtime().Language.load(readFileSync(join(wasmDir(), `tree-sitter-${lang}.wasm`)));
      const parser = new (runtime().Parser)();
      parser.setLanguage(language);
      return parser;
    })();
    parsers.set(lang, p);
  }
  return p;
}

/** Parses source text; the caller must `delete()` the tree (WASM memory) when done. */
export async function parseCode(lang: CodeLanguage, source: string): Promise<SyntaxTree | undefined> {
  const parser = await getParser(lang);
  return parser.parse(source) ?? undefined;
}

/** Language of a file by extension, or undefined. */
export function languageOf(ext: string): CodeLanguage | undefined {
  switch (ext) {
    case '.py':
    case '.pyw':
      return 'python';
    case '.js':
    case '.mjs':
    case '.cjs':
    case '.jsx':
      return 'javascript';
    case '.ts':
    case '.mts':
    case '.cts':
      return 'typescript';
    case '.tsx':
      return 'tsx';
    case '.go':
      return 'go';
    default:
      return undefined;
  }
}
