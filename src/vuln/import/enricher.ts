/**
 * `--vuln-report FILE`: operating-system package advisories from Trivy or Grype become aigis findings
 * (`vuln/image-os-package`) on the container-image asset that runs the scanned image, so that the
 * attack-path engine can join an OS CVE in a model server to the workload that exposes it. Runs as an
 * enricher, before the path engine, over the merged assets of the scan.
 */
import type { Enricher } from '../../core/analyzer.js';
import { makeFinding } from '../../core/finding.js';
import type { Asset, Finding, Location, Note, RuleMeta } from '../../core/model.js';
import { imageIdOf, matchingImages } from './match.js';
import type { ImportedReport, ImportedVuln } from './model.js';
import { IMPORT_SOURCE } from './parse.js';

export const IMAGE_OS_PACKAGE: RuleMeta = {
  id: 'vuln/image-os-package',
  title: 'Operating-system package with a known vulnerability in a container image',
  severity: 'high',
  category: 'vulnerability',
  description:
    'A vulnerability scanner (Trivy or Grype, imported with `--vuln-report`) found an operating-system package with a published advisory ' +
    'in the image a workload runs. An exposed model server built on an outdated base image can be attacked through it even when the AI stack itself is patched. ' +
    'The severity is the one the scanner reported.',
  remediation: 'Rebuild or bump the image to a release whose base packages include the fix (`apt-get upgrade` in the build, or a newer base image), then redeploy the workloads that run it.',
  references: { cwe: ['CWE-1395'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'] },
  tags: ['container', 'supply-chain', 'imported'],
  confidence: 'high',
};

export function vulnReportEnricher(reports: readonly ImportedReport[]): Enricher {
  return {
    name: 'vuln-report',
    scanner: 'vuln',
    rules: [IMAGE_OS_PACKAGE],
    enrich({ assets }) {
      const findings: Finding[] = [];
      const notes: Note[] = [];
      for (const report of reports) {
        const images = matchingImages(report.image, assets);
        const fallback = imageIdOf(report.image);
        if (!images.length) {
          notes.push({ level: 'warning', path: report.file, source: IMPORT_SOURCE, message: `no container image in the target matches ${report.image.refs[0] ?? report.image.digests[0] ?? 'the report'}; its ${report.vulns.length} findings are attached to ${fallback ?? 'no asset'}` });
        }
        const targets: { id?: string; name: string; location: Location }[] = images.length
          ? images.map((a) => ({ id: a.id, name: a.name, location: firstLocation(a) ?? { path: report.file } }))
          : [{ id: fallback, name: report.image.refs[0] ?? report.image.digests[0] ?? 'image', location: { path: report.file } }];
        for (const t of targets) for (const v of unique(report.vulns)) findings.push(finding(v, report, t));
      }
      return { findings, notes };
    },
  };
}

function finding(v: ImportedVuln, report: ImportedReport, t: { id?: string; name: string; location: Location }): Finding {
  const ids = [v.id, ...v.aliases];
  const fix = v.fixed ? `fixed in ${v.fixed}` : 'no fixed version yet';
  return makeFinding(IMAGE_OS_PACKAGE, {
    title: `${v.id} in ${v.pkg} (${t.name})`,
    message: `${v.pkg} ${v.installed} in image ${t.name} is affected by ${v.id}${v.title ? `: ${v.title}` : ''} (${fix}; reported by ${report.scanner}).`,
    severity: v.severity,
    location: t.location,
    evidence: `${v.pkg} ${v.installed}`,
    // One finding per advisory, package and image: the evidence alone repeats for every CVE of a package.
    fingerprintSalt: `${t.id ?? t.name}\u0000${v.id}\u0000${v.pkg}\u0000${v.installed}`,
    assetId: t.id,
    references: {
      cve: ids.filter((i) => /^CVE-\d{4}-\d+$/.test(i)),
      ghsa: ids.filter((i) => /^GHSA-[\w-]+$/.test(i)),
      cwe: v.cwe,
      urls: v.urls,
    },
    properties: {
      vulnerabilityId: v.id,
      osPackage: v.pkg,
      installedVersion: v.installed,
      ...(v.fixed ? { fixedVersion: v.fixed } : {}),
      ...(v.pkgType ? { packageType: v.pkgType } : {}),
      image: t.name,
      importedFrom: report.scanner,
      reportFile: report.file,
    },
  });
}

function firstLocation(a: Asset): Location | undefined {
  return [...a.locations].sort((x, y) => (x.path ?? '').localeCompare(y.path ?? '', 'en') || (x.startLine ?? 0) - (y.startLine ?? 0))[0];
}

/** Trivy lists a CVE once per binary package; the same (id, package, version) twice is one finding. */
function unique(vulns: readonly ImportedVuln[]): ImportedVuln[] {
  const seen = new Set<string>();
  return vulns.filter((v) => {
    const k = `${v.id}\u0000${v.pkg}\u0000${v.installed}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
