/**
 * The `paths` section of an uploaded aigis report (src/core/model.ts, docs/json-schema.md) checked
 * field by field before it is stored: the dashboard draws it with the HTML report's graph renderer
 * (src/report/path-graph), which trusts the model's shape, and an upload is hostile input. A path that
 * does not match the contract rejects the upload (400 naming the field); text fields are redacted and
 * cut like every other stored string.
 */
import { isSeverity } from '../../core/severity.js';
import type { AttackPath, PathsSection, PathStep } from '../../core/model.js';
import { MAX_PATHS, MAX_PATH_STEPS } from './limits.js';
import { clean, cleanShort } from './redact.js';
import { IngestError } from './types.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ROLES = new Set(['entry', 'pivot', 'target']);

/** `undefined` when the report has no paths section; throws IngestError when it has a malformed one. */
export function normalizePaths(raw: unknown): PathsSection | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw) || !Array.isArray(raw.items)) throw new IngestError(400, 'aigis report: "paths" must be an object with an "items" array');
  if (raw.items.length > MAX_PATHS) throw new IngestError(400, `aigis report: ${raw.items.length} attack paths exceed the limit of ${MAX_PATHS}`);
  const items = raw.items.map((p, i) => path(p, `aigis report: paths.items[${i}]`));
  const omitted = typeof raw.omitted === 'number' && Number.isInteger(raw.omitted) && raw.omitted > 0 ? raw.omitted : undefined;
  return { version: 1, items, ...(omitted ? { omitted } : {}) };
}

function path(p: unknown, where: string): AttackPath {
  if (!isObject(p)) throw new IngestError(400, `${where} must be an object`);
  const entry = isObject(p.entry) ? p.entry : undefined;
  const target = isObject(p.target) ? p.target : undefined;
  if (!entry || !text(entry.kind) || !text(entry.assetId)) throw new IngestError(400, `${where}.entry needs a kind and an assetId`);
  if (!target || !text(target.kind) || !text(target.assetId)) throw new IngestError(400, `${where}.target needs a kind and an assetId`);
  if (typeof p.severity !== 'string' || !isSeverity(p.severity)) throw new IngestError(400, `${where}.severity must be one of critical, high, medium, low, info`);
  if (typeof p.score !== 'number' || !Number.isFinite(p.score)) throw new IngestError(400, `${where}.score must be a number`);
  if (!Array.isArray(p.steps) || !p.steps.length) throw new IngestError(400, `${where}.steps must be a non-empty array`);
  if (p.steps.length > MAX_PATH_STEPS) throw new IngestError(400, `${where} has ${p.steps.length} steps (at most ${MAX_PATH_STEPS})`);
  return {
    id: required(p.id, `${where}.id`),
    ruleId: required(p.ruleId, `${where}.ruleId`),
    title: required(p.title, `${where}.title`),
    severity: p.severity,
    score: p.score,
    entry: { kind: cleanShort(entry.kind), assetId: cleanShort(entry.assetId) } as AttackPath['entry'],
    target: { kind: cleanShort(target.kind), assetId: cleanShort(target.assetId) } as AttackPath['target'],
    steps: p.steps.map((s, j) => step(s, `${where}.steps[${j}]`)),
    ...(typeof p.variants === 'number' && Number.isInteger(p.variants) && p.variants > 0 ? { variants: p.variants } : {}),
  };
}

function step(s: unknown, where: string): PathStep {
  if (!isObject(s)) throw new IngestError(400, `${where} must be an object`);
  if (typeof s.role !== 'string' || !ROLES.has(s.role)) throw new IngestError(400, `${where}.role must be entry, pivot or target`);
  const out: PathStep = {
    role: s.role as PathStep['role'],
    assetId: required(s.assetId, `${where}.assetId`),
    assetKind: required(s.assetKind, `${where}.assetKind`) as PathStep['assetKind'],
    assetName: required(s.assetName, `${where}.assetName`),
    description: clean(typeof s.description === 'string' ? s.description : '') ?? '',
  };
  if (text(s.via)) out.via = cleanShort(s.via);
  if (isObject(s.finding) && text(s.finding.ruleId) && text(s.finding.fingerprint)) out.finding = { ruleId: cleanShort(s.finding.ruleId)!, fingerprint: cleanShort(s.finding.fingerprint)! };
  if (isObject(s.location)) {
    const l = s.location;
    const loc: NonNullable<PathStep['location']> = {};
    if (text(l.path)) loc.path = cleanShort(l.path);
    if (text(l.url)) loc.url = cleanShort(l.url);
    if (text(l.member)) loc.member = cleanShort(l.member);
    if (Number.isInteger(l.startLine) && (l.startLine as number) > 0) loc.startLine = l.startLine as number;
    if (Object.keys(loc).length) out.location = loc;
  }
  return out;
}

function text(v: unknown): v is string {
  return typeof v === 'string' && v !== '';
}

function required(v: unknown, where: string): string {
  if (!text(v)) throw new IngestError(400, `${where} must be a non-empty string`);
  return cleanShort(v)!;
}
