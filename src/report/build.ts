import type { Report, TargetType } from '../core/model.js';
import { severityRank } from '../core/severity.js';
import type { PipelineResult } from '../pipeline/scan.js';
import { VERSION } from '../version.js';
import { orderAssets } from './asset-order.js';

/** Assembles the Report that every formatter renders; findings sorted most severe first, then by place. */
export function buildReport(command: string, target: { name: string; type: TargetType }, result: PipelineResult): Report {
  const findings = [...result.findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.location.path ?? '').localeCompare(b.location.path ?? '') ||
      (a.location.startLine ?? 0) - (b.location.startLine ?? 0) ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return {
    schemaVersion: 1,
    tool: { name: 'aigis', version: VERSION },
    command,
    target,
    createdAt: new Date().toISOString(),
    findings,
    suppressed: result.suppressed,
    assets: orderAssets(result.assets),
    notes: result.notes,
    stats: result.stats,
    rules: result.rules,
  };
}
