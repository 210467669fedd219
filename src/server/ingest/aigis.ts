/** An aigis JSON report (docs/json-schema.md, schemaVersion 1) → the stored form. */
import { isSeverity } from '../../core/severity.js';
import type { Severity } from '../../core/model.js';
import { clean, cleanJson, cleanShort } from './redact.js';
import { IngestError, type NormalizedReport, type StoredAlert, type StoredAsset, type StoredFinding } from './types.js';
import { MAX_ASSETS, MAX_FINDINGS } from './limits.js';
import { normalizePaths } from './paths.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function normalizeAigis(doc: Json): NormalizedReport {
  if (doc.schemaVersion !== 1) throw new IngestError(400, `aigis report: unsupported schemaVersion ${JSON.stringify(doc.schemaVersion)} (this server reads 1)`);
  const findings = doc.findings;
  const assets = doc.assets ?? [];
  if (!Array.isArray(findings)) throw new IngestError(400, 'aigis report: "findings" must be an array');
  if (!Array.isArray(assets)) throw new IngestError(400, 'aigis report: "assets" must be an array');
  if (findings.length > MAX_FINDINGS) throw new IngestError(400, `aigis report: ${findings.length} findings exceed the limit of ${MAX_FINDINGS}`);
  if (assets.length > MAX_ASSETS) throw new IngestError(400, `aigis report: ${assets.length} assets exceed the limit of ${MAX_ASSETS}`);
  const target = isObject(doc.target) ? doc.target : {};
  const command = cleanShort(doc.command);
  const stored = findings.map((f, i) => finding(f, i));
  return {
    kind: 'aigis',
    tool: 'aigis',
    command,
    target: cleanShort(target.name),
    createdAt: validDate(doc.createdAt),
    findings: stored,
    assets: assets.map((a, i) => asset(a, i)),
    paths: normalizePaths(doc.paths),
    alerts: command === 'detect' ? stored.map((f, i) => alert(f, findings[i] as Json, validDate(doc.createdAt))) : [],
  };
}

function finding(raw: unknown, i: number): StoredFinding {
  const where = `aigis report: findings[${i}]`;
  if (!isObject(raw)) throw new IngestError(400, `${where} must be an object`);
  const ruleId = raw.ruleId;
  if (typeof ruleId !== 'string' || !ruleId) throw new IngestError(400, `${where}.ruleId must be a non-empty string`);
  const severity = raw.severity;
  if (typeof severity !== 'string' || !isSeverity(severity)) throw new IngestError(400, `${where}.severity must be one of critical, high, medium, low, info`);
  // The line-free fingerprint tracks a finding across reports; older reports only carry the line-based one.
  const fingerprint = typeof raw.stableFingerprint === 'string' && raw.stableFingerprint ? raw.stableFingerprint : raw.fingerprint;
  if (typeof fingerprint !== 'string' || !fingerprint) throw new IngestError(400, `${where} has neither stableFingerprint nor fingerprint`);
  const location = isObject(raw.location) ? raw.location : {};
  return {
    fingerprint: fingerprint.slice(0, 200),
    ruleId: ruleId.slice(0, 200),
    severity,
    category: cleanShort(raw.category),
    title: cleanShort(raw.title) ?? ruleId,
    message: clean(raw.message) ?? '',
    path: cleanShort(location.path ?? location.url),
    startLine: Number.isInteger(location.startLine) ? (location.startLine as number) : undefined,
    evidence: clean(raw.evidence),
    remediation: clean(raw.remediation),
    assetId: cleanShort(raw.assetId),
    onPaths: Array.isArray(raw.onPaths) ? raw.onPaths.filter((p): p is string => typeof p === 'string').slice(0, 100) : undefined,
  };
}

function asset(raw: unknown, i: number): StoredAsset {
  const where = `aigis report: assets[${i}]`;
  if (!isObject(raw)) throw new IngestError(400, `${where} must be an object`);
  if (typeof raw.id !== 'string' || !raw.id) throw new IngestError(400, `${where}.id must be a non-empty string`);
  if (typeof raw.kind !== 'string') throw new IngestError(400, `${where}.kind must be a string`);
  const first = Array.isArray(raw.locations) && isObject(raw.locations[0]) ? raw.locations[0] : undefined;
  const firstPath = first ? (first.path ?? first.url) : undefined;
  return {
    id: cleanShort(raw.id)!,
    kind: cleanShort(raw.kind)!,
    name: cleanShort(raw.name) ?? raw.id,
    version: cleanShort(raw.version),
    properties: (cleanJson(isObject(raw.properties) ? raw.properties : {}) ?? {}) as Record<string, unknown>,
    location: typeof firstPath === 'string' ? cleanShort(`${firstPath}${Number.isInteger(first!.startLine) ? `:${String(first!.startLine)}` : ''}`) : undefined,
  };
}

function alert(f: StoredFinding, raw: Json, fallbackAt: string | undefined): StoredAlert {
  const props = isObject(raw.properties) ? raw.properties : {};
  const at = validDate(props.time ?? props.timestamp) ?? fallbackAt ?? new Date(0).toISOString();
  return { source: 'aigis-detect', rule: f.ruleId, severity: f.severity, message: f.message, at, fields: { fingerprint: f.fingerprint, path: f.path, ...(cleanJson(props) as Json) } };
}

export function validDate(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 64) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function severityOf(v: unknown, fallback: Severity = 'medium'): Severity {
  return typeof v === 'string' && isSeverity(v.toLowerCase()) ? (v.toLowerCase() as Severity) : fallback;
}
