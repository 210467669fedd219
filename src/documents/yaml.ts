/**
 * Multi-document YAML with line numbers, for Kubernetes manifests, docker-compose files and other
 * YAML configs. Broken documents become notes; the valid documents of the same file are returned.
 *
 * Memory: the `yaml` library's AST (a node object per scalar, with ranges, plus the CST it was
 * composed from) is many times the size of the text; `parseAllDocuments` holds every document's AST
 * at once, and a `lineOf` closure over a Document kept all of them alive for the whole scan (and
 * now past it, since posture documents are collected for the whole-target stage). A 3.5 MB release
 * bundle cost 268 MB. Here the documents are composed one at a time from the token stream, each is
 * turned into plain JS plus a compact line table (one small record per map and sequence), and its
 * AST is dropped before the next one is composed. `skip` lets a caller drop documents it does not
 * want (a CustomResourceDefinition's megabyte of schema) before the JS conversion.
 */
import type { Parser as FileParser } from '../core/analyzer.js';
import { Composer, isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser, type Document, type Node, type ParsedNode } from 'yaml';

export type YamlPath = (string | number)[];

export interface YamlDoc {
  value: unknown;
  /** 1-based line of the node at a path (falls back to the nearest existing ancestor, then the document start). */
  lineOf(path: YamlPath): number;
  startLine: number;
}

export interface YamlParse {
  docs: YamlDoc[];
  errors: string[];
  /** Library warnings (e.g. Helm templates: "Keys with collection values will be stringified"): notes, never stderr. */
  warnings?: string[];
}

export interface YamlOptions {
  maxDocs?: number;
  /** Called with the raw text of each document before it is parsed; true drops it (cheapest). */
  skipText?(text: string): boolean;
  /** Called with the document's top-level map before conversion; true drops the document. */
  skip?(top: { get(key: string): unknown }): boolean;
}

/**
 * Line of each member of a converted map (by key: the key's line, where a reader looks) or
 * sequence (by index). Kept beside the JS value, keyed by the object itself, so it lives exactly
 * as long as the document does.
 */
const LINES = new WeakMap<object, Map<string, number> | number[]>();

