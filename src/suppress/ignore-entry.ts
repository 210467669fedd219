import { isAlias, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** One suppression of `.aigisignore` or of the `ignore:` list in aigis.yaml. */
export interface IgnoreEntry {
  /** A rule id (`secret/openai-api-key`) or a whole domain (`secret/*`). */
  rule: string;
  /** Optional path glob relative to the target root (see glob.ts). */
  path?: string;
  /** Optional: only the finding with this fingerprint (from the JSON/SARIF report). */
  fingerprint?: string;
  /** Why this is acceptable. Required: a suppression without a reason is rejected. */
  reason: string;
  /** Last day (YYYY-MM-DD, UTC) on which the entry suppresses. */
  expires?: string;
  /** Where the entry was written, for messages: `.aigisignore:7`. */
  origin: string;
}

import { SuppressionConfigError } from './config-error.js';

export { SuppressionConfigError };

const KEYS = new Set(['rule', 'path', 'fingerprint', 'reason', 'expires']);
const RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/(?:\*|[a-z0-9]+(?:[-.][a-z0-9]+)*))+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `.aigisignore`: a YAML list of `{ rule, path?, fingerprint?, reason, expires? }`.
 * Pure: takes the text and a display name, returns entries or throws SuppressionConfigError listing
 * every problem with its line.
 */
export function parseIgnoreFile(text: string, source: string): IgnoreEntry[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new SuppressionConfigError(`${source}:${lc.linePos(e.pos[0]).line}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    throw new SuppressionConfigError(`${source}: expected a YAML list of entries like "- rule: secret/openai-api-key\\n  reason: …"`);
  }
  return parseEntryList(doc.contents.items as Node[], source, lc, doc);
}

/** Aliases are resolved against the document with a cap, so an alias bomb is an error, not a hang. */
export const MAX_ALIASES = 100;

/** Plain JS value of a node, aliases resolved (at most MAX_ALIASES); throws SuppressionConfigError beyond that. */
export function nodeValue(node: Node | null | undefined, doc: Document): unknown {
  if (!node) return undefined;
  try {
    const target = isAlias(node) ? node.resolve(doc) : node;
    return target ? (target as Node).toJS(doc, { maxAliasCount: MAX_ALIASES }) : undefined;
  } catch (err) {
    throw new SuppressionConfigError(`cannot read value: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Shared by `.aigisignore` and the `ignore:` key of aigis.yaml. */
export function parseEntryList(items: Node[], source: string, lc: LineCounter, doc: Document): IgnoreEntry[] {
  const entries: IgnoreEntry[] = [];
  const problems: string[] = [];
  items.forEach((node, i) => {
    const line = node?.range ? lc.linePos(node.range[0]).line : undefined;
    const where = `${source}${line ? `:${line}` : ''} (entry ${i + 1})`;
    let raw: unknown;
    try {
      raw = nodeValue(node, doc);
    } catch (err) {
      problems.push(`${where}: ${(err as Error).message}`);
      return;
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${where}: an entry must be a mapping with rule and reason`);
      return;
    }
    const entry = raw as Record<string, unknown>;
    const entryProblems = checkEntry(entry);
    if (entryProblems.length) {
      problems.push(...entryProblems.map((p) => `${where}: ${p}`));
      return;
    }
    entries.push(toEntry(entry, `${source}${line ? `:${line}` : ''}`));
  });
  if (problems.length) throw new SuppressionConfigError(problems.join('\n'));
  return entries;
}

function toEntry(raw: Record<string, unknown>, origin: string): IgnoreEntry {
  return {
    rule: String(raw.rule),
    path: raw.path === undefined ? undefined : String(raw.path),
    fingerprint: raw.fingerprint === undefined ? undefined : String(raw.fingerprint),
    reason: String(raw.reason).trim(),
    expires: raw.expires === undefined ? undefined : dateText(raw.expires),
    origin,
  };
}

function checkEntry(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) problems.push(`unknown key "${key}" (allowed: ${[...KEYS].join(', ')})`);
  if (typeof raw.rule !== 'string' || !raw.rule.trim()) problems.push('missing "rule" (a rule id such as secret/openai-api-key, or secret/*)');
  else if (!RULE.test(raw.rule)) problems.push(`"rule: ${raw.rule}" is not a rule id (domain/slug) or a domain wildcard (domain/*)`);
  if (raw.reason === undefined || raw.reason === null || String(raw.reason).trim() === '') {
    problems.push('missing "reason": every suppression must say why the finding is acceptable');
  } else if (typeof raw.reason !== 'string') problems.push('"reason" must be text');
  if (raw.path !== undefined && (typeof raw.path !== 'string' || !raw.path.trim())) problems.push('"path" must be a non-empty glob');
  if (raw.fingerprint !== undefined && (typeof raw.fingerprint !== 'string' || !/^[0-9a-f]{8,64}$/.test(raw.fingerprint))) {
    problems.push('"fingerprint" must be the hex fingerprint from a report');
  }
  if (raw.expires !== undefined && !validDate(dateText(raw.expires))) problems.push(`"expires" must be a date YYYY-MM-DD (got ${JSON.stringify(raw.expires)})`);
  return problems;
}

function dateText(v: unknown): string {
  // yaml's core schema keeps 2025-01-31 a string; a YAML 1.1 timestamp would come back as a Date.
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
