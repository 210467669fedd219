/**
 * Loads Sigma rules (detection and correlation documents, multi-document YAML) with the `yaml`
 * library. A rule that cannot be loaded becomes a RuleProblem naming the construct; the others load.
 */
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type * as Yaml from 'yaml';
import { compileDetection } from './compile.js';
import { SigmaSyntaxError, SigmaUnsupportedError } from './errors.js';
import type { AnyRule, CorrelationRule, CorrelationType, CountCondition, DetectionRule, EventKind, LogSource, RuleProblem, SigmaMeta } from './types.js';

/** The field each event kind is indexed by first (see DetectionRule.indexKeys). */
export const INDEX_FIELD: Record<EventKind, string> = {
  cloudtrail: 'eventName',
  'k8s-audit': 'objectRef.resource',
  falco: 'rule',
};

/**
 * Every field a kind can be indexed by, in order of preference. CloudTrail rules that allow any
 * eventName are indexed by the identity type when they constrain it (the root-user rule), so that
 * they too see only the events that can match instead of every event.
 */
export const INDEX_FIELDS: Record<EventKind, string[]> = {
  cloudtrail: ['eventName', 'userIdentity.type'],
  'k8s-audit': ['objectRef.resource'],
  falco: ['rule'],
};

const MAX_RULE_FILE = 1024 * 1024;

/** Which aigis event kind a Sigma logsource describes (undefined: none of ours). */
export function kindOf(ls: LogSource): EventKind | undefined {
  const product = ls.product?.toLowerCase();
  const service = ls.service?.toLowerCase();
  if (product === 'aws' && (service === undefined || service === 'cloudtrail')) return 'cloudtrail';
  if (product === 'kubernetes' && (service === undefined || service === 'audit')) return 'k8s-audit';
  if (product === 'falco' || service === 'falco') return 'falco';
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => str(x)).filter((x): x is string => x !== undefined) : str(v) ? [str(v) as string] : []);

function meta(doc: Record<string, unknown>, file: string, builtin: boolean, index: number): SigmaMeta {
  const title = str(doc.title);
  if (!title) throw new SigmaSyntaxError('rule has no title');
  return {
    id: str(doc.id) ?? `${file}#${index}`,
    name: str(doc.name),
    title,
    status: str(doc.status),
    description: str(doc.description),
    author: str(doc.author),
    references: strList(doc.references),
    tags: strList(doc.tags),
    falsepositives: strList(doc.falsepositives),
    level: str(doc.level),
    remediation: str(doc.remediation),
    file,
    builtin,
    raw: doc,
  };
}

const TIMESPAN_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseTimespan(v: unknown): number {
  const m = /^(\d+)\s*([smhdw])$/.exec(String(v ?? '').trim());
  if (!m) throw new SigmaSyntaxError(`timespan "${String(v)}" is not a number followed by s, m, h or d`);
  return Number(m[1]) * TIMESPAN_UNITS[m[2]];
}

const CORRELATION_TYPES: CorrelationType[] = ['event_count', 'value_count', 'temporal', 'temporal_ordered'];

function loadCorrelation(doc: Record<string, unknown>, m: SigmaMeta): CorrelationRule {
  const c = doc.correlation as Record<string, unknown>;
  if (!c || typeof c !== 'object') throw new SigmaSyntaxError('correlation must be a map');
  const type = str(c.type) as CorrelationType;
  if (!CORRELATION_TYPES.includes(type)) {
    throw new SigmaUnsupportedError(`correlation type "${String(c.type)}"`, `supported: ${CORRELATION_TYPES.join(', ')}`);
  }
  const rules = strList(c.rules);
  if (rules.length === 0) throw new SigmaSyntaxError('correlation has no rules');
  const cond: CountCondition = {};
  if (c.condition !== undefined) {
    if (typeof c.condition !== 'object' || c.condition === null) throw new SigmaSyntaxError('correlation condition must be a map');
    for (const [k, v] of Object.entries(c.condition as Record<string, unknown>)) {
      if (k === 'field') cond.field = str(v);
      else if (k === 'gt' || k === 'gte' || k === 'lt' || k === 'lte' || k === 'eq' || k === 'neq') {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new SigmaSyntaxError(`correlation condition ${k} needs a non-negative integer, got ${JSON.stringify(v)}`);
        cond[k] = v;
      } else throw new SigmaUnsupportedError(`correlation condition "${k}"`);
    }
  }
  if ((type === 'event_count' || type === 'value_count') && Object.keys(cond).every((k) => k === 'field')) {
    throw new SigmaSyntaxError(`${type} needs a condition (gt, gte, lt, lte, eq or neq)`);
  }
  if (type === 'value_count' && !cond.field) throw new SigmaSyntaxError('value_count needs condition.field');
  const aliases: Record<string, Record<string, string>> = {};
  if (c.aliases && typeof c.aliases === 'object') {
    for (const [alias, map] of Object.entries(c.aliases as Record<string, unknown>)) {
      aliases[alias] = {};
      for (const [r, f] of Object.entries((map ?? {}) as Record<string, unknown>)) aliases[alias][r] = String(f);
    }
  }
  return {
    ...m,
    type: 'correlation',
    correlationType: type,
    rules,
    groupBy: strList(c['group-by']),
    timespanMs: parseTimespan(c.timespan ?? c.timeframe),
    condition: cond,
    aliases,
    generate: c.generate === true || doc.generate === true,
  };
}

