/**
 * The reference reading of a Terraform tree, kept for tests only: the straightforward conversion
 * through web-tree-sitter's Node API (namedChildren, childForFieldName, nextNamedSibling, text) that
 * src/documents/terraform/ used before it walked a flat copy of the tree (convert.ts). The
 * differential test parses every Terraform file in the repository and a set of mutated inputs with
 * both and requires the same document and notes; a change to how documents are read belongs in both.
 */
import type * as TS from '@vscode/tree-sitter-wasm';
import { runtime } from '../../src/discovery/code/tree-sitter.js';
import { setAttribute, unescape } from '../../src/documents/terraform/convert.js';
import { firstErrorLine, terraformLanguage } from '../../src/documents/terraform/parse.js';
import type { TfAttribute, TfBlock, TfDocument, TfExpr } from '../../src/documents/terraform/types.js';

const MAX_NODES = 2_000_000;
const MAX_DEPTH = 64;
/** Progress-callback calls allowed per input byte (generous: the parser reports every few hundred steps). */
const TICKS_PER_KB = 64;

let parser: TS.Parser | undefined;
let loading: Promise<void> | undefined;

/** Its own parser instance, so that the two readings never share parser state. */
export function loadReferenceGrammar(): Promise<void> {
  loading ??= (async () => {
    const language = await terraformLanguage();
    const p = new (runtime().Parser)();
    p.setLanguage(language);
    parser = p;
  })();
  return loading;
}

interface Budget {
  nodes: number;
  notes: string[];
}

export function referenceParseTerraform(path: string, text: string): { document?: TfDocument; notes?: string[] } {
  if (!parser) return { notes: ['the Terraform grammar is not loaded'] };
  let ticks = 0;
  const maxTicks = 1000 + Math.ceil(text.length / 1024) * TICKS_PER_KB;
  const cancel = (): boolean => ++ticks > maxTicks;
  const tree = parser.parse(text, null, { progressCallback: cancel as unknown as (s: TS.ParseState) => void });
  if (!tree) return { notes: ['parse cancelled: work budget exceeded'] };
  const budget: Budget = { nodes: 0, notes: [] };
  try {
    const root = tree.rootNode;
    if (root.hasError) budget.notes.push(`syntax error near line ${firstErrorLine(root)}; read as far as the grammar recovers`);
    const doc: TfDocument = { path, attributes: {}, blocks: [] };
    const body = root.namedChildren.find((c) => c?.type === 'body');
    if (body) readBody(body, doc, budget, 0);
    return { document: doc, notes: budget.notes };
  } finally {
    tree.delete();
  }
}


/*
 * Every Node getter is a call into WASM with the node marshalled through linear memory (`type` one
 * call plus a table look-up, `namedChildren` one call and a new Node per child). The conversion asks
 * most nodes for their type several times and their children twice, so both are memoised on the
 * node object (measured: a third of the conversion time on the 2,000-file bench tree).
 */
const TYPE = Symbol('type');
const NAMED = Symbol('named');
type Memo = TS.Node & { [TYPE]?: string; [NAMED]?: TS.Node[] };

function ty(n: TS.Node): string {
  return ((n as Memo)[TYPE] ??= n.type);
}

/** Named children, comments left out (memoised: callers must not change the array). */
function named(n: TS.Node): TS.Node[] {
  return ((n as Memo)[NAMED] ??= n.namedChildren.filter((c): c is TS.Node => !!c && ty(c) !== 'comment'));
}

function spend(b: Budget): boolean {
  if (++b.nodes <= MAX_NODES) return true;
  if (b.nodes === MAX_NODES + 1) b.notes.push(`node budget of ${MAX_NODES} exceeded; the rest of the file is not read`);
  return false;
}

