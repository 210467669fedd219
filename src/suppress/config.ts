import { isAlias, isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { parseSeverity, SEVERITIES, type Severity } from '../core/severity.js';
import { nodeValue, parseEntryList, SuppressionConfigError, type IgnoreEntry } from './ignore-entry.js';

/** `aigis.yaml`: project defaults for `aigis scan`. Every key is optional; CLI flags win. */
export interface AigisConfig {
  severity?: Severity[];
  failOn?: Severity;
  format?: string;
  output?: string;
  skipDirs?: string[];
  skipFiles?: string[];
  maxFileSize?: string;
  timeout?: number;
  /** Path of an ignore file, relative to the config file. */
  ignoreFile?: string;
  /** Ignore entries written in the config itself (same shape as `.aigisignore`). */
  ignore?: IgnoreEntry[];
  /** Like `--scanners`: only these scanners (secret, model, vuln, misconfig). */
  scanners?: string[];
  /** Like `--check`: only report these rule ids or globs. */
  check?: string[];
  /** Like `--skip-check`: never report these rule ids or globs. */
  skipCheck?: string[];
}

type KeyParser = (value: unknown, node: Node, ctx: { source: string; lc: LineCounter; doc: Document }) => Partial<AigisConfig>;

/** The accepted keys, kebab-case like the flags. A data table, so docs and errors list the same keys. */
const KEYS: Record<string, KeyParser> = {
  severity: (v) => ({ severity: severities(v, 'severity') }),
  'fail-on': (v) => ({ failOn: oneSeverity(v, 'fail-on') }),
  format: (v) => ({ format: text(v, 'format') }),
  output: (v) => ({ output: text(v, 'output') }),
  'skip-dirs': (v) => ({ skipDirs: list(v, 'skip-dirs') }),
  'skip-files': (v) => ({ skipFiles: list(v, 'skip-files') }),
  'max-file-size': (v) => ({ maxFileSize: typeof v === 'number' ? String(v) : text(v, 'max-file-size') }),
  timeout: (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw problem('"timeout" must be a positive number of milliseconds');
    return { timeout: v };
  },
  'ignore-file': (v) => ({ ignoreFile: text(v, 'ignore-file') }),
  scanners: (v) => ({ scanners: list(v, 'scanners') }),
  check: (v) => ({ check: list(v, 'check') }),
  'skip-check': (v) => ({ skipCheck: list(v, 'skip-check') }),
  ignore: (_v, node, ctx) => {
    const list = isAlias(node) ? node.resolve(ctx.doc) : node;
    if (!isSeq(list)) throw problem('"ignore" must be a list of entries (rule, path, reason, expires)');
    return { ignore: parseEntryList(list.items as Node[], ctx.source, ctx.lc, ctx.doc) };
  },
};

export const CONFIG_KEYS = Object.keys(KEYS);

/** Parses aigis.yaml. Pure; throws SuppressionConfigError with the file name and line. */
export function parseConfig(textContent: string, source: string): AigisConfig {
  const lc = new LineCounter();
  const doc = parseDocument(textContent, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new SuppressionConfigError(`${source}:${lc.linePos(e.pos[0]).line}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw new SuppressionConfigError(`${source}: expected a mapping of settings (keys: ${CONFIG_KEYS.join(', ')})`);
  const config: AigisConfig = {};
  const problems: string[] = [];
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const valueNode = pair.value as Node;
    const line = valueNode?.range ? lc.linePos(valueNode.range[0]).line : undefined;
    const where = `${source}${line ? `:${line}` : ''}`;
    const parse = KEYS[key];
    if (!parse) {
      problems.push(`${where}: unknown key "${key}" (allowed: ${CONFIG_KEYS.join(', ')})`);
      continue;
    }
    try {
      Object.assign(config, parse(nodeValue(valueNode, doc), valueNode, { source, lc, doc }));
    } catch (err) {
      if (!(err instanceof SuppressionConfigError)) throw err;
      // Entry errors already carry their own location.
      problems.push(key === 'ignore' ? err.message : `${where}: ${err.message}`);
    }
  }
  if (problems.length) throw new SuppressionConfigError(problems.join('\n'));
  return config;
}

function problem(message: string): SuppressionConfigError {
  return new SuppressionConfigError(message);
}

function text(v: unknown, key: string): string {
  if (typeof v !== 'string' || !v.trim()) throw problem(`"${key}" must be a non-empty string`);
  return v.trim();
}

function list(v: unknown, key: string): string[] {
  const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : undefined;
  if (!items || items.some((i) => typeof i !== 'string')) throw problem(`"${key}" must be a list of strings`);
  return (items as string[]).map((s) => s.trim()).filter(Boolean);
}

function oneSeverity(v: unknown, key: string): Severity {
  const s = typeof v === 'string' ? parseSeverity(v) : undefined;
  if (!s) throw problem(`"${key}" must be one of ${SEVERITIES.join(', ')}`);
  return s;
}

function severities(v: unknown, key: string): Severity[] {
  return list(v, key).map((s) => {
    const sev = parseSeverity(s);
    if (!sev) throw problem(`"${key}" has unknown severity "${s}" (use ${SEVERITIES.join(', ')})`);
    return sev;
  });
}
