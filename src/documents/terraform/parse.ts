/**
 * Terraform/HCL parser: the tree-sitter Terraform grammar (@tree-sitter-grammars/tree-sitter-hcl, ABI 14)
 * loaded into the tree-sitter runtime the project already ships (@vscode/tree-sitter-wasm, which reads
 * ABI 13–15). The tree is copied into flat arrays in one cursor walk (flat-tree.ts), freed, and the
 * copy converted into the plain `TfDocument` (convert.ts). Work is bounded by counted units, never by
 * time: the parse is cancelled once its progress-callback calls, weighed by what they cost (error
 * recovery, open template contexts: see `parseWork` and structure.ts), exceed a budget proportional to
 * the input — a file whose structure breaks is then read up to the break —, the copy keeps at most
 * MAX_NODES named nodes and the conversion stops after MAX_NODES steps or MAX_DEPTH nesting, each with
 * a note, keeping what it has.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as TS from '@vscode/tree-sitter-wasm';
import { initRuntime, runtime, runtimeModule } from '../../discovery/code/tree-sitter.js';
import { convert, MAX_NODES, type ObjectFields } from './convert.js';
import { checkFastCursor, type FlatGrammar, flatGrammar, flatten } from './flat-tree.js';
import { DEPTH_BLOCK_SHIFT, MAX_TOKENS, scanStructure, type Structure } from './structure.js';
import type { TfDocument } from './types.js';

const require = createRequire(import.meta.url);
/**
 * Work units allowed per KiB of input. tree-sitter calls the progress callback once per 100 parser
 * operations; a call costs 1 unit, plus the weights below. Valid Terraform uses 6–24 units per KiB in
 * the styles measured (42 for dense lists of one-letter names), so a file is stopped after about three
 * times the work a valid file of its size needs.
 */
const UNITS_PER_KB = 64;
/**
 * Extra units of a call made while every parse version is in error recovery (`hasError`): there each
 * operation also tries every token of the grammar, reductions and stack versions, and a call costs
 * about three normal ones (random bytes; the text after a stray `}` or `"`, which tree-sitter then
 * reads as one ERROR node to the end of the file).
 */
const ERROR_WEIGHT = 2;
/**
 * Calls in error recovery allowed per file, whatever its size: there the runtime also holds 20–26 KB of
 * memory per call (about 5 KB in a valid parse) until the parse ends, and its WASM memory cannot grow
 * past 2 GiB — 4 MiB of random bytes, or a 4 MiB file whose first line has a stray `}`, aborted the
 * runtime (and with it every later parse of the process). 8,000 calls are about 200 MB, or 250–400 KiB
 * of text read in recovery; a file with an ordinary syntax error recovers long before.
 */
const MAX_ERROR_CALLS = 8000;
/**
 * Calls allowed past the line where the structure breaks (a block inside an unclosed object or
 * template, structure.ts): from there each recovery copies an ERROR node that grows with the text, so
 * the time is quadratic in it. 1,500 calls are about 120 KiB of text and a second of work; a larger
 * file is then read up to that line only.
 */
const MAX_CALLS_AFTER_BREAK = 1500;
/** Template contexts that valid Terraform reaches; deeper ones are weighed (structure.ts). */
const FREE_DEPTH = 8;
/**
 * Extra units of a call with more than FREE_DEPTH template contexts open: one per 4 contexts (up to the
 * scanner's 127). A call at 126 contexts costs 4–12 normal ones, and its tokens hold up to 1 KB of
 * scanner state each: 33 units keep both time and memory under those of a valid parse.
 */
const depthWeight = (depth: number): number => (depth <= FREE_DEPTH ? 0 : Math.min(depth, 128) / 4);

/** Token types of the grammar: they never have named children. */
const LEAVES = ['comment', 'ellipsis', 'heredoc_identifier', 'identifier', 'null_lit', 'quoted_template_end', 'quoted_template_start', 'strip_marker', 'template_directive_end', 'template_directive_start', 'template_interpolation_end', 'template_interpolation_start'];
/** Read with both cursors once per process; the fast one is used only if they agree (flat-tree.ts). */
const SAMPLE = `# sample
resource "a_b" "c" {
  n = 1.5
  s = "x\${var.y}z"
  l = [true, null, { k = local.v[0].w, "q" : -1 }]
  f = f(a.b, c...) ? [for x in y : x if x != ""] : { for k, v in m : k => v }
  h = <<-EOT
    %{ if a ~}text\${b}%{ endif }
  EOT
  dynamic "d" {
    content { e = each.value.*.id }
  }
}
broken = {
`;

let parser: TS.Parser | undefined;
let grammar: FlatGrammar | undefined;
let fields: ObjectFields | undefined;
let loading: Promise<void> | undefined;
let cursorChecked = false;

let language: Promise<TS.Language> | undefined;

/** The Terraform grammar, loaded into the shared runtime once per process (a parser may be made from it). */
export function terraformLanguage(): Promise<TS.Language> {
  language ??= (async () => {
    await initRuntime();
    const wasm = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
    return runtime().Language.load(readFileSync(wasm));
  })();
  return language;
}

