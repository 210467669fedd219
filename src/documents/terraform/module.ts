/**
 * The module view: every Terraform file of one directory, with variables (tfvars over defaults),
 * locals, resources and the references between them. Rules and discovery read resources through it,
 * so that `var.x` / `local.y` resolve the same way for both.
 */
import type { TfAttribute, TfBlock, TfDocument, TfExpr, TfValue } from './types.js';

export interface TfResource {
  /** `resource` or `data`. */
  mode: 'resource' | 'data';
  type: string;
  name: string;
  /** `aws_s3_bucket.data` / `data.aws_iam_policy_document.x`. */
  address: string;
  /** BOM asset id: `tf:<dir>/<address>` (`tf:<address>` at the target root). */
  assetId: string;
  path: string;
  block: TfBlock;
}

const MAX_EVAL_DEPTH = 32;
/** Values larger than this (elements) are cut, so a hostile `range()`-free literal cannot balloon. */
const MAX_ELEMENTS = 10_000;

export class TfModule {
  readonly resources: TfResource[] = [];
  private readonly byAddress = new Map<string, TfResource>();
  private readonly vars = new Map<string, TfExpr>();
  private readonly locals = new Map<string, TfExpr>();
  private readonly localCache = new Map<string, TfValue>();
  private readonly resolving = new Set<string>();
  private readonly blockRefs = new WeakMap<TfBlock, string[]>();

  constructor(
    readonly dir: string,
    readonly files: TfDocument[],
  ) {
    const prefix = dir ? `${dir}/` : '';
    const tfvars: TfDocument[] = [];
    for (const f of files) {
      if (f.path.endsWith('.tfvars')) {
        tfvars.push(f);
        continue;
      }
      for (const b of f.blocks) {
        if ((b.type === 'resource' || b.type === 'data') && b.labels.length >= 2) {
          const [type, name] = b.labels;
          const address = `${b.type === 'data' ? 'data.' : ''}${type}.${name}`;
          const r: TfResource = { mode: b.type, type, name, address, assetId: `tf:${prefix}${address}`, path: f.path, block: b };
          if (!this.byAddress.has(address)) this.byAddress.set(address, r);
          this.resources.push(r);
        } else if (b.type === 'variable' && b.labels[0] && b.attributes.default && !this.vars.has(b.labels[0])) {
          this.vars.set(b.labels[0], b.attributes.default.expr);
        } else if (b.type === 'locals') {
          for (const [k, a] of Object.entries(b.attributes)) if (!this.locals.has(k)) this.locals.set(k, a.expr);
        }
      }
    }
    // terraform.tfvars, then *.auto.tfvars in name order: later files win, as Terraform loads them.
    const order = (p: string) => (p.endsWith('/terraform.tfvars') || p === 'terraform.tfvars' ? 0 : 1);
    for (const f of tfvars.sort((a, b) => order(a.path) - order(b.path) || a.path.localeCompare(b.path, 'en'))) {
      for (const [k, a] of Object.entries(f.attributes)) this.vars.set(k, a.expr);
    }
  }

  /** Resources of the given types (`resource` mode only unless `data` is asked for). */
  ofType(...types: string[]): TfResource[] {
    return this.resources.filter((r) => r.mode === 'resource' && types.includes(r.type));
  }

  get(address: string): TfResource | undefined {
    return this.byAddress.get(address);
  }

  /** The evaluated value of an attribute or expression; unknown parts stay `${…}` strings. */
  value(a: TfAttribute | TfExpr | undefined): TfValue | undefined {
    if (!a) return undefined;
    return this.evaluate('expr' in a ? a.expr : a, 0);
  }

  /** Addresses of resources and data sources an expression refers to (`aws_iam_role.x`), locals followed. */
  references(a: TfAttribute | TfExpr | undefined, depth = 0): string[] {
    if (!a || depth > 8) return [];
    const e = 'expr' in a ? a.expr : a;
    const out: string[] = [];
    for (const path of traversals(e)) {
      if (path[0] === 'local' && path[1] && this.locals.has(path[1])) out.push(...this.references(this.locals.get(path[1]), depth + 1));
      else if (path[0] === 'var' && path[1] && this.vars.has(path[1])) out.push(...this.references(this.vars.get(path[1]), depth + 1));
      else if (path[0] === 'data' && path.length >= 3) out.push(`data.${path[1]}.${path[2]}`);
      else if (path.length >= 2 && /^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(path[0]) && path[0] !== 'each') out.push(`${path[0]}.${path[1]}`);
    }
    return [...new Set(out)];
  }

  /**
   * The expression behind `local.x` (followed through locals that are themselves `local.y`), or the
   * expression itself: what a `for_each = local.buckets` iterates. Variables are not followed (their
   * defaults cannot refer to resources).
   */
  resolveLocal(e: TfExpr): TfExpr {
    let cur = e;
    for (let i = 0; i < 8; i++) {
      const inner = cur.t === 'tpl' && cur.parts.length === 1 && typeof cur.parts[0] !== 'string' ? cur.parts[0] : cur;
      if (inner.t !== 'ref' || inner.path.length !== 2 || inner.path[0] !== 'local' || inner.text !== `local.${inner.path[1]}`) return inner;
      const next = this.locals.get(inner.path[1]);
      if (!next) return inner;
      cur = next;
    }
    return cur;
  }

