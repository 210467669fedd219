/**
 * A CycloneDX BOM (JSON, 1.4–1.6) → the stored form: components become inventory assets (the purl is
 * the id where there is one, as in aigis), `vulnerabilities` become findings keyed by vulnerability id
 * and affected component (no line: a BOM has none).
 */
import type { Severity } from '../../core/model.js';
import { MAX_ASSETS, MAX_FINDINGS } from './limits.js';
import { validDate } from './aigis.js';
import { clean, cleanJson, cleanShort } from './redact.js';
import { IngestError, type NormalizedReport, type StoredAsset, type StoredFinding } from './types.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const RATING: Record<string, Severity> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info', none: 'info', unknown: 'medium' };

export function normalizeCycloneDx(doc: Json): NormalizedReport {
  if (typeof doc.specVersion !== 'string' || !/^1\.[2-7]$/.test(doc.specVersion)) throw new IngestError(400, `CycloneDX: unsupported specVersion ${JSON.stringify(doc.specVersion)} (1.2–1.7)`);
  const components = doc.components ?? [];
  if (!Array.isArray(components)) throw new IngestError(400, 'CycloneDX: "components" must be an array');
  const assets: StoredAsset[] = [];
  const byRef = new Map<string, string>();
  // Nested components (assemblies) are inventory too: walk them without recursion.
  const queue: unknown[] = [...components];
  while (queue.length) {
    const c = queue.shift();
    if (!isObject(c)) throw new IngestError(400, 'CycloneDX: every component must be an object');
    if (typeof c.name !== 'string' || !c.name) throw new IngestError(400, 'CycloneDX: every component needs a name');
    if (assets.length >= MAX_ASSETS) throw new IngestError(400, `CycloneDX: more than ${MAX_ASSETS} components`);
    const id = cleanShort(typeof c.purl === 'string' ? c.purl : `${String(c.type ?? 'component')}:${c.name}${typeof c.version === 'string' ? `@${c.version}` : ''}`)!;
    if (typeof c['bom-ref'] === 'string') byRef.set(c['bom-ref'], id);
    const props: Record<string, unknown> = {};
    if (Array.isArray(c.properties)) for (const p of c.properties) if (isObject(p) && typeof p.name === 'string') props[p.name] = p.value;
    if (typeof c.group === 'string') props.group = c.group;
    if (typeof c.description === 'string') props.description = c.description;
    assets.push({ id, kind: cleanShort(c.type) ?? 'component', name: cleanShort(c.name)!, version: cleanShort(c.version), properties: cleanJson(props) as Json });
    if (Array.isArray(c.components)) queue.push(...c.components);
  }
  const vulns = doc.vulnerabilities ?? [];
  if (!Array.isArray(vulns)) throw new IngestError(400, 'CycloneDX: "vulnerabilities" must be an array');
  const findings: StoredFinding[] = [];
  const seen = new Set<string>();
  for (const [i, v] of vulns.entries()) {
    if (!isObject(v) || typeof v.id !== 'string' || !v.id) throw new IngestError(400, `CycloneDX: vulnerabilities[${i}] needs an id`);
    const affects = Array.isArray(v.affects) ? v.affects.filter(isObject).map((a) => String(a.ref ?? '')) : [''];
    for (const ref of affects.length ? affects : ['']) {
      const assetId = byRef.get(ref) ?? (ref || undefined);
      const fingerprint = `cyclonedx:${v.id}:${assetId ?? ''}`.slice(0, 200);
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      if (findings.length >= MAX_FINDINGS) throw new IngestError(400, `CycloneDX: more than ${MAX_FINDINGS} vulnerabilities`);
      findings.push({
        fingerprint,
        ruleId: cleanShort(v.id)!,
        severity: rating(v.ratings),
        category: 'vulnerability',
        title: cleanShort(v.id)!,
        message: clean(v.description ?? v.detail ?? v.id) ?? '',
        path: assetId ? cleanShort(assetId) : undefined,
        remediation: clean(v.recommendation),
        assetId: assetId ? cleanShort(assetId) : undefined,
      });
    }
  }
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  const component = isObject(meta.component) ? meta.component : {};
  return { kind: 'cyclonedx', tool: 'cyclonedx', command: 'bom', target: cleanShort(component.name), createdAt: validDate(meta.timestamp), findings, assets, alerts: [] };
}

function rating(ratings: unknown): Severity {
  if (!Array.isArray(ratings)) return 'medium';
  const order: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
  let best: Severity | undefined;
  for (const r of ratings) {
    const s = isObject(r) && typeof r.severity === 'string' ? RATING[r.severity.toLowerCase()] : undefined;
    if (s && (!best || order.indexOf(s) < order.indexOf(best))) best = s;
  }
  return best ?? 'medium';
}
