/**
 * The compact advisory record aigis keeps (bundled snapshot and local database): only the facts that
 * matching and reporting need, taken from an OSV record (schema 1.x). `fromOsv` validates a raw record
 * and throws `InvalidRecordError` with a precise reason when it is not usable.
 */
import type { Severity } from '../core/severity.js';
import { isEcosystem, type Ecosystem } from './versions.js';
import { normalizePackageName } from '../packages/normalize.js';
import { severityFromOsv } from './severity.js';

export interface RangeEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface CompactRange {
  type: 'ECOSYSTEM' | 'SEMVER';
  events: RangeEvent[];
}

export interface CompactAffected {
  ecosystem: Ecosystem;
  /** Normalised name (PEP 503 for PyPI, as-is for npm). */
  name: string;
  ranges: CompactRange[];
  versions?: string[];
}

export interface AdvisoryRecord {
  id: string;
  aliases: string[];
  summary?: string;
  modified?: string;
  published?: string;
  severity?: Severity;
  /** Where the severity came from: `ghsa`, `cvss-v3`, `cvss-v4`, `malicious`. */
  severitySource?: string;
  cvss?: string;
  score?: number;
  cwe: string[];
  references: string[];
  /** Malicious-package entry (OSV `MAL-` records or our own). */
  malicious?: boolean;
  affected: CompactAffected[];
  /**
   * Set when records were merged by alias: for each package (`<ecosystem>\u0000<name>`), the id of the
   * best-ranked merged record that names it. A package is told the advisory id that names it, never
   * the id of another package's record (Products.CMFPlone is not affected by the PYSEC record of plone).
   */
  ownIds?: Record<string, string>;
}

export class InvalidRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRecordError';
  }
}

/**
 * Ecosystems the OSV schema defines (prefix before `:`). Records for these are accepted and their
 * entries for ecosystems aigis does not match are dropped; anything else is rejected as unknown.
 */
const KNOWN_OSV_ECOSYSTEMS = new Set([
  'AlmaLinux', 'Alpaquita', 'Alpine', 'Android', 'BellSoft Hardened Containers', 'Bioconductor', 'Bitnami', 'Chainguard',
  'ConanCenter', 'CRAN', 'crates.io', 'Debian', 'Echo', 'GHC', 'GitHub Actions', 'Go', 'Hackage', 'Hex', 'Julia',
  'Kubernetes', 'Linux', 'Mageia', 'Maven', 'MinimOS', 'npm', 'NuGet', 'openEuler', 'openSUSE', 'OSS-Fuzz', 'Packagist',
  'Photon OS', 'Pub', 'PyPI', 'Red Hat', 'Rocky Linux', 'RubyGems', 'SUSE', 'SwiftURL', 'Ubuntu', 'VSCode', 'Wolfi', 'GIT',
]);

const MALICIOUS_SUMMARY = /\bmalware\b|\bcontain(?:ed|ing|s)? malicious\b|\bcompromise of\b|\bcompromised (?:package|version|release)/i;

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

/** Result of reading one raw OSV record. `withdrawn` records are reported so the caller can drop them. */
export type ReadResult = { kind: 'record'; record: AdvisoryRecord } | { kind: 'withdrawn'; id: string } | { kind: 'irrelevant'; id: string };