  /**
   * Every resource address referenced anywhere in a block (attributes and nested blocks). Rules ask
   * for the same blocks again and again, so the answer is kept per block (callers get a copy).
   */
  blockReferences(block: TfBlock): string[] {
    let refs = this.blockRefs.get(block);
    if (!refs) {
      refs = this.collectBlockReferences(block, 0);
      this.blockRefs.set(block, refs);
    }
    return [...refs];
  }

  private collectBlockReferences(block: TfBlock, depth: number): string[] {
    if (depth > 32) return [];
    const out = new Set<string>();
    for (const a of Object.values(block.attributes)) for (const r of this.references(a)) out.add(r);
    for (const b of block.blocks) for (const r of this.collectBlockReferences(b, depth + 1)) out.add(r);
    return [...out];
  }

  /** Resources elsewhere in the module whose blocks refer to `address`. */
  referrers(address: string): TfResource[] {
    return this.resources.filter((r) => r.address !== address && this.blockReferences(r.block).includes(address));
  }

  private evaluate(e: TfExpr, depth: number): TfValue {
    if (depth > MAX_EVAL_DEPTH) return '${…}';
    switch (e.t) {
      case 'lit':
        return e.v;
      case 'tpl': {
        if (e.parts.length === 1 && typeof e.parts[0] !== 'string') {
          const v = this.evaluate(e.parts[0], depth + 1);
          return v;
        }
        return e.parts.map((p) => (typeof p === 'string' ? p : scalarText(this.evaluate(p, depth + 1)))).join('');
      }
      case 'tuple':
        return e.items.slice(0, MAX_ELEMENTS).map((i) => this.evaluate(i, depth + 1));
      case 'object': {
        const o: Record<string, TfValue> = {};
        for (const { key, value } of e.entries.slice(0, MAX_ELEMENTS)) {
          const k = typeof key === 'string' ? key : scalarText(this.evaluate(key, depth + 1));
          o[k] = this.evaluate(value, depth + 1);
        }
        return o;
      }
      case 'ref': {
        const [root, name] = e.path;
        if (e.path.length === 2 && root === 'var' && this.vars.has(name)) return this.named('var', name, this.vars.get(name)!, depth);
        if (e.path.length === 2 && root === 'local' && this.locals.has(name)) return this.named('local', name, this.locals.get(name)!, depth);
        return `\${${e.text}}`;
      }
      case 'call':
        return this.call(e, depth);
      default:
        return `\${${e.text}}`;
    }
  }

  private named(kind: string, name: string, e: TfExpr, depth: number): TfValue {
    const key = `${kind}.${name}`;
    const cached = this.localCache.get(key);
    if (cached !== undefined) return cached;
    if (this.resolving.has(key)) return `\${${key}}`; // a cycle stays unknown
    this.resolving.add(key);
    const v = this.evaluate(e, depth + 1);
    this.resolving.delete(key);
    this.localCache.set(key, v);
    return v;
  }

  /** The few pure functions that matter for posture (policies, lists); anything else stays unknown. */
  private call(e: Extract<TfExpr, { t: 'call' }>, depth: number): TfValue {
    const args = () => e.args.map((a) => this.evaluate(a, depth + 1));
    switch (e.name) {
      case 'jsonencode': {
        const [v] = args();
        return v === undefined ? `\${${e.text}}` : JSON.stringify(v);
      }
      case 'tolist':
      case 'toset':
      case 'tomap':
      case 'tostring':
      case 'tonumber':
      case 'tobool':
        return args()[0] ?? null;
      case 'lower':
      case 'upper': {
        const [v] = args();
        return typeof v === 'string' && !v.includes('${') ? (e.name === 'lower' ? v.toLowerCase() : v.toUpperCase()) : `\${${e.text}}`;
      }
      case 'concat': {
        const a = args();
        return a.every(Array.isArray) ? (a as TfValue[][]).flat().slice(0, MAX_ELEMENTS) : `\${${e.text}}`;
      }
      case 'merge': {
        const a = args();
        return a.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x)) ? Object.assign({}, ...a) : `\${${e.text}}`;
      }
      default:
        return `\${${e.text}}`;
    }
  }
}

function scalarText(v: TfValue): string {
  if (v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Every traversal (reference path) inside an expression. */
export function traversals(e: TfExpr, depth = 0, out: string[][] = []): string[][] {
  if (depth > MAX_EVAL_DEPTH) return out;
  switch (e.t) {
    case 'ref':
      out.push(e.path);
      break;
    case 'other':
      out.push(...e.refs);
      break;
    case 'tpl':
      for (const p of e.parts) if (typeof p !== 'string') traversals(p, depth + 1, out);
      break;
    case 'tuple':
      for (const i of e.items) traversals(i, depth + 1, out);
      break;
    case 'object':
      for (const { key, value } of e.entries) {
        if (typeof key !== 'string') traversals(key, depth + 1, out);
        traversals(value, depth + 1, out);
      }
      break;
    case 'call':
      for (const a of e.args) traversals(a, depth + 1, out);
      break;
    default:
      break;
  }
  return out;
}
