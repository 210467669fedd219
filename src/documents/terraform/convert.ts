/**
 * The conversion of a flattened Terraform tree (flat-tree.ts) into the typed `TfDocument`: blocks and
 * attributes with their lines, and compact expressions. Node numbers index the flat arrays; text is
 * sliced from the source (tree-sitter indexes a JS string in UTF-16 units) and lines come from the
 * source's newline offsets (tree-sitter counts rows by `\n` alone). Work is bounded: at most
 * MAX_NODES conversion steps, MAX_DEPTH nesting and 10,000 steps per reference search, each with a
 * note or a clipped result.
 */
import { type FlatGrammar, type FlatTree, typeName } from './flat-tree.js';
import type { TfAttribute, TfBlock, TfDocument, TfExpr } from './types.js';

export const MAX_NODES = 2_000_000;
const MAX_DEPTH = 64;

/** Field ids of `object_elem`'s key and value, resolved once per grammar. */
export interface ObjectFields {
  key: number;
  val: number;
}

class Reader {
  private steps = 0;
  private newlines: number[] | undefined;

  constructor(
    private readonly t: FlatTree,
    private readonly g: FlatGrammar,
    private readonly fields: ObjectFields,
    private readonly src: string,
    readonly notes: string[],
  ) {}

  ty(n: number): string {
    return typeName(this.g, this.t.type[n]);
  }

  text(n: number): string {
    return this.src.slice(this.t.start[n], this.t.end[n]);
  }

  /** 1-based line of a UTF-16 offset. */
  line(index: number): number {
    const nl = (this.newlines ??= newlineOffsets(this.src));
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nl[mid] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** Named children, comments left out. */
  named(n: number): number[] {
    const out: number[] = [];
    for (let c = this.t.first[n]; c >= 0; c = this.t.next[c]) if (this.ty(c) !== 'comment') out.push(c);
    return out;
  }

  /** The first named child of type `type`, or -1. */
  find(n: number, type: string): number {
    for (let c = this.t.first[n]; c >= 0; c = this.t.next[c]) if (this.ty(c) === type) return c;
    return -1;
  }

  private fieldChild(n: number, field: number): number {
    for (let c = this.t.first[n]; c >= 0; c = this.t.next[c]) if (this.t.field[c] === field) return c;
    return -1;
  }

  private spend(): boolean {
    if (++this.steps <= MAX_NODES) return true;
    if (this.steps === MAX_NODES + 1) this.notes.push(`node budget of ${MAX_NODES} exceeded; the rest of the file is not read`);
    return false;
  }

  body(body: number, into: { attributes: Record<string, TfAttribute>; blocks: TfBlock[] }, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.notes.push(`blocks nested deeper than ${MAX_DEPTH} at line ${this.line(this.t.start[body])} are not read`);
      return;
    }
    for (const c of this.named(body)) {
      if (!this.spend()) return;
      const type = this.ty(c);
      if (type === 'attribute') {
        const kids = this.named(c);
        const name = kids.length ? this.text(kids[0]) : undefined;
        const e = kids.find((k) => this.ty(k) === 'expression');
        if (name && e !== undefined) {
          setAttribute(into.attributes, { name, line: this.line(this.t.start[c]), endLine: this.line(this.t.end[c]), expr: this.expr(e, depth + 1) });
        }
      } else if (type === 'block') {
        const kids = this.named(c);
        const block: TfBlock = { type: kids.length ? this.text(kids[0]) : '', labels: [], line: this.line(this.t.start[c]), endLine: this.line(this.t.end[c]), attributes: {}, blocks: [] };
        for (let i = 1; i < kids.length; i++) {
          const k = kids[i];
          const kt = this.ty(k);
          if (kt === 'string_lit') block.labels.push(this.stringLit(k));
          else if (kt === 'identifier') block.labels.push(this.text(k));
          else if (kt === 'body') this.body(k, block, depth + 1);
        }
        into.blocks.push(block);
      }
    }
  }

  /** The text of a quoted label or string literal, with HCL escapes decoded. */
  private stringLit(n: number): string {
    for (const k of this.named(n)) if (this.ty(k) === 'template_literal') return unescape(this.text(k));
    return '';
  }

  private other(n: number): TfExpr {
    return { t: 'other', text: clip(this.text(n)), refs: this.refs(n) };
  }

