/**
 * An in-memory advisory database: records merged by alias (one advisory known as GHSA-…, PYSEC-… and
 * CVE-… is one entry) and indexed by (ecosystem, normalised package name).
 */
import type { Severity } from '../core/severity.js';
import { severityRank } from '../core/severity.js';
import type { AdvisoryRecord, CompactAffected } from './record.js';
import type { Ecosystem } from './versions.js';

/** Preferred primary id when several records describe one advisory: reviewed GHSA first, then ecosystem ids. */
function idRank(id: string): number {
  if (id.startsWith('GHSA-')) return 0;
  if (id.startsWith('PYSEC-')) return 1;
  if (id.startsWith('MAL-')) return 2;
  if (id.startsWith('CVE-')) return 4;
  return 3;
}

function maxSeverity(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** Merges records that share an id or alias (union-find), OR-ing their affected entries. */
export function mergeByAlias(records: AdvisoryRecord[]): AdvisoryRecord[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let cur = x;
    while (parent.get(cur) !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const r of records) {
    add(r.id);
    for (const a of r.aliases) {
      add(a);
      union(r.id, a);
    }
  }
  const groups = new Map<string, AdvisoryRecord[]>();
  for (const r of records) {
    const root = find(r.id);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  }
  const out: AdvisoryRecord[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    group.sort((a, b) => idRank(a.id) - idRank(b.id) || a.id.localeCompare(b.id, 'en'));
    const primary = group[0];
    const ids = new Set<string>();
    for (const r of group) {
      ids.add(r.id);
      r.aliases.forEach((a) => ids.add(a));
    }
    ids.delete(primary.id);
    const severityOwner = group.find((r) => r.malicious) ?? group.find((r) => r.severitySource === 'ghsa') ?? group.find((r) => r.severity);
    const affected: CompactAffected[] = [];
    const seen = new Set<string>();
    for (const r of group) {
      for (const a of r.affected) {
        const key = JSON.stringify(a);
        if (!seen.has(key)) {
          seen.add(key);
          affected.push(a);
        }
      }
    }
    const ownIds: Record<string, string> = {};
    for (const r of group) {
      for (const a of r.affected) {
        const key = `${a.ecosystem}\u0000${a.name}`;
        if (!(key in ownIds)) ownIds[key] = r.id; // group is sorted by rank: the first is the best
      }
    }
    out.push({
      ...primary,
      aliases: [...ids].sort(),
      ownIds,
      summary: primary.summary ?? group.find((r) => r.summary)?.summary,
      severity: severityOwner?.severity ?? group.reduce<Severity | undefined>((s, r) => maxSeverity(s, r.severity), undefined),
      severitySource: severityOwner?.severitySource,
      cvss: primary.cvss ?? group.find((r) => r.cvss)?.cvss,
      score: primary.score ?? group.find((r) => r.score !== undefined)?.score,
      cwe: [...new Set(group.flatMap((r) => r.cwe))],
      references: [...new Set(group.flatMap((r) => r.references))].slice(0, 20),
      ...(group.some((r) => r.malicious) ? { malicious: true } : {}),
      affected,
    });
  }
  return out;
}

/**
 * The record as one package should see it: its primary id is the best-ranked merged record that
 * names this package; every other id of the advisory becomes an alias.
 */
export function recordForPackage(record: AdvisoryRecord, eco: Ecosystem, name: string): AdvisoryRecord {
  const own = record.ownIds?.[`${eco}\u0000${name}`];
  if (!own || own === record.id) return record;
  const aliases = [record.id, ...record.aliases].filter((a) => a !== own).sort();
  return { ...record, id: own, aliases };
}

export class AdvisoryDatabase {
  private readonly index = new Map<string, AdvisoryRecord[]>();
  readonly records: AdvisoryRecord[];

  constructor(records: AdvisoryRecord[]) {
    this.records = mergeByAlias(records);
    for (const r of this.records) {
      const keys = new Set(r.affected.map((a) => `${a.ecosystem}\u0000${a.name}`));
      for (const k of keys) {
        const list = this.index.get(k);
        if (list) list.push(r);
        else this.index.set(k, [r]);
      }
    }
  }

  /** Records that name this package (name already normalised). */
  forPackage(eco: Ecosystem, name: string): AdvisoryRecord[] {
    return this.index.get(`${eco}\u0000${name}`) ?? [];
  }

  get size(): number {
    return this.records.length;
  }
}
