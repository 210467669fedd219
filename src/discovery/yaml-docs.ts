/**
 * Multi-document YAML with line numbers (the `yaml` library's LineCounter), for Kubernetes
 * manifests, docker-compose files and other YAML configs. Broken documents become notes; the valid
 * documents of the same file are still returned.
 */
import { LineCounter, parseAllDocuments, isMap, isNode, isScalar, type Document } from 'yaml';

export interface YamlDoc {
  value: unknown;
  /** 1-based line of the node at a path (falls back to the nearest existing ancestor, then the document start). */
  lineOf(path: (string | number)[]): number;
  startLine: number;
}

export interface YamlParse {
  docs: YamlDoc[];
  errors: string[];
  /** Library warnings (e.g. Helm templates: "Keys with collection values will be stringified"): notes, never stderr. */
  warnings?: string[];
}

export function parseYamlDocs(text: string, maxDocs = 1000): YamlParse {
  const lc = new LineCounter();
  const all = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(all) ? all : [];
  const docs: YamlDoc[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const d of list.slice(0, maxDocs)) {
    if (d.errors.length) {
      const e = d.errors[0];
      errors.push(`${e.message.split('\n')[0]} (line ${lc.linePos(e.pos[0]).line})`);
      continue;
    }
    let value: unknown;
    try {
      value = captureWarnings(() => d.toJS({ maxAliasCount: 100 }), warnings);
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    const startLine = d.contents && isNode(d.contents) && d.contents.range ? lc.linePos(d.contents.range[0]).line : 1;
    docs.push({ value, startLine, lineOf: (path) => lineOfPath(d, lc, path, startLine) });
  }
  return { docs, errors, warnings: [...new Set(warnings)].slice(0, 10) };
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

function lineOfPath(d: Document, lc: LineCounter, path: (string | number)[], fallback: number): number {
  for (let n = path.length; n > 0; n--) {
    // For a map member, the line of its key (where a reader looks), not of its value.
    const parent = n === 1 ? d.contents : d.getIn(path.slice(0, n - 1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[n - 1]);
      if (pair && isNode(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]).line;
    }
    const node = d.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return fallback;
}
