/**
 * The vulnerability enricher: matches every `package` asset (PyPI, npm) against the advisory
 * database. Pinned/locked/installed versions give one finding per (location, advisory) — an advisory
 * known under several ids (GHSA, PYSEC, CVE) is merged beforehand and reported once, under its
 * primary id with the others in `properties.aliases`. Requirements that are only ranges give a low
 * `vuln/unpinned-ai-package` finding when a version they allow is critically affected.
 */
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';
import type { Enricher, AnalyzerResult } from '../core/analyzer.js';
import type { Asset, Finding, RuleMeta } from '../core/model.js';
import { makeFinding } from '../core/finding.js';
import { classifyPackage } from '../catalog/ai-packages.js';
import type { AdvisoryDatabase } from './database.js';
import { affectedBy, matchRecord, nearestFix } from './match.js';
import type { AdvisoryRecord, CompactAffected } from './record.js';
import { advisoryRule, UNPINNED_AI_PACKAGE } from './rules.js';
import { openDatabase } from './store.js';
import { parseVersion, type Ecosystem } from './versions.js';
import { normalizePackageName } from '../packages/normalize.js';
import { PACKAGE_PARSERS } from '../packages/parsers/index.js';
import { fileInfo } from '../core/file-info.js';

/** `PyPI`/`npm` from the asset's `ecosystem` property (any case) or, failing that, its purl type. */
function ecosystemOf(asset: Asset): Ecosystem | undefined {
  const raw = typeof asset.properties.ecosystem === 'string' ? asset.properties.ecosystem.toLowerCase() : asset.id.startsWith('pkg:pypi/') ? 'pypi' : asset.id.startsWith('pkg:npm/') ? 'npm' : '';
  return raw === 'pypi' ? 'PyPI' : raw === 'npm' ? 'npm' : undefined;
}

function references(record: AdvisoryRecord) {
  const ids = [record.id, ...record.aliases];
  return {
    cve: ids.filter((i) => i.startsWith('CVE-')),
    ghsa: ids.filter((i) => i.startsWith('GHSA-')),
    cwe: record.cwe,
    urls: [`https://osv.dev/vulnerability/${record.id}`, ...record.references.slice(0, 5)],
  };
}

function label(record: AdvisoryRecord): string {
  const cve = record.aliases.find((a) => a.startsWith('CVE-'));
  return cve ? `${record.id} (${cve})` : record.id;
}

/** Versions worth testing against a range requirement: advisory boundaries and the range's own bounds. */
function candidates(eco: Ecosystem, specifier: string, entries: CompactAffected[]): string[] {
  const out = new Set<string>(['0.0.1']);
  for (const e of entries) {
    for (const r of e.ranges) for (const ev of r.events) for (const v of Object.values(ev)) if (v && v !== '0') out.add(v);
    for (const v of e.versions ?? []) out.add(v);
  }
  for (const m of specifier.matchAll(/(\d+(?:\.\d+)*)/g)) {
    out.add(m[1]);
    const parts = m[1].split('.').map(Number);
    while (parts.length < 3) parts.push(0);
    out.add(`${parts[0]}.${parts[1]}.${parts[2] + 1}`);
  }
  return [...out].map((v) => parseVersion(eco, v)).filter((v): v is string => v !== undefined);
}

function isManifest(path: string): boolean {
  const info = fileInfo(path, 0);
  return PACKAGE_PARSERS.some((p) => p.match(info));
}

function allows(eco: Ecosystem, specifier: string, version: string): boolean {
  const spec = specifier.trim();
  if (eco === 'PyPI') {
    if (spec === '' || spec === '*') return !pep440.explain(version)?.is_prerelease;
    return pep440.satisfies(version, spec);
  }
  if (semver.validRange(spec) === null) return false; // tags, URLs, git refs: unknown
  return semver.satisfies(version, spec);
}

export interface VulnEnricherOptions {
  /** The database to use; default: the local database (or bundled snapshot), loaded once. */
  database?: () => Promise<AdvisoryDatabase>;
}

export function createVulnEnricher(opts: VulnEnricherOptions = {}): Enricher {
  const rules: RuleMeta[] = [UNPINNED_AI_PACKAGE];
  const ruleIds = new Set(rules.map((r) => r.id));
  const load = opts.database ?? (() => openDatabase());
  return {
    name: 'vuln',
    // Advisory rules are added as they fire, so that reports carry the metadata of each.
    rules,
    async enrich({ assets }): Promise<AnalyzerResult> {
      // Loading the advisory database is the largest fixed cost of a scan: skip it when nothing can match.
      if (!assets.some((a) => a.kind === 'package' && ecosystemOf(a))) return { findings: [] };
      const db = await load();
      const findings: Finding[] = [];
      const seen = new Set<string>();
      const addRule = (r: RuleMeta) => {
        if (!ruleIds.has(r.id)) {
          ruleIds.add(r.id);
          rules.push(r);
        }
      };
      for (const asset of assets) {
        if (asset.kind !== 'package') continue;
        const eco = ecosystemOf(asset);
        if (!eco) continue;
        // Other analyzers (Dockerfile `pip install`, image history) may spell names as written.
        const pkg = { ...asset, name: normalizePackageName(eco, asset.name) };
        const records = db.forPackage(eco, pkg.name);
        if (records.length === 0) continue;
        if (pkg.version !== undefined && pkg.properties.pinned !== false) matchPinned(pkg, eco, records, findings, seen, addRule);
        else matchRange(pkg, eco, records, findings, seen);
      }
      return { findings };
    },
  };
}

