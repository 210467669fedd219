/**
 * Terraform/HCL parser: the tree-sitter Terraform grammar (@tree-sitter-grammars/tree-sitter-hcl, ABI 14)
 * loaded into the tree-sitter runtime the project already ships (@vscode/tree-sitter-wasm, which reads
 * ABI 13–15). The tree is copied into flat arrays in one cursor walk (flat-tree.ts), freed, and the
 * copy converted into the plain `TfDocument` (convert.ts). Work is bounded by counted units, never by
 * time: the parser's progress callback is cancelled after a number of calls proportional to the input,
 * the copy keeps at most MAX_NODES named nodes and the conversion stops after MAX_NODES steps or
 * MAX_DEPTH nesting, each with a note, keeping what it has.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as TS from '@vscode/tree-sitter-wasm';
import { initRuntime, runtime, runtimeModule } from '../../discovery/code/tree-sitter.js';
import { convert, MAX_NODES, type ObjectFields } from './convert.js';
import { checkFastCursor, type FlatGrammar, flatGrammar, flatten } from './flat-tree.js';
import type { TfDocument } from './types.js';

const require = createRequire(import.meta.url);
/** Progress-callback calls allowed per input byte (generous: the parser reports every few hundred steps). */
const TICKS_PER_KB = 64;

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

/** Loads the grammar once per process (about 50 ms); parse() needs it. */
export function loadTerraformGrammar(): Promise<void> {
  loading ??= (async () => {
    await initRuntime();
    const wasm = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
    const language = await runtime().Language.load(readFileSync(wasm));
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
  let ticks = 0;
  const maxTicks = options.maxTicks ?? 1000 + Math.ceil(text.length / 1024) * TICKS_PER_KB;
  const cancel = (): boolean => ++ticks > maxTicks;
  const tree = parser.parse(text, null, { progressCallback: cancel as unknown as (s: TS.ParseState) => void });
  if (!tree) {
    // A cancelled parse is otherwise resumed by the next call, on the next file's text.
    parser.reset();
    return { notes: ['parse cancelled: work budget exceeded'] };
  }
  const notes: string[] = [];
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
