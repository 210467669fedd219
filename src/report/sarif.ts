import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AttackPath, Finding, Note, Report, RuleMeta, SuppressedFinding } from '../core/model.js';
import { STABLE_FINGERPRINT_KEY } from '../core/finding.js';
import { RULE_ID_PATTERN } from '../core/rule-check.js';
import { SARIF_LEVEL, SECURITY_SEVERITY } from '../core/severity.js';
import type { Formatter } from './formatter.js';
import { PROJECT_URL, referenceLinks, ruleDocUrl, ruleTags } from './references.js';
import { summarize } from './summary.js';
import { localeOrder } from '../core/text.js';
import { pathIndex } from './paths.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Validated against the official
 * OASIS schema in test/report/sarif.test.ts. Mapping:
 * - every rule that ran → `tool.driver.rules` (help, helpUri, tags incl. CWE/OWASP/ATLAS, security-severity);
 * - findings → results; suppressed findings → results with `suppressions` (GitHub shows them as dismissed);
 * - notes → `invocations[0].toolExecutionNotifications`;
 * - a `path/...` finding carries its attack path as one `codeFlows[0].threadFlows[0]`: one location per
 *   step, in order, with the step's file and line (or a logical location naming the asset) and a message.
 */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export const sarif: Formatter = (report) => JSON.stringify(toSarif(report), null, 2) + '\n';

export function toSarif(report: Report): Record<string, unknown> {
  const rules = collectRules(report);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const artifact = artifactResolver(report.target);
  const pathOf = pathIndex(report);
  const withFlow = (f: Finding): Record<string, unknown> => {
    const out = result(f, index.get(f.ruleId) ?? -1, artifact);
    const path = pathOf(f);
    return path ? { ...out, codeFlows: [codeFlow(path, artifact)] } : out;
  };
  const results = [
    ...report.findings.map(withFlow),
    ...report.suppressed.map((s) => ({ ...withFlow(s.finding), suppressions: [suppression(s)] })),
  ];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aigis',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: PROJECT_URL,
            rules: rules.map(reportingDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: !report.notes.some((n) => n.level === 'error' && !n.path),
            toolExecutionNotifications: report.notes.map((n) => notification(n, artifact)),
          },
        ],
        results,
        // Columns come from JavaScript string offsets.
        columnKind: 'utf16CodeUnits',
        properties: { target: report.target, command: report.command, summary: summarize(report) },
      },
    ],
  };
}

/** Rules that ran, plus a minimal descriptor for any rule id that only appears in a finding. */
function collectRules(report: Report): RuleMeta[] {
  const byId = new Map(report.rules.map((r) => [r.id, r]));
  for (const f of [...report.findings, ...report.suppressed.map((s) => s.finding)]) {
    if (!byId.has(f.ruleId)) {
      byId.set(f.ruleId, {
        id: f.ruleId,
        title: f.title,
        severity: f.severity,
        category: f.category,
        description: f.title,
        remediation: f.remediation,
        references: f.references,
      });
    }
  }
  return [...byId.values()].sort((a, b) => localeOrder(a.id, b.id));
}

function reportingDescriptor(rule: RuleMeta): Record<string, unknown> {
  const links = referenceLinks(rule.references);
  const helpText = [rule.description, '', `Remediation: ${rule.remediation}`, ...(links.length ? ['', 'References:', ...links.map((l) => `- ${l.label}: ${l.url}`)] : [])].join('\n');
  const helpMarkdown = [
    rule.description,
    '',
    '## Remediation',
    '',
    rule.remediation,
    ...(links.length ? ['', '## References', '', ...links.map((l) => `- [${l.label}](${l.url})`)] : []),
  ].join('\n');
  return {
    id: rule.id,
    name: pascalName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText, markdown: helpMarkdown },
    helpUri: helpUri(rule),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: ruleTags(rule),
      'security-severity': SECURITY_SEVERITY[rule.severity],
      severity: rule.severity,
      category: rule.category,
      ...(rule.confidence ? { precision: PRECISION[rule.confidence] } : {}),
      ...(rule.aliases?.length ? { aliases: rule.aliases } : {}),
    },
  };
}

/**
 * Built-in rules (kebab-case `domain/slug`) have a generated page under docs/rules/; rules made
 * from an advisory at scan time (`vuln/GHSA-…`, `vuln/PYSEC-…`) point at the advisory instead.
 */
