/**
 * What every upload becomes before it is stored, whatever its format (aigis JSON, SARIF 2.1.0,
 * CycloneDX): findings keyed by a line-independent fingerprint, assets for the inventory, the attack
 * paths (aigis scans only). Free text here is already redacted (see redactFinding).
 */
import type { PathsSection, Severity } from '../../core/model.js';

export type ReportKind = 'aigis' | 'sarif' | 'cyclonedx';

export interface StoredFinding {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  category?: string;
  title: string;
  message: string;
  path?: string;
  startLine?: number;
  evidence?: string;
  remediation?: string;
  assetId?: string;
  onPaths?: string[];
}

export interface StoredAsset {
  id: string;
  kind: string;
  name: string;
  version?: string;
  properties: Record<string, unknown>;
  /** First location, `path:line`, for the inventory table. */
  location?: string;
}

/** A runtime alert (falcosidekick, `aigis detect`). */
export interface StoredAlert {
  source: 'falco' | 'aigis-detect';
  rule: string;
  severity: Severity;
  message: string;
  at: string;
  hostname?: string;
  fields: Record<string, unknown>;
}

export interface NormalizedReport {
  kind: ReportKind;
  /** The producing tool: `aigis`, a SARIF driver name, the BOM's tool. Findings are tracked per tool. */
  tool: string;
  command?: string;
  target?: string;
  createdAt?: string;
  findings: StoredFinding[];
  assets: StoredAsset[];
  paths?: PathsSection;
  /** `aigis detect` reports: their findings are runtime alerts too. */
  alerts: StoredAlert[];
}

/** A rejected upload: the HTTP status and a message that says what to fix. */
export class IngestError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