/** Loads the grammar once per process (about 50 ms); parse() needs it. */
export function loadTerraformGrammar(): Promise<void> {
  loading ??= (async () => {
    const language = await terraformLanguage();
    const p = new (runtime().Parser)();
    p.setLanguage(language);
    grammar = flatGrammar(language, { fieldParents: ['object_elem'], leaves: LEAVES });
    fields = { key: language.fieldIdForName('key') ?? -1, val: language.fieldIdForName('val') ?? -1 };
    parser = p;
  })();
  return loading;
}

/**
 * Options are for tests: `portableCursor` reads the tree with web-tree-sitter's TreeCursor even when
 * the fast cursor is on; `maxTicks` replaces the parse budget.
 */
export function parseTerraform(path: string, text: string, options: { portableCursor?: boolean; maxTicks?: number } = {}): { document?: TfDocument; notes?: string[] } {
  if (!parser || !grammar || !fields) return { notes: ['the Terraform grammar is not loaded'] };
  if (!cursorChecked) {
    // On first use rather than at load, so that start-up does not pay for a parse.
    cursorChecked = true;
    const sample = parser.parse(SAMPLE);
    if (sample) {
      checkFastCursor(runtimeModule(), sample, grammar);
      sample.delete();
    }
  }
  const notes: string[] = [];
  const structure = scanStructure(text);
  if (structure.tooLongAt !== undefined) {
    // Read up to the line where the token count passes the cap (structure.ts: memory is per token).
    notes.push(`more than ${MAX_TOKENS} tokens by line ${lineOf(text, structure.tooLongAt)}; the rest of the file is not read`);
    text = text.slice(0, structure.tooLongAt);
  }
  let tree = parser.parse(text, null, { progressCallback: parseWork(text, options.maxTicks, structure) as unknown as (s: TS.ParseState) => void });
  if (!tree) parser.reset(); // a cancelled parse is otherwise resumed by the next call, on the next file's text
  const { brokenAt } = structure;
  if (!tree && brokenAt !== undefined) {
    // Read what comes before the break (what follows it is mostly read as nothing anyway).
    notes.push(`a block opens inside an unclosed object or template at line ${lineOf(text, brokenAt)}; the rest of the file is not read`);
    text = text.slice(0, brokenAt);
    tree = parser.parse(text, null, { progressCallback: parseWork(text, options.maxTicks, { depths: structure.depths }) as unknown as (s: TS.ParseState) => void });
    if (!tree) parser.reset();
  }
  if (!tree) return { notes: [...notes, 'parse cancelled: work budget exceeded'] };
  let flat;
  try {
    const root = tree.rootNode;
    if (root.hasError) notes.push(`syntax error near line ${firstErrorLine(root)}; read as far as the grammar recovers`);
    flat = flatten(tree, grammar, MAX_NODES, options.portableCursor);
  } finally {
    tree.delete();
  }
  if (flat.truncated) notes.push(`node budget of ${MAX_NODES} exceeded; the rest of the file is not read`);
  return { document: convert(path, text, flat, grammar, fields, notes), notes };
}

/** Line number (from 1) of an offset of `text`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The parse budget as a progress callback: returns true (cancel) once the weighted calls exceed
 * `maxUnits` (default: 1000 plus UNITS_PER_KB per KiB), the calls in error recovery MAX_ERROR_CALLS or
 * the calls past the point where the structure breaks MAX_CALLS_AFTER_BREAK. `structure` is the scan of
 * `text` (structure.ts). Offsets are in UTF-16 bytes (the runtime passes the text as UTF-16).
 */
export function parseWork(text: string, maxUnits?: number, structure: Structure = scanStructure(text)): (state: TS.ParseState) => boolean {
  const limit = maxUnits ?? 1000 + Math.ceil(text.length / 1024) * UNITS_PER_KB;
  const { depths } = structure;
  const brokenAt = structure.brokenAt ?? Infinity;
  const last = depths.length - 1;
  let used = 0;
  let inError = 0;
  let afterBreak = 0;
  return (state) => {
    const at = state.currentOffset >> 1;
    used += 1 + depthWeight(depths[Math.min(at >> DEPTH_BLOCK_SHIFT, last)]);
    if (state.hasError) {
      used += ERROR_WEIGHT;
      inError++;
    }
    if (at >= brokenAt) afterBreak++;
    return used > limit || inError > MAX_ERROR_CALLS || afterBreak > MAX_CALLS_AFTER_BREAK;
  };
}

/** Line of the first syntax error of a tree (bounded walk); also the old converter's, in test/documents. */
export function firstErrorLine(root: TS.Node): number {
  const stack: TS.Node[] = [root];
  let steps = 0;
  while (stack.length && steps++ < 100_000) {
    const n = stack.pop()!;
    if (n.type === 'ERROR' || n.isMissing) return n.startPosition.row + 1;
    if (!n.hasError) continue;
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c) stack.push(c);
    }
  }
  return root.startPosition.row + 1;
}