function readBody(body: TS.Node, into: { attributes: Record<string, TfAttribute>; blocks: TfBlock[] }, b: Budget, depth: number): void {
  if (depth > MAX_DEPTH) {
    b.notes.push(`blocks nested deeper than ${MAX_DEPTH} at line ${body.startPosition.row + 1} are not read`);
    return;
  }
  for (const c of named(body)) {
    if (!spend(b)) return;
    if (ty(c) === 'attribute') {
      const kids = named(c);
      const name = kids[0]?.text;
      const e = kids.find((k) => ty(k) === 'expression');
      if (name && e) setAttribute(into.attributes, { name, line: c.startPosition.row + 1, endLine: c.endPosition.row + 1, expr: expr(e, b, depth + 1) });
    } else if (ty(c) === 'block') {
      const kids = named(c);
      const block: TfBlock = { type: kids[0]?.text ?? '', labels: [], line: c.startPosition.row + 1, endLine: c.endPosition.row + 1, attributes: {}, blocks: [] };
      for (const k of kids.slice(1)) {
        if (ty(k) === 'string_lit') block.labels.push(stringLit(k));
        else if (ty(k) === 'identifier') block.labels.push(k.text);
        else if (ty(k) === 'body') readBody(k, block, b, depth + 1);
      }
      into.blocks.push(block);
    }
  }
}

/** The text of a quoted label or string literal, with HCL escapes decoded. */
function stringLit(n: TS.Node): string {
  const lit = named(n).find((k) => ty(k) === 'template_literal');
  return lit ? unescape(lit.text) : '';
}


function other(n: TS.Node): TfExpr {
  return { t: 'other', text: clip(n.text), refs: collectRefs(n) };
}

