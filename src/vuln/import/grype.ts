/**
 * Grype's JSON report (`grype IMAGE -o json`): `source.target` (`userInput`, `imageID`,
 * `manifestDigest`, `tags`, `repoDigests`) and `matches[]` with `vulnerability` (`id`, `severity`,
 * `fix.versions`, `dataSource`, `description`), `relatedVulnerabilities[]` and `artifact` (`name`,
 * `version`, `type`: `deb`, `rpm`, `apk` … for distribution packages).
 */
import { isRecord, MAX_VULNS, severityOf, str, strings, webUrls, type ImportedReport, type ImportedVuln } from './model.js';

/** Grype artifact types that are operating-system packages. */
const OS_TYPES = new Set(['deb', 'rpm', 'apk', 'alpm', 'portage', 'nix']);

export function isGrype(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.matches) && isRecord(doc.source);
}

export function readGrype(doc: Record<string, unknown>, file: string): ImportedReport {
  const source = isRecord(doc.source) ? doc.source : {};
  const target = isRecord(source.target) ? source.target : {};
  const refs = [str(target.userInput), ...strings(target.tags), ...strings(target.repoDigests)].filter((r): r is string => r !== undefined);
  const digests = [str(target.imageID), str(target.manifestDigest), ...strings(target.repoDigests).map((d) => d.slice(d.indexOf('@') + 1))].filter(
    (d): d is string => d !== undefined && d.startsWith('sha256:'),
  );
  const out: ImportedReport = { scanner: 'grype', file, image: { refs, digests }, vulns: [], skippedNonOs: 0, dropped: 0 };
  for (const m of doc.matches as unknown[]) {
    if (!isRecord(m) || !isRecord(m.vulnerability) || !isRecord(m.artifact)) continue;
    const type = str(m.artifact.type, 40);
    if (!type || !OS_TYPES.has(type)) {
      out.skippedNonOs++;
      continue;
    }
    const vuln = grypeVuln(m.vulnerability, m.artifact, m.relatedVulnerabilities, type);
    if (!vuln) continue;
    if (out.vulns.length >= MAX_VULNS) out.dropped++;
    else out.vulns.push(vuln);
  }
  return out;
}

function grypeVuln(v: Record<string, unknown>, a: Record<string, unknown>, related: unknown, type: string): ImportedVuln | undefined {
  const id = str(v.id, 80);
  const pkg = str(a.name, 200);
  const installed = str(a.version, 120);
  if (!id || !pkg || !installed) return undefined;
  const fix = isRecord(v.fix) ? strings(v.fix.versions, 5) : [];
  const aliases = Array.isArray(related) ? related.slice(0, 20).map((r) => (isRecord(r) ? str(r.id, 80) : undefined)).filter((x): x is string => x !== undefined && x !== id) : [];
  return {
    id,
    aliases: [...new Set(aliases)],
    pkg,
    installed,
    fixed: fix.length ? fix.join(', ') : undefined,
    severity: severityOf(v.severity),
    title: str(v.description),
    pkgType: type,
    urls: webUrls([v.dataSource, ...(Array.isArray(v.urls) ? v.urls : [])]),
    // Grype's match JSON carries no CWE ids.
    cwe: [],
  };
}
