/**
 * The shared model of aigis (see ../shared/DESIGN.md): every analyzer produces these types and every
 * formatter consumes them. Nothing in here does I/O.
 */
import type { Severity } from './severity.js';

export type { Severity } from './severity.js';

export type FindingCategory =
  | 'vulnerability'
  | 'misconfiguration'
  | 'secret'
  | 'unsafe-artifact'
  | 'exposure'
  | 'detection';

/** Structured references; every list is optional. Ids, not URLs, where an id scheme exists. */
export interface References {
  /** e.g. `CVE-2025-32434` */
  cve?: string[];
  /** e.g. `GHSA-53q9-r3pm-6pq6` */
  ghsa?: string[];
  /** e.g. `CWE-798` */
  cwe?: string[];
  /** OWASP Top 10 for LLM Applications 2025, e.g. `LLM03` */
  owaspLlm?: string[];
  /** MITRE ATLAS technique, e.g. `AML.T0010` */
  atlas?: string[];
  /** MITRE ATT&CK technique, e.g. `T1552.001` */
  attack?: string[];
  urls?: string[];
}

/** Where a finding or an asset was seen. Paths are relative to the target, with `/` separators. */
export interface Location {
  /** File path relative to the target root (for images: the path inside the merged filesystem). */
  path?: string;
  /** Member inside a container file, e.g. `archive/data.pkl` in `model.pt`. */
  member?: string;
  /** 1-based lines and columns. */
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
  /** For endpoints (probe) or remote resources. */
  url?: string;
  /** For runtime detections: the ids of the events that matched. */
  eventIds?: string[];
  /** Image layer digest when the file came from a container image. */
  layer?: string;
}

