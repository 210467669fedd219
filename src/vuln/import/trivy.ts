/**
 * Trivy's JSON report (`trivy image --format json`, SchemaVersion 2): `ArtifactName`,
 * `Metadata.{ImageID,RepoTags,RepoDigests}`, and `Results[]` with `Class` (`os-pkgs` for the
 * distribution's packages, `lang-pkgs` for language packages) and `Vulnerabilities[]`
 * (`VulnerabilityID`, `PkgName`, `InstalledVersion`, `FixedVersion`, `Severity`, `Title`, `PrimaryURL`).
 */
import { isRecord, MAX_VULNS, severityOf, str, strings, webUrls, type ImportedReport, type ImportedVuln } from './model.js';

export function isTrivy(doc: Record<string, unknown>): boolean {
  return 'SchemaVersion' in doc && ('ArtifactName' in doc || 'Results' in doc);
}

export function readTrivy(doc: Record<string, unknown>, file: string): ImportedReport {
  const meta = isRecord(doc.Metadata) ? doc.Metadata : {};
  const refs = [str(doc.ArtifactName), ...strings(meta.RepoTags), ...strings(meta.RepoDigests)].filter((r): r is string => r !== undefined);
  const digests = [str(meta.ImageID), ...strings(meta.RepoDigests).map((d) => d.slice(d.indexOf('@') + 1))].filter((d): d is string => d !== undefined && d.startsWith('sha256:'));
  const out: ImportedReport = { scanner: 'trivy', file, image: { refs, digests }, vulns: [], skippedNonOs: 0, dropped: 0 };
  const results = Array.isArray(doc.Results) ? doc.Results : [];
  for (const r of results) {
    if (!isRecord(r) || !Array.isArray(r.Vulnerabilities)) continue;
    const os = r.Class === 'os-pkgs';
    for (const v of r.Vulnerabilities) {
      if (!isRecord(v)) continue;
      if (!os) {
        out.skippedNonOs++;
        continue;
      }
      const vuln = trivyVuln(v, str(r.Type, 40));
      if (!vuln) continue;
      if (out.vulns.length >= MAX_VULNS) out.dropped++;
      else out.vulns.push(vuln);
    }
  }
  return out;
}

function trivyVuln(v: Record<string, unknown>, pkgType: string | undefined): ImportedVuln | undefined {
  const id = str(v.VulnerabilityID, 80);
  const pkg = str(v.PkgName, 200);
  const installed = str(v.InstalledVersion, 120);
  if (!id || !pkg || !installed) return undefined;
  return {
    id,
    aliases: strings(v.VendorIDs).filter((a) => a !== id),
    pkg,
    installed,
    fixed: str(v.FixedVersion, 200),
    severity: severityOf(v.Severity),
    title: str(v.Title),
    pkgType,
    urls: webUrls([v.PrimaryURL]),
    cwe: strings(v.CweIDs).filter((c) => /^CWE-\d{1,5}$/.test(c)),
  };
}