  /** Traversals inside any expression: every `variable_expr` and the `.name` steps that follow it. */
  private refs(n: number): string[][] {
    const { first, next } = this.t;
    const out: string[][] = [];
    const stack = [n];
    let steps = 0;
    while (stack.length && steps++ < 10_000) {
      const c = stack.pop()!;
      if (this.ty(c) === 'variable_expr') {
        const path = [this.text(c)];
        for (let s = next[c]; s >= 0; s = next[s]) {
          const st = this.ty(s);
          if (st !== 'get_attr' && st !== 'index' && st !== 'splat') break;
          if (st === 'get_attr') path.push(this.text(s).replace(/^\./, '').trim());
        }
        out.push(path);
        continue;
      }
      // Children pushed last-first (comments included, as the search always did).
      const at = stack.length;
      for (let k = first[c]; k >= 0; k = next[k]) stack.push(k);
      reverseFrom(stack, at);
    }
    return out;
  }

  /** An `expression` node: a primary term followed by `.attr`, `[index]` and splat steps. */
  expr(n: number, depth: number): TfExpr {
    if (!this.spend() || depth > MAX_DEPTH) return { t: 'other', text: clip(this.text(n)), refs: [] };
    const kids = this.named(n);
    if (!kids.length) return { t: 'other', text: '', refs: [] };
    const head = kids[0];
    if (this.ty(head) === 'conditional') return this.other(n);
    const base = this.term(head, depth);
    if (kids.length === 1) return base;
    if (base.t === 'ref') {
      const path = [...base.path];
      for (let i = 1; i < kids.length; i++) if (this.ty(kids[i]) === 'get_attr') path.push(this.text(kids[i]).replace(/^\./, '').trim());
      return { t: 'ref', path, text: clip(this.text(n)) };
    }
    return this.other(n);
  }

  private term(n: number, depth: number): TfExpr {
    switch (this.ty(n)) {
      case 'literal_value': {
        const v = this.named(n)[0];
        if (v === undefined) return this.other(n);
        switch (this.ty(v)) {
          case 'numeric_lit':
            return { t: 'lit', v: Number(this.text(v)) };
          case 'bool_lit':
            return { t: 'lit', v: this.text(v) === 'true' };
          case 'null_lit':
            return { t: 'lit', v: null };
          case 'string_lit':
            return { t: 'lit', v: this.stringLit(v) };
          default:
            return this.other(n);
        }
      }
      case 'template_expr':
        return this.template(this.named(n)[0] ?? n, depth);
      case 'collection_value': {
        const c = this.named(n)[0];
        const ct = c === undefined ? '' : this.ty(c);
        if (ct === 'tuple') {
          return {
            t: 'tuple',
            items: this.named(c)
              .filter((k) => this.ty(k) === 'expression')
              .map((k) => this.expr(k, depth + 1)),
          };
        }
        if (ct === 'object') {
          const entries: { key: string | TfExpr; value: TfExpr }[] = [];
          for (const el of this.named(c)) {
            if (this.ty(el) !== 'object_elem') continue;
            const k = this.fieldChild(el, this.fields.key);
            const v = this.fieldChild(el, this.fields.val);
            if (k < 0 || v < 0) continue;
            const kk = this.named(k);
            // A bare identifier key (`name = …`) is the key itself, not a reference.
            const key = kk.length === 1 && this.ty(kk[0]) === 'variable_expr' ? this.text(kk[0]) : this.expr(k, depth + 1);
            entries.push({ key, value: this.expr(v, depth + 1) });
          }
          return { t: 'object', entries };
        }
        return this.other(n);
      }
      case 'variable_expr': {
        const text = this.text(n);
        return { t: 'ref', path: [text], text };
      }
      case 'function_call': {
        const kids = this.named(n);
        const name = kids.length ? this.text(kids[0]) : '';
        const args = kids.find((k) => this.ty(k) === 'function_arguments');
        return {
          t: 'call',
          name,
          args:
            args === undefined
              ? []
              : this.named(args)
                  .filter((k) => this.ty(k) === 'expression')
                  .map((k) => this.expr(k, depth + 1)),
          text: clip(this.text(n)),
        };
      }
      case 'expression':
        return this.expr(n, depth + 1);
      default:
        return this.other(n);
    }
  }

