/**
 * Output schemas of the `aigis mcp` tools (MCP `outputSchema`; every successful answer carries the
 * same value as `structuredContent` and as JSON text). Objects aigis builds for the answer are exact
 * (no extra keys); report objects passed through whole (an asset, a finding, an attack path) name the
 * fields a client can rely on and allow the others, so a new report field does not break a client.
 * Every item is cut by src/mcp/page.ts `bounded`: a long string ends in `…(N chars)` and a long array in
 * a `…(+N more)` string, which the schemas allow where it can happen.
 */
import { z } from 'zod';
import { SEVERITIES } from '../core/severity.js';

const severity = z.enum(SEVERITIES);
const int = z.number().int();

export const locationSchema = z
  .looseObject({
    path: z.string().optional(),
    member: z.string().optional(),
    startLine: int.optional(),
    endLine: int.optional(),
    url: z.string().optional(),
  })
  .describe('File (relative to the scanned target) and lines, or URL, or event ids');

/** A page of a list: `nextCursor` is present when more items follow. */
function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    total: int.describe('Items in the whole list'),
    offset: int,
    items: z.array(item),
    nextCursor: z.string().optional().describe('Pass it back as `cursor` with the same arguments for the next page'),
  });
}

/** A cut array ends in a `…(+N more)` string. */
const cutArray = <T extends z.ZodType>(item: T) => z.array(z.union([item, z.string()]));

export const findingSummarySchema = z.object({
  id: z.string().describe('Finding id (stable fingerprint) for show_finding'),
  ruleId: z.string(),
  severity,
  title: z.string(),
  location: locationSchema,
  message: z.string(),
  evidence: z.string().optional().describe('Redacted'),
  assetId: z.string().optional(),
  onPaths: cutArray(z.string()).optional().describe('Attack path ids this finding is on'),
});

const assetSchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  version: z.string().optional(),
  locations: cutArray(locationSchema),
  properties: z.record(z.string(), z.unknown()),
  relations: cutArray(z.looseObject({ type: z.string(), target: z.string() })),
});

const stepSchema = z.looseObject({
  role: z.enum(['entry', 'pivot', 'target']),
  assetId: z.string(),
  assetKind: z.string(),
  assetName: z.string(),
  description: z.string(),
  via: z.string().optional(),
  finding: z.looseObject({ ruleId: z.string(), fingerprint: z.string() }).optional().describe('The finding that opens this step; fingerprint is its id for show_finding'),
  location: locationSchema.optional(),
});

const pathEnd = z.object({ kind: z.string(), assetId: z.string() });

const pathSummarySchema = z.object({
  id: z.string().describe('Attack path id for explain_path'),
  ruleId: z.string(),
  title: z.string(),
  severity,
  score: z.number().describe('0..100'),
  entry: pathEnd.describe('internet-exposure, public-bucket, untrusted-ci-trigger, leaked-credential, unsafe-model-artifact, vulnerable-exposed-server'),
  target: pathEnd.describe('training-data, model-store, ai-account, secret, model-publishing-ci, node'),
  steps: int,
  variants: int.describe('Other routes between the same entry and target folded into this path'),
});

const target = z.string().describe('The scanned path, relative to the first root');

export const outputSchemas = {
  scan: {
    target,
    summary: z.object({
      findings: int,
      bySeverity: z.record(z.string(), int),
      suppressed: int,
      assets: int,
      attackPaths: int,
      notes: int,
      files: int,
    }),
    findings: pageOf(findingSummarySchema),
  },
  list_findings: {
    target,
    findings: pageOf(findingSummarySchema),
  },
  bom: {
    target,
    counts: z.record(z.string(), int).describe('Assets per kind'),
    assets: pageOf(assetSchema),
  },
  query_inventory: {
    target,
    query: z.record(z.string(), z.string()).describe('The filters applied'),
    assets: pageOf(assetSchema.extend({ usedBy: cutArray(z.looseObject({ type: z.string(), source: z.string() })).describe('Assets that point at this one') })),
  },
  list_paths: {
    target,
    computed: z.boolean().describe('False when the report has no attack-path section'),
    omitted: int.describe('Paths the scan dropped beyond its cap'),
    paths: pageOf(pathSummarySchema),
  },
  explain_path: {
    text: z.string().describe('The explanation, as aigis explain --path prints it'),
    path: z.looseObject({
      id: z.string(),
      ruleId: z.string(),
      title: z.string(),
      severity,
      score: z.number(),
      entry: pathEnd,
      target: pathEnd,
      steps: cutArray(stepSchema),
    }),
    findings: z.array(findingSummarySchema).describe('The findings on the path: changing any one breaks it'),
  },
  show_finding: {
    finding: z.looseObject({
      ruleId: z.string(),
      severity,
      title: z.string(),
      message: z.string(),
      location: locationSchema,
      fingerprint: z.string(),
      stableFingerprint: z.string().optional(),
      evidence: z.string().optional(),
      remediation: z.string(),
      references: z.record(z.string(), z.unknown()),
      onPaths: cutArray(z.string()).optional(),
    }),
    fix: z.string(),
    ruleDoc: z.string().optional().describe('Markdown documentation of the rule'),
  },
  triage: {
    target,
    findings: int,
    attackPaths: int,
    total: int.describe('Items in the whole ranking'),
    items: z.array(
      z.object({
        rank: int,
        kind: z.enum(['path', 'rule']),
        id: z.string().describe('Attack path id (kind path) or rule id (kind rule)'),
        ruleId: z.string(),
        severity,
        score: z.number().optional(),
        title: z.string(),
        entry: z.string().optional(),
        target: z.string().optional(),
        steps: int.optional(),
        similarPaths: z.array(z.string()).optional().describe('Paths folded into this item: the same route from other places'),
        findings: z.array(z.object({ id: z.string(), ruleId: z.string(), severity, where: z.string() })).describe('The findings to change, with file:line'),
        findingsTotal: int,
      }),
    ),
    text: z.string().describe('The same ranking as text, as aigis triage prints it'),
  },
  detect: {
    events: int.optional().describe('Events read (first page only)'),
    notes: z.array(z.string()).optional().describe('First page only'),
    alerts: pageOf(findingSummarySchema),
  },
  probe: {
    target: z.string(),
    requests: int,
    unreachable: int,
    findings: cutArray(findingSummarySchema),
    assets: cutArray(z.object({ id: z.string(), kind: z.string(), name: z.string(), version: z.string().optional() })),
  },
} satisfies Record<string, z.ZodRawShape>;