function clip(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** Traversals inside any expression: every `variable_expr` and the `.name` steps that follow it. */
function collectRefs(n: TS.Node): string[][] {
  const out: string[][] = [];
  const stack: TS.Node[] = [n];
  let steps = 0;
  while (stack.length && steps++ < 10_000) {
    const c = stack.pop()!;
    if (ty(c) === 'variable_expr') {
      const path = [c.text];
      for (let s = c.nextNamedSibling; s && (ty(s) === 'get_attr' || ty(s) === 'index' || ty(s) === 'splat'); s = s.nextNamedSibling) {
        if (ty(s) === 'get_attr') path.push(s.text.replace(/^\./, '').trim());
      }
      out.push(path);
      continue;
    }
    const kids = c.namedChildren; // memoised by the runtime, one WASM call for all of them
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return out;
}

/** An `expression` node: a primary term followed by `.attr`, `[index]` and splat steps. */
function expr(n: TS.Node, b: Budget, depth: number): TfExpr {
  if (!spend(b) || depth > MAX_DEPTH) return { t: 'other', text: clip(n.text), refs: [] };
  const kids = named(n);
  const head = kids[0];
  if (!head) return { t: 'other', text: '', refs: [] };
  if (ty(head) === 'conditional') return other(n);
  const base = term(head, b, depth);
  if (kids.length === 1) return base;
  if (base.t === 'ref') {
    const path = [...base.path];
    for (const k of kids.slice(1)) if (ty(k) === 'get_attr') path.push(k.text.replace(/^\./, '').trim());
    return { t: 'ref', path, text: clip(n.text) };
  }
  return other(n);
}

function term(n: TS.Node, b: Budget, depth: number): TfExpr {
  switch (ty(n)) {
    case 'literal_value': {
      const v = named(n)[0];
      if (!v) return other(n);
      if (ty(v) === 'numeric_lit') return { t: 'lit', v: Number(v.text) };
      if (ty(v) === 'bool_lit') return { t: 'lit', v: v.text === 'true' };
      if (ty(v) === 'null_lit') return { t: 'lit', v: null };
      if (ty(v) === 'string_lit') return { t: 'lit', v: stringLit(v) };
      return other(n);
    }
    case 'template_expr':
      return template(named(n)[0] ?? n, b, depth);
    case 'collection_value': {
      const c = named(n)[0];
      if (c && ty(c) === 'tuple') return { t: 'tuple', items: named(c).filter((k) => ty(k) === 'expression').map((k) => expr(k, b, depth + 1)) };
      if (c && ty(c) === 'object') {
        const entries: { key: string | TfExpr; value: TfExpr }[] = [];
        for (const el of named(c)) {
          if (ty(el) !== 'object_elem') continue;
          const k = el.childForFieldName('key');
          const v = el.childForFieldName('val');
          if (!k || !v) continue;
          const kk = named(k);
          // A bare identifier key (`name = …`) is the key itself, not a reference.
          const key = kk.length === 1 && ty(kk[0]) === 'variable_expr' ? kk[0].text : expr(k, b, depth + 1);
          entries.push({ key, value: expr(v, b, depth + 1) });
        }
        return { t: 'object', entries };
      }
      return other(n);
    }
    case 'variable_expr':
      return { t: 'ref', path: [n.text], text: n.text };
    case 'function_call': {
      const kids = named(n);
      const args = kids.find((k) => ty(k) === 'function_arguments');
      return { t: 'call', name: kids[0]?.text ?? '', args: args ? named(args).filter((k) => ty(k) === 'expression').map((k) => expr(k, b, depth + 1)) : [], text: clip(n.text) };
    }
    case 'expression':
      return expr(n, b, depth + 1);
    default:
      return other(n);
  }
}

function template(n: TS.Node, b: Budget, depth: number): TfExpr {
  if (ty(n) === 'heredoc_template') return heredoc(n, b, depth);
  const parts: (string | TfExpr)[] = [];
  for (const k of named(n)) {
    if (ty(k) === 'template_literal') parts.push(unescape(k.text));
    else if (ty(k) === 'template_interpolation') {
      const e = named(k).find((x) => ty(x) === 'expression');
      if (e) parts.push(expr(e, b, depth + 1));
    } else if (ty(k) === 'template_directive') parts.push(other(k));
  }
  if (parts.length === 1 && typeof parts[0] === 'string') return { t: 'lit', v: parts[0] };
  if (parts.length === 0) return { t: 'lit', v: '' };
  return { t: 'tpl', parts };
}

/**
 * Heredocs are read from the source between the opening line and the closing marker's line (the
 * grammar's literal nodes leave out leading whitespace), with interpolations in between.
 */
function heredoc(n: TS.Node, b: Budget, depth: number): TfExpr {
  const raw = n.text;
  const base = n.startIndex;
  const kids = named(n);
  const idents = kids.filter((k) => ty(k) === 'heredoc_identifier');
  if (idents.length < 2) return other(n);
  let pos = raw.indexOf('\n', idents[0].endIndex - base) + 1;
  const end = raw.lastIndexOf('\n', idents[idents.length - 1].startIndex - base) + 1;
  if (pos <= 0 || end < pos) return { t: 'lit', v: '' };
  const parts: (string | TfExpr)[] = [];
  for (const k of kids) {
    if (ty(k) !== 'template_interpolation' && ty(k) !== 'template_directive') continue;
    parts.push(raw.slice(pos, k.startIndex - base));
    const e = named(k).find((x) => ty(x) === 'expression');
    parts.push(ty(k) === 'template_interpolation' && e ? expr(e, b, depth + 1) : other(k));
    pos = k.endIndex - base;
  }
  parts.push(raw.slice(pos, end));
  const out = /^<<-/.test(raw) ? dedent(parts) : parts;
  return out.length === 1 && typeof out[0] === 'string' ? { t: 'lit', v: out[0] } : { t: 'tpl', parts: out };
}

/** `<<-EOT` heredocs strip the smallest indentation of their literal lines. */
function dedent(parts: (string | TfExpr)[]): (string | TfExpr)[] {
  const lines = parts.filter((p): p is string => typeof p === 'string').join('').split('\n').filter((l) => l.trim());
  const min = Math.min(...lines.map((l) => /^[ \t]*/.exec(l)![0].length));
  if (!Number.isFinite(min) || min === 0) return parts;
  const re = new RegExp(`(^|\\n)[ \\t]{0,${min}}`, 'g');
  return parts.map((p) => (typeof p === 'string' ? p.replace(re, '$1') : p));
}