/** Validates and compacts one OSV record. Throws InvalidRecordError. */
export function fromOsv(raw: unknown): ReadResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidRecordError('not an object');
  const r = raw as Record<string, unknown>;
  const id = str(r.id);
  if (!id) throw new InvalidRecordError('missing "id"');
  if (r.affected !== undefined && !Array.isArray(r.affected)) throw new InvalidRecordError(`${id}: "affected" is not a list`);
  if (r.aliases !== undefined && r.aliases !== null && !Array.isArray(r.aliases)) throw new InvalidRecordError(`${id}: "aliases" is not a list`);
  if (str(r.withdrawn)) return { kind: 'withdrawn', id };

  const affected: CompactAffected[] = [];
  for (const [i, a] of ((r.affected as unknown[]) ?? []).entries()) {
    if (a === null || typeof a !== 'object') throw new InvalidRecordError(`${id}: affected[${i}] is not an object`);
    const entry = a as Record<string, unknown>;
    const pkg = entry.package as Record<string, unknown> | undefined;
    // An affected entry without a package is legal OSV (e.g. GIT-only records); it has nothing to match here.
    if (pkg === undefined) continue;
    const ecoRaw = str(pkg?.ecosystem);
    const name = str(pkg?.name);
    if (!ecoRaw || !name) throw new InvalidRecordError(`${id}: affected[${i}].package needs "ecosystem" and "name"`);
    const ecoBase = ecoRaw.split(':')[0];
    if (!KNOWN_OSV_ECOSYSTEMS.has(ecoBase)) throw new InvalidRecordError(`${id}: unknown ecosystem "${ecoRaw}"`);
    if (!isEcosystem(ecoRaw)) continue;
    const ranges: CompactRange[] = [];
    if (entry.ranges !== undefined && !Array.isArray(entry.ranges)) throw new InvalidRecordError(`${id}: affected[${i}].ranges is not a list`);
    for (const [j, rg] of ((entry.ranges as unknown[]) ?? []).entries()) {
      const range = rg as Record<string, unknown>;
      const type = str(range?.type);
      if (!type || !Array.isArray(range.events)) throw new InvalidRecordError(`${id}: affected[${i}].ranges[${j}] needs "type" and "events"`);
      if (type === 'GIT') continue; // commit ranges cannot be matched against package versions
      if (type !== 'ECOSYSTEM' && type !== 'SEMVER') throw new InvalidRecordError(`${id}: unknown range type "${type}"`);
      const events: RangeEvent[] = [];
      for (const ev of range.events as unknown[]) {
        const e = ev as Record<string, unknown>;
        const key = EVENT_KEYS.find((k) => e && typeof e[k] === 'string');
        if (!key) throw new InvalidRecordError(`${id}: affected[${i}].ranges[${j}] has an event without introduced/fixed/last_affected/limit`);
        events.push({ [key]: e[key] as string });
      }
      // A range without `introduced` matches nothing (OSV requires one); it is kept rather than
      // rejected so that one sloppy record does not block importing a whole export.
      ranges.push({ type, events });
    }
    const versions = strings(entry.versions);
    if (ranges.length === 0 && versions.length === 0) continue;
    affected.push({ ecosystem: ecoRaw, name: normalizePackageName(ecoRaw, name), ranges, ...(versions.length ? { versions } : {}) });
  }
  if (affected.length === 0) return { kind: 'irrelevant', id };

  const dbs = (r.database_specific ?? {}) as Record<string, unknown>;
  const sev = severityFromOsv(r.severity, dbs);
  const references = (Array.isArray(r.references) ? r.references : [])
    .map((x) => str((x as Record<string, unknown>)?.url))
    .filter((x): x is string => x !== undefined);
  // Malicious releases: OSV `MAL-` records, our own entries, or a summary that says so plainly
  // ("contained malicious crypto miner", "containing … malware", "Compromise of … Package Versions").
  const malicious = id.startsWith('MAL-') || dbs.malicious === true || dbs.malicious === 'true' || MALICIOUS_SUMMARY.test(str(r.summary) ?? '');
  const record: AdvisoryRecord = {
    id,
    aliases: strings(r.aliases).filter((a) => a !== id),
    ...(str(r.summary) ? { summary: str(r.summary)!.slice(0, 300) } : {}),
    ...(str(r.modified) ? { modified: str(r.modified) } : {}),
    ...(str(r.published) ? { published: str(r.published) } : {}),
    ...(malicious ? { ...sev, severity: 'critical' as const, severitySource: 'malicious' } : sev),
    cwe: strings(dbs.cwe_ids),
    references: [...new Set(references)].slice(0, 20),
    ...(malicious ? { malicious: true } : {}),
    affected,
  };
  return { kind: 'record', record };
}