function matchPinned(asset: Asset, eco: Ecosystem, records: AdvisoryRecord[], findings: Finding[], seen: Set<string>, addRule: (r: RuleMeta) => void): void {
  const version = parseVersion(eco, asset.version!);
  if (version === undefined) return;
  for (const record of records) {
    const hits = matchRecord(record, eco, asset.name, version);
    if (hits.length === 0) continue;
    const all = record.affected.filter((a) => a.ecosystem === eco && a.name === asset.name);
    const fix = record.malicious ? undefined : nearestFix(all, version);
    const rule = advisoryRule(record);
    addRule(rule);
    for (const loc of asset.locations) {
      const key = `${loc.path}\u0000${loc.startLine}\u0000${asset.name}\u0000${record.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const what = record.malicious ? 'is a known malicious release' : `is affected by ${label(record)}`;
      const remediation = record.malicious
        ? `Remove ${asset.name} ${asset.version} now, rebuild from a clean environment and rotate credentials the build or runtime could read; install a release not listed in the advisory.`
        : fix
          ? `Upgrade ${asset.name} to ${fix} or later.`
          : `No fixed release: isolate / replace ${asset.name} (remove it, or keep it off untrusted networks and inputs until a fix ships).`;
      findings.push(makeFinding(rule, {
        location: { path: loc.path, startLine: loc.startLine, ...(loc.layer ? { layer: loc.layer } : {}) },
        message: `${asset.name} ${asset.version} ${what}${record.summary ? `: ${record.summary.replace(/[.\s]+$/, '')}` : ''}.${fix ? ` Fixed in ${fix}.` : record.malicious ? '' : ' No fixed release is known.'}`,
        evidence: `${asset.name} ${String(asset.properties.specifier ?? asset.version)}`,
        severity: record.severity ?? 'medium',
        remediation,
        references: references(record),
        assetId: asset.id,
        fingerprintSalt: `${asset.name}@${asset.version}`,
        properties: {
          advisory: record.id,
          aliases: record.aliases,
          ecosystem: eco,
          package: asset.name,
          version: asset.version,
          ...(fix ? { fixedVersion: fix } : {}),
          ...(record.cvss ? { cvss: record.cvss, cvssScore: record.score } : {}),
          severitySource: record.severitySource ?? 'default',
          ...(record.malicious ? { malicious: true } : {}),
          direct: asset.properties.direct,
        },
      }));
    }
  }
}

function matchRange(asset: Asset, eco: Ecosystem, records: AdvisoryRecord[], findings: Finding[], seen: Set<string>): void {
  if (!asset.properties.aiCategory && !classifyPackage(eco, asset.name)) return;
  // No specifier at all: not a declared requirement (e.g. a package seen only as a code import).
  if (typeof asset.properties.specifier !== 'string') return;
  const specifier = asset.properties.specifier;
  if (/^(git|path|url|file):|:\/\//.test(specifier)) return;
  const critical: AdvisoryRecord[] = [];
  for (const record of records) {
    if (record.severity !== 'critical') continue;
    const entries = record.affected.filter((a) => a.ecosystem === eco && a.name === asset.name);
    if (candidates(eco, specifier, entries).some((v) => allows(eco, specifier, v) && entries.some((e) => affectedBy(e, v)))) critical.push(record);
  }
  if (critical.length === 0) return;
  // Only declarations are "requirements": an asset merged from a code import (same purl, no
  // version) also carries the import's location, which must not get a pinning note.
  for (const loc of asset.locations.filter((l) => l.path !== undefined && isManifest(l.path))) {
    const key = `${loc.path}\u0000${loc.startLine}\u0000${asset.name}\u0000unpinned`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ids = critical.map(label);
    findings.push(makeFinding(UNPINNED_AI_PACKAGE, {
      location: { path: loc.path, startLine: loc.startLine },
      message: `${asset.name} ${specifier || '(any version)'} is not pinned, and versions it allows are affected by critical ${ids.length === 1 ? 'advisory' : 'advisories'} ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}.`,
      evidence: `${asset.name} ${specifier}`.trim(),
      assetId: asset.id,
      fingerprintSalt: asset.name,
      properties: { package: asset.name, ecosystem: eco, specifier, advisories: critical.map((r) => r.id) },
    }));
  }
}

/** The enricher used by scans: local database, or the bundled snapshot when there is none. */
export const vulnEnricher: Enricher = createVulnEnricher();