/** The metadata of a check. Docs, `aigis rules` and SARIF `tool.driver.rules` are generated from it. */
export interface RuleMeta {
  /** Stable kebab-case id grouped by domain, e.g. `secret/openai-api-key`, `model/pickle-unsafe-global`. */
  id: string;
  title: string;
  severity: Severity;
  category: FindingCategory;
  /** Why it matters (markdown allowed). */
  description: string;
  /** How to fix it. */
  remediation: string;
  references: References;
  tags?: string[];
  /** How sure a match of this rule is a true problem. */
  confidence?: 'high' | 'medium' | 'low';
  /** Older ids or foreign ids (Trivy-style aliases). */
  aliases?: string[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  category: FindingCategory;
  /** Short title (defaults to the rule title). */
  title: string;
  /** What was found here, in one or two sentences. Never contains an unredacted secret. */
  message: string;
  location: Location;
  /** Redacted evidence (e.g. `sk-proj-…(164 chars)`, the offending globals, the matched fields). */
  evidence?: string;
  remediation: string;
  references: References;
  /** The asset this finding is about, when there is one. */
  assetId?: string;
  /** Stable across runs: used for de-duplication, SARIF partialFingerprints and ignore files. */
  fingerprint: string;
  /**
   * Stable when lines move: rule + path + member + hash of the normalised evidence (never the line),
   * with an occurrence index for identical findings in one file. SARIF `partialFingerprints['aigis/v2']`,
   * `.aigisignore` `fingerprint:` and `--baseline` match it. Set by makeFinding.
   */
  stableFingerprint?: string;
  confidence?: 'high' | 'medium' | 'low';
  /** Extra machine-readable data (aliases, globals, package/version …). */
  properties?: Record<string, unknown>;
  /** Ids of the attack paths (`Report.paths`) this finding is a step of. */
  onPaths?: string[];
}

export type AssetKind =
  | 'package'
  | 'model'
  | 'dataset'
  | 'ai-service'
  | 'ai-server'
  | 'llm-provider'
  | 'agent'
  | 'mcp-server'
  | 'gpu-workload'
  | 'vector-store'
  | 'cloud-resource'
  | 'container-image'
  | 'workload'
  | 'application'
  | 'secret';

export type RelationType =
  | 'depends-on'
  | 'serves'
  | 'reads'
  | 'writes'
  | 'exposes'
  | 'runs-on'
  | 'runs'
  | 'uses'
  | 'assumes'
  | 'grants'
  | 'loads';

export interface Relation {
  type: RelationType;
  /** Id of the other asset. */
  target: string;
}

export interface Asset {
  /** Stable id: a purl where one exists (`pkg:pypi/torch@2.5.1`), else `kind:name`. */
  id: string;
  kind: AssetKind;
  name: string;
  version?: string;
  /** Every place it was seen. */
  locations: Location[];
  /** Free-form properties (ecosystem, pinned, framework, category, format, sha256 …). */
  properties: Record<string, unknown>;
  relations: Relation[];
  /** How sure discovery is (0..1), mapped to CycloneDX evidence.identity.confidence. */
  confidence?: number;
}

export type NoteLevel = 'error' | 'warning' | 'info';

/** A per-file (or per-source) remark: parse error, budget exceeded, symlink skipped … never fatal. */
export interface Note {
  level: NoteLevel;
  path?: string;
  message: string;
  /** Which component produced it (`target`, `secrets`, `pickle` …). */
  source?: string;
}

export interface SuppressedFinding {
  finding: Finding;
  /** `inline`, `ignore-file` or `config`. */
  by: 'inline' | 'ignore-file' | 'config';
  reason?: string;
  expires?: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  /** Files that no analyzer asked for. */
  skipped: number;
  durationMs: number;
}

export type TargetType = 'directory' | 'file' | 'image' | 'events' | 'endpoints';

export interface Report {
  /** Version of the JSON report schema (docs/json-schema.md). */
  schemaVersion: 1;
  tool: { name: 'aigis'; version: string };
  command: string;
  target: { name: string; type: TargetType };
  createdAt: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  assets: Asset[];
  notes: Note[];
  stats: ScanStats;
  /** Metadata of every rule that appears in findings (and, for SARIF, every rule that ran). */
  rules: RuleMeta[];
  /** Attack paths joined from assets, relations and findings (scan only; absent when none were computed). */
  paths?: PathsSection;
}

/** What an attacker starts from. */
export type PathEntryKind =
  | 'internet-exposure'
  | 'public-bucket'
  | 'untrusted-ci-trigger'
  | 'leaked-credential'
  | 'unsafe-model-artifact'
  | 'vulnerable-exposed-server';

/** What the attacker reaches. */
export type PathTargetKind = 'training-data' | 'model-store' | 'ai-account' | 'secret' | 'model-publishing-ci' | 'node';

/** One hop of an attack path: an asset, and the finding (if any) that lets the attacker take it. */
export interface PathStep {
  role: 'entry' | 'pivot' | 'target';
  assetId: string;
  assetKind: AssetKind;
  assetName: string;
  /** What the attacker gains at this step, one sentence. */
  description: string;
  /** The relation followed from the previous step (`exposes`, `runs`, `assumes`, `reads` …); absent on the entry. */
  via?: string;
  /** The finding that makes this step possible: rule id and its `stableFingerprint`. */
  finding?: { ruleId: string; fingerprint: string };
  /** File and line of that finding, or of the asset when no finding is needed. */
  location?: Location;
}

/**
 * An attack path: ordered steps from an entry to a target. Paths with the same rule, entry and target
 * are one path (the others are counted in `variants`), so the number stays readable on large trees.
 */
export interface AttackPath {
  /** Stable: `path-` + hash of rule id, entry asset and target asset. */
  id: string;
  /** `path/...` rule id; the path is also reported as a finding of this rule. */
  ruleId: string;
  title: string;
  severity: Severity;
  /** 0..100 from entry exposure, step exploitability and target value; paths are sorted by it. */
  score: number;
  entry: { kind: PathEntryKind; assetId: string };
  target: { kind: PathTargetKind; assetId: string };
  steps: PathStep[];
  /** Other step sequences between the same entry and target that were folded into this one. */
  variants?: number;
}

/** The versioned `paths` section of the JSON report (docs/json-schema.md). */
export interface PathsSection {
  version: 1;
  /** Sorted by score, highest first. */
  items: AttackPath[];
  /** Paths dropped beyond the report cap. */
  omitted?: number;
}