export function parseYamlDocs(text: string, opts: YamlOptions | number = {}): YamlParse {
  const { maxDocs = 1000, skip, skipText } = typeof opts === 'number' ? { maxDocs: opts } : opts;
  const docs: YamlDoc[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const result = () => ({ docs, errors, warnings: [...new Set(warnings)].slice(0, 10) });
  let seen = 0;
  for (const chunk of chunks(text)) {
    if (skipText?.(chunk.text)) {
      seen++;
      continue;
    }
    const lc = new LineCounter();
    const parser = new Parser(lc.addNewLine);
    const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
    const lineAt = (offset: number) => lc.linePos(offset).line + chunk.line - 1;
    for (const d of composer.compose(parser.parse(chunk.text), true, chunk.text.length)) {
      if (++seen > maxDocs) return result();
      if (d.errors.length) {
        const e = d.errors[0];
        errors.push(`${e.message.split('\n')[0]} (line ${lineAt(e.pos[0])})`);
        continue;
      }
      if (skip && isMap(d.contents) && skip({ get: (k) => (d.contents as { get(k: string): unknown }).get(k) })) continue;
      const doc = toYamlDoc(d, lineAt, errors, warnings);
      if (doc) docs.push(doc);
    }
  }
  return result();
}

/**
 * The yaml library reports some problems from toJS through process.emitWarning, i.e. on stderr.
 * toJS is synchronous, so swapping the function for its duration collects exactly its warnings.
 */
function captureWarnings<T>(fn: () => T, into: string[]): T {
  const original = process.emitWarning;
  process.emitWarning = ((w: string | Error) => {
    into.push(typeof w === 'string' ? w : w.message);
  }) as typeof process.emitWarning;
  try {
    return fn();
  } finally {
    process.emitWarning = original;
  }
}

/**
 * The text split at document markers (`---` at the start of a line, which YAML forbids inside any
 * scalar, so the split is exact), so that each document's tokens and AST are garbage before the next
 * one is read; a directive (`%YAML`) stays with the document it introduces.
 */
function* chunks(text: string): Generator<{ text: string; line: number }> {
  const re = /^---(?=[ \t]|\r?$)/gm;
  let start = 0;
  let line = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index === start) continue;
    // Directive lines (`%YAML 1.2`) at the end of a chunk belong to the document that follows.
    const tail = /(?:^|\n)((?:%[^\n]*\n|#[^\n]*\n|[ \t]*\r?\n)*)$/.exec(text.slice(start, m.index));
    const cut = tail && /^%/m.test(tail[1]) ? m.index - tail[1].length : m.index;
    if (cut === start) continue;
    const before = text.slice(start, cut);
    yield { text: before, line };
    line += countLines(before);
    start = cut;
  }
  yield { text: text.slice(start), line };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function toYamlDoc(d: Document.Parsed, lineAt: (offset: number) => number, errors: string[], warnings: string[]): YamlDoc | undefined {
  let value: unknown;
  try {
    value = captureWarnings(() => d.toJS({ maxAliasCount: 100 }), warnings);
  } catch (err) {
    errors.push(err instanceof Error ? err.message : String(err));
    return undefined;
  }
  const line = (n: Node | null | undefined): number | undefined => (n && n.range ? lineAt(n.range[0]) : undefined);
  const startLine = (isNode(d.contents) && line(d.contents)) || 1;
  record(d.contents, value, line, 0);
  return { value, startLine, lineOf: (path) => lineOfPath(value, path, startLine) };
}

/** Walks the AST beside its JS value and records member lines (aliases and merges are not followed). */
function record(node: ParsedNode | null, value: unknown, line: (n: Node) => number | undefined, depth: number): void {
  if (!node || depth > 200 || value === null || typeof value !== 'object' || isAlias(node)) return;
  if (isMap(node) && !Array.isArray(value) && !(value instanceof Map)) {
    if (LINES.has(value)) return;
    const lines = new Map<string, number>();
    LINES.set(value, lines);
    const obj = value as Record<string, unknown>;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const l = line(pair.key);
      if (l !== undefined && !lines.has(key)) lines.set(key, l);
      if (Object.prototype.hasOwnProperty.call(obj, key)) record(pair.value as ParsedNode | null, obj[key], line, depth + 1);
    }
  } else if (isSeq(node) && Array.isArray(value)) {
    if (LINES.has(value)) return;
    const lines: number[] = [];
    LINES.set(value, lines);
    node.items.forEach((item, i) => {
      const l = isNode(item) ? line(item) : undefined;
      if (l !== undefined) lines[i] = l;
      record(item as ParsedNode, value[i], line, depth + 1);
    });
  }
}

/** Line of the deepest existing member along `path`. */
export function lineOfPath(root: unknown, path: YamlPath, fallback: number): number {
  let best = fallback;
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') break;
    const lines = LINES.get(cur);
    const l = lines instanceof Map ? lines.get(String(key)) : Array.isArray(lines) && typeof key === 'number' ? lines[key] : undefined;
    if (l === undefined) break;
    best = l;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return best;
}

/** Line of a member of any converted object (for documents handed around without their YamlDoc). */
export function memberLine(obj: unknown, key: string | number): number | undefined {
  if (obj === null || typeof obj !== 'object') return undefined;
  const lines = LINES.get(obj);
  return lines instanceof Map ? lines.get(String(key)) : Array.isArray(lines) && typeof key === 'number' ? lines[key] : undefined;
}

/** The memoised plain-YAML parser (GitHub workflows, Helm values): every document of a file. */
export const yamlDocsParser: FileParser<YamlParse> = {
  id: 'yaml-docs',
  parse: ({ text }) => (text === undefined ? { docs: [], errors: ['binary content'] } : parseYamlDocs(text)),
};