function loadDetection(doc: Record<string, unknown>, m: SigmaMeta): DetectionRule {
  const ls = (doc.logsource ?? {}) as LogSource;
  const kind = kindOf(ls);
  const compiled = compileDetection(doc.detection, kind ? INDEX_FIELDS[kind] : undefined);
  return { ...m, type: 'detection', logsource: ls, kind, match: compiled.match, indexField: compiled.indexField, indexKeys: compiled.indexKeys, gate: compiled.gate };
}

export interface LoadResult {
  rules: AnyRule[];
  problems: RuleProblem[];
}

// `yaml` is loaded on first use: the built-in pack comes precompiled (builtin-rules.ts), so a detect run
// with only the built-in pack never pays for loading the YAML library.
let yamlLib: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/** Loads one parsed rule document (a detection or a correlation rule) into `out`. */
export function loadRuleDocument(doc: unknown, file: string, builtin: boolean, i: number, out: LoadResult): void {
  if (doc === null || doc === undefined) return;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    out.problems.push({ file, message: 'a rule document must be a map', kind: 'invalid' });
    return;
  }
  const r = doc as Record<string, unknown>;
  try {
    if (r.action !== undefined) throw new SigmaUnsupportedError(`rule collection action "${String(r.action)}"`, 'Sigma 1 global/repeat documents');
    if (r.filter !== undefined && r.detection === undefined) throw new SigmaUnsupportedError('Sigma filter document', 'meta filters are not applied');
    const m = meta(r, file, builtin, i);
    if (r.correlation !== undefined) out.rules.push(loadCorrelation(r, m));
    else if (r.detection !== undefined) out.rules.push(loadDetection(r, m));
    else throw new SigmaSyntaxError('document has neither detection nor correlation');
  } catch (err) {
    const unsupported = err instanceof SigmaUnsupportedError;
    if (!unsupported && !(err instanceof SigmaSyntaxError) && !(err instanceof Error)) throw err;
    const problem: RuleProblem = { file, ruleId: str(r.id), title: str(r.title), message: (err as Error).message, kind: unsupported ? 'unsupported' : 'invalid' };
    // A refused correlation still keeps the rules it references from alerting on their own.
    const c = r.correlation as Record<string, unknown> | undefined;
    if (c && typeof c === 'object' && c.generate !== true && r.generate !== true) problem.silences = strList(c.rules);
    out.problems.push(problem);
  }
}

/** The documents of one YAML text as plain data (errors as messages), for loading or precompiling. */
export function parseRuleDocuments(text: string): { docs: unknown[]; errors: string[] } {
  const docs: unknown[] = [];
  const errors: string[] = [];
  let parsed;
  try {
    parsed = yaml().parseAllDocuments(text);
  } catch (err) {
    return { docs, errors: [`YAML: ${(err as Error).message}`] };
  }
  for (const d of Array.isArray(parsed) ? parsed : [parsed]) {
    if (d.errors.length) {
      errors.push(`YAML: ${d.errors[0].message}`);
      docs.push(undefined);
      continue;
    }
    try {
      // maxAliasCount stops alias bombs ("billion laughs"): the document becomes a note, not a crash.
      docs.push(d.toJS({ maxAliasCount: 50 }) as unknown);
    } catch (err) {
      errors.push(`YAML: ${(err as Error).message}`);
      docs.push(undefined);
    }
  }
  return { docs, errors };
}

/** Loads every document of one YAML text. */
export function loadRuleText(text: string, file: string, builtin = false): LoadResult {
  const out: LoadResult = { rules: [], problems: [] };
  let docs;
  try {
    docs = yaml().parseAllDocuments(text);
  } catch (err) {
    out.problems.push({ file, message: `YAML: ${(err as Error).message}`, kind: 'invalid' });
    return out;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((d, i) => {
    if (d.errors.length) {
      out.problems.push({ file, message: `YAML: ${d.errors[0].message}`, kind: 'invalid' });
      return;
    }
    let doc: unknown;
    try {
      // maxAliasCount stops alias bombs ("billion laughs"): the document becomes a note, not a crash.
      doc = d.toJS({ maxAliasCount: 50 }) as unknown;
    } catch (err) {
      out.problems.push({ file, message: `YAML: ${(err as Error).message}`, kind: 'invalid' });
      return;
    }
    loadRuleDocument(doc, file, builtin, i, out);
  });
  return out;
}

/** Loads `.yml`/`.yaml` files from a file or a directory tree (symbolic links are not followed). */
export function loadRulePath(path: string, builtin = false, root = path): LoadResult {
  const out: LoadResult = { rules: [], problems: [] };
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    out.problems.push({ file: path, message: (err as Error).message, kind: 'invalid' });
    return out;
  }
  if (st.isSymbolicLink()) return out;
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const sub = loadRulePath(join(path, name), builtin, root);
      out.rules.push(...sub.rules);
      out.problems.push(...sub.problems);
    }
    return out;
  }
  if (!/\.ya?ml$/i.test(path)) return out;
  const rel = relative(root, path) || path;
  if (st.size > MAX_RULE_FILE) {
    out.problems.push({ file: rel, message: `rule file larger than ${MAX_RULE_FILE} bytes`, kind: 'invalid' });
    return out;
  }
  return loadRuleText(readFileSync(path, 'utf8'), builtin ? rel : path, builtin);
}
