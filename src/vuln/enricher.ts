/**
 * The vulnerability enricher: matches every `package` asset (PyPI, npm, Go) against the advisory
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
import { recordForPackage, type AdvisoryDatabase } from './database.js';
import { affectedBy, lastAffected, matchRecord, nearestFix } from './match.js';
import type { AdvisoryRecord, CompactAffected } from './record.js';
import { advisoryRule, UNPINNED_AI_PACKAGE } from './rules.js';
import { openDatabase } from './store.js';
import { parseVersion, type Ecosystem } from './versions.js';
import { normalizePackageName } from '../packages/normalize.js';
import { PACKAGE_PARSERS } from '../packages/parsers/index.js';
import { fileInfo } from '../core/file-info.js';
import { scopeAt, specifierAt } from '../packages/specifier-at.js';

/** `PyPI`/`npm`/`Go` from the asset's `ecosystem` property (any case) or, failing that, its purl type. */
function ecosystemOf(asset: Asset): Ecosystem | undefined {
  const raw = typeof asset.properties.ecosystem === 'string' ? asset.properties.ecosystem.toLowerCase() : /^pkg:([a-z]+)\//.exec(asset.id)?.[1] ?? '';
  return raw === 'pypi' ? 'PyPI' : raw === 'npm' ? 'npm' : raw === 'go' || raw === 'golang' ? 'Go' : undefined;
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
  if (eco === 'Go') return false; // go.mod requirements are exact versions (minimal version selection)
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
    scanner: 'vuln',
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
      const locked = lockedPackages(assets);
      for (const asset of assets) {
        if (asset.kind !== 'package') continue;
        const eco = ecosystemOf(asset);
        if (!eco) continue;
        // Other analyzers (Dockerfile `pip install`, image history) may spell names as written.
        const pkg = { ...asset, name: normalizePackageName(eco, asset.name) };
        const records = db.forPackage(eco, pkg.name).map((r) => recordForPackage(r, eco, pkg.name));
        if (records.length === 0) continue;
        if (pkg.version !== undefined && pkg.properties.pinned !== false) matchPinned(pkg, eco, records, findings, seen, addRule);
        else matchRange(pkg, eco, records, findings, seen, locked.get(`${eco}\u0000${pkg.name}`) ?? []);
      }
      return { findings };
    },
  };
}

function matchPinned(asset: Asset, eco: Ecosystem, records: AdvisoryRecord[], findings: Finding[], seen: Set<string>, addRule: (r: RuleMeta) => void): void {
  const version = parseVersion(eco, asset.version!);
  if (version === undefined) return;
  const aiCategory = typeof asset.properties.aiCategory === 'string' ? asset.properties.aiCategory : classifyPackage(eco, asset.name)?.category;
  for (const record of records) {
    const hits = matchRecord(record, eco, asset.name, version);
    if (hits.length === 0) continue;
    const all = record.affected.filter((a) => a.ecosystem === eco && a.name === asset.name);
    const fix = record.malicious ? undefined : nearestFix(all, version);
    const last = record.malicious || fix ? undefined : lastAffected(all, version);
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
          : last
            ? `Upgrade ${asset.name} to a release later than ${last}, the last affected version the advisory names.`
            : `No fixed release: isolate / replace ${asset.name} (remove it, or keep it off untrusted networks and inputs until a fix ships).`;
      findings.push(makeFinding(rule, {
        location: { path: loc.path, startLine: loc.startLine, ...(loc.layer ? { layer: loc.layer } : {}) },
        message: `${asset.name} ${asset.version} ${what}${record.summary ? `: ${record.summary.replace(/[.\s]+$/, '')}` : ''}.${fix ? ` Fixed in ${fix}.` : record.malicious ? '' : last ? ` Releases up to ${last} are affected.` : ' No fixed release is known.'}`,
        evidence: `${asset.name} ${String(specifierAt(asset, loc) ?? asset.version)}`,
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
          ...(last ? { lastAffected: last } : {}),
          ...(record.cvss ? { cvss: record.cvss, cvssScore: record.score } : {}),
          severitySource: record.severitySource ?? 'default',
          ...(record.malicious ? { malicious: true } : {}),
          // Every package is matched; AI packages stay marked so reports can lead with them.
          ...(aiCategory ? { aiCategory } : {}),
          direct: asset.properties.direct,
        },
      }));
    }
  }
}

/** Lockfile names whose entries pin what the manifests beside them (or below them) ask for. */
const LOCKFILES = new Set(['go.sum', 'uv.lock', 'poetry.lock', 'pipfile.lock', 'pdm.lock', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml']);

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Directories whose lockfile pins each package (`<ecosystem>\u0000<name>` → directories). */
function lockedPackages(assets: Asset[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of assets) {
    if (a.kind !== 'package' || a.version === undefined) continue;
    const eco = ecosystemOf(a);
    if (!eco) continue;
    for (const l of a.locations) {
      if (!l.path || !LOCKFILES.has(l.path.slice(l.path.lastIndexOf('/') + 1).toLowerCase())) continue;
      const key = `${eco}\u0000${normalizePackageName(eco, a.name)}`;
      out.set(key, [...(out.get(key) ?? []), dirOf(l.path)]);
    }
  }
  return out;
}

/** A lockfile in the manifest's directory or above it (a workspace root) pins the package. */
function lockedAt(path: string, lockDirs: string[]): boolean {
  const dir = dirOf(path);
  return lockDirs.some((d) => d === '' || d === dir || dir.startsWith(`${d}/`));
}

function matchRange(asset: Asset, eco: Ecosystem, records: AdvisoryRecord[], findings: Finding[], seen: Set<string>, lockDirs: string[]): void {
  if (!asset.properties.aiCategory && !classifyPackage(eco, asset.name)) return;
  const criticalFor = new Map<string, AdvisoryRecord[]>();
  const criticalRecords = (specifier: string): AdvisoryRecord[] => {
    let critical = criticalFor.get(specifier);
    if (!critical) {
      critical = [];
      for (const record of records) {
        if (record.severity !== 'critical') continue;
        const entries = record.affected.filter((a) => a.ecosystem === eco && a.name === asset.name);
        if (candidates(eco, specifier, entries).some((v) => allows(eco, specifier, v) && entries.some((e) => affectedBy(e, v)))) critical.push(record);
      }
      criticalFor.set(specifier, critical);
    }
    return critical;
  };
  // Only declarations are "requirements": an asset merged from a code import (same purl, no
  // version) also carries the import's location, which must not get a pinning note. Each
  // declaration is judged by the range it wrote itself (merged packages keep them per place).
  for (const loc of asset.locations.filter((l) => l.path !== undefined && isManifest(l.path) && !lockedAt(l.path, lockDirs))) {
    // A library's extras are ranges for its users to resolve, not the application's own pins
    // (judged per declaration: another file may list the same package as a main requirement).
    const scope = scopeAt(asset, loc);
    if (typeof scope === 'string' && /^(extra:|optional)/.test(scope)) continue;
    const specifier = specifierAt(asset, loc);
    // No specifier at all: not a declared requirement (e.g. a package seen only as a code import).
    if (typeof specifier !== 'string' || /^(git|path|url|file):|:\/\//.test(specifier)) continue;
    const critical = criticalRecords(specifier);
    if (critical.length === 0) continue;
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
