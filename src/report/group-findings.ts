/**
 * Human outputs list one advisory for one package version once, with every place it was seen
 * (issue 13.6: a serving repository printed the same twenty advisories again for each of its
 * lockfiles). Other findings stay one per place. Machine formats (JSON, SARIF) keep every finding.
 */
import type { Finding } from '../core/model.js';

export interface FindingGroup {
  /** The first finding of the group (report order), rendered in full. */
  finding: Finding;
  /** Every finding of the group, the first included, in report order. */
  all: Finding[];
}

function groupKey(f: Finding): string | undefined {
  const p = f.properties;
  if (f.category !== 'vulnerability' || !p || typeof p.package !== 'string') return undefined;
  return `${f.ruleId}\u0000${p.ecosystem ?? ''}\u0000${p.package}\u0000${p.version ?? p.specifier ?? ''}`;
}

export function groupFindings(findings: Finding[]): FindingGroup[] {
  const out: FindingGroup[] = [];
  const byKey = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = groupKey(f);
    const hit = key === undefined ? undefined : byKey.get(key);
    if (hit) {
      hit.all.push(f);
      continue;
    }
    const g = { finding: f, all: [f] };
    out.push(g);
    if (key !== undefined) byKey.set(key, g);
  }
  return out;
}

/** `a:1, b:2, c:3 (+4 more)` */
export function placesText(group: FindingGroup, where: (f: Finding) => string, max = 3): string {
  const places = group.all.map(where);
  return places.slice(0, max).join(', ') + (places.length > max ? ` (+${places.length - max} more)` : '');
}