function helpUri(rule: RuleMeta): string {
  if (RULE_ID_PATTERN.test(rule.id)) return ruleDocUrl(rule.id);
  return referenceLinks(rule.references).find((l) => /^https:\/\//.test(l.url))?.url ?? PROJECT_URL;
}

/** GitHub's `precision` vocabulary. */
const PRECISION = { high: 'high', medium: 'medium', low: 'low' } as const;

function result(f: Finding, ruleIndex: number, artifact: ArtifactResolver): Record<string, unknown> {
  const loc = f.location;
  const member = loc.member ? ` (archive member: ${loc.member})` : '';
  const evidence = f.evidence ? ` Evidence: ${f.evidence}` : '';
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.message}${member}${evidence}` },
    locations: locations(f, artifact),
    partialFingerprints: { 'aigis/v1': f.fingerprint, ...(f.stableFingerprint ? { [STABLE_FINGERPRINT_KEY]: f.stableFingerprint } : {}) },
    properties: {
      'security-severity': SECURITY_SEVERITY[f.severity],
      severity: f.severity,
      category: f.category,
      ...(loc.member ? { member: loc.member } : {}),
      ...(loc.layer ? { layer: loc.layer } : {}),
      ...(loc.eventIds?.length ? { eventIds: loc.eventIds } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.assetId ? { assetId: f.assetId } : {}),
      ...(f.confidence ? { confidence: f.confidence } : {}),
      ...(f.properties ? { details: f.properties } : {}),
    },
  };
  return out;
}

/** The steps of an attack path as a SARIF thread flow (entry first); see the header. */
function codeFlow(path: AttackPath, artifact: ArtifactResolver): Record<string, unknown> {
  return {
    message: { text: `${path.title} (score ${path.score})` },
    threadFlows: [
      {
        id: path.id,
        locations: path.steps.map((step, i) => {
          const loc = step.location;
          const where =
            loc?.path !== undefined
              ? { physicalLocation: { artifactLocation: artifact(loc.path), ...region({ location: loc }) } }
              : loc?.url && isAbsoluteUri(loc.url)
                ? { physicalLocation: { artifactLocation: { uri: loc.url } } }
                : {};
          return {
            location: {
              ...where,
              logicalLocations: [{ name: step.assetName, fullyQualifiedName: step.assetId, kind: step.assetKind }],
              message: { text: `${step.role}${step.via ? ` (via ${step.via})` : ''}: ${step.assetName}. ${step.description}` },
            },
            executionOrder: i + 1,
            importance: 'essential',
            properties: {
              role: step.role,
              assetId: step.assetId,
              ...(step.via ? { via: step.via } : {}),
              ...(step.finding ? { ruleId: step.finding.ruleId, fingerprint: step.finding.fingerprint } : {}),
            },
          };
        }),
      },
    ],
    properties: { pathId: path.id, score: path.score, entry: path.entry, target: path.target, ...(path.variants ? { variants: path.variants } : {}) },
  };
}

function locations(f: Finding, artifact: ArtifactResolver): Record<string, unknown>[] {
  const loc = f.location;
  if (loc.path !== undefined) {
    return [{ physicalLocation: { artifactLocation: artifact(loc.path), ...region(f) } }];
  }
  if (loc.url && isAbsoluteUri(loc.url)) return [{ physicalLocation: { artifactLocation: { uri: loc.url } } }];
  if (loc.eventIds?.length) return loc.eventIds.map((id) => ({ logicalLocations: [{ name: id, kind: 'event' }] }));
  return [];
}

function region(f: Pick<Finding, 'location'>): Record<string, unknown> {
  const l = f.location;
  if (!l.startLine || l.startLine < 1) return {};
  const r: Record<string, number> = { startLine: l.startLine };
  if (l.endLine && l.endLine >= l.startLine) r.endLine = l.endLine;
  if (l.startColumn && l.startColumn >= 1) r.startColumn = l.startColumn;
  if (l.endColumn && l.endColumn >= 1) r.endColumn = l.endColumn;
  return { region: r };
}

function suppression(s: SuppressedFinding): Record<string, unknown> {
  return {
    kind: s.by === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    ...(s.reason ? { justification: s.reason } : {}),
    properties: { by: s.by, ...(s.expires ? { expires: s.expires } : {}) },
  };
}

function notification(n: Note, artifact: ArtifactResolver): Record<string, unknown> {
  return {
    level: n.level === 'info' ? 'note' : n.level,
    message: { text: n.message },
    ...(n.path !== undefined ? { locations: [{ physicalLocation: { artifactLocation: artifact(n.path) } }] } : {}),
    ...(n.source ? { descriptor: { id: n.source } } : {}),
  };
}

type ArtifactResolver = (path: string) => Record<string, string>;

/**
 * SARIF consumers (GitHub code scanning) resolve `%SRCROOT%` to the repository root, where CI runs
 * aigis. Report paths are relative to the scanned target, so they are re-based on the target as
 * given on the command line: `aigis scan examples/ai-lab` reports `.env` as
 * `examples/ai-lab/.env`; a single-file target reports its own path. An absolute target gives
 * `file:` URIs. Paths inside an image stay relative to the image root.
 */
function artifactResolver(target: Report['target']): ArtifactResolver {
  const name = target.name.replace(/\\/g, '/');
  const absolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:\//.test(p);
  const base = target.type === 'directory' ? name : target.type === 'file' ? posix.dirname(name) : '';
  return (p): Record<string, string> => {
    const rel = p.replace(/\\/g, '/');
    if (absolute(rel)) return { uri: pathToFileURL(rel).href };
    if (target.type !== 'directory' && target.type !== 'file') return { uri: pathToUri(rel), uriBaseId: SRCROOT };
    const joined = posix.normalize(posix.join(base || '.', rel));
    if (absolute(joined)) return { uri: pathToFileURL(joined).href };
    return { uri: pathToUri(joined.replace(/^\.\//, '')), uriBaseId: SRCROOT };
  };
}

/** Relative, `/`-separated, percent-encoded per segment so that spaces or `#` in names stay a valid URI reference. */
export function pathToUri(p: string): string {
  return p
    .replace(/\\/g, '/')
    .replace(/^\/+/, '')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function isAbsoluteUri(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(s);
}

/** `secret/openai-api-key` → `SecretOpenaiApiKey` (SARIF `name` is an identifier-like label). */
function pascalName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