  private template(n: number, depth: number): TfExpr {
    if (this.ty(n) === 'heredoc_template') return this.heredoc(n, depth);
    const parts: (string | TfExpr)[] = [];
    for (const k of this.named(n)) {
      const kt = this.ty(k);
      if (kt === 'template_literal') parts.push(unescape(this.text(k)));
      else if (kt === 'template_interpolation') {
        const e = this.named(k).find((x) => this.ty(x) === 'expression');
        if (e !== undefined) parts.push(this.expr(e, depth + 1));
      } else if (kt === 'template_directive') parts.push(this.other(k));
    }
    if (parts.length === 1 && typeof parts[0] === 'string') return { t: 'lit', v: parts[0] };
    if (parts.length === 0) return { t: 'lit', v: '' };
    return { t: 'tpl', parts };
  }

  /**
   * Heredocs are read from the source between the opening line and the closing marker's line (the
   * grammar's literal nodes leave out leading whitespace), with interpolations in between.
   */
  private heredoc(n: number, depth: number): TfExpr {
    const { start, end: endAt } = this.t;
    const raw = this.text(n);
    const base = start[n];
    const kids = this.named(n);
    const idents = kids.filter((k) => this.ty(k) === 'heredoc_identifier');
    if (idents.length < 2) return this.other(n);
    let pos = raw.indexOf('\n', endAt[idents[0]] - base) + 1;
    const end = raw.lastIndexOf('\n', start[idents[idents.length - 1]] - base) + 1;
    if (pos <= 0 || end < pos) return { t: 'lit', v: '' };
    const parts: (string | TfExpr)[] = [];
    for (const k of kids) {
      const kt = this.ty(k);
      if (kt !== 'template_interpolation' && kt !== 'template_directive') continue;
      parts.push(raw.slice(pos, start[k] - base));
      const e = this.named(k).find((x) => this.ty(x) === 'expression');
      parts.push(kt === 'template_interpolation' && e !== undefined ? this.expr(e, depth + 1) : this.other(k));
      pos = endAt[k] - base;
    }
    parts.push(raw.slice(pos, end));
    const out = /^<<-/.test(raw) ? dedent(parts) : parts;
    return out.length === 1 && typeof out[0] === 'string' ? { t: 'lit', v: out[0] } : { t: 'tpl', parts: out };
  }
}

/**
 * Converts a flattened tree of `src` into the document. Notes (budgets, nesting) are appended to
 * `notes`.
 */
export function convert(path: string, src: string, t: FlatTree, g: FlatGrammar, fields: ObjectFields, notes: string[]): TfDocument {
  const r = new Reader(t, g, fields, src, notes);
  const doc: TfDocument = { path, attributes: {}, blocks: [] };
  if (t.size === 0) return doc;
  const body = r.find(0, 'body');
  if (body >= 0) r.body(body, doc, 0);
  return doc;
}

function newlineOffsets(s: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i);
  return out;
}

function reverseFrom(a: number[], from: number): void {
  for (let i = from, j = a.length - 1; i < j; i++, j--) {
    const x = a[i];
    a[i] = a[j];
    a[j] = x;
  }
}

function clip(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/**
 * Stores an attribute under its name. `__proto__ = …` is a legal HCL attribute: a plain assignment
 * would replace the map's prototype (and lose the attribute), so that name is defined as an own property.
 */
export function setAttribute(map: Record<string, TfAttribute>, attr: TfAttribute): void {
  if (attr.name === '__proto__') Object.defineProperty(map, attr.name, { value: attr, enumerable: true, writable: true, configurable: true });
  else map[attr.name] = attr;
}

/** HCL string escapes decoded (`\n`, `\u00e9`, `$${` → `${`); also the old converter's, in test/documents. */
export function unescape(s: string): string {
  if (!s.includes('\\') && !s.includes('$${') && !s.includes('%%{')) return s;
  return s
    .replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/g, (_m, u4: string, u8: string, ch: string) => {
      if (u4 || u8) {
        const cp = parseInt(u4 ?? u8, 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      }
      return ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' } as Record<string, string>)[ch] ?? ch;
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

/** `<<-EOT` heredocs strip the smallest indentation of their literal lines. */
function dedent(parts: (string | TfExpr)[]): (string | TfExpr)[] {
  const lines = parts
    .filter((p): p is string => typeof p === 'string')
    .join('')
    .split('\n')
    .filter((l) => l.trim());
  const min = Math.min(...lines.map((l) => /^[ \t]*/.exec(l)![0].length));
  if (!Number.isFinite(min) || min === 0) return parts;
  const re = new RegExp(`(^|\\n)[ \\t]{0,${min}}`, 'g');
  return parts.map((p) => (typeof p === 'string' ? p.replace(re, '$1') : p));
}
